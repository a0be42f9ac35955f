import { describe, expect, it } from '@jest/globals'
import type { PlaceholderSyntax } from '../../src/model.js'
import { syntaxDef, syntaxesFor } from '../../src/placeholders/index.js'

const unit = { key: 'k', value: '', span: { start: 0, end: 1 } }

/** What a syntax reads in a text: `id type format` per placeholder, or the error. */
function read(syntax: PlaceholderSyntax, text: string): string[] {
  const { placeholders, error } = syntaxDef(syntax)!.extract(text)
  const out = placeholders.map((p) => [p.id, p.type, p.format].filter((x) => x !== undefined && x !== '').join(' '))
  return error ? [...out, `error@${error.offset}${error.recovered ? ' recovered' : ''}: ${error.message}`] : out
}

describe('inferring the syntax from the source and target', () => {
  it.each<[string, string, PlaceholderSyntax[]]>([
    // Percent signs in prose are not printf
    ['100% sure', '100 % sicher', []],
    ['50 % off', '50 % Rabatt', []],
    ['Save 50%off today', 'Heute 50%off', []],
    ['Completed 100%, thanks', 'Zu 100%, danke', []],
    ['%d%% done', '%d%% fertig', ['printf']],
    ['%1$s of %2$d', '%2$d von %1$s', ['printf']],
    ['Size: %dMB', 'Größe: %d MB', ['printf']],
    ['%1%, %2%', '%1%, %2%', []],
    // strftime date patterns (Rails `date.formats`): a locale reorders them at will
    ['%B %d, %Y', '%d. %B %Y', []],
    ['%m/%d/%Y %I:%M %p', '%d.%m.%Y %H:%M', []],
    ['Cannot open %s: %m', 'Kann %s nicht öffnen: %m', ['printf']],
    // Braces
    ['Hello {name}', 'Hallo {name}', ['icu']],
    ['{count, plural, one {# item} other {# items}}', '{count, plural, one {# Artikel} other {# Artikel}}', ['icu']],
    ['Hello {{name}}', 'Hallo {{name}}', ['i18next']],
    ['Total {{ total | currency }}', 'Summe {{ total | currency }}', ['angular']],
    ['{} of {}', '{} von {}', ['python-brace']],
    ['{user.name} joined', '{user.name} ist da', ['python-brace']],
    ['{0!r} failed', '{0!r} fehlgeschlagen', ['python-brace']],
    ['{size:.1f} MB', '{size:.1f} MB', ['python-brace']],
    ['{0:N2} EUR', '{0:N2} EUR', ['dotnet']],
    ['{0,-10}|', '{0,-10}|', ['dotnet']],
    ['{0:yyyy-MM-dd}', '{0:dd.MM.yyyy}', ['dotnet']],
    ['Hello ${name}', 'Hallo ${name}', ['es-template']],
    ['See @:terms.title', 'Siehe @:terms.title', ['vue']],
    ['Hi $user$', 'Hallo $user$', ['chrome']],
    ['Costs $5', 'Kostet 5 $', []],
    // Percent look-alikes
    ['Hello %{name}', 'Hallo %{name}', ['ruby']],
    ['%(count)d files', '%(count)d Dateien', ['python-format']],
    ['Copied %1 of %2', '%1 von %2 kopiert', ['qt']],
    // `%0` is no printf conversion: CKEditor's and arg()'s markers, numbered from 0
    ['Editing area: %0', 'Область редактирования: %0', ['qt']],
    ['%0 of %1', '%0/%1', ['qt']],
    ['Resize image to %0', '画像サイズを%0に変更', ['qt']],
    ['Editing area: %0', 'ویرایش بخش : 0%', ['qt']],
    // a printf conversion is not read as a marker too
    ['%0.1fKB selected', '%0.1fKB sélectionnés', ['printf']],
    ['%02d files', '%02d Dateien', ['printf']],
    ['Plain text', 'Einfacher Text', []],
  ])('%j -> %j', (source, target, expected) => {
    expect(syntaxesFor(unit, undefined, source, target)).toEqual(expected)
  })

  it('takes a syntax found only in the target, unless the source has a syntax that covers the string', () => {
    expect(syntaxesFor(unit, undefined, 'Save', 'Speichern %s')).toEqual(['printf'])
    expect(syntaxesFor(unit, undefined, 'Save', 'Speichern {name}')).toEqual(['icu'])
    // ICU braces next to printf are prose, not a second syntax
    expect(syntaxesFor(unit, undefined, '%s files', '{count} Dateien')).toEqual(['printf'])
    // A more specific look-alike in the target replaces the source's reading
    expect(syntaxesFor(unit, undefined, 'String {1}', 'Nommer {} en string {}')).toEqual(['python-brace'])
    expect(syntaxesFor(unit, undefined, 'Hello {{name}}', 'Hallo {name}')).toEqual(['i18next'])
  })

  it('reads a percentage written sign first (Turkish %75 for 75%) as a number, not a Qt marker', () => {
    expect(syntaxesFor(unit, undefined, 'Extended progress 25%', 'Genişletilmiş ilerleme %25')).toEqual([])
    expect(syntaxesFor(unit, undefined, '75%', '%75')).toEqual([])
    expect(syntaxesFor(unit, undefined, 'Extended progress 25%', 'İlerleme %2')).toEqual(['qt'])
    expect(syntaxesFor(unit, undefined, 'Progress', 'İlerleme %25')).toEqual(['qt'])
  })

  it('uses the unit syntax, then the format syntax, before inferring', () => {
    expect(syntaxesFor({ ...unit, syntax: ['java-messageformat'] }, ['printf'], '{0}', '{0}')).toEqual(['java-messageformat'])
    expect(syntaxesFor(unit, ['printf'], 'Hello {name}', 'Hallo {name}')).toEqual(['printf'])
    expect(syntaxesFor({ ...unit, syntax: ['printf', 'python-format'] }, undefined, '%(n)d', '%(n)d')).toEqual(['python-format'])
  })
})

