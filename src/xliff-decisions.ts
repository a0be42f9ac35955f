// Custom.MT's QE decisions written into XLIFF 1.2 the way its API document maps them:
// confirm_segment -> approved="yes", lock_segment -> translate="no" on the <trans-unit>.
// Only the start tags of the decided units change; every other byte of the file is kept,
// so the copy diffs cleanly against the original. A `false` decision changes nothing: QE
// not confirming a segment is no reason to withdraw a reviewer's approval.
import { decode, type Decoded } from './formats/decode.js'
import type { CheckedSegment, QeDecision, QeDecisionFile } from './model.js'

export interface Decision {
  key: string
  locale: string
  line: number
  /** Where the unit's text is in the file (the Unit's span start): inside its <trans-unit>. */
  offset: number
  approve: boolean
  lock: boolean
}

export interface DecisionsResult {
  text: string
  applied: QeDecision[]
  /** Decisions whose trans-unit was not found (the file changed shape). */
  unmatched: { key: string; line: number }[]
}

const XLIFF_1 = /<(?:[\w.-]+:)?xliff\b(?:\s+[^\s=<>]+\s*=\s*(?:"[^"]*"|'[^']*'))*?\s+version\s*=\s*["']1\.[0-2]["']/

/** XLIFF 1.x (whose trans-units have `approved` and `translate`); 2.x has neither. */
export function isXliff1(text: string): boolean {
  return XLIFF_1.test(text)
}

interface Attribute {
  name: string
  value: string
  /** Offsets of the value between its quotes. */
  valueStart: number
  valueEnd: number
}

interface StartTag {
  start: number
  /** Offset where a new attribute goes: after the last attribute, before any space and `>`. */
  insertAt: number
  end: number
  attributes: Attribute[]
  selfClosing: boolean
}

// Comments, CDATA and processing instructions are matched only to be skipped: a
// "<trans-unit" inside them is text, not a tag.
const TOKENS = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<((?:[\w.-]+:)?trans-unit)((?:\s+[^\s=<>"'/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g
const ATTRIBUTE = /\s+([^\s=<>"'/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-f]+|#\d+);/gi, (m, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }
    if (named[e.toLowerCase()]) return named[e.toLowerCase()]
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m
  })
}

function transUnitTags(text: string): (StartTag & { close: number })[] {
  const tags: (StartTag & { close: number })[] = []
  for (const m of text.matchAll(TOKENS)) {
    if (!m[1]) continue
    const start = m.index
    const attrsStart = start + 1 + m[1].length
    const attributes: Attribute[] = []
    for (const a of m[2].matchAll(ATTRIBUTE)) {
      const quoted = a[2] ?? a[3]
      const valueEnd = attrsStart + a.index + a[0].length - 1
      attributes.push({ name: a[1], value: unescapeXml(quoted), valueStart: valueEnd - quoted.length, valueEnd })
    }
    const end = start + m[0].length
    const selfClosing = m[3] === '/'
    const closeTag = `</${m[1]}`
    tags.push({ start, insertAt: attrsStart + m[2].length, end, attributes, selfClosing, close: selfClosing ? end : text.indexOf(closeTag, end) })
  }
  return tags
}

/** The trans-unit whose element contains the offset. */
function unitAt(tags: (StartTag & { close: number })[], offset: number): StartTag | undefined {
  let lo = 0
  let hi = tags.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (tags[mid].start <= offset) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  const tag = tags[found]
  return tag && !tag.selfClosing && offset >= tag.end && (tag.close < 0 || offset < tag.close) ? tag : undefined
}

interface Edit {
  at: number
  remove: number
  insert: string
}

function setAttribute(tag: StartTag, name: string, value: string, edits: Edit[]): void {
  const existing = tag.attributes.find((a) => a.name === name)
  if (existing) {
    if (existing.value !== value) edits.push({ at: existing.valueStart, remove: existing.valueEnd - existing.valueStart, insert: value })
  } else edits.push({ at: tag.insertAt, remove: 0, insert: ` ${name}="${value}"` })
}

/** Writes the decisions into an XLIFF 1.x text. */
export function applyDecisions(text: string, decisions: Decision[]): DecisionsResult {
  const tags = transUnitTags(text)
  const edits: Edit[] = []
  const applied: QeDecision[] = []
  const unmatched: DecisionsResult['unmatched'] = []
  const done = new Set<StartTag>()
  for (const d of decisions) {
    if (!d.approve && !d.lock) continue
    const tag = unitAt(tags, d.offset)
    if (!tag || done.has(tag)) {
      if (!tag) unmatched.push({ key: d.key, line: d.line })
      continue
    }
    done.add(tag)
    const attributes: QeDecision['attributes'] = {}
    if (d.approve) {
      setAttribute(tag, 'approved', 'yes', edits)
      attributes.approved = 'yes'
    }
    if (d.lock) {
      setAttribute(tag, 'translate', 'no', edits)
      attributes.translate = 'no'
    }
    const id = tag.attributes.find((a) => a.name === 'id')?.value
    applied.push({ key: d.key, locale: d.locale, line: d.line, ...(id !== undefined && { unit: id }), attributes })
  }
  // Back to front (and, at one offset, in reverse order) so earlier offsets stay valid.
  let out = text
  for (const e of edits.map((e, i) => ({ ...e, i })).sort((a, b) => b.at - a.at || b.i - a.i)) {
    out = out.slice(0, e.at) + e.insert + out.slice(e.at + e.remove)
  }
  return { text: out, applied, unmatched }
}

/** The Custom.MT decisions of the checked segments, by file. */
function decisionsByFile(segments: CheckedSegment[]): Map<string, Decision[]> {
  const byFile = new Map<string, Decision[]>()
  for (const s of segments) {
    const score = s.scores.find((sc) => sc.provider === 'custommt' && sc.state === 'scored' && (sc.confirm || sc.lock))
    if (!score) continue
    const list = byFile.get(s.file) ?? []
    list.push({ key: s.key, locale: s.locale, line: s.line, offset: s.unit.span.start, approve: score.confirm === true, lock: score.lock === true })
    byFile.set(s.file, list)
  }
  return byFile
}

/** The bytes of a text in the encoding (and with the byte order mark) it was read with. */
export function encodeLike(text: string, decoded: Decoded, bom: boolean): Uint8Array {
  if (decoded.encoding === 'utf-8') {
    const body = new TextEncoder().encode(text)
    return bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...body]) : body
  }
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2)
  const big = decoded.encoding === 'utf-16be'
  const put = (i: number, unit: number) => {
    out[i * 2 + (big ? 0 : 1)] = unit >> 8
    out[i * 2 + (big ? 1 : 0)] = unit & 0xff
  }
  if (bom) put(0, 0xfeff)
  for (let i = 0; i < text.length; i++) put(i + (bom ? 1 : 0), text.charCodeAt(i))
  return out
}

