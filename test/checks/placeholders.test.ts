import { describe, expect, it } from '@jest/globals'
import { placeholderRules } from '../../src/checks/placeholders.js'
import type { PlaceholderSyntax } from '../../src/model.js'
import { input } from '../helpers/segments.js'

type Options = Parameters<typeof input>[2]

function messages(source: string, target: string, options: Options = {}): string[] {
  const i = input(source, target, options)
  return placeholderRules.flatMap((c) => c.check(i).map((h) => `${c.rule}${h.s !== undefined && h.s !== c.severity ? `/${h.s}` : ''} ${h.d}`))
}

/** Pairs read with an explicit syntax (a format or flag says so), or inferred when none is given. */
type Row = [source: string, target: string, expected: string[], syntax?: PlaceholderSyntax]
const check = ([source, target, expected, syntax]: Row) => expect(messages(source, target, syntax ? { syntaxes: [syntax] } : {})).toEqual(expected)

describe('ICU placeholders', () => {
  it.each<Row>([
    ['{count} items', '{count} Artikel', []],
    ['{count} items', 'Artikel', ['1051 Placeholder {count} is missing']],
    ['Hello {name}', 'Hallo {nom}', ['1053 Placeholder {name} became {nom}']],
    ['Hello', 'Hallo {name}', ['1052 Placeholder {name} is not in the source']],
    ['{a} and {b}', '{b} und {a}', []],
    ['{a} and {a}', '{a}', []],
    ['{n, plural, one {# file} other {# files}}', '{n, plural, one {# Datei} other {# Dateien}}', []],
    ['{n, plural, one {# file} other {# files}}', '{n, plural, one {# Datei} other {# Dateien}', ['1050 ICU MessageFormat syntax error: expect argument closing brace'], 'icu'],
    // A broken source is the developer's to fix: nothing on the translation
    ['{n, plural, one {# file} other {# files}', '{n, plural, one {# Datei} other {# Dateien}', [], 'icu'],
    ['{n, number} items', '{n} Artikel', ['1054/1 Placeholder {n, number} became {n}: number in the source, plain in the translation']],
    ['{g, select, male {He} other {They}}', '{g, plural, one {Er} other {Sie}}', ['1054 Placeholder {g, select, …} became {g, plural, …}: select in the source, plural in the translation']],
    // A plural or select the target language needs may be added
    ['{count} items', '{count, plural, one {# Artikel} other {# Artikel}}', []],
    ['{n, number} items', '{n, plural, one {# Artikel} other {# Artikel}}', []],
    ['{n, number} items', '{n, select, other {# Artikel}}', ['1054/1 Placeholder {n, number} became {n, select, …}: number in the source, select in the translation']],
    ['{d, date, short}', '{d, time, short}', ['1054 Placeholder {d, date, short} became {d, time, short}: date in the source, time in the translation']],
    ['{n, number, ::currency/EUR}', '{n, number, ::currency/USD}', ['1055 Placeholder {n, number, ::currency/EUR} became {n, number, ::currency/USD}: its style changed']],
    ['{d, date, short}', '{d, date, long}', ['1055/0 Placeholder {d, date, short} became {d, date, long}: its style changed']],
    // An apostrophe right before a brace quotes it: the placeholder is shown as text
    ['Open "{name}"', "Ouvrir '{name}'", ["1051 Placeholder {name} is inside quoted text, so it is shown as is: an apostrophe before it starts a quote (write '' for an apostrophe)"], 'icu'],
    ['Open "{name}"', "Ouvrir ''{name}''", [], 'icu'],
  ])('%j -> %j', (...row) => check(row))

  it('lets a plural become plain text where the language has one plural form', () => {
    const source = 'You have {n, plural, one {# file} other {# files}}'
    expect(messages(source, '{n}個のファイルがあります', { locale: 'ja' })).toEqual([])
    expect(messages(source, 'Sie haben {n} Dateien', { locale: 'de' })).toEqual(['1054/1 Placeholder {n, plural, …} became {n}: plural in the source, plain in the translation'])
  })
})

