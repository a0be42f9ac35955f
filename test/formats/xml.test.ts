import { describe, expect, it } from '@jest/globals'
import type { ParseProblem } from '../../src/model.js'
import { contentPieces, offsetAt, readXml, textContent, type XmlElement } from '../../src/formats/xml.js'
import { LineIndex } from '../../src/span.js'

const lineOf = (text: string, offset: number) => new LineIndex(text).position(offset)

describe('XML reading layer', () => {
  const text = '<?xml version="1.0"?>\r\n<root a="x &amp; y" b=\'1\'>\r\n  <item n="1">one</item>\r\n  <empty/>\r\n  <mixed>a <b k="v">bold</b> c</mixed>\r\n</root>\r\n'
  const doc = readXml(text)
  const [item, empty, mixed] = doc.root!.children

  it('gives elements exact offsets into the text, CRLF included', () => {
    expect(doc.problems).toEqual([])
    expect(doc.root!.name).toBe('root')
    expect(text.slice(item.start, item.end)).toBe('<item n="1">one</item>')
    expect(text.slice(item.contentStart, item.contentEnd)).toBe('one')
    expect(text.slice(empty.start, empty.end)).toBe('<empty/>')
    expect([empty.contentStart, empty.contentEnd]).toEqual([empty.end, empty.end])
    expect(lineOf(text, mixed.start)).toEqual({ line: 5, column: 3 })
  })

  it('decodes attributes into a prototype-less record', () => {
    expect({ ...doc.root!.attributes }).toEqual({ a: 'x & y', b: '1' })
    expect(Object.getPrototypeOf(doc.root!.attributes)).toBeNull()
  })

  it('reads mixed content as decoded text and markup as written, mapping back to offsets', () => {
    const problems: ParseProblem[] = []
    const parts = contentPieces(doc, mixed, problems)
    expect(parts.map((p) => [p.text, !!p.markup])).toEqual([
      ['a ', false],
      ['<b k="v">', true],
      ['bold', false],
      ['</b>', true],
      [' c', false],
    ])
    const joined = parts.map((p) => p.text).join('')
    expect(text.slice(offsetAt(parts, joined.indexOf('bold')), offsetAt(parts, joined.indexOf('bold')) + 4)).toBe('bold')
  })

  it.each([
    ['&amp;&lt;&gt;&quot;&apos;', `&<>"'`],
    ['&#65;&#x42;&#x1F600;', 'AB😀'],
    ['<![CDATA[<not> &amp; markup]]>', '<not> &amp; markup'],
    ['a<!-- note -->b<?pi x?>c', 'abc'],
    ['line1\r\nline2\rline3', 'line1\nline2\nline3'],
    ['<![CDATA[x\r\ny]]>', 'x\ny'],
  ])('decodes %j', (content, expected) => {
    const t = `<v>${content}</v>`
    const d = readXml(t)
    const problems: ParseProblem[] = []
    expect(textContent(d, d.root!, problems)).toBe(expected)
    expect([...d.problems, ...problems]).toEqual([])
  })

  it.each([
    ['&nbsp;', 'Unknown entity &nbsp;: XML defines only &amp; &lt; &gt; &quot; &apos;; write the character itself or a numeric reference such as &#160;'],
    ['&#0;', 'Character reference &#0; is not a character XML allows'],
    ['&#xD800;', 'Character reference &#xD800; is not a character XML allows'],
  ])('reports %j where it is written and keeps it as written', (ref, message) => {
    const t = `<v>\nok ${ref}</v>`
    const d = readXml(t)
    const problems: ParseProblem[] = []
    expect(textContent(d, d.root!, problems)).toBe(`\nok ${ref}`)
    expect(problems.map((p) => [lineOf(t, p.offset), p.message])).toEqual([[{ line: 2, column: 4 }, message]])
  })

  it.each([
    ['<a>\n<b>\n</a>', 2, 1, "Invalid XML: Expected closing tag 'b' (opened in line 2, col 1) instead of closing tag 'a'."],
    ['<a>\n  <b>x</c>\n</a>', 2, 3, "Invalid XML: Expected closing tag 'b' (opened in line 2, col 3) instead of closing tag 'c'."],
    ['<a>\n<b>\n<c>x', 3, 1, 'Invalid XML: the file ends before <c> is closed'],
    ['<a>\n<b>x', 2, 1, 'Invalid XML: the file ends before <b> is closed'],
    ['<a>\nx & y</a>', 2, 3, "Invalid XML: char '&' is not expected."],
    ['<a>\n<b c="1" c="2"/></a>', 2, 10, "Invalid XML: Attribute 'c' is repeated."],
    ['<a/>\n<b/>', 2, 1, 'Invalid XML: Multiple possible root nodes found.'],
    ['', 1, 1, 'Invalid XML: Start tag expected.'],
    ['not xml', 1, 1, "Invalid XML: char 'n' is not expected."],
    ['<a>\r\n<b>\r\n</a>', 2, 1, "Invalid XML: Expected closing tag 'b' (opened in line 2, col 1) instead of closing tag 'a'."],
  ])('reports %j at line %i', (t, line, column, message) => {
    const d = readXml(t)
    expect(d.root).toBeUndefined()
    expect(d.problems.map((p) => [lineOf(t, p.offset), p.message, p.rule])).toEqual([[{ line, column }, message, undefined]])
  })

  it('reports nesting deeper than the limit instead of recursing', () => {
    const t = '<a>'.repeat(500) + '</a>'.repeat(500)
    expect(readXml(t).problems.map((p) => p.message)).toEqual(['Invalid XML: elements nested deeper than 100 levels'])
  })

  it('reads element names the parser treats as special', () => {
    const d = readXml('<r><constructor __proto__="x"/><__proto__/><toString>t</toString></r>')
    expect(d.problems).toEqual([])
    expect(d.root!.children.map((c: XmlElement) => c.name)).toEqual(['constructor', '__proto__', 'toString'])
    expect(d.root!.children[0].attributes.__proto__).toBe('x')
  })
})
