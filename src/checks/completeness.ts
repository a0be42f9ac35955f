// Completeness: the translation is empty, or is the untranslated source.
import { languageOf } from '../paths.js'
import type { CheckInput, SegmentCheck } from './check.js'
import { plainProse } from './prose.js'
import { words } from './text.js'
import { withoutCode } from './tokens.js'
import { SAME_AS_ENGLISH, UNIVERSAL_WORDS } from './universal-words.js'

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

export const untranslated: SegmentCheck = {
  id: 'untranslated',
  rule: 1006,
  severity: 1,
  family: 'completeness',
  title: 'Translation is the source text',
  description:
    'The translation is the same as the source (ignoring case and accelerator markers). Not flagged: a source and target of the same language, text without words (numbers, URLs, placeholders, markup, file paths, command-line options), single letters, acronyms, mixed-case product names, configured do-not-translate terms, single words that many languages share (`OK`, `Status`, `Video`), and single words a language writes as English does (French `Notifications`, Spanish `Error`).',
  examples: { fail: ['Delete this file?', 'Delete this file?'], pass: ['OK', 'OK'] },
  check(input) {
    const { source, target, locale, sourceLocale } = input
    if (sameText(target) !== sameText(source) || languageOf(locale) === languageOf(sourceLocale)) return []
    const w = translatableWords(input)
    if (w.length === 0) return []
    if (w.length === 1) {
      const word = w[0]
      const lower = word.toLowerCase()
      if (word === word.toUpperCase() || UNIVERSAL_WORDS.has(lower)) return []
      if (languageOf(sourceLocale) === 'en' && SAME_AS_ENGLISH[languageOf(locale)]?.has(lower)) return []
      // Mixed-case brand-like words (iPhone, GitHub) stay as they are.
      if (/\p{Ll}\p{Lu}/u.test(word)) return []
    }
    return [{ d: 'The translation is the same as the source text' }]
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
