// Hostile and damaged files for the text and JSON formats: each gives a finding on the
// right line, or reads correctly, and never throws.
import { describe, expect, it } from '@jest/globals'
import { arb } from '../../src/formats/arb.js'
import { chrome } from '../../src/formats/chrome.js'
import type { Format } from '../../src/formats/index.js'
import { po } from '../../src/formats/po.js'
import { properties } from '../../src/formats/properties.js'
import { strings } from '../../src/formats/strings.js'
import { xcstrings } from '../../src/formats/xcstrings.js'
import { read, type Read } from '../helpers/units.js'

type Entries = Array<[key: string, value: string]>

const q = (s: string) => JSON.stringify(s)

/** Writes a well-formed file of each format, one entry per line (or block). */
const writers: Record<string, { format: Format; write(entries: Entries): string }> = {
  po: {
    format: po,
    write: (entries) =>
      'msgid ""\nmsgstr ""\n"Language: de\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n' +
      entries.map(([k, v]) => `\nmsgid ${q(k)}\nmsgstr ${q(v)}\n`).join(''),
  },
  strings: { format: strings, write: (entries) => entries.map(([k, v]) => `/* ${k} */\n${q(k)} = ${q(v)};\n`).join('') },
  xcstrings: {
    format: xcstrings,
    write: (entries) =>
      `{\n  "sourceLanguage" : "en",\n  "strings" : {\n${entries
        .map(([k, v]) => `    ${q(k)} : {\n      "localizations" : {\n        "de" : {\n          "stringUnit" : {\n            "state" : "translated",\n            "value" : ${q(v)}\n          }\n        }\n      }\n    }`)
        .join(',\n')}\n  },\n  "version" : "1.0"\n}\n`,
  },
  arb: { format: arb, write: (entries) => `{\n  "@@locale": "de",\n${entries.map(([k, v]) => `  ${q(k)}: ${q(v)}`).join(',\n')}\n}\n` },
  chrome: { format: chrome, write: (entries) => `{\n${entries.map(([k, v]) => `  ${q(k)}: {\n    "message": ${q(v)}\n  }`).join(',\n')}\n}\n` },
  properties: { format: properties, write: (entries) => entries.map(([k, v]) => `${k}=${v}\n`).join('') },
}
const ids = Object.keys(writers)

const ENTRIES: Entries = [
  ['greeting', 'Hallo Welt'],
  ['farewell', 'Auf Wiedersehen'],
]

function readAs(id: string, input: string | Uint8Array): Read {
  return read(writers[id].format, input, { locale: 'de', path: `file.${id}` })
}

/** Line of the first occurrence of a value in the text. */
function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length
}

const units = (r: Read) => r.units.map((u) => [u.key, u.value, u.line])

function expectNoCrash(r: Read): void {
  expect(r.problems.filter((p) => /reader failed/.test(p.message))).toEqual([])
}

describe.each(ids)('hostile %s files', (id) => {
  const text = writers[id].write(ENTRIES)
  const clean = readAs(id, text)
  const expected = ENTRIES.map(([k, v]) => [k, v, lineOf(text, v)])

  it('reads the well-formed file', () => {
    expect(clean.problems).toEqual([])
    expect(units(clean)).toEqual(expected)
  })

  it('reads a UTF-8 BOM as nothing: same keys and lines', () => {
    const r = readAs(id, new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]))
    expect(r.problems).toEqual([])
    expect(units(r)).toEqual(expected)
  })

  it('reads CRLF line ends with the same lines', () => {
    const r = readAs(id, text.replace(/\n/g, '\r\n'))
    expect(r.problems).toEqual([])
    expect(units(r)).toEqual(expected)
  })

  it('reads UTF-16, and warns where the format expects UTF-8', () => {
    const body = new Uint8Array(Buffer.from(text, 'utf16le'))
    const r = readAs(id, new Uint8Array([0xff, 0xfe, ...body]))
    expect(units(r)).toEqual(expected)
    if (writers[id].format.allowUtf16) expect(r.problems).toEqual([])
    else expect(r.problems).toEqual([expect.objectContaining({ line: 1, rule: 1008, severity: 1, message: 'The file is UTF-16LE; this format is expected in UTF-8.' })])
  })

  it('reports invalid UTF-8 on its line and still reads the file', () => {
    const bytes = new TextEncoder().encode(text)
    const at = Buffer.from(bytes).indexOf('Wiedersehen')
    bytes[at] = 0xff
    const r = readAs(id, bytes)
    expectNoCrash(r)
    const line = lineOf(text, 'Wiedersehen')
    if (writers[id].format.legacyEncoding) {
      expect(r.problems).toEqual([expect.objectContaining({ line, rule: 1008, severity: 1 })])
      expect(r.units.find((u) => u.key === 'farewell')?.value).toBe('Auf \u00ffiedersehen')
    } else {
      expect(r.problems).toEqual([expect.objectContaining({ line, rule: 1008, severity: 2 })])
      expect(r.units.find((u) => u.key === 'farewell')?.value).toBe('Auf \ufffdiedersehen')
    }
  })

  it('keeps __proto__, constructor and prototype as ordinary keys', () => {
    const keys: Entries = [
      ['__proto__', 'a'],
      ['constructor', 'b'],
      ['prototype', 'c'],
      ['hasOwnProperty', 'd'],
    ]
    const r = readAs(id, writers[id].write(keys))
    expect(r.problems).toEqual([])
    // Chrome message names are case-insensitive: its keys are lower-cased.
    expect(r.units.map((u) => [u.key, u.value])).toEqual(keys.map(([k, v]) => [id === 'chrome' ? k.toLowerCase() : k, v]))
  })

  it('reads a 1 MB line', () => {
    const long = 'Ä'.repeat(1_000_000)
    const file = writers[id].write([['long', long], ...ENTRIES]).replace(/\n\s*/g, id === 'po' || id === 'properties' || id === 'strings' ? '\n' : '')
    const r = readAs(id, file)
    expectNoCrash(r)
    expect(r.problems).toEqual([])
    expect(r.units.map((u) => [u.key, u.value.length])).toEqual([
      ['long', 1_000_000],
      ['greeting', 10],
      ['farewell', 15],
    ])
  })
})

