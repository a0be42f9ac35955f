// The safe XML reading layer every XML locale format uses: well-formedness with the line of
// the first error, an element tree with exact UTF-16 offsets into the decoded text, and
// mixed content read as pieces (decoded text and markup kept as written) that map back to
// file offsets.
//
// What fast-xml-parser 5.12 does with DTDs and entities (read in its source, src/xmlparser/
// DocTypeReader.js, OrderedObjParser.js, OptionsBuilder.js; tested in test/formats/hostile-xml):
// - It never does I/O: SYSTEM/PUBLIC identifiers are never fetched. An `<!ENTITY x SYSTEM ...>`
//   makes the parser throw "External entities are not supported"; parameter entities too.
// - With `processEntities` on (the default) it stores internal `<!ENTITY>` values and expands
//   them in text and attributes. Values containing `&` are silently dropped (so entities cannot
//   nest), and there are limits (entity size 10,000, count 1,000, expanded length 100,000;
//   total expansions unlimited by default) that throw when exceeded.
// - `htmlEntities` adds HTML's named entities (&nbsp;...); numeric references are only decoded
//   when it is on.
// - XMLValidator skips the DOCTYPE by counting angle brackets and does not check entity names.
// Silently dropped definitions and size-dependent throws are not the behaviour a QA tool wants
// to report from, and no locale format needs a DTD entity. So: `<!ENTITY` declarations are
// refused before parsing (one finding at the first declaration), the parser runs with
// `processEntities: false`, and this module decodes the five XML entities and numeric
// character references itself, reporting any other `&name;` at its position. Nothing is ever
// expanded beyond one character per reference.
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import type { ParseProblem, Span } from '../model.js'

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
const TAG = 'e:' // prefix given to the parser's tag names, so no element name is special to it

const parser = new XMLParser({
  preserveOrder: true,
  captureMetaData: true,
  ignoreAttributes: true,
  processEntities: false,
  parseTagValue: false,
  trimValues: false,
  maxNestedTags: MAX_DEPTH,
  transformTagName: (name) => TAG + name,
})
const META = XMLParser.getMetaDataSymbol() as unknown as string

type ParserNode = Record<string, unknown> & { [META]?: { startIndex?: number; endIndex?: number } }

export function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1)
}

/** Offset of a 1-based line and column counted as XMLValidator counts them (lines end at `\n`). */
function offsetOfLineColumn(text: string, line: number, column: number): number {
  let offset = 0
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset)
    if (next < 0) break
    offset = next + 1
  }
  return Math.min(text.length, offset + Math.max(0, column - 1))
}

function refuseEntityDeclarations(text: string): ParseProblem | undefined {
  const first = text.indexOf('<!ENTITY')
  if (first < 0) return undefined
  const count = text.split('<!ENTITY').length - 1
  return {
    message: `XML entity declarations are not allowed (${count} in this file): they are refused, never expanded, because they can fetch external files or expand to gigabytes; write the text itself`,
    offset: first,
  }
}

