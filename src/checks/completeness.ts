// Completeness: the translation is empty, or is the untranslated source.
import { languageOf } from '../paths.js'
import type { CheckHit, CheckInput, SegmentCheck, SetCheck } from './check.js'
import { plainProse } from './prose.js'
import { words } from './text.js'
import { withoutCode } from './tokens.js'
import { cldrNames, nameKey, SAME_AS_ENGLISH, UNIVERSAL_WORDS } from './universal-words.js'
import { writingOf } from './writing-systems.js'

export const emptyTranslation: SegmentCheck = {
  id: 'empty-translation',
  rule: 1005,
  severity: 2,
  family: 'completeness',
  title: 'Translation is empty',
  description:
    'The translation is empty or only whitespace while the source has text; the app shows a blank. A warning where the file leaves the entry untranslated and the runtime shows the source instead (a gettext `msgstr ""`).',
  examples: { fail: ['Save', ''], pass: ['Save', 'Speichern'] },
  check({ source, target, segment }) {
    if (target.trim() !== '' || source.trim() === '') return []
    if (segment.unit.flags?.includes('untranslated')) return [{ d: 'The entry is not translated yet: gettext shows the source text', s: 1 }]
    return [{ d: 'The translation is empty' }]
  },
}

/** The words a translator would have to translate: placeholders, markup, URLs, numbers and do-not-translate terms left out. */
function translatableWords(input: CheckInput): string[] {
  let rest = withoutCode(plainProse(input, 'source'))
  for (const term of input.options.doNotTranslate) rest = rest.split(term).join(' ')
  // Single letters (x, y, the "I" of a list) say nothing about whether text was translated.
  return words(rest).filter((w) => w.length > 1)
}

