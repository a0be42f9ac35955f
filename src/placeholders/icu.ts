// ICU MessageFormat arguments, read with formatjs's parser (tags are kept as text).
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'
import type { Extracted, Placeholder, SyntaxDef } from './syntax.js'

function collect(elements: MessageFormatElement[], out: Placeholder[]): void {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue
    if (el.type === TYPE.tag) {
      collect(el.children, out)
      continue
    }
    const start = el.location?.start.offset ?? 0
    const end = el.location?.end.offset ?? start
    // plural/select/number/date keep the argument's name as their identity; the kind is
    // compared by the ICU-specific rules.
    out.push({ text: el.type === TYPE.argument ? `{${el.value}}` : `{${el.value}, …}`, id: el.value, start, end })
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      for (const option of Object.values(el.options)) collect(option.value, out)
    }
  }
}

export function parseIcu(text: string): { elements?: MessageFormatElement[]; error?: { message: string; offset: number } } {
  try {
    return { elements: parse(text, { captureLocation: true, ignoreTag: true, requiresOtherClause: false }) }
  } catch (e) {
    const err = e as { message?: string; location?: { start: { offset: number } } }
    return { error: { message: (err.message ?? 'syntax error').toLowerCase().replace(/_/g, ' '), offset: err.location?.start.offset ?? 0 } }
  }
}

export function extractIcu(text: string): Extracted {
  const { elements, error } = parseIcu(text)
  if (!elements) return { placeholders: [], error }
  const out: Placeholder[] = []
  collect(elements, out)
  // An argument used in several plural branches is one argument.
  const seen = new Set<string>()
  return { placeholders: out.filter((p) => !seen.has(p.id) && seen.add(p.id)) }
}

export const icu: SyntaxDef = {
  syntax: 'icu',
  label: 'ICU MessageFormat',
  ruleBase: 1050,
  example: { source: 'Hello {name}, you have {count} messages', good: '{count} Nachrichten für {name}', missing: 'Hallo {name}, du hast Nachrichten', extra: 'Hallo {name}, {user}, du hast {count} Nachrichten', renamed: 'Hallo {nom}, du hast {count} Nachrichten' },
  detect: (text) => /\{\s*[\p{L}\p{N}_]+\s*(?:,[^{}]*)?[},]/u.test(text) && extractIcu(text).placeholders.length > 0,
  extract: extractIcu,
}
