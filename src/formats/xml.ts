// The safe XML reading layer every XML locale format uses: well-formedness with the line of
// the first error, an element tree with exact UTF-16 offsets into the decoded text, and
// mixed content read as pieces (decoded text and markup kept as written) that map back to
// file offsets.
//
// The reader is our own, one linear pass that checks and builds the tree at once. It used to
// be fast-xml-parser's XMLValidator followed by its XMLParser: two passes that together read
// about 5 MB/s and built a second, heavier tree of every file. The validator's messages are
// kept for the errors it reported. What the reader does with DTDs and entities:
// - It never does I/O and has no entity machinery: SYSTEM/PUBLIC identifiers are checked for
//   form, never fetched; a DOCTYPE's internal subset is skipped declaration by declaration.
// - `<!ENTITY` declarations are refused before reading (one finding at the first one):
//   no locale format needs a DTD entity, and a QA tool should not half-support them.
// - Text is decoded by this module: the five XML entities and numeric character references,
//   one character per reference; any other `&name;` is reported at its position.
// - Nesting deeper than MAX_DEPTH is reported, never recursed into; every loop moves forward,
//   so a hostile file costs time linear in its size.
import type { ParseProblem, Span } from '../model.js'
import { LineIndex } from '../span.js'

export interface XmlElement {
  /** The name as written, prefix included (`xliff:g`). */
  name: string
  /** Decoded attribute values by name as written; a prototype-less record (`__proto__` is a name like any other). */
  attributes: Record<string, string>
  children: XmlElement[]
  /** Offset of the start tag's `<`. */
  start: number
  /** Offset just past the element's last `>`. */
  end: number
  /** Just past the start tag, and the closing tag's `<`; both `end` for an empty-element tag. */
  contentStart: number
  contentEnd: number
}

export interface XmlDocument {
  text: string
  root?: XmlElement
  problems: ParseProblem[]
}

/**
 * A run of an element's content. Text is decoded (entities, CDATA, line ends); markup is the
 * source text as written. A `literal` piece maps one to one onto the file from `start`; any
 * other piece (an entity, a CR LF, markup) maps as a whole to `start`.
 */
export interface Piece {
  text: string
  start: number
  markup?: boolean
  literal?: boolean
}

export const MAX_DEPTH = 100

export function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1)
}

function refuseEntityDeclarations(text: string): ParseProblem | undefined {
  const first = text.indexOf('<!ENTITY')
  if (first < 0) return undefined
  let count = 0
  for (let i = first; i >= 0; i = text.indexOf('<!ENTITY', i + 8)) count++
  return {
    message: `XML entity declarations are not allowed (${count} in this file): they are refused, never expanded, because they can fetch external files or expand to gigabytes; write the text itself`,
    offset: first,
  }
}

// A reference at a given offset; bounded, so a long run of bare `&` stays linear.
const REFERENCE = /&(?:#x[\da-fA-F]{1,8}|#\d{1,10}|[\p{L}_:][\p{L}\p{N}_:.-]{0,63});/uy
const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff)
}

/** The character an entity or character reference stands for; a problem when there is none. */
function decodeReference(ref: string, offset: number, problems: ParseProblem[]): string {
  const name = ref.slice(1, -1)
  if (name.startsWith('#')) {
    const cp = name[1] === 'x' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10)
    if (isXmlChar(cp)) return String.fromCodePoint(cp)
    problems.push({ message: `Character reference ${ref} is not a character XML allows`, offset })
    return ref
  }
  const known = Object.hasOwn(XML_ENTITIES, name) ? XML_ENTITIES[name] : undefined
  if (known !== undefined) return known
  problems.push({ message: `Unknown entity ${ref}: XML defines only &amp; &lt; &gt; &quot; &apos;; write the character itself or a numeric reference such as &#160;`, offset })
  return ref
}

/** Whether `text[from..to)` holds nothing to decode (in an attribute value, whitespace other than a space is). */
function isPlain(text: string, from: number, to: number, attribute: boolean): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x26 || c === 0x3c || c === 0x0d || (attribute && (c === 0x0a || c === 0x09))) return false
  }
  return true
}