describe('hostile files: syntax damage on its line', () => {
  it.each([
    ['po', 'msgid ""\nmsgstr "Language: de\\n"\n\nmsgid "a"\nmsgstr "x\n\nmsgid "b"\nmsgstr "y"\n', 5, 'Unclosed quote: the string does not end on this line', ['a', 'b']],
    ['po', 'msgid ""\nmsgstr "Language: de\\n"\n\nmsgid "a"\nmsgstr "x\\z"\n\nmsgid "b"\nmsgstr "y"\n', 5, 'Unknown escape \\z in a PO string', ['a', 'b']],
    ['strings', '"a" = "x";\n"b" = "y;\n"c" = "z";\n', 2, 'Unclosed quote: the value that starts here runs past the end of its line', ['a', 'c']],
    ['strings', '"a" = "x";\n"b" = "y\\z";\n"c" = "z";\n', 2, 'Unknown escape \\z in a .strings value', ['a', 'b', 'c']],
    ['strings', '"a" = "x";\n"b" = "y"\n"c" = "z";\n', 2, 'Missing \';\' after the value of "b"', ['a', 'b', 'c']],
    ['properties', 'a=x\nb=y\\u00zz\nc=z\n', 2, 'Bad unicode escape \\u00zz in a .properties entry: expected four hex digits; Java throws "Malformed \\uxxxx encoding" on this file', ['a', 'b', 'c']],
    ['arb', '{\n  "a": "x",\n  "b": "y,\n  "c": "z"\n}', 3, 'Invalid JSON: Unterminated string (line break inside a string)', []],
    ['arb', '{\n  "a": "x",\n  "b": "y\\z"\n}', 3, 'Invalid JSON: Bad escape \\z inside a string', []],
    ['chrome', '{\n  "a": {"message": "x"},\n  "b": {"message": "y}\n}', 3, 'Invalid JSON: Unterminated string (line break inside a string)', []],
    ['xcstrings', '{\n  "sourceLanguage": "en",\n  "strings": {\n    "a": {"localizations": {"de": {"stringUnit": {"value": "\\q"}}}}\n  }\n}', 4, 'Invalid JSON: Bad escape \\q inside a string', []],
  ])('%s: %j', (id, text, line, message, keys) => {
    for (const variant of [text, text.replace(/\n/g, '\r\n')]) {
      const r = readAs(id, variant)
      expectNoCrash(r)
      expect(r.problems).toEqual([expect.objectContaining({ line, message })])
      expect(r.units.map((u) => u.key)).toEqual(keys)
    }
  })

  it.each(['arb', 'chrome', 'xcstrings'])('%s: deeply nested JSON is reported, not a stack overflow', (id) => {
    const r = readAs(id, `${'{"a":'.repeat(50_000)}"x"${'}'.repeat(50_000)}`)
    expectNoCrash(r)
    expect(r.problems).toEqual([expect.objectContaining({ line: 1, rule: 1001, message: 'Invalid JSON: Nesting deeper than 256 levels' })])
    expect(r.units).toEqual([])
  })
})
