import { describe, expect, it } from '@jest/globals'
import { icuMessageRules } from '../../src/checks/icu-messages.js'
import { javaApostrophe } from '../../src/checks/java-apostrophes.js'
import { input } from '../helpers/segments.js'

function messages(source: string, target: string, options: Parameters<typeof input>[2] = {}): string[] {
  const i = input(source, target, { syntaxes: ['icu'], ...options })
  return icuMessageRules.flatMap((c) => c.check(i).map((h) => `${c.rule}${h.s !== undefined && h.s !== c.severity ? `/${h.s}` : ''} ${h.d}`))
}

const gender = '{g, select, female {She} male {He} other {They}} replied'

describe('ICU message rules', () => {
  it.each<[string, string, string[]]>([
    // select keys
    [gender, '{g, select, female {Sie} male {Er} other {Sie}} antwortete', []],
    [gender, '{g, select, weiblich {Sie} male {Er} other {Sie}} antwortete', ['1056 The select {g} lacks female and has weiblich, not in the source']],
    [gender, '{g, select, female {Sie} other {Sie}} antwortete', ['1056 The select {g} lacks male']],
    [gender, '{g, select, female {Sie} male {Er} diverse {Sie} other {Sie}} antwortete', ['1056/1 The select {g} has diverse, not in the source']],
    // other
    ['{n, plural, one {# file} other {# files}}', '{n, plural, one {# Datei}}', ['1057 The plural {n} has no other form']],
    [gender, '{g, select, female {Sie} male {Er}} antwortete', ['1057 The select {g} has no other form']],
    ['{g, select, female {She} male {He}}', '{g, select, female {Sie} male {Er}}', []],
    // # outside the plural
    ['{n, plural, one {# file} other {# files}}', '# {n, plural, one {Datei} other {Dateien}}', ['1058 # is outside the plural, so it is shown as "#" instead of the number']],
    ['Issue #{id}: {n, plural, one {# file} other {# files}}', 'Ticket #{id}: {n, plural, one {# Datei} other {# Dateien}}', []],
    ['Item #{id}', 'Artikel Nr. #{id}', []],
    // the number left out of a form
    ['{n, plural, one {# file} other {# files}}', '{n, plural, one {Eine Datei} other {# Dateien}}', []],
    ['{n, plural, one {# file} other {# files}}', '{n, plural, one {# Datei} other {Dateien}}', ['1059 The other form of {n} does not show the number (used for 0, 2, 3…)']],
    ['{n, plural, =0 {No files} one {# file} other {# files}}', '{n, plural, =0 {Keine Dateien} one {# Datei} other {{n, number} Dateien}}', []],
    ['{n, plural, one {# file} other {# files}}', '{n, plural, one {# Datei} other {<b>#</b> Dateien}}', []],
    // unreadable messages are the syntax rule's
    ['{n, plural, one {# file} other {# files}}', '{n, plural, one {# Datei} other {Dateien}', []],
  ])('%j -> %j', (source, target, expected) => expect(messages(source, target)).toEqual(expected))

  it('knows which forms cover one number in the target language, and honours strict-plurals', () => {
    const source = '{n, plural, one {# file} other {# files}}'
    expect(messages(source, '{n, plural, one {один файл} few {# файла} many {# файлов} other {# файла}}', { locale: 'ru' })).toEqual([
      '1059 The one form of {n} does not show the number (used for 1, 21, 31…)',
    ])
    expect(messages(source, '{n, plural, one {Eine Datei} other {# Dateien}}', { check: { strictPlurals: true } })).toEqual(['1059 The one form of {n} does not show the number (used for 1)'])
    expect(messages('{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}', '{n, selectordinal, other {#.}}', { locale: 'de' })).toEqual([])
  })
})

describe('Java MessageFormat apostrophes', () => {
  const run = (source: string, target: string) => javaApostrophe.check(input(source, target, { locale: 'fr', syntaxes: ['java-messageformat'] })).map((h) => h.d)
  const vanishes = ["The apostrophe starts quoted text in a MessageFormat pattern and is not shown: write '' for an apostrophe"]

  it.each<[string, string, string[]]>([
    ['{0} at the time', "{0} à l'heure", vanishes],
    ['{0} at the time', "{0} à l''heure", []],
    // A quoted placeholder is reported as missing, not twice
    ['{0} at the time', "À l'heure {0}", []],
    // Without arguments or '' the string may never go through MessageFormat
    ['At the time', "À l'heure", []],
    ["Quote a brace: {0} and '{'", "Accolade : {0} et '{'", []],
  ])('%j -> %j', (source, target, expected) => expect(run(source, target)).toEqual(expected))
})
