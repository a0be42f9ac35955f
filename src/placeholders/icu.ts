// ICU MessageFormat arguments, read with formatjs's parser (tags are kept as text). An
// argument's type is what it is formatted as (plain, number, date, time, plural, select,
// selectordinal); where one argument appears several times, a selector wins over a
// formatted use, which wins over a plain one.
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'
import type { Extracted, Placeholder, Severity, SyntaxDef, TypeContext } from './syntax.js'

export type IcuParse = { elements: MessageFormatElement[]; error?: undefined } | { elements?: undefined; error: { message: string; offset: number } }

const SELECTORS = new Set(['plural', 'select', 'selectordinal'])

function typeOf(el: MessageFormatElement): string {
  switch (el.type) {
    case TYPE.number:
      return 'number'
    case TYPE.date:
      return 'date'
    case TYPE.time:
      return 'time'
    case TYPE.select:
      return 'select'
    case TYPE.plural:
      return el.pluralType === 'ordinal' ? 'selectordinal' : 'plural'
    default:
      return 'plain'
  }
}

function styleOf(el: MessageFormatElement): string {
  if ((el.type !== TYPE.number && el.type !== TYPE.date && el.type !== TYPE.time) || !el.style) return ''
  if (typeof el.style === 'string') return el.style.trim()
  // A skeleton (`::currency/EUR`): compare its tokens, not its spacing.
  const tokens = 'tokens' in el.style ? el.style.tokens.map((t) => [t.stem, ...t.options].join('/')) : [el.style.pattern]
  return `::${tokens.join(' ')}`
}

const rank = (type: string) => (SELECTORS.has(type) ? 2 : type === 'plain' ? 0 : 1)

function collect(text: string, elements: MessageFormatElement[], out: Map<string, Placeholder>): void {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue
    if (el.type === TYPE.tag) {
      collect(text, el.children, out)
      continue
    }
    const start = el.location?.start.offset ?? 0
    const end = el.location?.end.offset ?? start
    const type = typeOf(el)
    const written = SELECTORS.has(type) ? `{${el.value}, ${type}, …}` : text.slice(start, end)
    const known = out.get(el.value)
    if (!known) out.set(el.value, { text: written, id: el.value, start, end, type, format: styleOf(el) })
    else if (rank(type) > rank(known.type!)) out.set(el.value, { ...known, type, format: styleOf(el) || known.format })
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      for (const option of Object.values(el.options)) collect(text, option.value, out)
    }
  }
}

// Messages are parsed by several rules and by detection; keep the latest few.
const parsed = new Map<string, IcuParse>()

export function parseIcu(text: string): IcuParse {
  let result = parsed.get(text)
  if (!result) {
    try {
      result = { elements: parse(text, { captureLocation: true, ignoreTag: true, requiresOtherClause: false }) }
    } catch (e) {
      const err = e as { message?: string; location?: { start: { offset: number } } }
      result = { error: { message: (err.message ?? 'syntax error').toLowerCase().replace(/_/g, ' '), offset: err.location?.start.offset ?? 0 } }
    }
    if (parsed.size >= 256) parsed.delete(parsed.keys().next().value!)
    parsed.set(text, result)
  }
  return result
}

// An argument written in literal text: ICU read its braces as text, so an apostrophe quoted them.
const QUOTED_ARGUMENT = /\{\s*([\p{L}\p{N}_]+)\s*(?:,[^{}]*)?\}/gu

/** Arguments an apostrophe turned into text (`'{name}'` shows "{name}"), found in the literal text. */
function quotedArguments(text: string, elements: MessageFormatElement[], out: Placeholder[] = []): Placeholder[] {
  for (const el of elements) {
    if (el.type === TYPE.literal && el.value.includes('{')) {
      let from = el.location?.start.offset ?? 0
      for (const m of el.value.matchAll(QUOTED_ARGUMENT)) {
        // Quoting keeps the braces as written, so they are found in the literal's source text.
        const start = Math.max(from, text.indexOf(m[0], from))
        out.push({ text: m[0], id: m[1], start, end: start + m[0].length })
        from = start + m[0].length
      }
    } else if (el.type === TYPE.tag) quotedArguments(text, el.children, out)
    else if (el.type === TYPE.plural || el.type === TYPE.select) for (const option of Object.values(el.options)) quotedArguments(text, option.value, out)
  }
  return out
}

export function extractIcu(text: string): Extracted {
  const result = parseIcu(text)
  if (!result.elements) return { placeholders: [], error: result.error }
  const out = new Map<string, Placeholder>()
  collect(text, result.elements, out)
  const quoted = text.includes("'") ? quotedArguments(text, result.elements) : []
  return { placeholders: [...out.values()], ...(quoted.length > 0 && { quoted }) }
}