export interface DecisionIo {
  /** The head version of a file, as the run read it. */
  read(file: string): Promise<Uint8Array | undefined>
  /** Writes a copy; returns where it went. */
  write(file: string, bytes: Uint8Array): Promise<string>
}

/**
 * For every XLIFF 1.x file with Custom.MT decisions, writes a copy with the decisions as
 * attributes (never the original) and returns the list for the report. Without `io.write`
 * the decisions are listed only.
 */
export async function writeDecisionCopies(segments: CheckedSegment[], io: Partial<DecisionIo> & Pick<DecisionIo, 'read'>): Promise<QeDecisionFile[]> {
  const files: QeDecisionFile[] = []
  for (const [file, decisions] of decisionsByFile(segments)) {
    const bytes = await io.read(file)
    if (!bytes) continue
    const decoded = decode(bytes, { allowUtf16: true })
    if (!isXliff1(decoded.text)) continue
    const result = applyDecisions(decoded.text, decisions)
    if (result.applied.length === 0 && result.unmatched.length === 0) continue
    const bom = decoded.encoding === 'utf-8' ? bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf : (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)
    // Bytes that did not decode cannot be written back unchanged: list the decisions only.
    const writable = io.write && result.applied.length > 0 && decoded.problems.length === 0
    const output = writable ? await io.write!(file, encodeLike(result.text, decoded, bom)) : undefined
    files.push({ file, ...(output && { output }), decisions: result.applied, ...(result.unmatched.length > 0 && { unmatched: result.unmatched }) })
  }
  return files
}

/** One line per file for the report's notes. */
export function decisionNotes(files: QeDecisionFile[]): string[] {
  return files.map((f) => {
    const approved = f.decisions.filter((d) => d.attributes.approved).length
    const locked = f.decisions.filter((d) => d.attributes.translate).length
    const what = `Custom.MT decisions for ${f.file}: approved="yes" on ${approved}, translate="no" on ${locked} trans-unit(s)`
    const missing = f.unmatched?.length ? `; ${f.unmatched.length} trans-unit(s) not found` : ''
    return f.output ? `${what}, written to ${f.output}${missing}` : `${what} (listed in the JSON report; set report-file to get a copy of the file with them)${missing}`
  })
}