/** An attribute value (`text[from..to)`), decoded; XML reads each line end, tab or newline in it as a space. */
function attributeValue(text: string, from: number, to: number, problems: ParseProblem[]): string {
  if (isPlain(text, from, to, true)) return text.slice(from, to)
  return pieces(text, from, to, problems)
    .map((p) => (p.literal ? p.text.replace(/[\t\n]/g, ' ') : text[p.start] === '\r' ? ' ' : p.text))
    .join('')
}

/**
 * The text of `text[from..to)` (character data: no elements) as pieces: entities decoded,
 * CDATA sections unwrapped, comments and processing instructions dropped, CR LF and lone CR
 * read as LF as XML requires.
 */
export function pieces(text: string, from: number, to: number, problems: ParseProblem[], out: Piece[] = []): Piece[] {
  const literal = (a: number, b: number) => {
    if (b > a) out.push({ text: text.slice(a, b), start: a, literal: true })
  }
  // CDATA content is literal text, but its line ends are normalised like any other.
  const lines = (a: number, b: number) => {
    let run = a
    for (let i = a; i < b; i++) {
      if (text.charCodeAt(i) !== 0x0d) continue
      literal(run, i)
      out.push({ text: '\n', start: i })
      if (text[i + 1] === '\n' && i + 1 < b) i++
      run = i + 1
    }
    literal(run, b)
  }
  // Every search stays inside the range, so reading many small ranges of a file stays linear.
  let run = from
  let i = from
  while (i < to) {
    const c = text.charCodeAt(i)
    if (c !== 0x26 && c !== 0x3c && c !== 0x0d) {
      i++
      continue
    }
    literal(run, i)
    const at = i
    if (c === 0x0d) {
      out.push({ text: '\n', start: at })
      i = text[at + 1] === '\n' ? at + 2 : at + 1
    } else if (c === 0x26) {
      REFERENCE.lastIndex = at
      const ref = REFERENCE.exec(text)?.[0]
      if (!ref || at + ref.length > to) {
        problems.push({ message: `A bare '&' must be written &amp; in XML`, offset: at })
        out.push({ text: '&', start: at, literal: true })
        i = at + 1
      } else {
        out.push({ text: decodeReference(ref, at, problems), start: at })
        i = at + ref.length
      }
    } else if (text.startsWith('<![CDATA[', at)) {
      const close = findIn(text, ']]>', at + 9, to)
      const end = close < 0 ? to : close
      lines(at + 9, end)
      i = Math.min(to, end + 3)
    } else if (text.startsWith('<!--', at)) {
      const close = findIn(text, '-->', at + 4, to)
      i = close < 0 ? to : Math.min(to, close + 3)
    } else if (text.startsWith('<?', at)) {
      const close = findIn(text, '?>', at + 2, to)
      i = close < 0 ? to : Math.min(to, close + 2)
    } else {
      // Markup inside character data cannot happen in a validated range; keep it as written.
      out.push({ text: '<', start: at, literal: true })
      i = at + 1
    }
    run = i
  }
  literal(run, to)
  return out
}

/** Where `needle` starts in `text[from..to)`, or -1; unlike indexOf, never reads past `to`. */
function findIn(text: string, needle: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === needle.charCodeAt(0) && text.startsWith(needle, i)) return i
  return -1
}

/**
 * An element's content as pieces. Child elements are expanded (their tags kept as markup,
 * their text decoded) unless `asWritten(child)` says to keep the whole child as written.
 */
export function contentPieces(doc: XmlDocument, el: XmlElement, problems: ParseProblem[], asWritten: (child: XmlElement) => boolean = () => false, out: Piece[] = []): Piece[] {
  let at = el.contentStart
  for (const child of el.children) {
    pieces(doc.text, at, child.start, problems, out)
    if (asWritten(child) || child.contentStart === child.end) {
      out.push({ text: doc.text.slice(child.start, child.end), start: child.start, markup: true })
    } else {
      out.push({ text: doc.text.slice(child.start, child.contentStart), start: child.start, markup: true })
      contentPieces(doc, child, problems, asWritten, out)
      out.push({ text: doc.text.slice(child.contentEnd, child.end), start: child.contentEnd, markup: true })
    }
    at = child.end
  }
  return pieces(doc.text, at, el.contentEnd, problems, out)
}

