import { describe, expect, it } from '@jest/globals'
import { emptyTranslation, keyNotInSource, untranslated } from '../../src/checks/completeness.js'
import { defaultCheckOptions, isSetCheck, type SegmentCheck, type SetCheck } from '../../src/checks/check.js'
import { leadingWhitespace, trailingWhitespace } from '../../src/checks/whitespace.js'
import { input, segment } from '../helpers/segments.js'

const run = (check: SegmentCheck | SetCheck, source: string, target: string, locale = 'de', doNotTranslate: string[] = []) => {
  const i = input(source, target, { locale, check: { doNotTranslate } })
  return (isSetCheck(check) ? check.checkSet([i]).map((h) => h.hit) : check.check(i)).map((h) => h.d)
}

describe('empty-translation', () => {
  it.each([
    ['Save', '', ['The translation is empty']],
    ['Save', '   ', ['The translation is empty']],
    ['Save', 'Speichern', []],
    ['', '', []],
  ])('%j -> %j', (source, target, expected) => expect(run(emptyTranslation, source, target)).toEqual(expected))

  it('is a warning where the file leaves the entry untranslated and the runtime shows the source (gettext msgstr "")', () => {
    const hits = emptyTranslation.check(input('Keyboard shortcuts', '', { unit: { flags: ['untranslated'] } }))
    expect(hits).toEqual([{ d: 'The entry is not translated yet: gettext shows the source text', s: 1 }])
  })
})

describe('untranslated', () => {
  const flagged = ['The translation is the same as the source text']
  it.each([
    ['Delete this file?', 'Delete this file?', 'de', flagged],
    ['Proceed to checkout', 'Proceed to checkout', 'fr', flagged],
    ['Settings', 'Settings', 'de', flagged],
    ['Delete this file?', 'Diese Datei löschen?', 'de', []],
    // Same language, other region
    ['Color', 'Color', 'en-GB', []],
    // Nothing to translate
    ['OK', 'OK', 'de', []],
    ['%d / %d', '%d / %d', 'de', []],
    ['{{count}}', '{{count}}', 'de', []],
    ['https://acme.example/help', 'https://acme.example/help', 'de', []],
    ['support@acme.example', 'support@acme.example', 'de', []],
    ['PDF', 'PDF', 'de', []],
    ['Status', 'Status', 'de', []],
    ['iPhone', 'iPhone', 'fr', []],
    // Words a language writes as English does
    ['Notifications', 'Notifications', 'fr', []],
    ['Notifications', 'Notifications', 'de', flagged],
    ['Error', 'Error', 'es', []],
    // Code, single letters and two-letter words
    ['--help', '--help', 'de', []],
    ['(x,y) = (%d,%d)', '(x,y) = (%d,%d)', 'de', []],
    ['Go', 'Go', 'de', flagged],
    ['7em', '7em', 'de', flagged],
    ['&Unchanged', 'Un&changed', 'de', flagged],
    ['<b>{name}</b>', '<b>{name}</b>', 'de', []],
    ['Export', 'Export', 'de', []],
    [':day', ':day', 'ko', []],
    ['I., II., III.', 'I., II., III.', 'ru', []],
    ['PDF to XML', 'PDF to XML', 'ru', flagged],
    // Abbreviations and units without a vowel; a short word with one is still a word
    ['Cc:', 'Cc:', 'fr', []],
    ['Ctrl', 'Ctrl', 'cs', []],
    ['px', 'px', 'pl', []],
    ['Bcc', 'Bcc', 'ja', []],
    ['Top', 'Top', 'sv', flagged],
    // Months, weekdays, languages and countries as CLDR says the target language names them
    ['September', 'September', 'de', []],
    ['Jan', 'Jan', 'de', []],
    ['Mar', 'Mar', 'tr', []],
    ['Sunday', 'Sunday', 'de', flagged],
    ['Afrikaans', 'Afrikaans', 'fr', []],
    ['Afrikaans', 'Afrikaans', 'ru', flagged],
    ['Canada', 'Canada', 'fr', []],
    // A language ICU does not know gets no names: Intl would answer in English instead
    ['Sunday', 'Sunday', 'qaa', flagged],
    ['September', 'September', 'tlh', flagged],
    // Product names: capitalised words with a version number, a brand or a file name
    ['Acme Sheets 2019 XML', 'Acme Sheets 2019 XML', 'es', []],
    ['NeXTSTEP Workspace Tools', 'NeXTSTEP Workspace Tools', 'ja', []],
    ['Acme Notes.app', 'Acme Notes.app', 'sv', []],
    ['Heading 3', 'Heading 3', 'hi', flagged],
    ['Show Status Bar', 'Show Status Bar', 'sv', flagged],
    ['A New Version Is Ready', 'A New Version Is Ready', 'fr', flagged],
  ])('%j -> %j (%s)', (source, target, locale, expected) => expect(run(untranslated, source, target, locale)).toEqual(expected))

  describe("a word the locale's other translations in the pull request use", () => {
    const flaggedIndexes = (...pairs: Array<[string, string, string]>) =>
      untranslated.checkSet(pairs.map(([source, target, locale]) => input(source, target, { locale }))).map((h) => h.index)

    it('is a loanword of that language, not left untranslated', () => {
      expect(flaggedIndexes(['Style', 'Style', 'fr'], ['Node style', 'Style du nœud', 'fr'])).toEqual([])
      expect(flaggedIndexes(['Kernel', 'Kernel', 'uk'], ['Kernel version', 'Версія ядра Kernel', 'uk'])).toEqual([])
    })

    it.each([
      ['only in another locale', ['Style', 'Style', 'fr'], ['Node style', 'Stil des Knotens Style', 'de']],
      ['only in another untranslated segment', ['Style', 'Style', 'fr'], ['Node style', 'Node style', 'fr']],
      ['in a half-translated text of another script', ['Branch', 'Branch', 'uk'], ['Delete branch', 'Delete branch видалити', 'uk']],
      ['by a sentence: only single words are judged so', ['Open the file', 'Open the file', 'fr'], ['File', 'Ouvrir le file open the', 'fr']],
    ])('%s does not count', (_why, identical, other) => {
      expect(flaggedIndexes(identical as [string, string, string], other as [string, string, string])).toContain(0)
    })
  })

  it('skips configured do-not-translate terms', () => {
    expect(run(untranslated, 'Acme Cloud', 'Acme Cloud', 'de', ['Acme Cloud'])).toEqual([])
    expect(run(untranslated, 'Open Acme Cloud now', 'Open Acme Cloud now', 'de', ['Acme Cloud'])).toEqual(flagged)
  })
})

