// Gettext PO and POT files. Bilingual: each entry carries its source (msgid) and the
// translation (msgstr). The header (msgid "") names the language and the Plural-Forms; each
// plural form becomes one unit named with its CLDR category (./gettext-plural.ts). Flags
// choose the placeholder syntax (`c-format` -> printf); `fuzzy` is kept as a unit flag.
// An entry with an empty msgstr is flagged `untranslated`. Obsolete entries (`#~`) are ignored. Key: msgctxt + U+0004 + msgid, as gettext itself
// joins them, plus `[n]` for a plural form.
import type { ParseProblem, ParseResult, PlaceholderSyntax, Unit } from '../model.js'
import { knowsLocale } from '../checks/plural-rules.js'
import { languageOf, normalizeLocale } from '../paths.js'
import { unescape, type EscapeRules } from './escapes.js'
import type { Format, ParseContext } from './format.js'
import { DEFAULT_PLURAL_FORMS, formCategories, parsePluralForms, PluralExprError, type FormCategories } from './gettext-plural.js'
import { RULE } from '../rule-numbers.js'

const C_ESCAPES: EscapeRules = {
  simple: { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\', a: '\u0007', b: '\b', f: '\f', v: '\v', '?': '?', "'": "'" },
  hex: true,
  octal: true,
  unknown: 'error',
  label: 'PO string',
}

/** Gettext format flags and the placeholder syntax each implies. */
const FLAG_SYNTAX: Readonly<Record<string, PlaceholderSyntax>> = {
  'c-format': 'printf',
  'objc-format': 'printf',
  'php-format': 'printf',
  'java-printf-format': 'printf',
  // Boost.Format's %1% is read by the printf syntax.
  'boost-format': 'printf',
  'python-format': 'python-format',
  'python-brace-format': 'python-brace',
  'java-format': 'java-messageformat',
  'qt-format': 'qt',
  'qt-plural-format': 'qt',
  'kde-format': 'qt',
  'csharp-format': 'dotnet',
}

/** Syntaxes the flags name; none when only `no-*-format` flags say what the text is not; undefined: detect. */
export function syntaxFromFlags(flags: readonly string[]): PlaceholderSyntax[] | undefined {
  const named = [...new Set(flags.flatMap((f) => (FLAG_SYNTAX[f] ? [FLAG_SYNTAX[f]] : [])))]
  if (named.length > 0) return named
  return flags.some((f) => /^no-[\w+-]+-format$/.test(f)) ? [] : undefined
}

/** One quoted string of a field, with the offset of its opening quote. */
interface Piece {
  value: string
  offset: number
}

interface Field {
  /** Offset of the keyword (msgid...) */
  at: number
  pieces: Piece[]
}

interface Entry {
  translator: string[]
  extracted: string[]
  flags: string[]
  msgctxt?: Field
  msgid?: Field
  msgidPlural?: Field
  /** msgstr, or msgstr[n] by n */
  msgstr: Map<number, Field>
  /** msgstr[n] was used rather than msgstr */
  indexed: boolean
}

const text = (f: Field | undefined) => (f === undefined ? undefined : f.pieces.length === 1 ? f.pieces[0].value : f.pieces.map((p) => p.value).join(''))
const valueAt = (f: Field) => f.pieces[0]?.offset ?? f.at

function newEntry(): Entry {
  return { translator: [], extracted: [], flags: [], msgstr: new Map(), indexed: false }
}

// msgid_plural before msgid: the first that starts a line is its keyword.
const KEYWORDS = ['msgctxt', 'msgid_plural', 'msgid', 'msgstr'] as const
type Keyword = (typeof KEYWORDS)[number]

class PoReader {
  readonly problems: ParseProblem[] = []
  readonly entries: Entry[] = []
  private entry = newEntry()
  /** The field continuation strings ("...") append to. */
  private field?: Field

  constructor(private readonly src: string) {}

  read(): Entry[] {
    const src = this.src
    let pos = 0
    while (pos < src.length) {
      let end = pos
      while (end < src.length && src.charCodeAt(end) !== 10 && src.charCodeAt(end) !== 13) end++
      this.line(pos, end)
      pos = end + (src.charCodeAt(end) === 13 && src.charCodeAt(end + 1) === 10 ? 2 : 1)
    }
    this.finish()
    return this.entries
  }

  /** A comment, msgctxt or msgid after a msgid or msgstr starts the next entry. */
  private boundary(): void {
    if (this.entry.msgid || this.entry.msgstr.size > 0) this.finish()
  }

  private finish(): void {
    const e = this.entry
    if (e.msgid && e.msgstr.size === 0) this.problems.push({ message: 'msgid without msgstr: the entry has no translation line', offset: e.msgid.at })
    else if (!e.msgid && (e.msgstr.size > 0 || e.msgctxt)) {
      this.problems.push({ message: `${e.msgstr.size > 0 ? 'msgstr' : 'msgctxt'} without msgid`, offset: (e.msgctxt ?? e.msgstr.values().next().value!).at })
    }
    // A msgid without its string was reported where it is written; it is no header.
    else if (e.msgid && e.msgid.pieces.length > 0) this.entries.push(e)
    this.entry = newEntry()
    this.field = undefined
  }

  private line(start: number, end: number): void {
    const src = this.src
    let at = start
    while (at < end && (src[at] === ' ' || src[at] === '\t')) at++
    if (at === end) {
      this.field = undefined
      return
    }
    const c = src[at]
    if (c === '#') {
      this.comment(at, end)
      return
    }
    if (c === '"') {
      if (!this.field) {
        this.problems.push({ message: 'A string continuation line outside of msgid, msgstr or msgctxt', offset: at })
        return
      }
      const piece = this.string(at, end)
      if (piece) this.field.pieces.push(piece)
      return
    }
    const m = this.keyword(at, end)
    if (!m) {
      const word = /^\S{1,40}/.exec(src.slice(at, Math.min(end, at + 40)))?.[0] ?? ''
      this.problems.push({ message: `Unexpected "${word}": expected msgctxt, msgid, msgid_plural, msgstr, a "string" or a # comment`, offset: at })
      this.field = undefined
      return
    }
    const { keyword, index } = m
    if (keyword === 'msgctxt' || keyword === 'msgid') this.boundary()
    const field: Field = { at, pieces: [] }
    let quote = m.end
    while (quote < end && (src[quote] === ' ' || src[quote] === '\t')) quote++
    if (src[quote] !== '"') this.problems.push({ message: `Expected a "quoted string" after ${src.slice(at, m.end)}`, offset: quote < end ? quote : at })
    else {
      const piece = this.string(quote, end)
      if (piece) field.pieces.push(piece)
    }
    this.field = field
    const e = this.entry
    const twice = (name: string) => this.problems.push({ message: `${name} appears twice in one entry`, offset: at })
    if (keyword === 'msgctxt') {
      if (e.msgctxt) twice('msgctxt')
      e.msgctxt = field
    } else if (keyword === 'msgid') {
      e.msgid = field
    } else if (keyword === 'msgid_plural') {
      if (e.msgidPlural) twice('msgid_plural')
      e.msgidPlural = field
    } else {
      // A second msgstr of one index belongs to an entry that lost its msgid.
      if (this.entry.msgstr.has(index ?? 0)) this.finish()
      if (index !== undefined) this.entry.indexed = true
      this.entry.msgstr.set(index ?? 0, field)
      this.field = field
    }
  }

  /** The keyword (and `[n]`) a line starts with at `at`, if a space, a quote or the line's end follows it. */
  private keyword(at: number, end: number): { keyword: Keyword; index?: number; end: number } | undefined {
    const src = this.src
    const keyword = KEYWORDS.find((k) => src.startsWith(k, at))
    if (!keyword) return undefined
    let after = at + keyword.length
    let index: number | undefined
    if (src[after] === '[') {
      let close = after + 1
      while (close < end && src.charCodeAt(close) >= 0x30 && src.charCodeAt(close) <= 0x39) close++
      if (close === after + 1 || src[close] !== ']') return undefined
      index = Number(src.slice(after + 1, close))
      after = close + 1
    }
    return after >= end || /[\s"]/.test(src[after]) ? { keyword, index, end: after } : undefined
  }

  private comment(at: number, end: number): void {
    const kind = this.src[at + 1]
    if (kind === '~') return // obsolete entry
    this.field = undefined
    this.boundary()
    const body = this.src.slice(at + 2, end).trim()
    if (kind === ',') {
      for (const flag of body.split(',')) if (flag.trim()) this.entry.flags.push(flag.trim())
    } else if (kind === '.') this.entry.extracted.push(body)
    else if (kind === ':' || kind === '|') return // references and previous msgids
    else this.entry.translator.push(this.src.slice(at + 1, end).trim())
  }

  /** A "quoted" string from `quote` to the line's end; nothing may follow the closing quote. */
  private string(quote: number, end: number): Piece | undefined {
    const src = this.src
    let close = quote + 1
    while (close < end && src[close] !== '"') close += src[close] === '\\' ? 2 : 1
    if (close >= end) {
      this.problems.push({ message: 'Unclosed quote: the string does not end on this line', offset: quote })
      return { value: unescape(src.slice(quote + 1, end), quote + 1, C_ESCAPES, this.problems), offset: quote }
    }
    let rest = close + 1
    while (rest < end && /\s/.test(src[rest])) rest++
    if (rest < end) this.problems.push({ message: `Unexpected text after the closing quote: ${JSON.stringify(src.slice(close + 1, end).trim().slice(0, 40))}`, offset: close + 1 })
    return { value: unescape(src.slice(quote + 1, close), quote + 1, C_ESCAPES, this.problems), offset: quote }
  }
}

/** Header fields (`Language: de`), which may run over several strings, with the offset of the string each starts in. */
function headerFields(header: Field): Map<string, { value: string; offset: number }> {
  const fields = new Map<string, { value: string; offset: number }>()
  let all = ''
  const starts: number[] = []
  for (const piece of header.pieces) {
    starts.push(all.length)
    all += piece.value
  }
  let at = 0
  for (const line of all.split('\n')) {
    const m = /^([\w-]+):\s*(.*)$/.exec(line)
    let piece = 0
    while (piece + 1 < starts.length && starts[piece + 1] <= at) piece++
    if (m) fields.set(m[1].toLowerCase(), { value: m[2].trim(), offset: header.pieces[piece]?.offset ?? header.at })
    at += line.length + 1
  }
  return fields
}

interface Header {
  locale?: string
  /** The locale whose plural rules name the forms: the path's, else the header's Language. */
  pluralLocale: string
  plural: FormCategories
  /** Problems to report only when the file has plural entries. */
  pluralProblems: ParseProblem[]
}

function readHeader(entry: Entry | undefined, context: Pick<ParseContext, 'locale'>, problems: ParseProblem[]): Header {
  // A broken header may have only msgstr[n]: read the first it has.
  const msgstr = entry && (entry.msgstr.get(0) ?? entry.msgstr.values().next().value!)
  const fields = msgstr ? headerFields(msgstr) : new Map<string, { value: string; offset: number }>()
  const at = msgstr ? valueAt(msgstr) : 0
  const language = fields.get('language')
  let locale: string | undefined
  if (language?.value) {
    const named = normalizeLocale(language.value)
    if (context.locale && languageOf(named) !== languageOf(context.locale)) {
      problems.push({ message: `The header says Language: ${language.value}, but the file's path is for ${context.locale}`, offset: language.offset, rule: RULE.rootLocale, severity: 1 })
    } else locale = named
  }
  const charset = /charset=([\w.-]+)/i.exec(fields.get('content-type')?.value ?? '')?.[1]
  if (charset && !/^(utf-?8|charset|ascii|us-ascii)$/i.test(charset)) {
    problems.push({ message: `The header declares charset=${charset}; PO files are read as UTF-8, so convert the file (msgconv -t UTF-8)`, offset: fields.get('content-type')!.offset, severity: 1 })
  }
  const pluralLocale = context.locale || locale || ''
  const pluralProblems: ParseProblem[] = []
  const field = fields.get('plural-forms')
  const fallback = (why: string, offset: number) => {
    pluralProblems.push({ message: `${why}; plural forms are read with gettext's default "nplurals=2; plural=n != 1"`, offset, severity: field ? 2 : 1 })
    return formCategories(DEFAULT_PLURAL_FORMS, pluralLocale)
  }
  let plural: FormCategories
  if (!field) plural = fallback('The header has no Plural-Forms', at)
  else {
    const forms = parsePluralForms(field.value)
    if ('error' in forms) plural = fallback(`Malformed Plural-Forms: ${forms.error}`, field.offset)
    else {
      try {
        plural = formCategories(forms, pluralLocale)
        for (const p of plural.problems) pluralProblems.push({ message: `Plural-Forms does not match the plural rules of ${pluralLocale || 'English'}: ${p}`, offset: field.offset, severity: 1 })
      } catch (e) {
        if (!(e instanceof PluralExprError)) throw e
        plural = fallback(`Malformed Plural-Forms expression: ${e.message}`, field.offset)
      }
    }
  }
  return { locale, pluralLocale, plural, pluralProblems }
}

/**
 * A form the header's Plural-Forms has and an entry lacks. Where it is the only form of a
 * CLDR category that whole numbers reach, the plural-forms rule (1011) names it on the
 * entry's changed translation, so it is not reported twice; the reader reports the rest:
 * a form the header gives numbers CLDR files under another form, a language CLDR does not
 * know, or a form no whole number selects (only `msgfmt -c` rejects that).
 */
function missingForm(header: Header, index: number, msgid: Field, problems: ParseProblem[]): void {
  const { categories, examples } = header.plural
  const category = categories[index]
  const numbers = examples[index]
  const unique = categories.indexOf(category) === index && categories.lastIndexOf(category) === index
  if (numbers.length > 0 && unique && knowsLocale(header.pluralLocale)) return
  const form = `msgstr[${index}]`
  problems.push(
    numbers.length > 0
      ? { message: `Plural form ${form} is missing: gettext shows the untranslated text for n = ${numbers.join(', ')}…`, offset: msgid.at, rule: RULE.pluralFormsMissing, severity: 2 }
      : { message: `Plural form ${form} is missing: no whole number selects it, but the header's Plural-Forms has ${categories.length} forms and msgfmt -c rejects the entry`, offset: msgid.at, rule: RULE.pluralFormsMissing, severity: 1 },
  )
}

export function parsePo(src: string, context: Pick<ParseContext, 'locale'>): ParseResult {
  const reader = new PoReader(src)
  const entries = reader.read()
  const problems = reader.problems
  const isHeader = (e: Entry) => !e.msgctxt && text(e.msgid) === ''
  const header = readHeader(entries.find(isHeader), context, problems)
  const units: Unit[] = []
  const seen = new Set<string>()
  // Entries repeat a few combinations of flags; the syntax of each is found once per file.
  const syntaxByFlags = new Map<string, PlaceholderSyntax[] | undefined>()
  let plurals = false
  for (const e of entries) {
    const msgid = e.msgid!
    const id = text(msgid)!
    const ctxt = text(e.msgctxt)
    const key = ctxt === undefined ? id : `${ctxt}\u0004${id}`
    if (seen.has(key)) {
      problems.push({ message: `Duplicate entry: msgid ${JSON.stringify(id)}${ctxt === undefined ? '' : ` with msgctxt ${JSON.stringify(ctxt)}`} is defined twice; msgfmt rejects the file`, offset: msgid.at, rule: RULE.duplicateKey, severity: 1 })
      continue
    }
    seen.add(key)
    if (ctxt === undefined && id === '') continue // the header
    const common: Partial<Unit> = {}
    if (ctxt !== undefined) common.context = ctxt
    const comment = e.extracted.length + e.translator.length > 0 ? [...e.extracted, ...e.translator].join('\n') : ''
    if (comment) common.comment = comment
    if (e.flags.length > 0) {
      common.flags = e.flags
      const flags = e.flags.join(',')
      if (!syntaxByFlags.has(flags)) syntaxByFlags.set(flags, syntaxFromFlags(e.flags))
      const syntax = syntaxByFlags.get(flags)
      if (syntax) common.syntax = syntax
    }
    // An entry without its first msgstr is untranslated: gettext shows the source (one empty form of a translated entry shows a blank).
    if (text(e.msgstr.get(0) ?? e.msgstr.values().next().value!) === '') common.flags = [...e.flags, 'untranslated']
    const unit = (k: string, field: Field, source: Field): Unit => ({
      key: k,
      value: text(field)!,
      span: { start: valueAt(field), end: valueAt(field) + 1 },
      source: text(source),
      sourceSpan: { start: valueAt(source), end: valueAt(source) + 1 },
      ...common,
    })
    if (!e.msgidPlural) {
      const first = e.msgstr.values().next().value!
      if (e.indexed) problems.push({ message: 'msgstr[n] without msgid_plural: use msgstr', offset: first.at })
      units.push(unit(key, e.msgstr.get(0) ?? first, msgid))
      continue
    }
    plurals = true
    if (!e.indexed) problems.push({ message: 'An entry with msgid_plural needs msgstr[0], msgstr[1]...; found msgstr', offset: e.msgstr.get(0)!.at })
    const { categories, singular } = header.plural
    for (const [index, field] of e.msgstr) {
      if (index >= categories.length) problems.push({ message: `msgstr[${index}]: the header's Plural-Forms has only ${categories.length} form(s)`, offset: field.at })
    }
    for (const index of categories.keys()) if (!e.msgstr.has(index)) missingForm(header, index, msgid, problems)
    categories.forEach((category, index) => {
      const field = e.msgstr.get(index)
      if (field) units.push({ ...unit(`${key}[${index}]`, field, singular[index] ? msgid : e.msgidPlural!), pluralGroup: key, plural: category })
    })
  }
  if (plurals) problems.push(...header.pluralProblems)
  return { units, problems, ...(header.locale && { locale: header.locale }) }
}

export const po: Format = {
  id: 'po',
  label: 'Gettext PO',
  handles: (path) => /\.pot?$/i.test(path),
  bilingual: true,
  parse: (src, context) => parsePo(src, context),
  layouts: ['**/locale/{locale}/LC_MESSAGES/*.po', '**/{locale}/LC_MESSAGES/*.po', '**/po/{locale}.po', '**/{locale}.po'],
}
