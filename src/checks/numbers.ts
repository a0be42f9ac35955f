// Numbers: every number of the source must be in the translation, read the way each
// locale writes numbers. "1,000.5" in English is "1.000,5" in German and "1 000,5" in
// French; digits of any script count (Arabic-Indic "١٥" is 15). A number kept in the
// source's format also passes; one whose value changed does not.
import type { CheckHit, CheckInput, SegmentCheck } from './check.js'
import { coversOneNumber, integersOf } from './plural-rules.js'
import { prose } from './prose.js'
import { asciiDigits, writingOf } from './writing-systems.js'

interface NumberToken {
  text: string
  start: number
  end: number
  /** Runs of digits (ASCII) and the separators between them. */
  runs: string[]
  separators: string[]
  /** A degree sign right after the number: 180° is not 180. */
  suffix: string
}

const SPACES = ' \u00a0\u202f\u2009'
const SEPARATORS = `.,'’\u066b\u066c${SPACES}`
const LATIN = /\p{Script=Latin}/u
const isDigit = (ch: string | undefined) => ch !== undefined && ((ch >= '0' && ch <= '9') || (ch > '\x7f' && /\p{Nd}/u.test(ch)))

/** The numbers of a text; a space joins digits only as a thousands separator ("1 000", not "1 2 3"). */
export function readNumbers(text: string): NumberToken[] {
  const tokens: NumberToken[] = []
  const n = text.length
  let i = 0
  while (i < n) {
    if (!isDigit(text[i])) {
      i++
      continue
    }
    const start = i
    const runs: string[] = []
    const separators: string[] = []
    let run = ''
    while (i < n && isDigit(text[i])) run += text[i++]
    runs.push(run)
    while (i + 1 < n && SEPARATORS.includes(text[i]) && isDigit(text[i + 1])) {
      let j = i + 1
      let next = ''
      while (j < n && isDigit(text[j])) next += text[j++]
      if (SPACES.includes(text[i]) && next.length !== 3) break
      separators.push(text[i])
      runs.push(next)
      i = j
    }
    // Digits between Latin letters are part of a word (E2E, P2P, i18n), not a number.
    if (separators.length === 0 && LATIN.test(text[start - 1] ?? '') && LATIN.test(text[i] ?? '')) continue
    const suffix = text[i] === '°' ? '°' : ''
    tokens.push({ text: text.slice(start, i + suffix.length), start, end: i + suffix.length, runs: runs.map(asciiDigits), separators, suffix })
  }
  return tokens
}

interface Convention {
  group: string
  decimal: string
}

/** The number's value in one locale's convention ("1000.5"), or undefined if it is not written that way. */
function valueIn(token: NumberToken, { group, decimal }: Convention): string | undefined {
  const { runs, separators } = token
  if (separators.length === 0) return runs[0] + token.suffix
  const groups = new Set([group, ...SPACES])
  let fraction: string | undefined
  let last = separators.length
  if (separators[last - 1] === decimal || separators[last - 1] === '\u066b') {
    fraction = runs[last]
    last--
  }
  for (let k = 0; k < last; k++) {
    const sep = separators[k]
    if (!groups.has(sep) && !(sep === '\u066c')) return undefined
    // The last group has three digits; earlier ones two or three (Indian 12,34,567).
    const len = runs[k + 1].length
    if (len !== 3 && !(len === 2 && k < last - 1)) return undefined
  }
  if (last > 0 && (runs[0].length > 3 || runs[0].length === 0)) return undefined
  return runs.slice(0, last + 1).join('') + (fraction !== undefined ? `.${fraction}` : '') + token.suffix
}

/** Every way a number may be read: in the given conventions, and as written. */
function readings(token: NumberToken, conventions: Convention[]): Set<string> {
  const out = new Set<string>()
  for (const c of conventions) {
    const v = valueIn(token, c)
    if (v !== undefined) out.add(`=${v}`)
  }
  out.add(`"${token.runs.map((r, k) => (k > 0 ? (SPACES.includes(token.separators[k - 1]) ? ' ' : token.separators[k - 1]) : '') + r).join('')}${token.suffix}`)
  return out
}