describe('printf', () => {
  it.each<[string, string[]]>([
    ['%s', ['1 string s']],
    ['%1$s and %2$d', ['1 string s', '2 int d']],
    ['%i', ['1 int d']],
    ['%lld %ld %zu %hhd', ['1 long long d', '2 long d', '3 size_t u', '4 int d']],
    ['%.2f %Lf %10.3e', ['1 double .2f', '2 long double f', '3 double 10.3e']],
    ["%'d %,d %-5s %+d %#x", ["1 int 'd", '2 int ,d', '3 string -5s', '4 int +d', '5 int #x']],
    ['%@ %1$@', ['1 object @', '1 object @', "error@3 recovered: mixes unnumbered (%@) and numbered (%1$@) conversions; number all of them"]],
    ['%(name)s has %(count)d', ['name string s', 'count int d']],
    ['%(name)s has %d', ['name string s', '1 int d', 'error@13 recovered: mixes named (%(name)s) and unnumbered (%d) conversions; use one kind']],
    ['writing %1%, x=%2% : %3%-th try', ['1 any', '2 any', '3 any']],
    ['%#@files@ in %@', ['1 variable files', '2 object @']],
    ['%*d', ['1 int *', '2 int *d']],
    ['%c %lc %ls %p %b %tY', ['1 character c', '2 wide character c', '3 wide string s', '4 pointer p', '5 boolean b', '6 date/time tY']],
    ['%.0s', ['1 hidden']],
    ['100%% and %n', []],
    ['%0$s', ['0 string s', 'error@0 recovered: %0$s refers to argument 0; arguments are numbered from 1']],
  ])('%j', (text, expected) => expect(read('printf', text)).toEqual(expected))
})

describe('Python %-format', () => {
  it.each<[string, string[]]>([
    ['%(name)s has %(count)d', ['name string s', 'count integer d']],
    ['%s and %.2f', ['1 string s', '2 float .2f']],
    ['%(a)s and %s', ['a string s', '1 string s', 'error@10 recovered: mixes named (%(a)s) and positional (%s) conversions, which Python rejects']],
    ['%(a)z', ['error@0: %(a) has no valid conversion character after the name']],
    ['50% off', []],
  ])('%j', (text, expected) => expect(read('python-format', text)).toEqual(expected))
})