describe('i18next', () => {
  it.each<Row>([
    ['Hello {{name}}', 'Hallo {{name}}', []],
    ['Hello {{name}}', 'Hallo', ['1061 Placeholder {{name}} is missing']],
    ['Hello {{name}}', 'Hallo {{ name }}', []],
    ['{{count}} items', '{{count}} Artikel {{extra}}', ['1062 Placeholder {{extra}} is not in the source']],
    ['See $t(terms)', 'Siehe $t(terms)', []],
    ['See $t(terms)', 'Siehe $t(bedingungen)', ['1063 Placeholder $t(terms) became $t(bedingungen)']],
    ['Hi {{name}}', 'Hallo {{- name}}', ['1064 Placeholder {{name}} became {{- name}}: escaped in the source, unescaped in the translation']],
    ['Hi {{- name}}', 'Hallo {{name}}', ['1064/1 Placeholder {{- name}} became {{name}}: unescaped in the source, escaped in the translation']],
    ['{{d, datetime}}', '{{d, relativetime}}', ['1065 Placeholder {{d, datetime}} became {{d, relativetime}}: its formatter changed']],
    ['{{n, number(minimumFractionDigits: 2)}}', '{{n, number(minimumFractionDigits:2)}}', []],
  ])('%j -> %j', (...row) => check(row))
})

describe('printf', () => {
  it.each<Row>([
    ['%1$s of %2$d', '%2$d von %1$s', []],
    ['%s of %d', '%2$d von %1$s', []],
    ['%s of %d', '%s von', ['1071 Placeholder %d is missing']],
    ['%d%% done', '%d%% fertig', []],
    ['%s', '%d', ['1074 Placeholder %s became %d: string in the source, int in the translation']],
    ['%s of %d', '%d von %s', ['1074 Placeholder %s became %d: string in the source, int in the translation', '1074 Placeholder %d became %s: int in the source, string in the translation']],
    ['%ld files', '%d Dateien', ['1074 Placeholder %ld became %d: long in the source, int in the translation']],
    ['%@ and %@', '%1$@ und %3$@', ['1073 Placeholder %@ became %3$@']],
    ['%d', '%d %d', ['1072 Placeholder %d is not in the source: the source has 1 argument']],
    ['%1$s of %2$d', '%1$s von %2$d (%3$s)', ['1072 Placeholder %3$s is not in the source: the source has 2 arguments']],
    ['%.2f MB', '%.1f MB', ['1075 Placeholder %.2f became %.1f: its flags, width, precision or conversion changed']],
    ['%d files', '%i Dateien', []],
    ['%d', '%x', ['1075 Placeholder %d became %x: its flags, width, precision or conversion changed']],
    ["%'d items", '%d Artikel', ["1075 Placeholder %'d became %d: its flags, width, precision or conversion changed"]],
    ['%1$+5d and %1$d', '%1$d und %1$+5d', []],
    ['%s of %s', '%1$s von %s', ['1070 printf format syntax error: mixes numbered (%1$s) and unnumbered (%s) conversions; number all of them']],
    ['%#@files@ found', '%#@dateien@ gefunden', ['1074 Placeholder %#@files@ became %#@dateien@: variable files in the source, variable dateien in the translation']],
    ['50% off %s', '50 % Rabatt %s', []],
  ])('%j -> %j', (...row) => check(row))

  it('accepts %.0s for an argument a plural form leaves out', () => {
    expect(messages('%d file', '%.0sEine Datei', { syntaxes: ['printf'] })).toEqual([])
  })
})