/** The decoded text content of an element, child markup kept as written (see contentPieces). */
export function textContent(doc: XmlDocument, el: XmlElement, problems: ParseProblem[], asWritten?: (child: XmlElement) => boolean): string {
  // Most values are plain text: no pieces to build.
  if (el.children.length === 0 && isPlain(doc.text, el.contentStart, el.contentEnd, false)) return doc.text.slice(el.contentStart, el.contentEnd)
  return contentPieces(doc, el, problems, asWritten)
    .map((p) => p.text)
    .join('')
}

/** Where an element's value is written: its content, or the element itself when it is empty. */
export function valueSpan(el: XmlElement): Span {
  return el.contentStart < el.contentEnd ? { start: el.contentStart, end: el.contentEnd } : { start: el.start, end: el.end }
}

/** The file offset of a character of the text the pieces spell. */
export function offsetAt(parts: readonly Piece[], index: number): number {
  let seen = 0
  for (const p of parts) {
    if (index < seen + p.text.length) return p.literal ? p.start + (index - seen) : p.start
    seen += p.text.length
  }
  const last = parts.at(-1)
  return last ? last.start + (last.literal ? last.text.length : 0) : 0
}

/** The comment that directly precedes `el` in `text[from..el.start)` (only whitespace between). */
export function commentBefore(doc: XmlDocument, from: number, el: XmlElement): string | undefined {
  const gap = doc.text.slice(from, el.start).trimEnd()
  if (!gap.endsWith('-->')) return undefined
  const open = gap.lastIndexOf('<!--')
  return open < 0 ? undefined : gap.slice(open + 4, -3).trim() || undefined
}

/** A well-formedness error: the reader stops at the first one. */
class Malformed extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message)
  }
}

/** A name as messages show it: a hostile file's "name" may run for megabytes. */
function shown(name: string): string {
  return name.length > 60 ? `${name.slice(0, 60)}…` : name
}

// XML 1.0 (fifth edition) names: NameStartChar, then NameChar.
const NAME =
  /^[:A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}][:A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}.\-0-9\u00B7\u0300-\u036F\u203F-\u2040]*$/u

// The XML declaration and a DOCTYPE's head, as XML 1.0 writes them (productions XMLDecl, doctypedecl).
const quoted = (body: string) => `(?:"${body.replace(/Q/g, '"')}"|'${body.replace(/Q/g, "'")}')`
const XML_DECLARATION = new RegExp(
  `<\\?xml\\s+version\\s*=\\s*${quoted('1\\.\\d+')}(?:\\s+encoding\\s*=\\s*${quoted('[A-Za-z][\\w.-]*')})?(?:\\s+standalone\\s*=\\s*${quoted('(?:yes|no)')})?\\s*\\?>`,
  'y',
)
const SYSTEM_LITERAL = quoted('[^Q]*')
const PUBID_LITERAL = quoted("(?:(?!Q)[- \\r\\na-zA-Z0-9'()+,./:=?;!*#@$_%])*")
// `<!DOCTYPE name`, an optional external identifier, then `[` or `>`.
const DOCTYPE_HEAD = new RegExp(`<!DOCTYPE\\s+([^\\s>["']+)(?:\\s+(?:SYSTEM\\s+${SYSTEM_LITERAL}|PUBLIC\\s+${PUBID_LITERAL}\\s+${SYSTEM_LITERAL}))?\\s*(?=[[>])`, 'y')
const DOCTYPE_TAIL = /\]\s*>/y

const NO_ATTRIBUTES: Record<string, string> = Object.freeze(Object.create(null) as Record<string, string>)

const LT = 0x3c
const GT = 0x3e
const SLASH = 0x2f
const AMP = 0x26

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d
}

function isWordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f
}

function isHexDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)
}

/**
 * One forward pass over a document: checks well-formedness (stopping at the first error) and
 * builds the element tree. The checks and their messages are those of fast-xml-parser's
 * validator, which this reader replaced, plus what it let through: a second root after an
 * empty one, text after the root, unclosed comments, CDATA sections and processing
 * instructions, a malformed XML declaration or DOCTYPE, a DOCTYPE after the root, `<!` that
 * starts nothing, `=` without an attribute name.
 */
