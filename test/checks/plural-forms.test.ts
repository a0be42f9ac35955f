import { describe, expect, it } from '@jest/globals'
import type { CheckInput } from '../../src/checks/check.js'
import { pluralFormRules } from '../../src/checks/plural-forms.js'
import type { PluralCategory } from '../../src/model.js'
import { input } from '../helpers/segments.js'

function run(inputs: CheckInput[]): string[] {
  return pluralFormRules.flatMap((c) => c.checkSet(inputs).map(({ index, hit }) => `${index} ${c.rule}/${hit.s ?? c.severity} ${hit.d}`))
}

const icu = (target: string, locale: string) => input('{n, plural, one {# file} other {# files}}', target, { locale, syntaxes: ['icu'] })

describe('plural forms inside ICU messages', () => {
  it.each<[string, string, string[]]>([
    ['{n, plural, one {# plik} few {# pliki} many {# plików} other {# pliku}}', 'pl', []],
    ['{n, plural, one {# plik} other {# pliki}}', 'pl', ['0 1011/1 Plural forms missing in {n} for pl: few (2, 3, 4…), many (0, 5, 6…)']],
    // Polish `other` is for fractions only: not required
    ['{n, plural, one {# plik} few {# pliki} many {# plików}}', 'pl', []],
    // `=1` covers a category that holds 1 only
    ['{n, plural, =1 {jeden plik} few {# pliki} many {# plików} other {# pliku}}', 'pl', []],
    ['{n, plural, =1 {один файл} few {# файла} many {# файлов} other {# файла}}', 'ru', ['0 1011/1 Plural forms missing in {n} for ru: one (1, 21, 31…)']],
    ['{n, plural, other {#個のファイル}}', 'ja', []],
    ['{n, plural, one {#個} other {#個}}', 'ja', ['0 1012/1 Plural form one in {n} is never used in ja, whose forms are other']],
    ['{n, plural, one {# Datei} few {# Dateien} other {# Dateien}}', 'de', ['0 1012/1 Plural form few in {n} is never used in de, whose forms are one, other']],
    ['{n, plural, =0 {keine} one {# Datei} other {# Dateien}}', 'de', []],
    ['{n, plural, one {# fichier} other {# fichiers}}', 'fr', ['0 1011/0 Plural forms missing in {n} for fr: many (1000000, 2000000, 10000000)']],
    ['{p, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}', 'en', []],
    ['{p, selectordinal, one {#st} other {#th}}', 'en', ['0 1011/1 Ordinal forms missing in {p} for en: two (2, 22, 32…), few (3, 23, 33…)']],
  ])('%j (%s)', (target, locale, expected) => expect(run([icu(target, locale)])).toEqual(expected))

  it('says nothing for a language Intl does not know, or a message it cannot read', () => {
    expect(run([icu('{n, plural, one {# x} other {# y}}', 'tlh')])).toEqual([])
    expect(run([icu('{n, plural, one {# x} other {# y}', 'pl')])).toEqual([])
  })
})

/** One form of a plural group, as pairing builds it: every form of the group in the target file. */
function form(plural: PluralCategory, target: string[], options: { locale?: string; source?: string[]; group?: string; line?: number; format?: string; file?: string } = {}): CheckInput {
  const group = options.group ?? 'cart.items'
  const i = input('{{count}} items', `{{count}} ${plural}`, { locale: options.locale ?? 'pl', unit: { key: `${group}_${plural}`, plural, pluralGroup: group } })
  const segment = {
    ...i.segment,
    file: options.file ?? `locales/${options.locale ?? 'pl'}/app.json`,
    key: `${group}_${plural}`,
    line: options.line ?? 1,
    format: options.format ?? 'json',
    pluralForms: { target, ...(options.source !== null && { source: options.source ?? ['one', 'other'] }) },
  }
  return { ...i, segment }
}

describe('plural groups (i18next keys, PO msgstr[n], Android, Apple)', () => {
  it('reports a group once, on its first form, with the forms the language lacks', () => {
    const forms = ['one', 'other']
    expect(run([form('other', forms, { line: 9 }), form('one', forms, { line: 8 })])).toEqual(['1 1011/2 Plural forms missing in cart.items for pl: few (2, 3, 4…), many (0, 5, 6…)'])
  })

  it.each<[string, string[], string, string | undefined, string[]]>([
    ['complete Polish', ['one', 'few', 'many', 'other'], 'pl', 'json', []],
    // gettext has three Polish forms; `other` (fractions) is not required
    ['Polish PO', ['one', 'few', 'many'], 'pl', 'po', []],
    ['Japanese with one', ['one', 'other'], 'ja', 'json', ['0 1012/1 Plural form one in cart.items is never used in ja, whose forms are other']],
    ['i18next zero', ['zero', 'one', 'other'], 'de', 'json', []],
    // Rails's default pluralization picks `one` for 1 whatever the language
    ['Rails YAML Japanese with one', ['one', 'other'], 'ja', 'yaml', []],
    ['Rails YAML Japanese with zero and one', ['zero', 'one', 'other'], 'zh-TW', 'yaml', []],
    ['Rails YAML Japanese with few', ['one', 'few', 'other'], 'ja', 'yaml', ['0 1012/1 Plural form few in cart.items is never used in ja, whose forms are other']],
    ['Rails YAML German with few', ['one', 'few', 'other'], 'de', 'yaml', ['0 1012/1 Plural form few in cart.items is never used in de, whose forms are one, other']],
    ['Android zero in English', ['zero', 'one', 'other'], 'en-GB', 'android', ['0 1012/1 Plural form zero in cart.items is never used in en-GB, whose forms are one, other']],
    ['explicit =0', ['=0', 'one', 'other'], 'de', 'po', []],
    ['French without many', ['one', 'other'], 'fr', 'json', ['0 1011/0 Plural forms missing in cart.items for fr: many (1000000, 2000000, 10000000)']],
    ['German without one', ['other'], 'de', 'json', ['0 1011/2 Plural forms missing in cart.items for de: one (1)']],
  ])('%s', (_name, forms, locale, format, expected) => {
    expect(run([form(forms[0] as PluralCategory, forms, { locale, format })])).toEqual(expected)
  })

  it('uses ordinal rules for i18next ordinal groups', () => {
    expect(run([form('one', ['one', 'two', 'few', 'other'], { locale: 'en', group: 'place_ordinal' })])).toEqual([])
    expect(run([form('one', ['one', 'other'], { locale: 'en', group: 'place_ordinal' })])).toEqual(['0 1011/2 Ordinal forms missing in place_ordinal for en: two (2, 22, 32…), few (3, 23, 33…)'])
  })

  it('keeps groups of different files and locales apart', () => {
    const de = form('other', ['other'], { locale: 'de', file: 'locales/de/app.json' })
    const pl = form('one', ['one', 'other'], { locale: 'pl', file: 'locales/pl/app.json' })
    expect(run([de, pl])).toEqual(['0 1011/2 Plural forms missing in cart.items for de: one (1)', '1 1011/2 Plural forms missing in cart.items for pl: few (2, 3, 4…), many (0, 5, 6…)'])
  })

  it('leaves a group the source lacks to key-not-in-source', () => {
    const orphan = form('other', ['other'], { locale: 'de', source: undefined, group: 'promo.items' })
    expect(run([{ ...orphan, segment: { ...orphan.segment, source: undefined } }])).toEqual([])
  })

  it('ignores a lone `_other` key the source does not use as a plural', () => {
    expect(run([form('other', ['other'], { locale: 'de', source: ['other'], group: 'payment.reason' })])).toEqual([])
  })
})
