import { describe, expect, it } from '@jest/globals'
import { placeholderRules } from '../../src/checks/placeholders.js'
import { input } from '../helpers/segments.js'

function messages(source: string, target: string, options: Parameters<typeof input>[2] = {}): string[] {
  const i = input(source, target, options)
  return placeholderRules.flatMap((c) => c.check(i).map((h) => `${c.rule} ${h.d}`))
}

describe('placeholder rules', () => {
  it.each([
    // ICU
    ['{count} items', '{count} Artikel', []],
    ['{count} items', 'Artikel', ['1051 Placeholder {count} is missing']],
    ['Hello {name}', 'Hallo {nom}', ['1053 Placeholder {name} became {nom}']],
    ['Hello', 'Hallo {name}', ['1052 Placeholder {name} is not in the source']],
    ['{a} and {b}', '{b} und {a}', []],
    ['{n, plural, one {# file} other {# files}}', '{n, plural, one {# Datei} other {# Dateien}}', []],
    ['{n, plural, one {# file} other {# files}}', '{n, plural, one {# Datei} other {# Dateien}', ['1050 ICU MessageFormat syntax error: expect argument closing brace']],
    // i18next
    ['Hello {{name}}', 'Hallo {{name}}', []],
    ['Hello {{name}}', 'Hallo', ['1061 Placeholder {{name}} is missing']],
    ['Hello {{name}}', 'Hallo {{ name }}', []],
    ['{{count}} items', '{{count}} Artikel {{extra}}', ['1062 Placeholder {{extra}} is not in the source']],
    ['See $t(terms)', 'Siehe $t(terms)', []],
    // printf
    ['%1$s of %2$d', '%2$d von %1$s', []],
    ['%s of %d', '%s von', ['1071 Placeholder %d is missing']],
    ['%d%% done', '%d%% fertig', []],
    ['%s', '%d', ['1074 Placeholder %s became %d: string in the source, int in the translation']],
    // Ruby
    ['Hello %{name}', 'Hallo %{name}', []],
    ['Hello %{name}', 'Hallo', ['1081 Placeholder %{name} is missing']],
  ])('%j -> %j', (source, target, expected) => {
    expect(messages(source, target)).toEqual(expected)
  })

  it('lets a plural form for one number drop the count, unless strict', () => {
    const one = { unit: { plural: 'one' as const, pluralGroup: 'items' } }
    expect(messages('{{count}} item', 'Ein Artikel', one)).toEqual([])
    expect(messages('{{count}} item', 'Ein Artikel', { ...one, check: { strictPlurals: true } })).toEqual(['1061 Placeholder {{count}} is missing'])
    // Russian "one" also covers 21, 31...: the count must stay.
    expect(messages('{{count}} item', 'Один товар', { ...one, locale: 'ru' })).toEqual(['1061 Placeholder {{count}} is missing'])
  })
})