class XmlReader {
  readonly problems: ParseProblem[] = []
  private readonly stack: XmlElement[] = []
  private root?: XmlElement
  private doctype = false
  /** Where the text starts: after a byte order mark. */
  private begin = 0
  /** The first `&` at or after the text last checked (or the text's length): found once, not per text run. */
  private nextAmp = -1
  private readonly names = new Map<string, boolean>()

  constructor(private readonly text: string) {}

  read(): XmlElement {
    const text = this.text
    let at = (this.begin = text.charCodeAt(0) === 0xfeff ? 1 : 0)
    while (at < text.length) {
      const lt = text.indexOf('<', at)
      const end = lt < 0 ? text.length : lt
      if (this.stack.length > 0) this.checkReferences(at, end)
      else this.checkOutside(at, end)
      if (lt < 0) break
      at = this.markup(lt)
    }
    const open = this.stack.at(-1)
    if (open) throw new Malformed(`the file ends before <${shown(open.name)}> is closed`, open.start)
    if (!this.root) throw new Malformed('Start tag expected.', 0)
    return this.root
  }

  /** Outside the root element only whitespace may stand between markup. */
  private checkOutside(from: number, to: number): void {
    for (let i = from; i < to; i++) {
      if (isSpace(this.text.charCodeAt(i))) continue
      throw new Malformed(this.root ? 'Extra text at the end' : `char '${this.text[i]}' is not expected.`, i)
    }
  }

  /** Every `&` in character data must start a reference (unknown names are reported later, where the text is read). */
  private checkReferences(from: number, to: number): void {
    let amp = this.nextAmp < from ? this.nextAmpFrom(from) : this.nextAmp
    for (; amp < to; amp = this.nextAmpFrom(amp + 1)) {
      if (!this.isReference(amp, to)) throw new Malformed("char '&' is not expected.", amp)
    }
    this.nextAmp = amp
  }

  private nextAmpFrom(from: number): number {
    const amp = this.text.indexOf('&', from)
    return amp < 0 ? this.text.length : amp
  }

  private isReference(amp: number, to: number): boolean {
    const text = this.text
    let i = amp + 1
    if (text.charCodeAt(i) === 0x23) {
      const hex = text.charCodeAt(++i) === 0x78
      if (hex) i++
      for (; i < to; i++) {
        const c = text.charCodeAt(i)
        if (c === 0x3b) return true
        if (!(hex ? isHexDigit(c) : c >= 0x30 && c <= 0x39)) return false
      }
      return false
    }
    for (let count = 0; i < to; i++, count++) {
      const c = text.charCodeAt(i)
      if (isWordChar(c) && count < 20) continue
      return c === 0x3b && count > 0
    }
    return false
  }

  private markup(lt: number): number {
    const text = this.text
    const next = text.charCodeAt(lt + 1)
    if (next === 0x3f) return this.instruction(lt)
    if (next === SLASH) return this.endTag(lt)
    if (next !== 0x21) return this.startTag(lt)
    if (text.startsWith('<!--', lt)) return this.skipPast('-->', lt + 4, 'Comment is not closed.', lt)
    if (text.startsWith('<![CDATA[', lt)) {
      if (this.stack.length === 0) throw new Malformed(this.root ? 'Extra text at the end' : 'A CDATA section outside the root element', lt)
      return this.skipPast(']]>', lt + 9, 'CDATA is not closed.', lt)
    }
    if (text.startsWith('<!DOCTYPE', lt)) return this.readDoctype(lt)
    throw new Malformed("'<!' starts neither a comment (<!--), a CDATA section (<![CDATA[) nor a DOCTYPE", lt)
  }

  private skipPast(close: string, from: number, message: string, at: number): number {
    const found = this.text.indexOf(close, from)
    if (found < 0) throw new Malformed(message, at)
    return found + close.length
  }