describe('Python str.format', () => {
  it.each<[string, string[]]>([
    ['{} and {}', ['0', '1']],
    ['{1} {0}', ['1', '0']],
    ['{name} {user.name} {items[0]}', ['name', 'user.name', 'items[0]']],
    ['{0!r:>10} {0:.2f}', ['0 !r:>10', '0 float :.2f']],
    ['{{literal}} {x}', ['x']],
    ['{:{width}}', ['0 :{width}', 'width']],
    ['oops }', ["error@5: a single '}' must be written '}}'"]],
    ['{name', ["error@0: '{' is not closed; a literal brace is written '{{'"]],
    ['{} {0}', ['0', '0', 'error@3 recovered: mixes automatic {} and numbered {0} fields, which Python rejects']],
    ['{0!x}', ['error@0: {0!x}: conversion !x must be !r, !s or !a']],
    ['{a.}', ['error@0: {a.}: an attribute after "." is empty']],
  ])('%j', (text, expected) => expect(read('python-brace', text)).toEqual(expected))

  it('counts the arguments the caller passes', () => {
    expect(syntaxDef('python-brace')!.extract('String {1}').arguments).toBe(2)
    expect(syntaxDef('python-brace')!.extract('{} {} {}').arguments).toBe(3)
  })
})

describe('Java MessageFormat', () => {
  it.each<[string, string[]]>([
    ['{0} and {1,number,integer}', ['0 plain plain', '1 number number,integer']],
    ['{0,choice,0#no files|1#one file|1<{0,number} files}', ['0 choice choice,0#|1#|1<']],
    ['{0,choice,-\u221E#below| 0 # none|2\u2264many}', ['0 choice choice,-\u221E#|0#|2\u2264']],
    ["It''s {0}", ['0 plain plain']],
    ["l'{0}", []],
    ['{0', ["error@0: '{' is not closed (a literal brace is written '{')"]],
    ['{name}', ['error@0: {name} is not a format element: expected {index}, {index,type} or {index,type,style}']],
    ['{0,plural}', ['error@0: unknown format type "plural": expected number, date, time or choice']],
  ])('%j', (text, expected) => expect(read('java-messageformat', text)).toEqual(expected))

  it('lists placeholders an apostrophe quotes', () => {
    expect(syntaxDef('java-messageformat')!.extract("l'{0} et {1}").quoted?.map((p) => p.text)).toEqual(['{0}', '{1}'])
    expect(syntaxDef('java-messageformat')!.extract("'{0}' is {1}").quoted?.map((p) => p.text)).toEqual(['{0}'])
  })
})

describe('.NET, Qt, JavaScript template, vue-i18n, Angular, Chrome, i18next, Ruby', () => {
  it.each<[PlaceholderSyntax, string, string[]]>([
    ['dotnet', '{0} {1,-10:N2} {{2}}', ['0', '1 ,-10:N2']],
    ['dotnet', '{Name}', ['error@0: {Name} is not a format item: expected {index[,alignment][:format]}']],
    ['dotnet', '{0} }', ["error@4: a single '}' must be written '}}'"]],
    ['qt', '%1 %L2 %n %Ln %10 %1$s 50%', ['1', '2 L', 'n', 'n L', '10']],
    ['qt', '%0 of %1, %0で', ['0', '1', '0']],
    ['es-template', '${ user.name } ${count}', ['user.name', 'count']],
    ['vue', "{name} %{count} {0} {'@'} @:common.ok @.lower:(app.title)", ['name', 'count', '0', '@:common.ok', '@:app.title lower']],
    ['vue', '{name', ["error@0: '{' does not open or close a placeholder; write {'{'} for a literal brace"]],
    ['angular', '{{ total | currency:"EUR" }} {{ a || b }}', ['total |currency:"EUR"', 'a||b']],
    ['chrome', '$USER$ owes $$5, see $1', ['$user$', '$1']],
    ['i18next', '{{name}} {{- html}} {{price, currency(EUR)}} $t(common.ok)', ['name escaped', 'html unescaped', 'price escaped currency(EUR)', '$t(common.ok)']],
    ['ruby', '%{name} %<count>d %<price>.2f', ['name string s', 'count integer d', 'price float .2f']],
    ['icu', '{n, plural, one {# {item}} other {{n, number} items}} {d, date, short} {amount, number, ::currency/EUR}', ['n plural', 'item plain', 'd date short', 'amount number ::currency/EUR']],
  ])('%s %j', (syntax, text, expected) => expect(read(syntax, text)).toEqual(expected))
})
