// Inputs the format fuzzers found that crashed a reader, put a unit or finding outside the
// file, flooded the report with problems, or gave a message that breaks a line; each case is
// named after what it is and kept small (inline) or generated.
import { describe, expect, it } from '@jest/globals'
import { formatById } from '../../src/formats/index.js'
import { read } from '../helpers/units.js'

const readAs = (id: string, input: string | Uint8Array, locale = 'de') => read(formatById(id)!, input, { path: `file.${id}`, locale })
const summary = (r: ReturnType<typeof readAs>) => r.problems.map((p) => [p.line, p.rule, p.message])

describe('problem messages quote file text as one clean line', () => {
  it.each([
    ['po: a line starting with NUL', 'po', 'msgid "a"\nmsgstr "b"\n\u0000Imported\n', [3, 1001, 'Unexpected "\\u0000Imported": expected msgctxt, msgid, msgid_plural, msgstr, a "string" or a # comment']],
    ['strings: a backslash before CR LF', 'strings', '"k" = "a\\\r\nb";\n', [1, 1001, 'Unknown escape \\\\r in a .strings value']],
    ['json: a backslash before a line break', 'json', '{"a": "x\\\ny"}\n', [1, 1001, 'Invalid JSON: Bad escape \\\\n inside a string']],
    ['chrome: NEL where a key should be', 'chrome', '{\u0085}\n', [1, 1001, 'Invalid JSON: Expected a "quoted" key, found character "\\u0085"']],
    ['stringsdict: a control character in a tag name', 'stringsdict', '<plist version="1.0"><dict>\n<key\u0012>k</key>\n</dict></plist>\n', [2, 1001, "Invalid XML: Tag 'key\\u0012' is an invalid name."]],
    ['arb: a duplicate key with a bidi override', 'arb', '{\n  "a\u202eb": "x",\n  "a\u202eb": "y"\n}\n', [3, 1003, 'Duplicate key "a\\u202Eb": the last value wins, the earlier one is ignored']],
  ])('%s', (_name, id, text, expected) => {
    expect(summary(readAs(id, text))).toContainEqual(expected)
  })

  it('properties: a duplicate key in ISO-8859-1 with a C1 control (byte 0x85)', () => {
    const r = readAs('properties', new Uint8Array([...new TextEncoder().encode('a\u0000=1\n'), 0x61, 0x85, 0x3d, 0x32, 0x0a, 0x61, 0x85, 0x3d, 0x33, 0x0a]))
    expect(summary(r)).toContainEqual([3, 1003, 'Duplicate key "a\\u0085": the last value wins, the earlier one is ignored'])
  })
})

describe('properties: an empty value at the very end of the file', () => {
  it.each([
    ['page.title=', 11],
    ['page.title = \\\n', 15],
  ])('%j: its span ends inside the text', (text, length) => {
    const r = readAs('properties', text)
    expect(r.text).toHaveLength(length)
    expect(r.units.map((u) => [u.key, u.value, u.span.start, u.span.end])).toEqual([['page.title', '', length, length]])
  })
})

describe('a file with thousands of problems gives 100 and a count, in every format', () => {
  it.each([
    ['po: a bad line repeated', 'po', 'msgid "a"\nmsgstr "b"\n' + 'oops\n'.repeat(500), 2 + 1, 'Unexpected "oops"'],
    ['yaml: 20,000 double quotes in a row', 'yaml', `de:\n  a: b\n  c: ${'"'.repeat(20_000)}\n`, 3, 'Invalid YAML:'],
    ['properties: a bad escape on every line', 'properties', 'k\\u12=v\n'.repeat(500), 1, 'Bad unicode escape'],
  ])('%s', (_name, id, text, firstLine, first) => {
    const r = readAs(id, text)
    expect(r.problems).toHaveLength(101)
    expect(r.problems[0]).toMatchObject({ line: firstLine, message: expect.stringContaining(first) })
    expect(r.problems[100].message).toMatch(/^\d+ more problems in this file are not shown$/)
  })
})