/** End of a start tag: the offset just past its `>`, skipping quoted attribute values. */
function startTagEnd(text: string, from: number): number {
  let quote = ''
  for (let i = from + 1; i < text.length; i++) {
    const c = text[i]
    if (quote) {
      if (c === quote) quote = ''
    } else if (c === '"' || c === "'") quote = c
    else if (c === '>') return i + 1
  }
  return text.length
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

/** Attributes of a start tag (`text[start..end)`), decoded; XML normalises whitespace in them to spaces. */
function readAttributes(text: string, start: number, end: number, problems: ParseProblem[]): Record<string, string> {
  const attributes: Record<string, string> = Object.create(null)
  const tag = text.slice(start, end)
  for (const m of tag.matchAll(/([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const raw = m[2] ?? m[3]
    const valueStart = start + m.index + m[0].length - raw.length - 1
    attributes[m[1]] = pieces(text, valueStart, valueStart + raw.length, problems)
      .map((p) => (p.literal ? p.text.replace(/[\t\n]/g, ' ') : text[p.start] === '\r' ? ' ' : p.text))
      .join('')
  }
  return attributes
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
    for (let i = text.indexOf('\r', a); i >= 0 && i < b; i = text.indexOf('\r', i + 1)) {
      literal(run, i)
      out.push({ text: '\n', start: i })
      if (text[i + 1] === '\n' && i + 1 < b) i++
      run = i + 1
    }
    literal(run, b)
  }
  const special = /[&<\r]/g
  let i = from
  while (i < to) {
    special.lastIndex = i
    const m = special.exec(text)
    const at = m && m.index < to ? m.index : to
    literal(i, at)
    if (at >= to) break
    const c = text[at]
    if (c === '\r') {
      out.push({ text: '\n', start: at })
      i = text[at + 1] === '\n' ? at + 2 : at + 1
    } else if (c === '&') {
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
      const close = text.indexOf(']]>', at + 9)
      const end = close < 0 ? to : Math.min(close, to)
      lines(at + 9, end)
      i = Math.min(to, end + 3)
    } else if (text.startsWith('<!--', at)) {
      const close = text.indexOf('-->', at + 4)
      i = close < 0 ? to : Math.min(to, close + 3)
    } else if (text.startsWith('<?', at)) {
      const close = text.indexOf('?>', at + 2)
      i = close < 0 ? to : Math.min(to, close + 2)
    } else {
      // Markup inside character data cannot happen in a validated range; keep it as written.
      out.push({ text: '<', start: at, literal: true })
      i = at + 1
    }
  }
  return out
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

/** The decoded text content of an element (child markup kept as written). */
export function textContent(doc: XmlDocument, el: XmlElement, problems: ParseProblem[]): string {
  return contentPieces(doc, el, problems)
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

/** The innermost element the parser saw opened and never closed. */
function innermostUnclosed(nodes: ParserNode[]): { name: string; start: number } | undefined {
  const last = [...nodes].reverse().find((n) => Object.keys(n).some((k) => k.startsWith(TAG)))
  if (!last) return undefined
  const key = Object.keys(last).find((k) => k.startsWith(TAG))!
  const meta = last[META]
  if (meta?.endIndex !== undefined || meta?.startIndex === undefined) return undefined
  return innermostUnclosed(last[key] as ParserNode[]) ?? { name: key.slice(TAG.length), start: meta.startIndex }
}

function unclosed(text: string): { name: string; start: number } | undefined {
  try {
    return innermostUnclosed(parser.parse(text) as ParserNode[])
  } catch {
    return undefined
  }
}

function buildTree(text: string, nodes: ParserNode[], problems: ParseProblem[]): XmlElement[] {
  const out: XmlElement[] = []
  for (const node of nodes) {
    const key = Object.keys(node).find((k) => k.startsWith(TAG))
    const meta = node[META]
    if (!key || meta?.startIndex === undefined) continue
    const start = meta.startIndex
    const end = meta.endIndex ?? text.length
    const headEnd = startTagEnd(text, start)
    const empty = text[headEnd - 2] === '/'
    const nameEnd = start + 1 + (/^[^\s/>]+/.exec(text.slice(start + 1, Math.min(headEnd, start + 1 + 1000)))?.[0].length ?? 0)
    out.push({
      name: text.slice(start + 1, nameEnd),
      attributes: readAttributes(text, nameEnd, headEnd, problems),
      children: empty ? [] : buildTree(text, node[key] as ParserNode[], problems),
      start,
      end,
      contentStart: empty ? end : headEnd,
      contentEnd: empty ? end : text.lastIndexOf('</', end - 1),
    })
  }
  return out
}

/** Reads an XML document; never throws. A broken file gives one problem at its first error. */
export function readXml(text: string): XmlDocument {
  const refused = refuseEntityDeclarations(text)
  if (refused) return { text, problems: [refused] }
  const problems: ParseProblem[] = []
  let nodes: ParserNode[]
  try {
    const valid = XMLValidator.validate(text)
    if (valid !== true) {
      const { msg, line, col } = valid.err
      // Several tags left open at the end come without a position: name the innermost one.
      const open = /^Invalid '\[/.test(msg) ? unclosed(text) : undefined
      if (open) return { text, problems: [{ message: `Invalid XML: the file ends before <${open.name}> is closed`, offset: open.start }] }
      // A mismatched closing tag is fixed where the element it should close was opened.
      const opened = /\(opened in line (\d+), col (\d+)\)/.exec(msg)
      const at = opened ? offsetOfLineColumn(text, Number(opened[1]), Number(opened[2])) : offsetOfLineColumn(text, line, col ?? 1)
      return { text, problems: [{ message: `Invalid XML: ${msg}`, offset: at }] }
    }
    nodes = parser.parse(text) as ParserNode[]
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    return { text, problems: [{ message: /nested tags/i.test(message) ? `Invalid XML: elements nested deeper than ${MAX_DEPTH} levels` : `Invalid XML: ${message}`, offset: 0 }] }
  }
  const roots = buildTree(text, nodes, problems)
  // XMLValidator misses a second root after an empty-element root (`<a/><b/>`).
  if (roots.length > 1) return { text, problems: [{ message: 'Invalid XML: Multiple possible root nodes found.', offset: roots[1].start }] }
  return { text, root: roots[0], problems }
}

export const MAX_PROBLEMS = 100

/** The first problems of a file and a note of how many more there are: a hostile file cannot flood the report. */
export function capped(problems: ParseProblem[]): ParseProblem[] {
  if (problems.length <= MAX_PROBLEMS) return problems
  const kept = problems.slice(0, MAX_PROBLEMS)
  return [...kept, { message: `${problems.length - MAX_PROBLEMS} more problems in this file are not shown`, offset: kept.at(-1)!.offset, rule: kept.at(-1)!.rule, severity: kept.at(-1)!.severity }]
}

/** The child elements of `el` with the given local name. */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => localName(c.name) === name)
}

export function childNamed(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => localName(c.name) === name)
}
