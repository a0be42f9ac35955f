import { describe, expect, it } from '@jest/globals'
import { parseDocument } from 'yaml'
import { parseYaml, yaml } from '../../src/formats/yaml.js'
import { LineIndex } from '../../src/span.js'
import { read as readFile } from '../helpers/units.js'

function read(text: string, locale = 'de') {
  const result = parseYaml(text, { locale })
  const lines = new LineIndex(text)
  return {
    locale: result.locale,
    units: result.units.map((u) => ({ key: u.key, value: u.value, line: lines.position(u.span.start).line, ...(u.plural && { plural: u.plural, group: u.pluralGroup }) })),
    problems: result.problems.map((p) => ({ line: lines.position(p.offset).line, rule: p.rule ?? 1001, message: p.message })),
  }
}

describe('YAML (Rails) locale files', () => {
  it('strips the root locale key and joins nested keys', () => {
    const text = ['de:', '  orders:', '    title: "Ihre Bestellungen"', '    note: |', '      Zwei', '      Zeilen', '  flat: Text'].join('\n')
    expect(read(text)).toEqual({
      locale: 'de',
      units: [
        { key: 'orders.title', value: 'Ihre Bestellungen', line: 3 },
        { key: 'orders.note', value: 'Zwei\nZeilen\n', line: 4 },
        { key: 'flat', value: 'Text', line: 7 },
      ],
      problems: [],
    })
  })

  it('reads plural maps as forms of one message', () => {
    const text = 'pl:\n  files:\n    one: "%{count} plik"\n    few: "%{count} pliki"\n    other: "%{count} pliku"\n  status:\n    one: Eins\n    label: Status\n'
    expect(read(text, 'pl').units).toEqual([
      { key: 'files.one', value: '%{count} plik', line: 3, plural: 'one', group: 'files' },
      { key: 'files.few', value: '%{count} pliki', line: 4, plural: 'few', group: 'files' },
      { key: 'files.other', value: '%{count} pliku', line: 5, plural: 'other', group: 'files' },
      // `one` beside a non-plural key is an ordinary key.
      { key: 'status.one', value: 'Eins', line: 7 },
      { key: 'status.label', value: 'Status', line: 8 },
    ])
  })

  it('resolves anchors, aliases and merge keys', () => {
    const text = ['de:', '  defaults: &defaults', '    save: Speichern', '    cancel: Abbrechen', '  form:', '    <<: *defaults', '    cancel: Verwerfen', '  again: *defaults'].join('\n')
    expect(read(text).units).toEqual([
      { key: 'defaults.save', value: 'Speichern', line: 3 },
      { key: 'defaults.cancel', value: 'Abbrechen', line: 4 },
      { key: 'form.cancel', value: 'Verwerfen', line: 7 },
      { key: 'form.save', value: 'Speichern', line: 3 },
      { key: 'again.save', value: 'Speichern', line: 3 },
      { key: 'again.cancel', value: 'Abbrechen', line: 4 },
    ])
  })

  // One top-level namespace is no locale: only a two-letter language, or the path's own, is a Rails root key.
  it.each([
    ['app:\n  title: Titel\n', 'de', undefined, [['app.title', 'Titel', 2]], []],
    ['nav:\n  home: Start\n', 'de', undefined, [['nav.home', 'Start', 2]], []],
    ['new:\n  file: Neue Datei\n', 'de', undefined, [['new.file', 'Neue Datei', 2]], []],
    ['fil:\n  save: I-save\n', 'fil', 'fil', [['save', 'I-save', 2]], []],
    ['en:\n  title: Title\n', 'de', undefined, [['title', 'Title', 2]], [1009]],
    ['pt-BR:\n  title: Título\n', 'de', undefined, [['title', 'Título', 2]], [1009]],
  ])('reads the single root key of %j (path locale %s) as a locale only when it is one', (text, pathLocale, locale, units, rules) => {
    const r = read(text, pathLocale)
    expect(r.locale).toBe(locale)
    expect(r.units.map((u) => [u.key, u.value, u.line])).toEqual(units)
    expect(r.problems.map((p) => p.rule)).toEqual(rules)
  })

  it('reports a root key that names another locale', () => {
    expect(read('en:\n  title: Titel\n', 'de').problems).toEqual([
      { line: 1, rule: 1009, message: 'The root key "en" does not match the file\'s locale "de"; Rails will load these strings as en' },
    ])
  })

  it.each([
    ["de:\n  a: 'x\n  b: y\n", 2, 'Invalid YAML: Missing closing \'quote'],
    ['de:\n  a: "ok"\n  b: "x\n  c: y\n', 3, 'Invalid YAML: Missing closing "quote'],
    ['de:\n  a: x\n   b: y\n', 2, 'Invalid YAML: Nested mappings are not allowed in compact mappings'],
    ['de:\n\ta: x\n', 2, 'Invalid YAML'],
  ])('reports a syntax error at its line: %j', (text, line, message) => {
    const { units, problems } = read(text)
    expect(units).toEqual([])
    expect(problems[0].line).toBe(line)
    expect(problems[0].message).toContain(message)
  })

  // A tab-indented file is reported at its first such line without reading the rest: the
  // same problem, at the same offset, as yaml's first error over the whole file.
  it.each([
    ['de:\n  nav:\n\thome: Start\n\tback: Zurück\n', 3],
    ['de:\n  nav:\n    home: "Start"\n  \t  back: Zurück\n\tmore: x\n', 4],
    ['# Deutsch\n\t# a comment may follow a tab\nde:\n  a: "x\n    \tstill x"\n  b: |\n    code\n    \tindented code\n  c: d\n\te: f\n', 10],
    [`de:\n${Array.from({ length: 2000 }, (_, i) => `  k${i}: v\n`).join('')}\tlate: x\n`, 2002],
  ])('reports a tab-indented line at its line, as yaml does: %#', (text, line) => {
    const r = read(text)
    expect(r.units).toEqual([])
    expect(r.problems).toEqual([{ line, rule: 1001, message: 'Invalid YAML: Tabs are not allowed as indentation' }])
    const first = parseDocument(text, { uniqueKeys: false, merge: true, strict: false }).errors[0]
    expect(parseYaml(text, { locale: 'de' }).problems[0].offset).toBe(first.pos[0])
  })

  it.each([
    ['a double-quoted value', 'de:\n  a: "one\n   \ttwo"\n  b: c\n', [['a', 'one two'], ['b', 'c']]],
    ['a block scalar', 'de:\n  a: |\n    one\n    \ttwo\n  b: c\n', [['a', 'one\n\ttwo\n'], ['b', 'c']]],
    ['a comment', 'de:\n\t# note\n  a: b\n', [['a', 'b']]],
  ])('reads a tab inside %s as yaml does', (_name, text, units) => {
    const r = read(text)
    expect(r.problems).toEqual([])
    expect(r.units.map((u) => [u.key, u.value])).toEqual(units)
  })

  it('warns about duplicate keys and keeps the last value', () => {
    expect(read('de:\n  a: eins\n  a: zwei\n')).toMatchObject({
      units: [{ key: 'a', value: 'zwei', line: 3 }],
      problems: [{ line: 3, rule: 1003, message: 'Duplicate key "a": the last value wins' }],
    })
  })

  it.each([
    ['a map', 'de:\n  nav:\n    home: Start\n    back: Zurück\n  nav:\n    home: Startseite\n', [['nav.home', 'Startseite', 6]]],
    ['a string by a map', 'de:\n  title: Titel\n  title:\n    short: Kurz\n', [['title.short', 'Kurz', 4]]],
    ['a map by a string', 'de:\n  title:\n    short: Kurz\n  title: Titel\n', [['title', 'Titel', 4]]],
  ])('reads nothing of %s a later duplicate key replaces', (_, text, units) => {
    const r = read(text)
    expect(r.units.map((u) => [u.key, u.value, u.line])).toEqual(units)
    expect(r.problems.map((p) => p.rule)).toEqual([1003])
  })

  it('reports a flat key and a nested one that read as the same key', () => {
    const r = readFile(yaml, 'de:\n  nav.home: Start\n  nav:\n    home: Startseite\n', { locale: 'de' })
    expect(r.units.map((u) => [u.key, u.value, u.line])).toEqual([['nav.home', 'Startseite', 4]])
    expect(r.problems.map((p) => [p.line, p.rule, p.severity])).toEqual([[4, 1003, 1]])
  })

  it('stops an alias bomb instead of expanding it', () => {
    const lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for (let i = 1; i < 9; i++) lines.push(`${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(10).fill(`*${'abcdefghi'[i - 1]}`).join(', ')}]`)
    const { units, problems } = read(lines.join('\n'))
    expect(units.length).toBeLessThan(30_000)
    expect(problems.map((p) => p.message)).toContain('Aliases expand to more than 20000 strings; the rest are not checked')
  })

  it('keeps __proto__ and constructor as ordinary keys', () => {
    expect(read('de:\n  __proto__: a\n  constructor: b\n').units.map((u) => u.key)).toEqual(['__proto__', 'constructor'])
  })
})
