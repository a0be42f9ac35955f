// Hostile and broken files for every XML format: each gives a finding on the right line or
// reads correctly, and none throws. Files go through readUnits (bytes -> decode -> parse) as
// in a run.
import { createServer, type Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { formatById, readUnits } from '../../src/formats/index.js'
import { LineIndex } from '../../src/span.js'

interface Sample {
  id: string
  path: string
  locale: string
  /** A document with the given entries, each on its own line, from line 3 on. */
  doc(entries: string[], prolog?: string): string
  /** One string resource named `name` whose raw XML content is `raw`. */
  entry(name: string, raw: string): string
}

const DECL = '<?xml version="1.0" encoding="utf-8"?>'

const samples: Sample[] = [
  {
    id: 'android',
    path: 'app/src/main/res/values-de/strings.xml',
    locale: 'de',
    doc: (entries, prolog = '') => `${DECL}${prolog}\n<resources>\n${entries.join('\n')}\n</resources>\n`,
    entry: (name, raw) => `    <string name="${name}">${raw}</string>`,
  },
  {
    id: 'resx',
    path: 'Properties/Resources.de.resx',
    locale: 'de',
    doc: (entries, prolog = '') => `${DECL}${prolog}\n<root>\n${entries.join('\n')}\n</root>\n`,
    entry: (name, raw) => `  <data name="${name}" xml:space="preserve"><value>${raw}</value></data>`,
  },
  {
    id: 'xliff',
    path: 'src/locale/messages.de.xlf',
    locale: 'de',
    doc: (entries, prolog = '') =>
      `${DECL}${prolog}\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" target-language="de" datatype="plaintext" original="app"><body>\n${entries.join('\n')}\n</body></file></xliff>\n`,
    entry: (name, raw) => `<trans-unit id="${name}"><source>Text</source><target>${raw}</target></trans-unit>`,
  },
  {
    id: 'stringsdict',
    path: 'App/de.lproj/Localizable.stringsdict',
    locale: 'de',
    doc: (entries, prolog = '') => `${DECL}${prolog}\n<plist version="1.0"><dict>\n${entries.join('\n')}\n</dict></plist>\n`,
    entry: (name, raw) => `<key>${name}</key><dict><key>NSStringLocalizedFormatKey</key><string>${raw}</string></dict>`,
  },
]

const utf8 = (s: string) => new TextEncoder().encode(s)

function run(sample: Sample, bytes: Uint8Array) {
  const format = formatById(sample.id)!
  const result = readUnits(format, bytes, { path: sample.path, locale: sample.locale, sourceLocale: 'en' })
  const lines = new LineIndex(result.text)
  return {
    result,
    units: result.units.map((u) => ({ key: u.key, value: u.value, ...lines.position(u.span.start) })),
    problems: result.problems.map((p) => ({ ...lines.position(p.offset), rule: p.rule ?? 1001, severity: p.severity ?? 2, message: p.message })),
  }
}

/** 1-based line and column of the first occurrence of `marker` in `text`. */
function at(text: string, marker: string) {
  const offset = text.indexOf(marker)
  if (offset < 0) throw new Error(`marker ${marker} not in the text`)
  return new LineIndex(text).position(offset)
}

const BILLION_LAUGHS = [
  '<!DOCTYPE lolz [',
  ' <!ENTITY lol "lol">',
  ' <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">',
  ' <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">',
  ' <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">',
  ' <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">',
  ' <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">',
  ' <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">',
  ' <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">',
  ' <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">',
  ' <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">',
  ']>',
].join('\n')

describe.each(samples)('hostile $id files', (sample) => {
  const good = sample.doc([sample.entry('greeting', 'Hallo'), sample.entry('farewell', 'Tschüss')])

  it('reads the well-formed sample', () => {
    const { units, problems } = run(sample, utf8(good))
    expect(problems).toEqual([])
    expect(units.map((u) => [u.key, u.value, u.line])).toEqual([
      ['greeting', 'Hallo', 3],
      ['farewell', 'Tschüss', 4],
    ])
  })

  it('a truncated file (unclosed tags): one finding at the innermost open element, no units', () => {
    const text = good.slice(0, good.indexOf('Tschüss') + 3)
    const { units, problems } = run(sample, utf8(text))
    expect(units).toEqual([])
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ line: 4, rule: 1001, severity: 2, message: expect.stringMatching(/^Invalid XML: the file ends before <\w+> is closed$/) })
  })

  it('a closing tag that does not match: a finding at the element it should close', () => {
    const text = sample.doc([sample.entry('greeting', 'Hallo'), sample.entry('farewell', 'Tschüss').replace(/<\/(string|value|target)>/, '</wrong>')])
    const { problems } = run(sample, utf8(text))
    expect(problems).toEqual([expect.objectContaining({ line: 4, rule: 1001, message: expect.stringMatching(/^Invalid XML: Expected closing tag '\w+' \(opened in line 4/) })])
  })

  it.each([
    ['Tom & Jerry', "Invalid XML: char '&' is not expected."],
    ['Caf&eacute;', 'Unknown entity &eacute;'],
    ['&#xFFFF;', 'Character reference &#xFFFF; is not a character XML allows'],
  ])('a bad escape %j: a finding on its line', (raw, message) => {
    const text = sample.doc([sample.entry('greeting', 'Hallo'), sample.entry('bad', raw)])
    const { problems } = run(sample, utf8(text))
    expect(problems).toEqual([expect.objectContaining({ line: 4, rule: 1001, severity: 2, message: expect.stringContaining(message) })])
  })

  it('thousands of unknown entities: the first 100 findings and a count, not a flood', () => {
    const text = sample.doc([sample.entry('greeting', 'Hallo'), sample.entry('spaces', 'a&nbsp;'.repeat(5000))])
    const { units, problems } = run(sample, utf8(text))
    expect(problems).toHaveLength(101)
    expect(problems[0]).toMatchObject({ line: 4, message: expect.stringMatching(/^Unknown entity &nbsp;/) })
    expect(problems[100]).toMatchObject({ line: 4, message: '4900 more problems in this file are not shown' })
    expect(units.map((u) => u.key)).toEqual(['greeting', 'spaces'])
  })

  it('invalid UTF-8: an encoding finding at the bad byte, the rest still read', () => {
    const text = sample.doc([sample.entry('greeting', 'Hallo'), sample.entry('bad', 'Gr@@e')])
    const bytes = utf8(text)
    const i = text.indexOf('@@')
    bytes.set([0xc3, 0x28], new TextEncoder().encode(text.slice(0, i)).length)
    const { units, problems } = run(sample, bytes)
    expect(problems).toEqual([expect.objectContaining({ line: 4, rule: 1008, severity: 2, message: expect.stringMatching(/^Invalid UTF-8 \(bytes 0xC3 0x28/) })])
    expect(units.map((u) => [u.key, u.value])).toEqual([
      ['greeting', 'Hallo'],
      ['bad', 'Gr\ufffd(e'],
    ])
  })

  it('a UTF-8 BOM: read as without it, same lines', () => {
    const { units, problems } = run(sample, new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(good)]))
    expect(problems).toEqual([])
    expect(units).toEqual(run(sample, utf8(good)).units)
  })

  it('CRLF line ends: same lines, line ends inside values read as LF', () => {
    const lf = sample.doc([sample.entry('greeting', 'Hallo'), sample.entry('two', 'eins\nzwei'), sample.entry('farewell', 'Tschüss')])
    const crlf = run(sample, utf8(lf.replace(/\n/g, '\r\n')))
    expect(crlf.problems).toEqual([])
    expect(crlf.units).toEqual(run(sample, utf8(lf)).units)
    expect(crlf.units.map((u) => [u.key, u.line])).toEqual([
      ['greeting', 3],
      ['two', 4],
      ['farewell', 6],
    ])
    const broken = run(sample, utf8(lf.replace('Tschüss', 'Tom & Jerry').replace(/\n/g, '\r\n')))
    expect(broken.problems.map((p) => p.line)).toEqual([6])
  })

  it('a billion-laughs file: refused at the first entity declaration, nothing expanded', () => {
    const text = sample.doc([sample.entry('lol', '&lol9;')], `\n${BILLION_LAUGHS}`)
    const { result, units, problems } = run(sample, utf8(text))
    expect(problems).toEqual([
      { ...at(text, '<!ENTITY lol "lol">'), rule: 1001, severity: 2, message: expect.stringMatching(/^XML entity declarations are not allowed \(10 in this file\)/) },
    ])
    expect(units).toEqual([])
    expect(JSON.stringify(result)).not.toContain('lollol')
  })
})

