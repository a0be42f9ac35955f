// Tokens that must survive translation unchanged: URLs, e-mail addresses, file paths,
// command-line options and function names; do-not-translate terms kept and forbidden
// terms avoided (config `terms`). Numbers have their own module (./numbers.ts).
import type { CheckHit, CheckInput, ForbiddenTerm, SegmentCheck } from './check.js'
import { MASK, prose } from './prose.js'
import { markupRanges } from './tags.js'
import { difference, EMAIL_RE, mayHaveUrl, URL_RE, wholeWord } from './text.js'
import { localeFilter } from '../paths.js'

interface Token {
  text: string
  key: string
  start: number
  end: number
}

function matches(text: string, re: RegExp, key: (m: RegExpMatchArray) => string = (m) => m[0]): Token[] {
  return [...text.matchAll(re)].map((m) => ({ text: m[0], key: key(m), start: m.index!, end: m.index! + m[0].length }))
}

/** One rule per kind of token: the source's tokens must all be in the translation, and no others. */
function tokenRule(info: Omit<SegmentCheck, 'check'> & { noun: string }, read: (input: CheckInput, side: 'source' | 'target') => Token[]): SegmentCheck {
  const { noun, ...rest } = info
  return {
    ...rest,
    check(input) {
      const source = read(input, 'source')
      const target = read(input, 'target')
      if (source.length === 0 && target.length === 0) return []
      const { missing, extra } = difference(source, target, (t) => t.key)
      if (missing.length === 1 && extra.length === 1) return [{ d: `${noun} ${missing[0].text} became ${extra[0].text}`, span: { start: extra[0].start, end: extra[0].end } }]
      const hits: CheckHit[] = missing.map((t) => ({ d: `${noun} ${t.text} is missing` }))
      for (const t of extra) hits.push({ d: `${noun} ${t.text} is not in the source`, span: { start: t.start, end: t.end } })
      return hits
    },
  }
}

/** URLs and e-mails outside tags and Markdown link targets (those are link-target-changed's). */
function outsideMarkup(text: string, re: RegExp, key: (m: RegExpMatchArray) => string): Token[] {
  if (re === URL_RE ? !mayHaveUrl(text) : !text.includes('@')) return []
  const found = matches(text, re, key)
  if (found.length === 0) return found
  // Both lists in text order: one sweep finds the tokens that start inside markup.
  const ranges = markupRanges(text).sort((a, b) => a[0] - b[0])
  let r = 0
  let reach = -1
  return found.filter((t) => {
    while (r < ranges.length && ranges[r][0] <= t.start) reach = Math.max(reach, ranges[r++][1])
    return t.start >= reach && !text.slice(Math.max(0, t.start - 2), t.start).endsWith('](')
  })
}

export const urls = tokenRule(
  {
    id: 'urls',
    rule: 1502,
    severity: 1,
    family: 'tokens',
    noun: 'URL',
    title: 'URL missing or changed',
    description: 'A URL of the source is missing or different in the translation (links inside tags and Markdown are link-target-changed). A warning: some sites have localized addresses.',
    examples: { fail: ['Help: https://acme.example/help', 'Hilfe: https://acme.example/hilfe'], pass: ['Help: https://acme.example/help', 'Hilfe: https://acme.example/help'] },
  },
  (input, side) => outsideMarkup(input[side], URL_RE, (m) => m[0].replace(/\/$/, '')),
)

export const emails = tokenRule(
  {
    id: 'emails',
    rule: 1503,
    severity: 1,
    family: 'tokens',
    noun: 'E-mail address',
    title: 'E-mail address missing or changed',
    description: 'An e-mail address of the source is missing or different in the translation.',
    examples: { fail: ['Write to support@acme.example', 'Schreiben Sie an hilfe@acme.example'], pass: ['Write to support@acme.example', 'Schreiben Sie an support@acme.example'] },
  },
  (input, side) => outsideMarkup(input[side], EMAIL_RE, (m) => m[0].toLowerCase()),
)