// An accelerator marker (`&File`) may move within the word (`Da&tei`); it is not an entity (`&amp;`).
const sameText = (s: string) => s.trim().replace(/&(?=\p{L})(?![\w#]+;)/gu, '').toLowerCase()

const isTranslated = (input: CheckInput) => input.segment.source !== undefined && sameText(input.target) !== sameText(input.source)

const RUBY_SYMBOL = /^\s*:[a-z_]\w*\s*$/
const acronym = (word: string) => word.length <= 4 && word === word.toUpperCase()

// Latin words without a vowel are abbreviations and units: "Cc", "Ctrl", "px", "cm", "pt".
const vowelless = (word: string) => /^\p{Script=Latin}+$/u.test(word) && !/[aeiouy]/i.test(word.normalize('NFD'))

/**
 * A name as products are written: every word capitalised, and one of them a brand's
 * (`GNUstep`), a file's (`Mail.app`) or a version number (`Word 2003`).
 */
function productName(text: string): boolean {
  const tokens = text.trim().split(/\s+/)
  return (
    tokens.length > 1 &&
    tokens.every((t) => /^[\p{Lu}\d]/u.test(t)) &&
    tokens.some((t) => /\p{Ll}\p{Lu}/u.test(t) || /\p{L}\.\p{L}/u.test(t) || /^\d{2,}(?:\.\d+)*$/.test(t))
  )
}

/** Whether a translation identical to its source is still untranslated, judged from the text alone. */
function identicalNeedsTranslation(input: CheckInput, vocabulary: ReadonlySet<string> | undefined): boolean {
  const { locale, sourceLocale } = input
  const language = languageOf(locale)
  const w = translatableWords(input)
  const text = withoutCode(plainProse(input, 'source'))
  // Rails' `:month` is a Ruby symbol, and `I., II., III.` are numerals: nothing to translate.
  if (w.length === 0 || RUBY_SYMBOL.test(text) || w.every(acronym) || productName(text)) return false
  // A month, weekday, language or country the target language names as the source does.
  if (cldrNames(language).has(nameKey(w.join(' ')))) return false
  if (w.length > 1) return true
  const word = w[0]
  const lower = word.toLowerCase()
  if (word === word.toUpperCase() || UNIVERSAL_WORDS.has(lower) || vowelless(word)) return false
  if (languageOf(sourceLocale) === 'en' && SAME_AS_ENGLISH[language]?.has(lower)) return false
  // Mixed-case brand-like words (iPhone, GitHub) stay as they are.
  if (/\p{Ll}\p{Lu}/u.test(word)) return false
  // The locale's own translations use the word: a loanword or a name of that language.
  return !vocabulary?.has(lower)
}

// A translation into a language of another script counts as its language's text only when
// most of its letters are of that script, not a half-translated English sentence.
function ownText(input: CheckInput): boolean {
  if (writingOf(input.locale).script === 'Latn') return true
  const letters = input.target.match(/\p{L}/gu)?.length ?? 0
  const latin = input.target.match(/\p{Script=Latin}/gu)?.length ?? 0
  return letters - latin > latin
}

/** The words a locale's translated segments use (lower case); undefined when it has none. */
function vocabulary(inputs: readonly CheckInput[]): Set<string> | undefined {
  let found: Set<string> | undefined
  for (const input of inputs) {
    if (!isTranslated(input) || !ownText(input)) continue
    found ??= new Set()
    for (const w of words(input.target)) found.add(w.toLowerCase())
  }
  return found
}

function groupByLocale(inputs: readonly CheckInput[]): Map<string, CheckInput[]> {
  const groups = new Map<string, CheckInput[]>()
  for (const input of inputs) {
    const group = groups.get(input.locale)
    if (group) group.push(input)
    else groups.set(input.locale, [input])
  }
  return groups
}

export const untranslated: SetCheck = {
  id: 'untranslated',
  rule: 1006,
  severity: 1,
  family: 'completeness',
  title: 'Translation is the source text',
  description:
    "The translation is the same as the source (ignoring case and accelerator markers). Not flagged: a source and target of the same language, text without words (numbers, URLs, placeholders, markup, file paths, command-line options), single letters, acronyms, abbreviations and units without a vowel (`Cc`, `px`), mixed-case product names and capitalised names with a version or file name (`Microsoft Word 2003`), configured do-not-translate terms, months, weekdays, languages and countries the target language names as the source does (CLDR: German `September`, French `afrikaans`), single words that many languages share (`OK`, `Status`, `Video`), single words a language writes as English does (French `Notifications`, Spanish `Error`), and single words that other translations of the same locale in the pull request use (`Style` in French, where `Style du nœud` translates another string).",
  examples: { fail: ['Delete this file?', 'Delete this file?'], pass: ['OK', 'OK'] },
  checkSet(inputs) {
    // Built only for the locales that have an identical translation to judge.
    let inputsByLocale: Map<string, CheckInput[]> | undefined
    const byLocale = new Map<string, Set<string> | undefined>()
    const out: Array<{ index: number; hit: CheckHit }> = []
    inputs.forEach((input, index) => {
      if (input.segment.source === undefined || isTranslated(input) || languageOf(input.locale) === languageOf(input.sourceLocale)) return
      if (!byLocale.has(input.locale)) {
        inputsByLocale ??= groupByLocale(inputs)
        byLocale.set(input.locale, vocabulary(inputsByLocale.get(input.locale)!))
      }
      if (identicalNeedsTranslation(input, byLocale.get(input.locale))) out.push({ index, hit: { d: 'The translation is the same as the source text' } })
    })
    return out
  },
}

export const keyNotInSource: SegmentCheck = {
  id: 'key-not-in-source',
  rule: 1004,
  severity: 1,
  family: 'completeness',
  title: 'Key is not in the source',
  description: 'A translation for a key the source-language file does not have: a leftover of a removed string, or a typo in the key.',
  examples: { fail: ['(no such key in the source file)', 'Speichern'], pass: ['Save', 'Speichern'] },
  withoutSource: true,
  check: ({ segment }) =>
    segment.source === undefined && segment.sourceFile ? [{ d: `The key ${JSON.stringify(segment.key)} is not in the source file ${segment.sourceFile}` }] : [],
}

export const completenessRules = [emptyTranslation, untranslated, keyNotInSource]
