// The format registry. A new format is one module plus one line here; formats are asked in
// this order, so a specific one (Chrome messages.json) goes before a general one (JSON).
import type { ParseProblem, ParseResult, Unit } from '../model.js'
import { android } from './android.js'
import { arb } from './arb.js'
import { chrome } from './chrome.js'
import { decode } from './decode.js'
import type { Format, ParseContext } from './format.js'
import { json } from './json.js'
import { po } from './po.js'
import { properties } from './properties.js'
import { resx } from './resx.js'
import { strings } from './strings.js'
import { stringsdict } from './stringsdict.js'
import { xcstrings } from './xcstrings.js'
import { xliff } from './xliff.js'
import { yaml } from './yaml.js'
import { RULE } from '../rule-numbers.js'
import { terminalSafe } from '../text-safety.js'

export type { Format, ParseContext } from './format.js'

export const formats: readonly Format[] = [xliff, android, resx, stringsdict, po, strings, xcstrings, arb, chrome, properties, json, yaml]

export function formatForPath(path: string): Format | undefined {
  return formats.find((f) => f.handles(path))
}

export function formatById(id: string): Format | undefined {
  return formats.find((f) => f.id === id)
}

/**
 * A problem as every report can show it: messages quote names and text from the file, so
 * control, line-break and bidi characters in them are written as escapes.
 */
function printable(problem: ParseProblem): ParseProblem {
  return { ...problem, message: terminalSafe(problem.message) }
}

/**
 * The units with one key (and locale) once. Each reader reports the repeats it knows
 * (`<string name>` twice); this catches the ones its key scheme makes (a plural form
 * given twice, a name spelled like a generated key such as `items[one]`): the last is
 * read, as for other repeats, and the repeat is reported where it is written.
 */
function uniqueUnits(units: Unit[], problems: ParseProblem[]): Unit[] {
  const byKey = new Map<string, Unit>()
  for (const unit of units) {
    const id = `${unit.locale ?? ''}\u0000${unit.key}`
    if (byKey.has(id)) {
      const which = unit.locale ? ` (${unit.locale})` : ''
      problems.push({ message: `Duplicate key ${JSON.stringify(unit.key)}${which}: two strings of this file read as this key; this one is read, the earlier one is ignored`, offset: unit.span.start, rule: RULE.duplicateKey, severity: 1 })
      byKey.delete(id)
    }
    byKey.set(id, unit)
  }
  return byKey.size === units.length ? units : [...byKey.values()]
}

const MAX_PROBLEMS = 100

/** The first problems of a file and a note of how many more there are: a hostile file cannot flood the report. */
function capped(problems: ParseProblem[]): ParseProblem[] {
  if (problems.length <= MAX_PROBLEMS) return problems
  const kept = problems.slice(0, MAX_PROBLEMS)
  return [...kept, { message: `${problems.length - MAX_PROBLEMS} more problems in this file are not shown`, offset: kept.at(-1)!.offset, rule: kept.at(-1)!.rule, severity: kept.at(-1)!.severity }]
}

/**
 * Decodes and parses one file; never throws on bad input. A broken or hostile file gives at
 * most MAX_PROBLEMS problems (and a note of how many more), so it cannot flood the report.
 */
export function readUnits(format: Format, bytes: Uint8Array, context: ParseContext): ParseResult & { text: string } {
  const decoded = decode(bytes, { allowUtf16: format.allowUtf16, legacyEncoding: format.legacyEncoding })
  let parsed: ParseResult
  try {
    parsed = format.parse(decoded.text, context)
  } catch (e) {
    // A parser bug must not sink the run: report it on the file like any unreadable file.
    parsed = { units: [], problems: [{ message: `The ${format.label} reader failed on this file: ${e instanceof Error ? e.message : String(e)}`, offset: 0 }] }
  }
  const problems = [...decoded.problems, ...parsed.problems]
  const units = uniqueUnits(parsed.units, problems)
  return { ...parsed, units, problems: capped(problems).map(printable), text: decoded.text }
}