describe('Ruby', () => {
  it.each<Row>([
    ['Hello %{name}', 'Hallo %{name}', []],
    ['Hello %{name}', 'Hallo', ['1081 Placeholder %{name} is missing']],
    ['%<n>d items', '%{n} Artikel', ['1085 Placeholder %<n>d became %{n}: its flags, width, precision or conversion changed']],
    ['%{name} joined', '%<name>d ist da', ['1084 Placeholder %{name} became %<name>d: string in the source, integer in the translation']],
  ])('%j -> %j', (...row) => check(row))
})

describe('Python %-format', () => {
  it.each<Row>([
    ['%(num)d of %(str)s', '%(str)s: %(num)d', []],
    ['%(num)d of %(str)s', '%(nummer)d von %(str)s', ['1093 Placeholder %(num)d became %(nummer)d']],
    ['%(str)s and %(num)d', '%(num)d en %s', ['1090 Python %-format syntax error: mixes named (%(num)d) and positional (%s) conversions, which Python rejects']],
    ['%(name)s', '%(name)d', ['1094 Placeholder %(name)s became %(name)d: string in the source, integer in the translation']],
    ['%(n)d', '%(n).1f', ['1095 Placeholder %(n)d became %(n).1f: its flags, width, precision or conversion changed']],
    ['%s and %s', '%s', ['1091 Placeholder %s is missing'], 'python-format'],
  ])('%j -> %j', (...row) => check(row))
})

describe('Python str.format (pofilter pythonbraceformat semantics)', () => {
  it.each<Row>([
    ['String {} and number {}', 'String {} en nommer {}', []],
    ['String {1}', 'Nommer {} en string {}', []],
    ['String {1} and number {0}', 'Nommer {0} en string {1}', []],
    ['String {}, {}', 'String {}', ['1101 Placeholder {} is missing']],
    ['String {}', 'String {} en nommer {}', ['1102 Placeholder {} is not in the source: the source has 1 argument']],
    ['{name} joined', '{name} ist {status}', ['1102 Placeholder {status} is not in the source'], 'python-brace'],
    ['String {}', 'Nommer {1}', ['1103 Placeholder {} became {1}']],
    ['String {0} {}', 'Nommer {1}', ['1103 Placeholder {0} became {1}'], 'python-brace'],
    ['{str} and {num}', '{num} en {onbekend}', ['1103 Placeholder {str} became {onbekend}'], 'python-brace'],
    ['{name} joined', '{name} ist da}', ["1100 Python str.format syntax error: a single '}' must be written '}}'"], 'python-brace'],
    ['{a} and {b}', '{} und {0}', ['1100 Python str.format syntax error: mixes automatic {} and numbered {0} fields, which Python rejects'], 'python-brace'],
    ['{user.name}', '{user.nom}', ['1103 Placeholder {user.name} became {user.nom}']],
    ['{n:.2f} MB', '{n:d} MB', ['1104 Placeholder {n:.2f} became {n:d}: float in the source, integer in the translation']],
    ['{n:d} MB', '{n:.1f} MB', ['1105 Placeholder {n:d} became {n:.1f}: its conversion or format spec changed']],
    ['{{literal}} {x}', '{{wörtlich}} {x}', [], 'python-brace'],
  ])('%j -> %j', (...row) => check(row))
})

