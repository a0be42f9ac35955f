import { describe, expect, it } from '@jest/globals'
import { strings } from '../../src/formats/strings.js'
import { compilePattern, matchPath } from '../../src/paths.js'
import { fixtureBytes, keyValueLine, read } from '../helpers/units.js'

const readStrings = (input: string | Uint8Array) => read(strings, input)

describe('Apple .strings', () => {
  it('reads the German fixture: keys, values, lines, comments, escapes, unquoted keys', () => {
    const r = readStrings(fixtureBytes('strings/de.lproj/Localizable.strings'))
    expect(r.problems).toEqual([])
    expect(keyValueLine(r)).toEqual([
      ['map.title', 'Karte', 9],
      ['hike.start', 'Wanderung starten', 12],
      ['hike.summary', '%@: %lld m', 15],
      ['share.message', '%1$@ hat %2$@ mit dir geteilt', 18],
      ['Cancel', 'Abbrechen', 21],
      ['gps.off', 'Die Ortungsdienste sind aus.\nSchalte sie in den Einstellungen ein.', 24],
      ['quote.example', 'Tippe auf "Start", um zu beginnen', 26],
      ['settings_title', 'Einstellungen', 28],
    ])
    expect(r.units.map((u) => u.comment)).toEqual([
      'Title of the map screen',
      'Button that starts recording a hike',
      '%@ is the trail name, %lld the distance in meters',
      'Reordered arguments: %1$@ is the user, %2$@ the trail',
      undefined,
      'Shown when GPS is off',
      undefined,
      undefined,
    ])
    expect(r.units[0].column).toBe(15)
  })

  it('reads UTF-16 LE with a BOM and CRLF line ends (Arabic), with the right lines', () => {
    const r = readStrings(fixtureBytes('strings/ar.lproj/Localizable.strings'))
    expect(r.problems).toEqual([])
    expect(keyValueLine(r)).toEqual([
      ['map.title', 'الخريطة', 2],
      ['hike.start', 'ابدأ الرحلة', 5],
      ['share.message', 'شارك %1$@ معك %2$@', 8],
      ['gps.off', 'خدمات الموقع متوقفة.\nشغّلها من الإعدادات.', 11],
      ['emoji', '\u2764 1', 13],
    ])
  })

  it('reads UTF-16 LE without a BOM', () => {
    const r = readStrings(new Uint8Array(Buffer.from('"a" = "Grüße";\n"b" = "x";\n', 'utf16le')))
    expect(r.problems).toEqual([])
    expect(keyValueLine(r)).toEqual([
      ['a', 'Grüße', 1],
      ['b', 'x', 2],
    ])
  })

  it('reads UTF-16 BE with a BOM (Japanese)', () => {
    expect(keyValueLine(readStrings(fixtureBytes('strings/ja.lproj/Localizable.strings')))).toEqual([
      ['map.title', '地図', 2],
      ['hike.start', 'ハイキングを開始', 5],
    ])
  })

  it.each([
    ['"a" = "x";\n"b" = "y"\n"c" = "z";\n', [[2, 10, 1001, 'Missing \';\' after the value of "b"']], ['a', 'b', 'c']],
    ['"a" = "x;\n"b" = "y";\n', [[1, 7, 1001, 'Unclosed quote: the value that starts here runs past the end of its line']], ['b']],
    ['"a" = "x";\n"b" = "y;\n', [[2, 7, 1001, 'Unclosed quote: the value that starts here never ends']], ['a']],
    ['"a" = "x\\q";\n"b" = "y";\n', [[1, 9, 1001, 'Unknown escape \\q in a .strings value']], ['a', 'b']],
    ['"a" = "\\U12";\n', [[1, 8, 1001, 'Bad unicode escape \\U12 in a .strings value: expected four hex digits']], ['a']],
    ['"a" "x";\n"b" = "y";\n', [[1, 5, 1001, 'Expected \'=\' after the key "a"']], ['b']],
    ['"a" = ;\n"b" = "y";\n', [[1, 7, 1001, 'Expected a "quoted" value, found ";"']], ['b']],
    ['/* open comment\n"a" = "x";\n', [[1, 1, 1001, 'Unclosed /* comment']], []],
    ['"a" = "1";\n"a" = "2";\n', [[2, 1, 1003, 'Duplicate key "a": the last value wins, the earlier one is ignored']], ['a']],
  ])('reports %j on its line and reads the rest', (text, problems, keys) => {
    const r = readStrings(text)
    expect(r.problems.map((p) => [p.line, p.column, p.rule, p.message])).toEqual(problems)
    expect(r.units.map((u) => u.key)).toEqual(keys)
  })

  it('reads a key without a value as its own value, and unquoted values', () => {
    expect(keyValueLine(readStrings('"OK";\nkey = value;\n'))).toEqual([
      ['OK', 'OK', 1],
      ['key', 'value', 2],
    ])
  })

  it.each([
    ['App/en.lproj/Localizable.strings', 'en'],
    ['App/pt-BR.lproj/Localizable.strings', 'pt-BR'],
    ['App/zh-Hans.lproj/InfoPlist.strings', 'zh-Hans'],
    ['App/Base.lproj/Main.strings', ''],
  ])('the layout reads %s as %j (Base.lproj, the development language, names no locale)', (path, locale) => {
    expect(matchPath(compilePattern(strings.layouts![0]), path)?.locale).toBe(locale)
  })
})
