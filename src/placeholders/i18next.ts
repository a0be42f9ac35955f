// i18next interpolation `{{name}}`, unescaped `{{- raw}}`, formatted `{{value, format}}`,
// and nesting `$t(key)`. Escaping is the placeholder's type (dropping it lets HTML through);
// the formatter chain is its format.
import type { Placeholder, Severity, SyntaxDef } from './syntax.js'

const INTERPOLATION = /\{\{\s*(-\s*)?([^{},\s]+)\s*(?:,\s*([^{}]*?))?\s*\}\}/g
const NESTING = /\$t\(\s*([^,()]+?)\s*(?:,[^()]*)?\)/g

/** Turning escaping off is an injection risk; turning it on only shows entities. */
function escapingChange(source: Placeholder, target: Placeholder): Severity | undefined {
  if (source.type === target.type) return undefined
  return target.type === 'unescaped' ? 2 : 1
}

export const i18next: SyntaxDef = {
  syntax: 'i18next',
  label: 'i18next interpolation',
  ruleBase: 1060,
  example: {
    source: 'Hello {{name}}',
    good: 'Hallo {{name}}',
    missing: 'Hallo',
    extra: 'Hallo {{name}} {{user}}',
    renamed: 'Hallo {{nom}}',
    type: ['Hello {{name}}', 'Hallo {{- name}}', 'Hallo {{ name }}'],
    format: ['Total: {{price, currency(EUR)}}', 'Summe: {{price, currency(USD)}}', 'Summe: {{price, currency(EUR)}}'],
  },
  detect: (text) => /\{\{[^{}]+\}\}|\$t\(/.test(text),
  extract(text) {
    const placeholders: Placeholder[] = []
    for (const m of text.matchAll(INTERPOLATION)) {
      placeholders.push({
        text: m[0],
        id: m[2],
        start: m.index,
        end: m.index + m[0].length,
        type: m[1] ? 'unescaped' : 'escaped',
        format: (m[3] ?? '').replace(/\s+/g, ''),
      })
    }
    for (const m of text.matchAll(NESTING)) {
      placeholders.push({ text: m[0], id: `$t(${m[1]})`, start: m.index, end: m.index + m[0].length })
    }
    return { placeholders }
  },
  typeChange: escapingChange,
  formatName: 'formatter',
}
