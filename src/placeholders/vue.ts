// vue-i18n: named `{name}` and list `{0}` interpolation, Rails-style `%{name}` (the same
// argument), literals `{'@'}`, and linked messages `@:key`, `@.lower:key`, `@:(key)`.
// A brace that does not open or close an interpolation is a compile error in vue-i18n.
import type { Extracted, Placeholder, SyntaxDef } from './syntax.js'

const TOKEN = /%?\{([^{}]*)\}|@(?:\.(\w+))?:(?:\(([^()]+)\)|([\w.-]*\w))|[{}]/g

export function extractVue(text: string): Extracted {
  const placeholders: Placeholder[] = []
  for (const m of text.matchAll(TOKEN)) {
    const [whole, inner, modifier, parenKey, key] = m
    const name = inner?.trim()
    const start = m.index
    if (whole === '{' || whole === '}' || name === '') {
      return { placeholders, error: { message: `'${whole}' does not open or close a placeholder; write {'${whole === '}' ? '}' : '{'}'} for a literal brace`, offset: start } }
    }
    if (name?.startsWith("'")) continue
    const end = start + whole.length
    if (name !== undefined) placeholders.push({ text: whole, id: name, start, end })
    else placeholders.push({ text: whole, id: `@:${parenKey ?? key}`, start, end, format: modifier ?? '' })
  }
  return { placeholders }
}

export const vue: SyntaxDef = {
  syntax: 'vue',
  label: 'vue-i18n',
  about: 'Reads `{name}`, `{0}`, `%{name}`, literals `{\'@\'}`, and linked messages `@:key`, `@.lower:key`; a stray brace is a syntax error.',
  ruleBase: 1150,
  example: {
    source: '{count} items in @:cart.name',
    good: '{count} Artikel in @:cart.name',
    missing: 'Artikel in @:cart.name',
    extra: '{count} Artikel in @:cart.name von {user}',
    renamed: '{count} Artikel in @:warenkorb.name',
    invalid: ['{count} items in @:cart.name', '{count Artikel in @:cart.name', '{count} Artikel in @:cart.name'],
    format: ['See @.lower:terms', 'Siehe @:terms', 'Siehe @.lower:terms'],
  },
  // Linked messages are what tells vue-i18n from ICU; plain `{name}` reads the same in both.
  detect: (text) => /@(?:\.\w+)?:(?:\([^()]+\)|[\w.-]*\w)/.test(text),
  extract: extractVue,
  validates: true,
  formatName: 'link modifier',
}