describe('Java MessageFormat', () => {
  it.each<Row>([
    ['{0} files in {1}', '{1}: {0} fichiers', []],
    ["It''s {0}", "C''est {0}", []],
    ["It''s {0}", "C'est {0}", ["1111 Placeholder {0} is inside quoted text, so it is shown as is: an apostrophe before it starts a quote (write '' for an apostrophe)"]],
    ['{0,number,integer} files', '{0} fichiers', ['1115 Placeholder {0,number,integer} became {0}: its format type or style changed']],
    ['{0,choice,0#File|1#Network} access', 'Accès {0,choice,0#fichier|1#réseau}', []],
    ['{0,choice,0#no files|1#one file|1<{0,number} files}', '{0,choice,0#aucun fichier|1#un fichier|1<{0,number} fichiers}', []],
    ['{0,choice,0#no files|1#one file|1<{0} files}', '{0,choice,0#aucun fichier|1<{0} fichiers}', ['1115 Placeholder {0,choice,0#no files|1#one file|1<{0} files} became {0,choice,0#aucun fichier|1<{0} fichiers}: its format type or style changed']],
    ['{0,number} files', '{0,date} fichiers', ['1114 Placeholder {0,number} became {0,date}: number in the source, date in the translation']],
    ['{0} files', '{0 fichiers', ["1110 Java MessageFormat syntax error: '{' is not closed (a literal brace is written '{')"]],
    ['{1} of {0}', '{0} de {2}', ['1113 Placeholder {1} became {2}']],
  ])('%j -> %j', (source, target, expected) => check([source, target, expected, 'java-messageformat']))
})

describe('.NET composite format', () => {
  it.each<Row>([
    ['{0} of {1}', '{1} von {0}', []],
    ['{1} files', '{0}: {1} Dateien', []],
    ['{0:N2} EUR', '{0:N0} EUR', ['1125 Placeholder {0:N2} became {0:N0}: its alignment or format string changed']],
    ['{0} files', '{0} Dateien {1}', ['1122 Placeholder {1} is not in the source: the source has 1 argument']],
    ['{0} files', '{Count} Dateien', ['1120 .NET composite format syntax error: {Count} is not a format item: expected {index[,alignment][:format]}']],
    ['{0} {{literal}}', '{0} {{wörtlich}}', []],
  ])('%j -> %j', (source, target, expected) => check([source, target, expected, 'dotnet']))
})

describe('Qt, JavaScript templates, vue-i18n, Angular, Chrome', () => {
  it.each<Row>([
    ['%1 of %2', '%2 von %1', [], 'qt'],
    ['%1 of %2', '%1 von', ['1131 Placeholder %2 is missing'], 'qt'],
    ['%n files', '%Ln Dateien', ['1135 Placeholder %n became %Ln: its locale-aware marker (%L1) changed'], 'qt'],
    // CKEditor's `%0`, in PO files without a format flag: inferred from markers printf cannot read
    ['Rich Text Editor. Editing area: %0', 'ویرایشگر متن قوی. ویرایش بخش : 0%', ['1131 Placeholder %0 is missing']],
    ['%0 of %1', '第 %0 步，共 %1 步', []],
    ['%0 of %1', '%1 / %1', ['1131 Placeholder %0 is missing']],
    ['Resize image to %0', '画像サイズを%0に変更', []],
    ['Press %0 for help.', 'Drücken Sie %0 oder %1 für Hilfe.', ['1132 Placeholder %1 is not in the source']],
    ['Hi ${name}', 'Hallo ${ name }', []],
    ['Hi ${name}', 'Hallo ${nom}', ['1143 Placeholder ${name} became ${nom}']],
    ['{count} items in @:cart.name', '@:cart.name: {count} Artikel', [], 'vue'],
    ['{count} items', '%{count} Artikel', [], 'vue'],
    ['See @.lower:terms', 'Siehe @:terms', ['1155 Placeholder @.lower:terms became @:terms: its link modifier changed'], 'vue'],
    ['{count} items', '{count} Artikel}', ["1150 vue-i18n syntax error: '}' does not open or close a placeholder; write {'}'} for a literal brace"], 'vue'],
    ['Total: {{ total | currency }}', 'Summe: {{total|currency}}', []],
    ['Total: {{ total | currency }}', 'Summe: {{ total | number }}', ['1165 Placeholder {{ total | currency }} became {{ total | number }}: its pipes changed']],
    ['Hello $USER$', 'Hallo $user$', [], 'chrome'],
    ['Hello $user$', 'Hallo $benutzer$', ['1183 Placeholder $user$ became $benutzer$'], 'chrome'],
  ])('%j -> %j', (...row) => check(row))
})