export interface Selector {
  name: string
  type: 'plural' | 'select' | 'selectordinal'
  options: Record<string, MessageFormatElement[]>
  start: number
  end: number
}

/** Every plural, select and selectordinal of a message, outermost first. */
export function selectorsOf(elements: MessageFormatElement[], out: Selector[] = []): Selector[] {
  for (const el of elements) {
    if (el.type === TYPE.tag) selectorsOf(el.children, out)
    if (el.type !== TYPE.plural && el.type !== TYPE.select) continue
    const options = Object.fromEntries(Object.entries(el.options).map(([key, option]) => [key, option.value]))
    const type = el.type === TYPE.select ? 'select' : el.pluralType === 'ordinal' ? 'selectordinal' : 'plural'
    out.push({ name: el.value, type, options, start: el.location?.start.offset ?? 0, end: el.location?.end.offset ?? 0 })
    for (const option of Object.values(options)) selectorsOf(option, out)
  }
  return out
}

/** Offsets of the `#` signs written as text outside every plural: ICU shows them as `#`. */
export function strayPounds(elements: MessageFormatElement[], out: number[] = []): number[] {
  for (const el of elements) {
    if (el.type === TYPE.literal) {
      for (let i = el.value.indexOf('#'); i >= 0; i = el.value.indexOf('#', i + 1)) out.push((el.location?.start.offset ?? 0) + i)
    } else if (el.type === TYPE.tag) strayPounds(el.children, out)
    else if (el.type === TYPE.select) for (const option of Object.values(el.options)) strayPounds(option.value, out)
  }
  return out
}

/** Whether a plural branch shows its count: `#` (also in a nested select) or the argument itself. */
export function showsCount(elements: MessageFormatElement[], name: string): boolean {
  return elements.some((el) => {
    if (el.type === TYPE.pound) return true
    if (el.type === TYPE.literal) return el.value.includes('#')
    if (el.type === TYPE.tag) return showsCount(el.children, name)
    if (el.type === TYPE.select || el.type === TYPE.plural) {
      return el.value === name || Object.values(el.options).some((option) => showsCount(option.value, name))
    }
    return (el.type === TYPE.argument || el.type === TYPE.number) && el.value === name
  })
}

/**
 * Selector <-> selector and number <-> date/time change what the message does (error);
 * plain <-> formatted only changes how the value looks (warning). A translation may add a
 * plural or select the language needs to a plain argument (or a plural to a number), and
 * drop a plural in a language with a single plural form (Japanese `{n}個`).
 */
function icuTypeChange(source: Placeholder, target: Placeholder, context: TypeContext): Severity | undefined {
  const from = source.type!
  const to = target.type!
  if (from === to) return undefined
  if (from === 'plural' && !SELECTORS.has(to) && context.targetCategories.length === 1) return undefined
  if ((from === 'plain' && SELECTORS.has(to)) || (from === 'number' && (to === 'plural' || to === 'selectordinal'))) return undefined
  if (SELECTORS.has(from) && SELECTORS.has(to)) return 2
  if (SELECTORS.has(from) || SELECTORS.has(to)) return 1
  return from === 'plain' || to === 'plain' ? 1 : 2
}

export const icu: SyntaxDef = {
  syntax: 'icu',
  label: 'ICU MessageFormat',
  about: 'Reads the message with formatjs\'s parser: arguments by name, with their type (plain, number, date, time, plural, select, selectordinal) and style.',
  ruleBase: 1050,
  example: {
    source: 'Hello {name}, you have {count} messages',
    good: '{count} Nachrichten für {name}',
    missing: 'Hallo {name}, du hast Nachrichten',
    extra: 'Hallo {name}, {user}, du hast {count} Nachrichten',
    renamed: 'Hallo {nom}, du hast {count} Nachrichten',
    invalid: ['{count, plural, one {# item} other {# items}}', '{count, plural, one {# Artikel} other {# Artikel}', '{count, plural, one {# Artikel} other {# Artikel}}'],
    type: ['{gender, select, female {She} other {They}} replied', '{gender, plural, one {Sie} other {Sie}} antwortete', '{gender, select, female {Sie} other {Sie}} antwortete'],
    format: ['Total: {amount, number, ::currency/EUR}', 'Summe: {amount, number, ::currency/USD}', 'Summe: {amount, number, ::currency/EUR}'],
  },
  detect: (text) => /\{\s*[\p{L}\p{N}_]+\s*(?:,[^{}]*)?[},]/u.test(text) && extractIcu(text).placeholders.length > 0,
  extract: extractIcu,
  validates: true,
  typeChange: icuTypeChange,
  formatName: 'style',
  // Date and time styles are often adapted to the language on purpose.
  formatSeverity: (source) => (source.type === 'date' || source.type === 'time' ? 0 : 1),
}