interface NumberComparison {
  missing: NumberToken[]
  extra: NumberToken[]
}

/**
 * English words whose value is a whole number, which a translation may write in digits:
 * cardinals and ordinals ("two hours ago", "the first page"), multiples ("Double" is
 * Japanese `2本線`), fractions ("three quarters" is Korean `4분의 3`) and number bases
 * ("Decimal" is `10進数`, "hex values" `16進数`).
 */
const NUMBER_WORDS: Record<string, number> = {
  ...Object.fromEntries('zero one two three four five six seven eight nine ten eleven twelve'.split(' ').map((w, i) => [w, i])),
  ...Object.fromEntries('first second third fourth fifth sixth seventh eighth ninth tenth'.split(' ').map((w, i) => [w, i + 1])),
  dozen: 12,
  hundred: 100,
  thousand: 1000,
  single: 1,
  double: 2,
  twice: 2,
  triple: 3,
  // Fractions by their denominator: "one quarter" is Japanese `4分の1`
  half: 2,
  halves: 2,
  quarter: 4,
  quarters: 4,
  binary: 2,
  octal: 8,
  decimal: 10,
  hexadecimal: 16,
  hex: 16,
}
const SPELLED = new RegExp(`\\b(?:${Object.keys(NUMBER_WORDS).join('|')})\\b`, 'gi')

/** English month names, long and short, by number: Japanese, Chinese and Korean write April as `4月`. */
const MONTHS: ReadonlyMap<string, number> = (() => {
  const months = new Map<string, number>()
  for (const month of ['long', 'short'] as const) {
    const format = new Intl.DateTimeFormat('en', { month, timeZone: 'UTC' })
    for (let m = 0; m < 12; m++) months.set(format.format(Date.UTC(2021, m, 15)).toLowerCase(), m + 1)
  }
  return months
})()

/** Numbers an English source writes as words: a translation may write them in digits. */
function spelledNumbers(text: string): string[] {
  const month = MONTHS.get(text.trim().replace(/\.$/, '').toLowerCase())
  if (month !== undefined) return [String(month)]
  return (text.match(SPELLED) ?? []).map((w) => String(NUMBER_WORDS[w.toLowerCase()]))
}

function compareNumbers(input: CheckInput): NumberComparison {
  const sourceConvention = writingOf(input.sourceLocale)
  const targetConvention = writingOf(input.locale)
  const sourceText = prose(input, 'source')
  const source = readNumbers(sourceText).map((t) => ({ token: t, used: false }))
  // Source numbers by each of their readings, in order: a target number takes the first unused one.
  const byReading = new Map<string, { items: typeof source; at: number }>()
  for (const s of source) {
    for (const k of readings(s.token, [sourceConvention])) {
      const entry = byReading.get(k)
      if (entry) entry.items.push(s)
      else byReading.set(k, { items: [s], at: 0 })
    }
  }
  const firstUnused = (k: string) => {
    const entry = byReading.get(k)
    if (!entry) return undefined
    while (entry.at < entry.items.length && entry.items[entry.at].used) entry.at++
    return entry.items[entry.at]
  }
  const spelled = sourceConvention.language === 'en' ? spelledNumbers(sourceText) : []
  const extra: NumberToken[] = []
  for (const t of readNumbers(prose(input, 'target'))) {
    let match: (typeof source)[number] | undefined
    for (const k of readings(t, [targetConvention, sourceConvention])) if ((match = firstUnused(k))) break
    const word = match || t.separators.length > 0 ? -1 : spelled.indexOf(t.runs[0])
    if (match) match.used = true
    else if (word >= 0) spelled.splice(word, 1)
    else extra.push(t)
  }
  return regroupDates(
    source.filter((s) => !s.used).map((s) => s.token),
    extra,
  )
}

/**
 * A token of three or four runs that no convention reads as a number is a date or a version
 * ("31.12.2025"); written with other separators it is several tokens ("31/12/2025"). Where
 * the other side has each of its runs as a number of its own, it is the same date.
 */
