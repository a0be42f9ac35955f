// JavaScript template-literal placeholders `${name}`, `${user.name}`, as some i18n libraries
// and hand-rolled `new Function` templates use them; compared by expression.
import type { Placeholder, SyntaxDef } from './syntax.js'

const EXPRESSION = /\$\{([^{}]*)\}/g

export const esTemplate: SyntaxDef = {
  syntax: 'es-template',
  label: 'JavaScript template',
  about: 'Reads `${name}` and `${user.name}`, compared by expression.',
  ruleBase: 1140,
  example: { source: 'Hello ${user.name}', good: 'Hallo ${user.name}', missing: 'Hallo', extra: 'Hallo ${user.name} ${count}', renamed: 'Hallo ${benutzer.name}' },
  detect: (text) => /\$\{[^{}]+\}/.test(text),
  extract(text) {
    const placeholders: Placeholder[] = []
    for (const m of text.matchAll(EXPRESSION)) {
      placeholders.push({ text: m[0], id: m[1].replace(/\s+/g, ''), start: m.index, end: m.index + m[0].length })
    }
    return { placeholders }
  },
}