describe('key-not-in-source', () => {
  it('flags a key the source file lacks, and nothing when there is no source file at all', () => {
    const withSourceFile = segment(undefined, 'Extra', { key: 'promo', sourceFile: 'locales/en.json' })
    const base = { source: '', target: 'Extra', locale: 'de', sourceLocale: 'en', syntaxes: [], options: defaultCheckOptions }
    expect(keyNotInSource.check({ ...base, segment: withSourceFile }).map((h) => h.d)).toEqual(['The key "promo" is not in the source file locales/en.json'])
    expect(keyNotInSource.check({ ...base, segment: segment(undefined, 'Extra') })).toEqual([])
    expect(keyNotInSource.check({ ...base, segment: segment('Extra', 'Extra', { sourceFile: 'locales/en.json' }) })).toEqual([])
  })
})

describe('whitespace', () => {
  it.each([
    [leadingWhitespace, ' of %d', 'von %d', ['Leading whitespace differs: the source starts with "␣", the translation with none']],
    [leadingWhitespace, '\nBody', ' Body', ['Leading whitespace differs: the source starts with "\\n", the translation with "␣"']],
    [leadingWhitespace, ' of %d', ' von %d', []],
    [trailingWhitespace, 'Name: ', 'Name:', ['Trailing whitespace differs: the source ends with "␣", the translation with none']],
    [trailingWhitespace, 'Name:', 'Name:\u00a0', ['Trailing whitespace differs: the source ends with none, the translation with "⍽"']],
    [trailingWhitespace, 'Done', 'Fertig', []],
    [trailingWhitespace, 'Done ', '', []],
  ])('%#: %j -> %j', (check, source, target, expected) => expect(run(check, source, target)).toEqual(expected))
})