describe('one key spelled twice: one unit, the repeat reported where it is written', () => {
  it.each([
    ['android: a plural quantity given twice', 'android', '<resources>\n<plurals name="n">\n<item quantity="one">%d Datei</item>\n<item quantity="other">%d Dateien</item>\n<item quantity="other">%d Datein</item>\n</plurals>\n</resources>\n', 'de', 'n[other]', 5],
    ['stringsdict: a plural form key given twice', 'stringsdict', '<plist version="1.0"><dict>\n<key>n</key><dict><key>NSStringLocalizedFormatKey</key><string>%#@n@</string>\n<key>n</key><dict><key>NSStringFormatSpecTypeKey</key><string>NSStringPluralRuleType</string>\n<key>one</key><string>%d Datei</string>\n<key>one</key><string>%d Datein</string>\n</dict></dict>\n</dict></plist>\n', 'de', 'n.n.one', 5],
    ['xliff 2: two segments with one id', 'xliff', '<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="de"><file id="f">\n<unit id="u"><segment id="1"><source>a</source><target>b</target></segment>\n<segment id="1"><source>c</source><target>d</target></segment></unit>\n</file></xliff>\n', 'de', 'u/1', 3],
    ['xcstrings: the same locale as de-DE and de_DE', 'xcstrings', '{"sourceLanguage": "en", "strings": {"k": {"localizations": {\n"de-DE": {"stringUnit": {"state": "translated", "value": "a"}},\n"de_DE": {"stringUnit": {"state": "translated", "value": "b"}}\n}}}}\n', '', 'k', 3],
    ['po: a msgid spelled like a plural form key', 'po', 'msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\nmsgid "a[0]"\nmsgstr "x"\n\nmsgid "a"\nmsgid_plural "as"\nmsgstr[0] "y"\nmsgstr[1] "z"\n', 'de', 'a[0]', 10],
  ])('%s', (_name, id, text, locale, key, line) => {
    const r = readAs(id, text, locale)
    expect(r.units.filter((u) => u.key === key).map((u) => u.line)).toEqual([line])
    expect(r.problems.filter((p) => p.rule === 1003).map((p) => [p.line, p.severity])).toEqual([[line, 1]])
  })
})

describe('po: a header with only msgstr[n]', () => {
  it('is read like any header, not a reader failure', () => {
    const r = readAs('po', 'msgid ""\nmsgstr[1] "Language: de\\n"\n\nmsgid "a"\nmsgstr "b"\n')
    expect(r.problems).toEqual([])
    expect(r.units.map((u) => [u.key, u.value, u.line])).toEqual([['a', 'b', 5]])
  })
})

describe('XML: 200,000 entity references in one value', () => {
  it('are read (the pieces were spread into one push and overflowed the stack)', () => {
    const r = readAs('android', `<resources>\n<string name="a">${'&amp;'.repeat(200_000)}</string>\n</resources>\n`)
    expect(r.problems).toEqual([])
    expect(r.units.map((u) => [u.key, u.value.length, u.line])).toEqual([['a', 200_000, 2]])
  })
})

describe('yaml: unclosed quotes, located without rescanning the file', () => {
  // Both were quadratic (each error rescanned the text before it; a line of spaces made the
  // quote-finding regex backtrack): minutes for these files, with the same findings.
  it('12,500 unclosed quotes: the first 100 on their lines', () => {
    const r = readAs('yaml', 'de:\n' + '  a: "x\n'.repeat(12_500))
    expect(r.problems).toHaveLength(101)
    expect(r.problems.slice(0, 2).map((p) => [p.line, p.column, p.message])).toEqual([
      [2, 6, 'Invalid YAML: Missing closing "quote'],
      [3, 6, 'Invalid YAML: Missing closing "quote'],
    ])
  })

  it('a line of 200,000 spaces after an unclosed quote', () => {
    const r = readAs('yaml', `de:\n  a: "x\n${' '.repeat(200_000)}x\n`)
    expect(r.problems.map((p) => [p.line, p.column, p.message])).toEqual([[2, 6, 'Invalid YAML: Missing closing "quote']])
  })
})

describe('yaml: nesting that overflowed the parser', () => {
  it.each([
    ['a line of 3,000 compact mappings (the parser threw RangeError)', 'a: '.repeat(3000) + 'b\n', 1, 599],
    ['1,000 open brackets (errors at places that depended on the stack left)', 'de:\n  a: ' + '['.repeat(1000) + ']'.repeat(1000) + '\n', 2, 203],
    ['1,500 levels of indentation', Array.from({ length: 1500 }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + ' [x]\n', 200, 201],
    ['3,000 nested sequence items', '- '.repeat(3000) + 'x\n', 1, 399],
  ])('%s: one finding where it gets too deep', (_name, text, line, column) => {
    const r = readAs('yaml', text)
    expect(r.problems.map((p) => [p.line, p.column, p.message])).toEqual([[line, column, 'Invalid YAML: nested deeper than 200 levels; the file is not read']])
    expect(readAs('yaml', text)).toEqual(r)
  })

  it('brackets in quoted values and comments, and colons in them, are not nesting', () => {
    const text = `de:\n  a: "${'['.repeat(500)}"\n  b: '${'{'.repeat(300)}''x'\n  # ${'['.repeat(500)}\n  c: "x: y: z"\n  d: see [1] and {2}\n`
    const r = readAs('yaml', text)
    expect(r.problems).toEqual([])
    expect(r.units.map((u) => [u.key, u.line])).toEqual([
      ['a', 2],
      ['b', 3],
      ['c', 5],
      ['d', 6],
    ])
  })
})