// Not after a letter, digit, symbol or closing bracket: "km/h", "9,99 €/Monat", "5 %/Jahr",
// "usuárias(os)/servidores" are not paths; but after a masked tag (`<code>/help`) and after the
// letters of scripts written without spaces (`在/etc/hosts中`). Not cut inside a word
// ("/Yukarıdaki": \w is ASCII only).
const PATH =
  /(?<!(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\uFFFC])[\p{L}\p{N}\p{S}%_/.~:\\)\]-])(?:(?:~|\.{1,2})?(?:\/[\w.@+-]+)+\/?|[A-Za-z]:\\[^\s"'<>|*?\uFFFC]*[^\s"'<>|*?.,;:!)\uFFFC]|[\w.-]+(?:\/[\w.-]+)+\.[A-Za-z\d]{1,5}\b)(?!(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{M}])/gu

export const filePaths = tokenRule(
  {
    id: 'file-paths',
    rule: 1504,
    severity: 1,
    family: 'tokens',
    noun: 'Path',
    title: 'File path missing or changed',
    description: 'A file path of the source (`/etc/hosts`, `~/.config`, `C:\\Temp`, `config/app.yml`) is missing or different in the translation.',
    examples: { fail: ['Edit /etc/hosts', 'Bearbeiten Sie /etc/gastgeber'], pass: ['Edit /etc/hosts', 'Bearbeiten Sie /etc/hosts'] },
  },
  (input, side) => {
    const text = prose(input, side)
    // Windows paths ignore case: `c:\repo` is `C:\repo`.
    if (!/[/\\]/.test(text)) return []
    const found = matches(text, PATH, (m) => (/^[A-Za-z]:\\/.test(m[0]) ? m[0].toLowerCase() : m[0]).replace(/[/.]+$/, ''))
    // After masked markup a path starts anew (`<code>/help`), unless it goes on one written before (`/etc/app/&lt;name&gt;/app.yml`).
    return found.filter((t) => text[t.start - 1] !== MASK || !/[/\\]\S*$/.test(text.slice(0, t.start - 1)))
  },
)

const OPTION = /(?<![\p{L}\p{N}_-])--[A-Za-z][\w-]*\w(?![\w-])|(?<=^|[\s'"`‘“„‚«‹(\[])-[A-Za-z](?=$|[\s'"`’”“‘»›),.\]=:;])/gu

export const commandOptions = tokenRule(
  {
    id: 'command-options',
    rule: 1505,
    severity: 1,
    family: 'tokens',
    noun: 'Option',
    title: 'Command-line option missing or changed',
    description: 'A command-line option of the source (`--force`, `-v`) is missing or different in the translation; its value after `=` may be translated (`--input=FILE` -> `--input=DATEI`).',
    examples: { fail: ['Run with --force', 'Mit --zwingen ausführen'], pass: ['Run with --force', 'Mit --force ausführen'] },
  },
  (input, side) => {
    const text = prose(input, side)
    return text.includes('-') ? matches(text, OPTION) : []
  },
)

const FUNCTION = /(?<![\p{L}\p{N}_.-])[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*\(\)/gu

export const functionNames = tokenRule(
  {
    id: 'function-names',
    rule: 1506,
    severity: 1,
    family: 'tokens',
    noun: 'Function',
    title: 'Function name missing or changed',
    description: 'A function written with empty parentheses in the source (`rgb()`, `string.trim()`) is missing or different in the translation.',
    examples: { fail: ['Use rgb() here', 'Verwenden Sie hier rgb-wert()'], pass: ['Use rgb() here', 'Verwenden Sie hier rgb()'] },
  },
  (input, side) => {
    const text = prose(input, side)
    return text.includes('()') ? matches(text, FUNCTION) : []
  },
)

/** The text without file paths, command-line options and function names: code, not words to translate. */
export function withoutCode(text: string): string {
  return /[/\\()-]/.test(text) ? text.replace(PATH, ' ').replace(OPTION, ' ').replace(FUNCTION, ' ') : text
}

const termRegexes = new Map<string, RegExp>()

function termRegex(term: string, flags: string): RegExp {
  const cacheKey = `${flags} ${term}`
  let re = termRegexes.get(cacheKey)
  if (!re) termRegexes.set(cacheKey, (re = new RegExp(wholeWord(term), flags)))
  return re
}

export const doNotTranslate: SegmentCheck = {
  id: 'do-not-translate',
  rule: 1510,
  severity: 1,
  family: 'tokens',
  title: 'Do-not-translate term changed',
  description: 'A term of the config file\'s `terms.do-not-translate` list is in the source (as a whole word, same case) but not in the translation.',
  examples: { fail: ['Open Acme Cloud', 'Acme Wolke öffnen'], pass: ['Open Acme Cloud', 'Acme Cloud öffnen'], config: 'terms: {do-not-translate: [Acme Cloud]}', options: { doNotTranslate: ['Acme Cloud'] } },
  check({ source, target, options }) {
    const hits: CheckHit[] = []
    for (const term of options.doNotTranslate) {
      if (termRegex(term, 'u').test(source) && !termRegex(term, 'u').test(target)) hits.push({ d: `"${term}" must stay as it is (do-not-translate term)` })
    }
    return hits
  },
}

const filters = new WeakMap<ForbiddenTerm, (locale: string) => boolean>()

function appliesTo(term: ForbiddenTerm, locale: string): boolean {
  let filter = filters.get(term)
  if (!filter) filters.set(term, (filter = localeFilter(term.locales)))
  return filter(locale)
}

export const forbiddenTerms: SegmentCheck = {
  id: 'forbidden-term',
  rule: 1511,
  severity: 2,
  family: 'tokens',
  title: 'Forbidden term used',
  description: "The translation uses a term of the config file's `terms.forbidden` list (a whole word, any case), for all locales or those the entry names.",
  examples: { fail: ['Sign in', 'Einloggen'], pass: ['Sign in', 'Anmelden'], config: 'terms: {forbidden: [{term: Einloggen, locales: [de], instead: Anmelden}]}', options: { forbidden: [{ term: 'Einloggen', locales: ['de'], instead: 'Anmelden' }] } },
  check({ target, locale, options }) {
    const hits: CheckHit[] = []
    for (const term of options.forbidden) {
      if (!appliesTo(term, locale)) continue
      const m = termRegex(term.term, 'iu').exec(target)
      if (m) hits.push({ d: `Forbidden term "${m[0]}"${term.instead ? `: use "${term.instead}"` : ''}`, span: { start: m.index, end: m.index + m[0].length } })
    }
    return hits
  },
}

export const tokenRules = [urls, emails, filePaths, commandOptions, functionNames, doNotTranslate, forbiddenTerms]