function regroupDates(missing: NumberToken[], extra: NumberToken[]): NumberComparison {
  const value = (run: string) => String(Number(run))
  const absorb = (groups: NumberToken[], singles: NumberToken[]) => {
    for (const group of [...groups]) {
      if (group.runs.length < 3 || group.runs.length > 4 || group.suffix) continue
      const taken: number[] = []
      for (const run of group.runs) {
        const at = singles.findIndex((t, i) => !taken.includes(i) && t.runs.length === 1 && !t.suffix && value(t.runs[0]) === value(run))
        if (at < 0) break
        taken.push(at)
      }
      if (taken.length < group.runs.length) continue
      groups.splice(groups.indexOf(group), 1)
      for (const i of taken.sort((a, b) => b - a)) singles.splice(i, 1)
    }
  }
  absorb(extra, missing)
  absorb(missing, extra)
  return { missing, extra }
}

/**
 * A plural form shown for the number one only: its text may say the number by its grammar
 * ("une heure" for "1 hour", Korean `일초`) or write the count the source leaves out. French
 * `one` also covers 0, and a language without a `one` category (Korean, Japanese) keeps the
 * form for the source's 1; Russian `one` also covers 21, so there the number must stay.
 */
function formForOne(locale: string, plural: string | undefined): boolean {
  if (plural === undefined) return false
  if (plural.startsWith('=') || coversOneNumber(locale, plural)) return true
  return plural === 'one' && integersOf(locale, 'one').every((n) => n <= 1)
}

export const numbers: SegmentCheck = {
  id: 'numbers',
  rule: 1501,
  severity: 0,
  family: 'tokens',
  title: 'Numbers differ',
  description:
    "A number of the source is missing or changed in the translation, or the translation adds one. A changed value is a warning; a number missing or added is information, since translations often say it in words (`une heure` for \"1 hour\") or add one to explain. Digits inside a Latin word (E2E, P2P) are part of it. Numbers are compared by value in each locale's format (1,000.5 = 1.000,5 in German = 1 000,5 in French), in any script's digits, with a degree sign kept apart (180° is not 180); a date may take the language's separators (31/12/2025 = 31.12.2025). A plural form for one number (French `one`, which also covers 0, and a `one` form of a language without one, as Korean) may write it as a word or add a 1, and a number an English source writes as a word may be written in digits: a cardinal or ordinal (\"two hours ago\", \"the first page\"), a multiple (\"Double\" is Japanese 2本線), a fraction (\"one quarter\" is 4分の1), a number base (\"Decimal\" is 10進数) or a month name alone (\"April\" is 4月).",
  examples: { fail: ['Up to 1,500 files', 'Bis zu 1.000 Dateien'], pass: ['Up to 1,500.5 MB', 'Bis zu 1.500,5 MB'] },
  check(input) {
    if (!/\p{Nd}/u.test(input.source) && !/\p{Nd}/u.test(input.target)) return []
    const { missing, extra } = compareNumbers(input)
    const plural = input.segment.unit.plural
    if (formForOne(input.locale, plural)) {
      if (missing.length <= 1 && extra.length === 0) return []
      const addsOne = (plural === 'one' || plural === '=1') && missing.length === 0 && extra.length === 1 && extra[0].separators.length === 0 && extra[0].runs[0] === '1'
      if (addsOne) return []
    }
    // A number that changed value is a warning; one missing or added is information, as translators
    // often say it in words or add one to explain (docs/accuracy.md, fourth round).
    if (missing.length === 1 && extra.length === 1) return [{ d: `Number ${missing[0].text} became ${extra[0].text}`, span: { start: extra[0].start, end: extra[0].end }, s: 1 }]
    const hits: CheckHit[] = missing.map((t) => ({ d: `Number ${t.text} is missing` }))
    for (const t of extra) hits.push({ d: `Number ${t.text} is not in the source`, span: { start: t.start, end: t.end } })
    return hits
  },
}