describe('external entities (XXE) are never resolved', () => {
  let server: Server
  let requests = 0
  let base = ''

  beforeAll(async () => {
    server = createServer((_req, res) => {
      requests++
      res.end('<!ENTITY leak "LEAKED">')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const address = server.address()
    base = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : ''
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it.each(samples)('$id: an external entity declaration is refused at its line', async (sample) => {
    const prolog = `\n<!DOCTYPE r [\n  <!ENTITY xxe SYSTEM "file:///etc/passwd">\n  <!ENTITY % remote SYSTEM "${base}/evil.dtd">\n  %remote;\n]>`
    const text = sample.doc([sample.entry('secret', '&xxe;&leak;')], prolog)
    const { result, units, problems } = run(sample, utf8(text))
    expect(problems).toEqual([{ ...at(text, '<!ENTITY xxe'), rule: 1001, severity: 2, message: expect.stringMatching(/^XML entity declarations are not allowed \(2 in this file\)/) }])
    expect(units).toEqual([])
    expect(JSON.stringify(result)).not.toMatch(/root:|LEAKED/)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(requests).toBe(0)
  })

  it.each(samples)('$id: an external DTD is not fetched and its entities stay unknown', async (sample) => {
    const text = sample.doc([sample.entry('secret', '&leak;')], `\n<!DOCTYPE r SYSTEM "${base}/evil.dtd">`)
    const { units, problems } = run(sample, utf8(text))
    expect(problems).toEqual([{ ...at(text, '&leak;'), rule: 1001, severity: 2, message: expect.stringMatching(/^Unknown entity &leak;/) }])
    expect(units.map((u) => u.value)).toEqual(['&leak;'])
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(requests).toBe(0)
  })
})

describe.each(samples)('$id: resource names that are special in JavaScript', (sample) => {
  it('are ordinary keys and pollute nothing', () => {
    const names = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString']
    const { units, problems } = run(sample, utf8(sample.doc(names.map((n) => sample.entry(n, `value of ${n}`)))))
    expect(problems).toEqual([])
    expect(units.map((u) => [u.key, u.value])).toEqual(names.map((n) => [n, `value of ${n}`]))
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype.toString.call([])).toBe('[object Array]')
  })
})

describe.each(samples)('$id: a 1 MB file on a single line', (sample) => {
  const entries = Array.from({ length: 10000 }, (_, i) => sample.entry(`key_${i}`, `Zeichenkette Nummer ${i} mit etwas Text, damit die Datei groß wird`))
  const text = sample.doc(entries).replace(/\n/g, '')

  it('reads every string on line 1 with its column', () => {
    expect(text.length).toBeGreaterThan(1_000_000)
    const { units, problems } = run(sample, utf8(text))
    expect(problems).toEqual([])
    expect(units).toHaveLength(10000)
    expect(units[9999]).toEqual({ key: 'key_9999', value: 'Zeichenkette Nummer 9999 mit etwas Text, damit die Datei groß wird', ...at(text, 'Zeichenkette Nummer 9999 ') })
    expect(units[9999].line).toBe(1)
  })

  it('reports a defect near its end on line 1 at its column', () => {
    const broken = text.replace('Nummer 9990 mit', 'Nummer 9990 & mit')
    const { problems } = run(sample, utf8(broken))
    expect(problems).toEqual([{ ...at(broken, '& mit'), rule: 1001, severity: 2, message: "Invalid XML: char '&' is not expected." }])
  })
})

describe('bare ampersands in a long attribute value', () => {
  it('are read in linear time, their findings capped at 100', () => {
    const sample = samples[0]
    const text = sample.doc([`    <string name="a" description="${'& '.repeat(200_000)};">x</string>`])
    const { units, problems } = run(sample, utf8(text))
    expect(units.map((u) => u.value)).toEqual(['x'])
    expect(problems).toHaveLength(101)
    expect(problems[0]).toMatchObject({ line: 3, rule: 1001, message: "A bare '&' must be written &amp; in XML" })
  })
})

describe('UTF-16 XML', () => {
  const encode16 = (s: string) => {
    const out = new Uint8Array(2 + s.length * 2)
    out.set([0xff, 0xfe])
    for (let i = 0; i < s.length; i++) {
      out[2 + i * 2] = s.charCodeAt(i) & 0xff
      out[3 + i * 2] = s.charCodeAt(i) >> 8
    }
    return out
  }

  it.each([
    ['xliff', []],
    ['resx', []],
    ['android', [1008]],
    ['stringsdict', [1008]],
  ])('%s: read from UTF-16LE with a BOM (a warning where the format expects UTF-8)', (id, rules) => {
    const sample = samples.find((s) => s.id === id)!
    const { units, problems } = run(sample, encode16(sample.doc([sample.entry('greeting', 'Grüße')]).replace('utf-8', 'utf-16')))
    expect(units.map((u) => [u.key, u.value, u.line])).toEqual([['greeting', 'Grüße', 3]])
    expect(problems.map((p) => p.rule)).toEqual(rules)
  })
})
