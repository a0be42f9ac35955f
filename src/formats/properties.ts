// Java .properties resource bundles, read as java.util.Properties.load does: logical lines
// joined at a trailing backslash, `=`, `:` or whitespace between key and value, `#` and `!`
// comment lines (the comment right above an entry is its comment), and `\uXXXX` escapes.
// Text that is not UTF-8 is read as ISO-8859-1 (the encoding before Java 9), with a warning.
import type { ParseProblem, ParseResult, Unit } from '../model.js'
import { unescape, type EscapeRules } from './escapes.js'
import type { Format } from './format.js'
import { RULE } from '../rule-numbers.js'

const JAVA_ESCAPES: EscapeRules = {
  simple: { t: '\t', n: '\n', r: '\r', f: '\f' },
  unicode: ['u'],
  unknown: 'literal',
  label: '.properties entry',
}

// MessageFormat arguments: {0}, {1,number}, {2,choice,...}.
const MESSAGE_FORMAT = /\{\s*\d+\s*(?:,[^{}]*)?\}/

const isBlank = (c: string | undefined) => c === ' ' || c === '\t' || c === '\f'

/** A logical line: its text with continuations removed, and where each piece sits in the file. */
interface LogicalLine {
  text: string
  /** [index in text, offset in the file] at the start of each natural line's piece. */
  pieces: Array<[number, number]>
}

function fileOffset(line: LogicalLine, index: number): number {
  let k = 0
  while (k + 1 < line.pieces.length && line.pieces[k + 1][0] <= index) k++
  return line.pieces[k][1] + index - line.pieces[k][0]
}

/** Ends with an odd number of backslashes: the line continues. */
function continues(src: string, start: number, end: number): boolean {
  let n = 0
  while (end - n - 1 >= start && src[end - n - 1] === '\\') n++
  return n % 2 === 1
}

export function parseProperties(src: string): ParseResult {
  const problems: ParseProblem[] = []
  const units = new Map<string, Unit>()
  let comment: string[] = []
  let pos = 0
  const lineEnd = (from: number) => {
    let end = from
    while (end < src.length && src[end] !== '\n' && src[end] !== '\r') end++
    return end
  }
  const nextLine = (end: number) => end + (src[end] === '\r' && src[end + 1] === '\n' ? 2 : 1)
  while (pos < src.length) {
    let start = pos
    while (isBlank(src[start]) || (start === 0 && src[start] === '\ufeff')) start++
    let end = lineEnd(start)
    if (start === end) {
      comment = []
      pos = nextLine(end)
      continue
    }
    if (src[start] === '#' || src[start] === '!') {
      comment.push(src.slice(start + 1, end).replace(/^ /, ''))
      pos = nextLine(end)
      continue
    }
    const line: LogicalLine = { text: '', pieces: [] }
    for (;;) {
      const more = continues(src, start, end)
      line.pieces.push([line.text.length, start])
      line.text += src.slice(start, more ? end - 1 : end)
      pos = nextLine(end)
      if (!more || end >= src.length) break
      start = pos
      while (isBlank(src[start])) start++
      end = lineEnd(start)
    }
    const unit = entry(line, problems)
    if (comment.length > 0) unit.comment = comment.join('\n')
    comment = []
    if (units.has(unit.key)) {
      problems.push({ message: `Duplicate key ${JSON.stringify(unit.key)}: the last value wins, the earlier one is ignored`, offset: line.pieces[0][1], rule: RULE.duplicateKey, severity: 1 })
      units.delete(unit.key)
    }
    units.set(unit.key, unit)
  }
  return { units: [...units.values()], problems }
}

/** Splits a logical line into key and value, as Properties.load does. */
function entry(line: LogicalLine, problems: ParseProblem[]): Unit {
  const t = line.text
  let i = 0
  while (i < t.length && t[i] !== '=' && t[i] !== ':' && !isBlank(t[i])) i += t[i] === '\\' ? 2 : 1
  const keyEnd = Math.min(i, t.length)
  while (isBlank(t[i])) i++
  if (t[i] === '=' || t[i] === ':') i++
  while (isBlank(t[i])) i++
  const local = (raw: string, at: number) => {
    const found: ParseProblem[] = []
    const value = unescape(raw, at, JAVA_ESCAPES, found)
    for (const p of found) problems.push({ ...p, message: `${p.message}; Java throws "Malformed \\uxxxx encoding" on this file`, offset: fileOffset(line, p.offset) })
    return value
  }
  const key = local(t.slice(0, keyEnd), 0)
  const value = local(t.slice(i), i)
  const at = fileOffset(line, i)
  // An empty value at the end of the file has no first character to point at.
  return { key, value, span: { start: at, end: at + Math.min(1, t.length - i) }, ...(MESSAGE_FORMAT.test(value) && { syntax: ['java-messageformat'] }) }
}

export const properties: Format = {
  id: 'properties',
  label: 'Java .properties',
  handles: (path) => /\.properties$/i.test(path),
  legacyEncoding: 'iso-8859-1',
  parse: (src) => parseProperties(src),
  layouts: ['**/*{_locale}.properties'],
}
