// i18next interpolation `{{name}}`, unescaped `{{- raw}}`, formatted `{{value, format}}`,
// and nesting `$t(key)`. Escaping is the placeholder's type (dropping it lets HTML through);
// the formatter chain is its format.
import type { Placeholder, Severity, SyntaxDef } from './syntax.js'

// Simple patterns, parsed in code: nested optional whitespace would backtrack for ages on
// a long run of spaces.
const INTERPOLATION = /\{\{([^{}]*)\}\}/g
const NAME = /^(-)?\s*([^,\s]+)\s*(?:,([\s\S]*))?$/
const NESTING = /\$t\(([^()]*)\)/g

/** Turning escaping off is an injection risk; turning it on only shows entities. */
function escapingChange(source: Placeholder, target: Placeholder): Severity | undefined {
  if (source.type === target.type) return undefined
  return target.type === 'unescaped' ? 2 : 1
}

export const i18next: SyntaxDef = {
  syntax: 'i18next',
  label: 'i18next interpolation',
  about: 'Reads `{{name}}`, unescaped `{{- name}}`, formatted `{{value, format}}` and nesting `$t(key)`.',
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
      const parts = NAME.exec(m[1].trim())
      if (!parts) continue
      placeholders.push({
        text: m[0],
        id: parts[2],
        start: m.index,
        end: m.index + m[0].length,
        type: parts[1] ? 'unescaped' : 'escaped',
        format: (parts[3] ?? '').replace(/\s+/g, ''),
      })
    }
    for (const m of text.matchAll(NESTING)) {
      const key = m[1].split(',')[0].trim()
      if (key) placeholders.push({ text: m[0], id: `$t(${key})`, start: m.index, end: m.index + m[0].length })
    }
    return { placeholders }
  },
  typeChange: escapingChange,
  formatName: 'formatter',
}