describe('plural forms for one number', () => {
  const one = { unit: { plural: 'one' as const, pluralGroup: 'items' } }

  it('may drop the count, unless strict', () => {
    expect(messages('{{count}} item', 'Ein Artikel', one)).toEqual([])
    expect(messages('{{count}} item', 'Ein Artikel', { ...one, check: { strictPlurals: true } })).toEqual(['1061 Placeholder {{count}} is missing'])
    // Russian "one" also covers 21, 31...: the count must stay.
    expect(messages('{{count}} item', 'Один товар', { ...one, locale: 'ru' })).toEqual(['1061 Placeholder {{count}} is missing'])
    expect(messages('%d item', 'Ein Artikel', { ...one, syntaxes: ['printf'] })).toEqual([])
    expect(messages('{count} item', 'Kein Artikel', { unit: { plural: '=0', pluralGroup: 'items' } })).toEqual([])
  })

  // Element's Czech `zero` form "Nahrávání souboru %(filename)s" was the sixth round's false alarm.
  it.each<[string, string, string, string[]]>([
    ['cs', 'Uploading %(filename)s and %(count)s others', 'Nahrávání souboru %(filename)s', []],
    ['de', '%(count)s files', 'Keine Dateien', []],
    ['ar', '%(count)s files', 'لا ملفات', []],
    // Latvian's zero also covers 10, 11, 20...: the count must stay.
    ['lv', '%(count)s files', 'Nav failu', ['1091 Placeholder %(count)s is missing']],
    ['cs', 'Uploading %(filename)s and %(count)s others', 'Nahrávání souboru', ['1091 Placeholder %(filename)s is missing', '1091 Placeholder %(count)s is missing']],
  ])('a zero form in %s may drop the count', (locale, source, target, expected) =>
    expect(messages(source, target, { locale, unit: { plural: 'zero', pluralGroup: 'files' }, syntaxes: ['python-format'] })).toEqual(expected),
  )

  it('may show the count where the source writes the number as a word, unless strict', () => {
    expect(messages('%{name} and one other', '%{name} und %{count} weiterer', { ...one, syntaxes: ['ruby'] })).toEqual([])
    expect(messages('1 hour', '%{count} час', { ...one, locale: 'ru', syntaxes: ['ruby'] })).toEqual([])
    expect(messages('1 hour', '%{count} Stunde', { ...one, syntaxes: ['ruby'], check: { strictPlurals: true } })).toEqual(['1082 Placeholder %{count} is not in the source'])
    // Only the count: another added placeholder has no value, and outside plural forms nothing is passed.
    expect(messages('1 hour', '%{n} Stunde', { ...one, syntaxes: ['ruby'] })).toEqual(['1082 Placeholder %{n} is not in the source'])
    expect(messages('One hour', '%{count} Stunde', { syntaxes: ['ruby'] })).toEqual(['1082 Placeholder %{count} is not in the source'])
  })

  it('drops only the count: another placeholder, or one that is not a number, is still missing', () => {
    expect(messages('%s has %d item', 'Ein Artikel', { ...one, syntaxes: ['printf'] })).toEqual(['1071 Placeholder %s is missing', '1071 Placeholder %d is missing'])
    expect(messages('%s item', 'Ein Artikel', { ...one, syntaxes: ['printf'] })).toEqual(['1071 Placeholder %s is missing'])
    // Dropping an unnumbered count shifts the next argument into its place
    expect(messages('%d item in %s', 'Ein Artikel in %s', { ...one, syntaxes: ['printf'] })).toEqual([
      '1071 Placeholder %s is missing',
      '1074 Placeholder %d became %s: int in the source, string in the translation',
    ])
    expect(messages('%1$d item in %2$s', 'Ein Artikel in %2$s', { ...one, syntaxes: ['printf'] })).toEqual([])
  })
})