  private instruction(lt: number): number {
    const text = this.text
    let i = lt + 2
    while (i < text.length && !isSpace(text.charCodeAt(i)) && text.charCodeAt(i) !== 0x3f) i++
    const target = text.slice(lt + 2, i)
    if (!this.isName(target)) throw new Malformed(`A processing instruction must start with a name: <?name ...?>`, lt)
    if (target === 'xml') {
      if (lt > this.begin) throw new Malformed('XML declaration allowed only at the start of the document.', lt)
      XML_DECLARATION.lastIndex = lt
      if (!XML_DECLARATION.test(text)) throw new Malformed(`Malformed XML declaration: expected <?xml version="1.0" encoding="UTF-8"?>`, lt)
      return XML_DECLARATION.lastIndex
    }
    return this.skipPast('?>', i, `The processing instruction <?${shown(target)} is not closed.`, lt)
  }

  /** A DOCTYPE: its external identifier is read, never fetched; its internal subset skipped declaration by declaration. */
  private readDoctype(lt: number): number {
    if (this.doctype) throw new Malformed('Multiple DOCTYPE declarations found.', lt)
    if (this.root) throw new Malformed('The DOCTYPE must come before the root element', lt)
    this.doctype = true
    const text = this.text
    DOCTYPE_HEAD.lastIndex = lt
    const head = DOCTYPE_HEAD.exec(text)
    if (!head || !this.isName(head[1])) throw new Malformed(lt + 9 >= text.length ? 'Unclosed DOCTYPE' : 'Invalid DOCTYPE', lt)
    let i = lt + head[0].length
    if (text.charCodeAt(i) === GT) return i + 1
    // The internal subset, up to `]`.
    for (i++; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c === 0x5d) {
        DOCTYPE_TAIL.lastIndex = i
        if (!DOCTYPE_TAIL.test(text)) throw new Malformed('Invalid DOCTYPE', i)
        return DOCTYPE_TAIL.lastIndex
      }
      if (c !== LT) continue
      if (text.startsWith('<!--', i)) i = this.skipPast('-->', i + 4, 'Comment is not closed.', i) - 1
      else if (text.startsWith('<?', i)) i = this.skipPast('?>', i + 2, 'The processing instruction in the DOCTYPE is not closed.', i) - 1
      else if (/^<!(?:ELEMENT|ATTLIST|NOTATION)\s/.test(text.slice(i, i + 11))) i = this.tagEnd(i + 2, () => new Malformed('Unclosed DOCTYPE', lt))
      else throw new Malformed('Invalid DOCTYPE', i)
    }
    throw new Malformed('Unclosed DOCTYPE', lt)
  }

  /** The `>` that ends a tag or declaration, skipping quoted values. */
  private tagEnd(from: number, unclosed: (openQuote: boolean) => Malformed): number {
    const text = this.text
    let quote = 0
    for (let i = from; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (quote) {
        if (c === quote) quote = 0
      } else if (c === 0x22 || c === 0x27) quote = c
      else if (c === GT) return i
    }
    throw unclosed(quote !== 0)
  }

  /** End of a tag's name: whitespace or `>`. */
  private nameEnd(from: number): number {
    const text = this.text
    let i = from
    while (i < text.length && text.charCodeAt(i) !== GT && !isSpace(text.charCodeAt(i))) i++
    return i
  }

  private isName(name: string): boolean {
    let ok = this.names.get(name)
    if (ok === undefined) this.names.set(name, (ok = NAME.test(name)))
    return ok
  }

  private checkTagName(name: string, lt: number): void {
    if (!this.isName(name)) throw new Malformed(name.trim() === '' ? "Invalid space after '<'." : `Tag '${shown(name)}' is an invalid name.`, lt)
  }

  private startTag(lt: number): number {
    const text = this.text
    let nameEnd = this.nameEnd(lt + 1)
    if (text.charCodeAt(nameEnd - 1) === SLASH && nameEnd - 1 > lt + 1) nameEnd-- // `<br/>`
    const name = text.slice(lt + 1, nameEnd)
    this.checkTagName(name, lt)
    const gt = this.tagEnd(nameEnd, (openQuote) => new Malformed(openQuote ? `Attributes for '${shown(name)}' have open quote.` : `the file ends before <${shown(name)}> is closed`, lt))
    const empty = text.charCodeAt(gt - 1) === SLASH && gt > nameEnd
    const attributes = this.attributes(nameEnd, empty ? gt - 1 : gt)
    if (this.stack.length === 0 && this.root) throw new Malformed('Multiple possible root nodes found.', lt)
    if (this.stack.length >= MAX_DEPTH) throw new Malformed(`elements nested deeper than ${MAX_DEPTH} levels`, lt)
    const el: XmlElement = { name, attributes, children: [], start: lt, end: gt + 1, contentStart: gt + 1, contentEnd: gt + 1 }
    const parent = this.stack.at(-1)
    if (parent) parent.children.push(el)
    else this.root = el
    if (!empty) this.stack.push(el)
    return gt + 1
  }

  /** The attributes written in `text[from..to)`: `name="value"` pairs, each after whitespace. */
  private attributes(from: number, to: number): Record<string, string> {
    const text = this.text
    let attributes: Record<string, string> | undefined
    let i = from
    while (i < to) {
      const tokenStart = i
      while (i < to && isSpace(text.charCodeAt(i))) i++
      if (i >= to) break
      if (text.charCodeAt(i) === 0x3d) throw new Malformed("'=' without an attribute name", i)
      const nameStart = i
      while (i < to && !isSpace(text.charCodeAt(i)) && text.charCodeAt(i) !== 0x3d) i++
      const name = text.slice(nameStart, i)
      if (nameStart === tokenStart) throw new Malformed(`Attribute '${shown(name)}' has no space in starting.`, nameStart)
      while (i < to && isSpace(text.charCodeAt(i))) i++
      if (i >= to || text.charCodeAt(i) !== 0x3d) throw new Malformed(`boolean attribute '${shown(name)}' is not allowed.`, nameStart)
      i++
      while (i < to && isSpace(text.charCodeAt(i))) i++
      const quote = text[i]
      const close = quote === '"' || quote === "'" ? text.indexOf(quote, i + 1) : -1
      if (close < 0 || close >= to) throw new Malformed(`Attribute '${shown(name)}' is without value.`, nameStart)
      if (!this.isName(name)) throw new Malformed(`Attribute '${shown(name)}' is an invalid name.`, nameStart)
      attributes ??= Object.create(null) as Record<string, string>
      if (Object.hasOwn(attributes, name)) throw new Malformed(`Attribute '${shown(name)}' is repeated.`, nameStart)
      attributes[name] = attributeValue(text, i + 1, close, this.problems)
      i = close + 1
    }
    return attributes ?? NO_ATTRIBUTES
  }

  private endTag(lt: number): number {
    const text = this.text
    const nameEnd = this.nameEnd(lt + 2)
    const name = text.slice(lt + 2, nameEnd)
    this.checkTagName(name, lt)
    let gt = nameEnd
    while (gt < text.length && isSpace(text.charCodeAt(gt))) gt++
    if (gt >= text.length) throw new Malformed(`Closing tag '${shown(name)}' doesn't have proper closing.`, lt)
    if (text.charCodeAt(gt) !== GT) throw new Malformed(`Closing tag '${shown(name)}' can't have attributes or invalid starting.`, lt)
    const open = this.stack.pop()
    if (!open) throw new Malformed(`Closing tag '${shown(name)}' has not been opened.`, lt)
    if (open.name !== name) {
      const { line, column } = new LineIndex(text).position(open.start)
      throw new Malformed(`Expected closing tag '${shown(open.name)}' (opened in line ${line}, col ${column}) instead of closing tag '${shown(name)}'.`, open.start)
    }
    open.contentEnd = lt
    open.end = gt + 1
    return gt + 1
  }
}

/** Reads an XML document; never throws. A broken file gives one problem at its first error. */
export function readXml(text: string): XmlDocument {
  const refused = refuseEntityDeclarations(text)
  if (refused) return { text, problems: [refused] }
  const reader = new XmlReader(text)
  try {
    return { text, root: reader.read(), problems: reader.problems }
  } catch (e) {
    if (!(e instanceof Malformed)) throw e
    return { text, problems: [{ message: `Invalid XML: ${e.message}`, offset: e.offset }] }
  }
}

/** The child elements of `el` with the given local name. */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => localName(c.name) === name)
}

export function childNamed(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => localName(c.name) === name)
}
