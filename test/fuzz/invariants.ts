// What must hold for any bytes a format reader is given: it does not throw or give up,
// everything it returns points inside the decoded text at a plausible place, keys are
// unique (readUnits reports a repeat and keeps one), messages are one clean line, and reading is
// deterministic. Lists the violations, so a test can show them with the case that broke.
import { isDeepStrictEqual } from 'node:util'
import { readUnits, type Format, type ParseContext } from '../../src/formats/index.js'
import type { Span, Unit } from '../../src/model.js'

// Control characters, DEL and C1 controls, line and paragraph separators.
const UNSAFE_IN_MESSAGE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/

const isSpanIn = (span: Span, length: number) => Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= length

// A JSON string literal as written (the reader has accepted the file, so it is well-formed).
const JSON_STRING = /"(?:[^"\\]|\\.)*"/y

/**
 * Whether a unit's span starts where its value is written, per format family: at the JSON
 * string literal that spells the value, at the opening quote (PO, .strings), or inside an
 * element's content / at its `<` (XML). A span elsewhere would put the finding on a wrong line.
 */
function anchorOk(format: Format, text: string, unit: Unit): boolean {
  const start = unit.span.start
  switch (format.id) {
    case 'json':
    case 'arb':
    case 'chrome':
    case 'xcstrings': {
      JSON_STRING.lastIndex = start
      const literal = JSON_STRING.exec(text)?.[0]
      return literal !== undefined && JSON.parse(literal) === unit.value
    }
    case 'po':
      return text[start] === '"' || text.startsWith('msg', start)
    case 'strings':
      return text[start] === '"' || /[A-Za-z0-9_$+/:.-]/.test(text[start] ?? '')
    case 'xliff':
    case 'android':
    case 'resx':
    case 'stringsdict':
      return text[start] === '<' || text[start - 1] === '>'
    case 'properties': {
      // A value written on one line without escapes is the text from its span to the line end.
      const raw = text.slice(start, /[\r\n]|$/.exec(text.slice(start))!.index + start)
      return raw.includes('\\') || raw === unit.value
    }
    case 'yaml': {
      // A plain scalar starts with its first word; others with a quote, block, alias, anchor or tag indicator.
      const word = /^\S*/.exec(unit.value)![0]
      return /["'|>*&!]/.test(text[start] ?? '') || text.startsWith(word, start)
    }
    default:
      return true
  }
}

const quote = (s: string) => JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}…` : s)

export interface Checked {
  /** What readUnits returned, unless it threw. */
  read?: ReturnType<typeof readUnits>
  violations: string[]
}

/** Reads the bytes and lists the violations; with `twice`, a second read must give the same result. */
export function check(format: Format, bytes: Uint8Array, context: ParseContext, twice = false): Checked {
  let result: ReturnType<typeof readUnits>
  try {
    result = readUnits(format, bytes, context)
  } catch (e) {
    return { violations: [`readUnits threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`] }
  }
  const out: string[] = []
  const { text, units, problems } = result
  for (const p of problems) {
    if (/reader failed on this file/.test(p.message)) out.push(`the reader failed: ${p.message}`)
    if (typeof p.message !== 'string' || p.message.trim() === '') out.push(`empty problem message at ${p.offset}`)
    else if (UNSAFE_IN_MESSAGE.test(p.message)) out.push(`problem message with a control or line-break character: ${quote(p.message)}`)
    if (!Number.isInteger(p.offset) || p.offset < 0 || p.offset > text.length) out.push(`problem offset ${p.offset} outside 0..${text.length}: ${quote(p.message)}`)
    if (p.rule !== undefined && !(Number.isInteger(p.rule) && p.rule > 1000)) out.push(`problem rule ${p.rule}: ${quote(p.message)}`)
    if (p.severity !== undefined && ![0, 1, 2].includes(p.severity)) out.push(`problem severity ${p.severity}: ${quote(p.message)}`)
  }
  const seen = new Map<string, number>()
  for (const u of units) {
    if (typeof u.key !== 'string' || typeof u.value !== 'string') out.push(`unit key/value not strings: ${typeof u.key}/${typeof u.value}`)
    if (u.source !== undefined && typeof u.source !== 'string') out.push(`unit ${quote(u.key)} source is ${typeof u.source}`)
    if (u.locale !== undefined && typeof u.locale !== 'string') out.push(`unit ${quote(u.key)} locale is ${typeof u.locale}`)
    if (!isSpanIn(u.span, text.length)) out.push(`unit ${quote(u.key)} span ${u.span.start}..${u.span.end} outside 0..${text.length}`)
    else if (!anchorOk(format, text, u)) out.push(`unit ${quote(u.key)} span starts at ${quote(text.slice(u.span.start, u.span.start + 20))}`)
    if (u.sourceSpan && !isSpanIn(u.sourceSpan, text.length)) out.push(`unit ${quote(u.key)} sourceSpan ${u.sourceSpan.start}..${u.sourceSpan.end} outside 0..${text.length}`)
    const id = `${u.locale ?? ''}\u0000${u.key}`
    seen.set(id, (seen.get(id) ?? 0) + 1)
  }
  const repeated = [...seen].filter(([, n]) => n > 1).map(([id]) => id.split('\u0000')[1])
  if (repeated.length > 0) out.push(`unit keys repeat: ${repeated.map(quote).join(', ')}`)
  if (twice && !isDeepStrictEqual(readUnits(format, bytes, context), result)) out.push('a second read of the same bytes gave another result')
  return { read: result, violations: out }
}
