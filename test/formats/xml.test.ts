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

  it.each([
    ['<?xml version="1.0" encoding="UTF-8"?>\n<a/>\n<b/>', 3, 1, 'Invalid XML: Multiple possible root nodes found.'],
    ['<a></a>\n<b></b>', 2, 1, 'Invalid XML: Multiple possible root nodes found.'],
    ['<a/>\ntext', 2, 1, 'Invalid XML: Extra text at the end'],
    [' <?xml version="1.0"?><a/>', 1, 2, 'Invalid XML: XML declaration allowed only at the start of the document.'],
    ['<?xml version=1.0?>\n<a/>', 1, 1, 'Invalid XML: Malformed XML declaration: expected <?xml version="1.0" encoding="UTF-8"?>'],
    ['<?xml version="1.0" encodng="UTF-8"?>\n<a/>', 1, 1, 'Invalid XML: Malformed XML declaration: expected <?xml version="1.0" encoding="UTF-8"?>'],
    ['<a>\n<? x?></a>', 2, 1, 'Invalid XML: A processing instruction must start with a name: <?name ...?>'],
    ['<a>\n<?pi x</a>', 2, 1, 'Invalid XML: The processing instruction <?pi is not closed.'],
    ['<a>\n<!-- note </a>', 2, 1, 'Invalid XML: Comment is not closed.'],
    ['<a>\n<![CDATA[ x </a>', 2, 1, 'Invalid XML: CDATA is not closed.'],
    ['<a>\n<!note></a>', 2, 1, "Invalid XML: '<!' starts neither a comment (<!--), a CDATA section (<![CDATA[) nor a DOCTYPE"],
    ['<![CDATA[x]]>\n<a/>', 1, 1, 'Invalid XML: A CDATA section outside the root element'],
    ['<a/>\n<!DOCTYPE a>', 2, 1, 'Invalid XML: The DOCTYPE must come before the root element'],
    ['<!DOCTYPE a>\n<!DOCTYPE a>\n<a/>', 2, 1, 'Invalid XML: Multiple DOCTYPE declarations found.'],
    ['<!DOCTYPE a PUBLIC "-//x>y" "z">\n<a/>', 1, 1, 'Invalid XML: Invalid DOCTYPE'],
    ['<!DOCTYPE a [\n  <!WRONG x>\n]>\n<a/>', 2, 3, 'Invalid XML: Invalid DOCTYPE'],
    ['<!DOCTYPE a [\n  <!ELEMENT a ANY>\n', 1, 1, 'Invalid XML: Unclosed DOCTYPE'],
    ['<a>\n<b c="1" ="2"/></a>', 2, 10, "Invalid XML: '=' without an attribute name"],
    ['<a>\n<b c="1"d="2"/></a>', 2, 9, "Invalid XML: Attribute 'd' has no space in starting."],
    ['<a>\n<b c/></a>', 2, 4, "Invalid XML: boolean attribute 'c' is not allowed."],
    ['<a>\n<b c=1/></a>', 2, 4, "Invalid XML: Attribute 'c' is without value."],
    ['<a>\n</b></a>', 1, 1, "Invalid XML: Expected closing tag 'a' (opened in line 1, col 1) instead of closing tag 'b'."],
    ['<a></a>\n</a>', 2, 1, "Invalid XML: Closing tag 'a' has not been opened."],
    ['<a>\n</a x>', 2, 1, "Invalid XML: Closing tag 'a' can't have attributes or invalid starting."],
    ['<a>x</a', 1, 5, "Invalid XML: Closing tag 'a' doesn't have proper closing."],
    ['<a>\n<b c="1></a>', 2, 1, "Invalid XML: Attributes for 'b' have open quote."],
    ['<a>\n<1b/></a>', 2, 1, "Invalid XML: Tag '1b' is an invalid name."],
    ['<a>\nx &#; y</a>', 1, 1, undefined],
  ])('one pass finds %j at line %i', (t, line, column, message) => {
    const d = readXml(t)
    if (message === undefined) {
      // `&#;` passes the well-formedness check (as it always did) and is reported where the text is read.
      expect(d.problems).toEqual([])
      const problems: ParseProblem[] = []
      textContent(d, d.root!, problems)
      expect(problems.map((p) => [lineOf(t, p.offset), p.message])).toEqual([[{ line: 2, column: 3 }, "A bare '&' must be written &amp; in XML"]])
      return
    }
    expect(d.root).toBeUndefined()
    expect(d.problems.map((p) => [lineOf(t, p.offset), p.message])).toEqual([[{ line, column }, message]])
  })

  it.each([
    ['a DOCTYPE whose subset holds declarations, comments and quoted brackets', '<!DOCTYPE r [\n  <!ELEMENT r (#PCDATA)>\n  <!ATTLIST r a CDATA "]>">\n  <!-- ] > -->\n  %pe;\n]>\n<r a="1">x</r>'],
    ['a system identifier holding < and >', '<!DOCTYPE plist SYSTEM "http://x/<y>.dtd">\n<plist/>'],
    ['the plist DOCTYPE', '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0"/>'],
    ['a standalone declaration in single quotes', "<?xml version='1.0' encoding='utf-8' standalone='yes' ?>\n<a/>"],
    ['processing instructions and comments around the root', '<?xml-stylesheet href="a.xsl"?>\n<!-- c -->\n<a><?pi data?></a>\n<!-- after -->\n'],
    ['names the old validator split at a BOM-like character', '<r><a\ufeffb>x</a\ufeffb></r>'],
  ])('reads %s', (_, t) => {
    const d = readXml(t)
    expect(d.problems).toEqual([])
    expect(d.root).toBeDefined()
  })

  it('keeps a huge name out of its message', () => {
    const d = readXml(`<a>\n<${'x'.repeat(100_000)}"/></a>`)
    expect(d.problems).toHaveLength(1)
    expect(d.problems[0].message.length).toBeLessThan(200)
  })

  it('reads CDATA sections and references inside long content', () => {
    const t = `<a>${'<![CDATA[x\r\ny]]>&amp;'.repeat(20_000)}</a>`
    const d = readXml(t)
    const problems: ParseProblem[] = []
    expect(textContent(d, d.root!, problems)).toBe('x\ny&'.repeat(20_000))
    expect(problems).toEqual([])
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
