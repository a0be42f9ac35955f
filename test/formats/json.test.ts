import { describe, expect, it } from '@jest/globals'
import { json, parseJson } from '../../src/formats/json.js'
import { LineIndex } from '../../src/span.js'
import { read as readFile } from '../helpers/units.js'

function read(text: string) {
  const result = parseJson(text)
  const lines = new LineIndex(text)
  return {
    units: result.units.map((u) => ({ key: u.key, value: u.value, ...lines.position(u.span.start), ...(u.plural && { plural: u.plural, group: u.pluralGroup }) })),
    problems: [...result.problems].sort((a, b) => a.offset - b.offset).map((p) => ({ ...lines.position(p.offset), rule: p.rule ?? 1001, message: p.message })),
  }
}

describe('JSON locale files', () => {
  it('reads nested and flat keys with exact lines and columns', () => {
    const text = '{\n  "app": {\n    "title": "Acme"\n  },\n  "nav.home": "Start",\n  "list": ["a", "b"]\n}\n'
    expect(read(text).units).toEqual([
      { key: 'app.title', value: 'Acme', line: 3, column: 14 },
      { key: 'nav.home', value: 'Start', line: 5, column: 15 },
      { key: 'list[0]', value: 'a', line: 6, column: 12 },
      { key: 'list[1]', value: 'b', line: 6, column: 17 },
    ])
  })

  it('marks i18next plural suffixes as forms of one message', () => {
    expect(read('{"items_one": "{{count}} item", "items_other": "{{count}} items", "place_ordinal_two": "2nd"}').units).toEqual([
      { key: 'items_one', value: '{{count}} item', line: 1, column: 15, plural: 'one', group: 'items' },
      { key: 'items_other', value: '{{count}} items', line: 1, column: 48, plural: 'other', group: 'items' },
      { key: 'place_ordinal_two', value: '2nd', line: 1, column: 88, plural: 'two', group: 'place_ordinal' },
    ])
  })

  it('reads an object of plural categories as the forms of one message, as Element writes them', () => {
    const text = '{"room": {"n_members": {"one": "%(count)s member", "other": "%(count)s members"}}, "labs": {"other": "Other", "beta": "Beta"}}'
    expect(read(text).units).toEqual([
      { key: 'room.n_members.one', value: '%(count)s member', line: 1, column: 32, plural: 'one', group: 'room.n_members' },
      { key: 'room.n_members.other', value: '%(count)s members', line: 1, column: 61, plural: 'other', group: 'room.n_members' },
      { key: 'labs.other', value: 'Other', line: 1, column: 102 },
      { key: 'labs.beta', value: 'Beta', line: 1, column: 119 },
    ])
  })

  it.each([
    ['without "other"', '{"a": {"one": "x", "few": "y"}}'],
    ['with a key that is no plural category', '{"a": {"one": "x", "other": "y", "title": "z"}}'],
    ['with a value that is no string', '{"a": {"one": "x", "other": {"b": "y"}}}'],
    ['at the root', '{"one": "x", "other": "y"}'],
  ])('an object %s is not plural forms', (_, text) => expect(read(text).units.filter((u) => u.plural)).toEqual([]))

  it('decodes escapes and keeps __proto__ as an ordinary key', () => {
    expect(read('{"__proto__": "a\\u00e9\\n", "constructor": "\\"q\\""}').units.map((u) => [u.key, u.value])).toEqual([
      ['__proto__', 'aé\n'],
      ['constructor', '"q"'],
    ])
  })

  it.each([
    ['{\n  "a": "x"\n  "b": "y"\n}', 2, 11, `Missing ',' after the value of "a"`],
    ['{\n  "a": "x,\n}', 2, 8, 'Unterminated string (line break inside a string)'],
    ['{\n  "a": \'x\'\n}', 2, 8, 'Strings must use double quotes'],
    ['{\n  "a": "\\q"\n}', 2, 9, 'Bad escape \\q inside a string'],
    ['', 1, 1, 'The file is empty; expected a JSON value'],
    ['{"a": "x"} extra', 1, 12, 'Unexpected character "e" after the JSON value'],
  ])('reports a syntax error at its line: %j', (text, line, column, message) => {
    const { units, problems } = read(text)
    expect(units).toEqual([])
    expect(problems).toEqual([{ line, column, rule: 1001, message: `Invalid JSON: ${message}` }])
  })

  it('warns about duplicate keys, keeps the last value, and reports comments and trailing commas', () => {
    const { units, problems } = read('{\n  "a": "1",\n  // note\n  "a": "2",\n}')
    expect(units).toEqual([{ key: 'a', value: '2', line: 4, column: 8 }])
    expect(problems).toEqual([
      { line: 3, column: 3, rule: 1001, message: 'JSON does not allow comments; JSON.parse will reject this file' },
      { line: 4, column: 3, rule: 1003, message: 'Duplicate key "a": the last value wins, the earlier one is ignored' },
      { line: 5, column: 1, rule: 1001, message: 'Trailing comma before }; JSON.parse will reject this file' },
    ])
  })

  it('reads no string of an object a later duplicate key replaces, as JSON.parse does', () => {
    const { units, problems } = read('{\n  "nav": {"home": "Start", "back": "Zurück"},\n  "nav": {"home": "Startseite"}\n}\n')
    expect(units).toEqual([{ key: 'nav.home', value: 'Startseite', line: 3, column: 19 }])
    expect(problems).toEqual([{ line: 3, column: 3, rule: 1003, message: 'Duplicate key "nav": the last value wins, the earlier one is ignored' }])
  })

  it('reports a flat key and a nested one that read as the same key', () => {
    const r = readFile(json, '{\n  "nav.home": "Start",\n  "nav": {"home": "Startseite"}\n}\n', { locale: 'de' })
    expect(r.units.map((u) => [u.key, u.value, u.line])).toEqual([['nav.home', 'Startseite', 3]])
    expect(r.problems.map((p) => [p.line, p.rule, p.severity])).toEqual([[3, 1003, 1]])
  })

  it('says what the top of a file is when it is no object', () => {
    expect(read('null').problems).toEqual([{ line: 1, column: 1, rule: 1001, message: 'Expected a JSON object of translations, found null' }])
  })

  it('rejects nesting deep enough to exhaust a recursive reader', () => {
    const { problems } = read('['.repeat(100_000))
    expect(problems[0].message).toMatch(/Nesting deeper than 256 levels/)
  })
})
