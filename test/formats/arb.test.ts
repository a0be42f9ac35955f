import { describe, expect, it } from '@jest/globals'
import { arb } from '../../src/formats/arb.js'
import { formatForPath } from '../../src/formats/index.js'
import { fixtureBytes, keyValueLine, read } from '../helpers/units.js'

describe('Flutter ARB', () => {
  it('reads messages with lines and descriptions; metadata and globals are not messages', () => {
    const r = read(arb, fixtureBytes('arb/l10n/app_en.arb'), { locale: 'en' })
    expect(r.problems).toEqual([])
    expect(r.locale).toBe('en')
    expect(keyValueLine(r)).toEqual([
      ['appTitle', 'Recipe Box', 4],
      ['greeting', 'Hello, {userName}!', 8],
      ['recipeCount', '{count, plural, =0{No recipes yet} =1{1 recipe} other{{count} recipes}}', 18],
      ['cookTime', 'Ready in {minutes} min', 27],
      ['diet', '{diet, select, vegan{Vegan} vegetarian{Vegetarian} other{Any diet}}', 36],
      ['quote', 'Say "cheese"\nand smile', 37],
    ])
    expect(r.units.map((u) => u.comment)).toEqual(['The title of the application', 'Greets the signed-in user on the home screen', 'Number of saved recipes', undefined, undefined, undefined])
  })

  it.each([
    ['app_de.arb', 'de', [['appTitle', 'Rezeptbox', 3], ['greeting', 'Hallo, {userName}!', 7]]],
    ['app_ar.arb', 'ar', [['appTitle', 'صندوق الوصفات', 3], ['greeting', 'مرحبًا، {userName}!', 4]]],
    ['app_ja.arb', 'ja', [['appTitle', 'レシピボックス', 3], ['greeting', 'こんにちは、{userName}さん！', 4]]],
  ])('reads %s', (file, locale, first) => {
    const r = read(arb, fixtureBytes(`arb/l10n/${file}`), { locale })
    expect(r.problems).toEqual([])
    expect(keyValueLine(r).slice(0, 2)).toEqual(first)
  })

  it.each([
    ['{\n  "@@locale": "fr",\n  "a": "x"\n}', 2, 1009, 2, '"@@locale": "fr" does not match the file name\'s locale de; flutter gen-l10n refuses such a file'],
    ['{\n  "a": {"text": "x"}\n}', 2, 1001, 2, 'The message "a" must be a string, found an object'],
    ['{\n  "a": "x",\n  "a": "y"\n}', 3, 1003, 1, 'Duplicate key "a": the last value wins, the earlier one is ignored'],
    ['[\n"a"]', 1, 1001, 2, 'Expected an ARB object of messages, found an array'],
    ['{\n  "a": "x"\n  "b": "y"\n}', 2, 1001, 2, 'Invalid JSON: Missing \',\' after the value of "a"'],
  ])('reports %j on its line', (text, line, rule, severity, message) => {
    expect(read(arb, text, { locale: 'de' }).problems).toEqual([expect.objectContaining({ line, rule, severity, message })])
  })

  it('is chosen for .arb files, with ICU placeholders', () => {
    expect(formatForPath('lib/l10n/app_de.arb')).toBe(arb)
    expect(arb.syntax).toEqual(['icu'])
  })
})
