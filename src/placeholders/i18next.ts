// i18next interpolation `{{name}}`, `{{- raw}}`, `{{value, format}}` and nesting `$t(key)`.
import type { Placeholder, SyntaxDef } from './syntax.js'

const INTERPOLATION = /\{\{\s*(-\s*)?([^{},\s]+)\s*(?:,\s*([^{}]*?))?\s*\}\}/g
const NESTING = /\$t\(\s*([^,()]+?)\s*(?:,[^()]*)?\)/g

export const i18next: SyntaxDef = {
  syntax: 'i18next',
  label: 'i18next interpolation',
  ruleBase: 1060,
  example: { source: 'Hello {{name}}', good: 'Hallo {{name}}', missing: 'Hallo', extra: 'Hallo {{name}} {{user}}', renamed: 'Hallo {{nom}}' },
  detect: (text) => /\{\{[^{}]+\}\}|\$t\(/.test(text),
  extract(text) {
    const placeholders: Placeholder[] = []
    for (const m of text.matchAll(INTERPOLATION)) {
      placeholders.push({ text: m[0], id: m[2], start: m.index, end: m.index + m[0].length })
    }
    for (const m of text.matchAll(NESTING)) {
      placeholders.push({ text: m[0], id: `$t(${m[1]})`, start: m.index, end: m.index + m[0].length })
    }
    const seen = new Set<string>()
    return { placeholders: placeholders.filter((p) => !seen.has(p.id) && seen.add(p.id)) }
  },
}
