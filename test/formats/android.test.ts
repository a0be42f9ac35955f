import { describe, expect, it } from '@jest/globals'
import { android, parseAndroid } from '../../src/formats/android.js'
import { runPr } from '../helpers/pr.js'
import { expectPlanted } from '../helpers/planted.js'
import { fixture, positioned } from '../helpers/units.js'

const read = (text: string) => positioned(parseAndroid(text), text)
const file = (path: string) => read(fixture(`android/res/${path}`))
const wrap = (body: string) => `<?xml version="1.0" encoding="utf-8"?>\n<resources>\n${body}\n</resources>\n`

describe('Android string resources', () => {
  const source = file('values/strings.xml')
  const byKey = new Map(source.units.map((u) => [u.key, u]))

  it.each([
    ['app_name', { value: 'Trailhead', line: 5, flags: ['no-translate'], comment: 'App name shown in the launcher; do not translate.' }],
    ['title_home', { value: 'Home', line: 6 }],
    ['welcome', { value: 'Welcome back, <xliff:g id="name" example="Ana">%1$s</xliff:g>!', line: 8, comment: "Greeting on the start screen. %1$s is the user's first name." }],
    ['dont_worry', { value: "Don't worry, your progress is saved.", line: 9 }],
    ['quoted', { value: '  Keep   spaces  ', line: 10 }],
    ['two_lines', { value: 'First line\nSecond line', line: 11 }],
    ['at_sign', { value: '@trailhead on social media', line: 12 }],
    ['unicode_escape', { value: 'Café & bakery', line: 13 }],
    ['collapsed', { value: 'Whitespace is collapsed', line: 14 }],
    ['html_terms', { value: 'Read our <a href="https://example.com/terms">terms</a>.', line: 18 }],
    ['bold_intro', { value: 'Tap <b>Start</b> to begin', line: 19 }],
    ['percent_literal', { value: '100% free', line: 20, syntax: [] }],
    ['alias', { value: '@string/title_home', line: 21, flags: ['reference', 'no-translate'] }],
    ['sync_label@tablet', { value: 'Sync this tablet', line: 22 }],
    ['sync_label', { value: 'Sync this phone', line: 23 }],
    ['trails_found[one]', { value: '%d trail found', line: 25, plural: 'one', pluralGroup: 'trails_found' }],
    ['trails_found[other]', { value: '%d trails found', line: 26, plural: 'other', pluralGroup: 'trails_found' }],
    ['difficulty_levels[0]', { value: 'Easy', line: 29 }],
    ['difficulty_levels[2]', { value: 'Hard', line: 31 }],
  ])('values/strings.xml: %s', (key, expected) => {
    expect(byKey.get(key)).toEqual({ key, syntax: ['printf'], ...expected })
  })

  it('reads every string, plural form and array item of the source, and nothing else', () => {
    expect(source.units).toHaveLength(20)
    expect(source.problems).toEqual([])
  })

  it.each([
    ['values-ar/strings.xml', 'trails_found[few]', 'تم العثور على %d مسارات', 11],
    ['values-ar/strings.xml', 'welcome', 'مرحبًا بعودتك، <xliff:g id="name" example="Ana">%1$s</xliff:g>!', 4],
    ['values-ar/strings.xml', 'difficulty_levels[1]', 'متوسط', 17],
    ['values-ru/strings.xml', 'trails_found[many]', 'Найдено %d маршрутов', 8],
    ['values-de/strings.xml', 'dont_worry', 'Keine Sorge, dein Fortschritt ist gespeichert.', 5],
    ['values-de/strings.xml', 'quoted', '  Leerzeichen   bleiben  ', 6],
  ])('%s: %s', (path, key, value, line) => {
    const { units, problems } = file(path)
    expect(units.find((u) => u.key === key)).toMatchObject({ value, line })
    expect(problems).toEqual([])
  })

  it('reads all six Arabic plural forms as one group', () => {
    const forms = file('values-ar/strings.xml').units.filter((u) => u.pluralGroup === 'trails_found')
    expect(forms.map((u) => [u.plural, u.line])).toEqual([['zero', 8], ['one', 9], ['two', 10], ['few', 11], ['many', 12], ['other', 13]])
  })

  it.each([
    ['\\\'', "'"],
    ['\\"', '"'],
    ['\\\\', '\\'],
    ['a\\nb', 'a\nb'],
    ['a\\tb', 'a\tb'],
    ['\\@home', '@home'],
    ['\\?', '?'],
    ['\\u0041\\u00DF', 'Aß'],
    ['&lt;b&gt; &#x41;&#66;', '<b> AB'],
    ['Don\\&apos;t', "Don't"],
    ['"it\'s"', "it's"],
    ['"a  b"  c   d', 'a  b c d'],
    ['  lead and trail  ', 'lead and trail'],
    ['a \\n b', 'a \n b'],
    ['<![CDATA[<b>x</b> & y]]>', '<b>x</b> & y'],
    ['Hi <xliff:g id="n">%s</xliff:g>', 'Hi <xliff:g id="n">%s</xliff:g>'],
    ['', ''],
  ])('unescapes %j as aapt2 does', (raw, value) => {
    const { units, problems } = read(wrap(`<string name="s">${raw}</string>`))
    expect(problems).toEqual([])
    expect(units[0].value).toBe(value)
  })

  it.each([
    ['<string name="a">Can\'t stop</string>', 3, 1001, 2, /Unescaped apostrophe/],
    ['<string name="a">\n  Line one,\n  it\'s line two</string>', 5, 1001, 2, /Unescaped apostrophe/],
    ['<string name="a">Caf\\u00g9</string>', 3, 1001, 2, /Invalid unicode escape/],
    ['<string name="a">x</string>\n<string name="a">y</string>', 4, 1003, 1, /Duplicate string "a"/],
    ['<plurals name="p"><item quantity="several">x</item></plurals>', 3, 1001, 2, /Unknown plural quantity "several"/],
    ['<string>no name</string>', 3, 1001, 2, /without a name/],
    ['<string name="a">&nbsp;</string>', 3, 1001, 2, /Unknown entity &nbsp;/],
  ])('reports %j at its line', (body, line, rule, severity, message) => {
    const { problems } = read(wrap(body))
    expect(problems).toEqual([{ line, rule, severity, message: expect.stringMatching(message) }])
  })

  it('keeps the value of a string with an unescaped apostrophe, so the other rules still see it', () => {
    expect(read(wrap(`<string name="a">Can't stop</string>`)).units).toEqual([{ key: 'a', value: "Can't stop", syntax: ['printf'], line: 3 }])
  })

  it('reads a later duplicate and keeps plurals and strings of one name apart', () => {
    const { units } = read(wrap('<string name="a">x</string>\n<string name="a">y</string>\n<plurals name="a"><item quantity="other">z</item></plurals>'))
    expect(units.map((u) => [u.key, u.value])).toEqual([['a', 'y'], ['a[other]', 'z']])
  })

  it('rejects a file whose root is not <resources>', () => {
    expect(read('<manifest package="x"/>').problems).toEqual([{ line: 1, rule: 1001, severity: 2, message: 'Not an Android resources file: the root element is <manifest>, expected <resources>' }])
  })

  it.each([
    ['app/src/main/res/values/strings.xml', true],
    ['app/src/main/res/values-pt-rBR/plurals.xml', true],
    ['res/values-b+sr+Latn/arrays.xml', true],
    ['app/src/main/res/layout/main.xml', false],
    ['app/src/main/AndroidManifest.xml', false],
  ])('handles %s: %s', (path, expected) => {
    expect(android.handles(path)).toBe(expected)
  })
})

describe('tqg on an Android pull request', () => {
  it('finds each planted defect at its line', async () => {
    const { code, issues } = await runPr('android/pr', 'app/src/main/res/values{-locale}/*.xml')
    const de = 'app/src/main/res/values-de/strings.xml'
    expectPlanted(issues, [
      [de, 3, 1005], // title_home emptied
      [de, 6, 1302], // label_distance lost its quoted trailing space
      [de, 7, 1071], // share_trail without %2$d
      [de, 8, 1006], // download_offline left in English
      [de, 9, 1004], // old_banner is not in values/strings.xml
      [de, 14, 1003], // <plurals name="trails_found"> twice
      [de, 15, 1011], // ... and the one read, the second, has no `one` form
      ['app/src/main/res/values-fr/strings.xml', 4, 1001], // Pas d'inquiétude: unescaped apostrophe
      ['app/src/main/res/values-ru/strings.xml', 4, 1001], // <string name="share_trail"> never closed
    ])
    expect(code).toBe(1)
  })
})
