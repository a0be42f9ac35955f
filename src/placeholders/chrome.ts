// Chrome extension messages.json: named placeholders `$name$` (case-insensitive, defined in
// the message's `placeholders`) and substitutions `$1`..`$9`; `$$` is a dollar sign.
import type { Placeholder, SyntaxDef } from './syntax.js'

const TOKEN = /\$\$|\$([A-Za-z0-9_@]+)\$|\$([1-9])(?!\d)/g

export const chrome: SyntaxDef = {
  syntax: 'chrome',
  label: 'Chrome extension placeholder',
  about: 'Reads `$name$` (case-insensitive) and `$1`..`$9`; `$$` is a dollar sign.',
  ruleBase: 1180,
  example: { source: 'Hello $user$, $count$ new', good: 'Hallo $USER$, $count$ neu', missing: 'Hallo, $count$ neu', extra: 'Hallo $user$, $count$ neu $extra$', renamed: 'Hallo $benutzer$, $count$ neu' },
  // `$name$` only: a bare `$5` in prose is a price, not a substitution.
  detect: (text) => /\$[A-Za-z_][A-Za-z0-9_@]*\$/.test(text.replace(/\$\$/g, '')),
  extract(text) {
    const placeholders: Placeholder[] = []
    for (const m of text.matchAll(TOKEN)) {
      if (m[0] === '$$') continue
      placeholders.push({ text: m[0], id: m[1] ? `$${m[1].toLowerCase()}$` : `$${m[2]}`, start: m.index, end: m.index + m[0].length })
    }
    return { placeholders }
  },
}
