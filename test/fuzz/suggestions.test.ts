// Seeded fuzzing of suggested changes: a suggestion must never be wrong. From every format's
// realistic files, a unit is given a translation with random fixable faults (spaces at the
// ends, double spaces, invisible characters, a renamed placeholder) and hostile characters,
// written into its line where fix-line can do that verbatim; the real rules check it, the
// review builds its suggestion, and the file with the suggested line must read back with
// exactly the fixed text in that unit, every other unit and problem as before, and the
// fixed issues gone. TQG_FUZZ_SEED / TQG_FUZZ_CASES as for the format fuzzer.
import { describe, expect, it } from '@jest/globals'
import { defaultCheckOptions } from '../../src/checks/check.js'
import { runChecks } from '../../src/checks/engine.js'
import { checks } from '../../src/checks/index.js'
import { fixedLine } from '../../src/fix-line.js'
import { fixedTarget, isFixable } from '../../src/fixes.js'
import { formats, readUnits, type Format, type ParseContext } from '../../src/formats/index.js'
import type { CheckedSegment, Finding, Unit } from '../../src/model.js'
import { suggestionFor } from '../../src/reporters/review.js'
import { ruleSettings } from '../../src/rule-settings.js'
import { LineIndex } from '../../src/span.js'
import { segment } from '../helpers/segments.js'
import { HOSTILE_FRAGMENTS } from './hostile.js'
import { BASE_SEED, caseCount, hashSeed, Rng } from './random.js'
import { seedsOf } from './seeds.js'

const CASES = caseCount(0.4)
const DOUBLE_SPACE = 1303
const MAX_REPORTED = 5

const SPACES = [' ', '  ', '\t', '\u00a0', '\u3000', ' \u00a0']
const INVISIBLE = ['\u200b', '\u00ad', '\u2060', '\ufeff', '\u200e', '\u200d']
const PLACEHOLDER = /\{\{\s*\w+\s*\}\}|%\{\w+\}|\{\w+\}|%\d\$[sd@]|%[sd@]/

/** The translation with a few random faults of the kinds the fixes know, and sometimes a hostile fragment. */
function faulty(value: string, rng: Rng): string {
  let text = value
  for (let n = rng.between(1, 3); n > 0; n--) {
    const at = rng.int(text.length + 1)
    switch (rng.int(6)) {
      case 0:
        text = rng.pick(SPACES) + text.trimStart()
        break
      case 1:
        text = text.trimEnd() + rng.pick(SPACES)
        break
      case 2: {
        const space = text.indexOf(' ', at)
        if (space >= 0) text = text.slice(0, space) + rng.pick(['  ', '   ', ' \u00a0']) + text.slice(space + 1)
        break
      }
      case 3:
        text = text.slice(0, at) + rng.pick(INVISIBLE) + text.slice(at)
        break
      case 4:
        text = text.replace(PLACEHOLDER, (p) => p.replace(/[a-z]\w*/i, (name) => `${name}x`))
        break
      default:
        if (rng.chance(0.5)) text = text.slice(0, at) + rng.pick(HOSTILE_FRAGMENTS) + text.slice(at)
    }
  }
  // A file in UTF-8 cannot hold a lone surrogate.
  return text.replace(/\p{Surrogate}/gu, '\ufffd')
}

interface Read {
  text: string
  units: Unit[]
  problems: string[]
}

const readText = (format: Format, text: string, context: ParseContext): Read => {
  const r = readUnits(format, new TextEncoder().encode(text), context)
  const lines = new LineIndex(r.text)
  // By line, not offset: the rewritten line moves the offsets after it.
  return { text: r.text, units: r.units, problems: r.problems.map((p) => `${lines.position(p.offset).line} ${p.message}`) }
}
const identity = (u: Unit) => `${u.locale ?? ''}\u0000${u.key}`
const values = (units: Unit[]) => new Map(units.map((u) => [identity(u), u.value]))

/** The file with one line (1-based, as git numbers lines: by LF) replaced. */
function withLine(text: string, line: number, replacement: string): string {
  const lines = text.split('\n')
  lines[line - 1] = replacement
  return lines.join('\n')
}

/** The unit's line as git has it and the column the pipeline gives it. */
function placeOf(text: string, unit: Unit): { line: number; column: number; lineText: string } {
  const { line, column } = new LineIndex(text).position(unit.span.start)
  return { line, column, lineText: text.split('\n')[line - 1] }
}

/** The suggested line of a review comment's suggestion block, checking the fence holds it. */
function suggestedLine(block: string): string {
  const m = /^Suggested change \(fixes [^\n]+\):\n\n(`{3,})suggestion\n([^\n]*)\n(`{3,})$/.exec(block)
  expect(m).not.toBeNull()
  const [, open, line, close] = m!
  expect(close).toBe(open)
  // CommonMark closes a fence at a line of at least as many backticks: the line must not be one.
  expect(line).not.toMatch(new RegExp(`^ {0,3}\`{${open.length},}\\s*$`))
  return line
}

interface Outcome {
  /** Lines fix-line rewrote to plant the faults; suggestions made from them. */
  planted: number
  suggested: number
  violations: string[]
}

function fuzzCase(format: Format, seeds: ReturnType<typeof seedsOf>, rng: Rng): Outcome {
  const seed = rng.pick(seeds)
  const original = readUnits(format, seed.bytes, seed.context)
  // Files are rewritten as UTF-8 text: the base is the seed's text read that way.
  const base = readText(format, original.text, seed.context)
  const candidates = base.units.filter((u) => u.value.trim() !== '')
  if (candidates.length === 0) return { planted: 0, suggested: 0, violations: [] }
  const unit = rng.pick(candidates)
  const before = unit.value
  const broken = faulty(before, rng)
  const at = placeOf(base.text, unit)
  const planted = fixedLine({ line: at.lineText, column: at.column, format: format.id, before, after: broken })
  if (planted === undefined) return { planted: 0, suggested: 0, violations: [] }
  const violations: string[] = []
  const expectOnly = (label: string, read: Read, want: string) => {
    const now = values(read.units)
    const expected = values(base.units)
    expected.set(identity(unit), want)
    if (read.problems.join('\n') !== base.problems.join('\n')) violations.push(`${label}: problems changed: ${read.problems.slice(0, 3).join(' / ')}`)
    for (const [id, value] of expected) if (now.get(id) !== value) violations.push(`${label}: ${JSON.stringify(id)} reads ${JSON.stringify(now.get(id))}, expected ${JSON.stringify(value)}`)
    for (const id of now.keys()) if (!expected.has(id)) violations.push(`${label}: a new unit ${JSON.stringify(id)}`)
  }
  // Planting the faults is fix-line's own property: the line read back gives exactly the new text.
  const head = readText(format, withLine(base.text, at.line, planted), seed.context)
  expectOnly(`planting ${JSON.stringify(broken)}`, head, broken)
  if (violations.length > 0) return { planted: 1, suggested: 0, violations }

  const headUnit = head.units.find((u) => identity(u) === identity(unit))!
  const place = placeOf(head.text, headUnit)
  const locale = unit.locale ?? seed.context.locale ?? 'de'
  // The file's own text, as the source: what the faults are measured against.
  const source = before
  const context = { file: seed.path, key: unit.key, line: place.line, column: place.column, locale: locale || 'de', format: format.id }
  const [checked] = runChecks(
    [segment(source, broken, { ...context, unit: headUnit })],
    checks,
    defaultCheckOptions,
    ruleSettings({}),
  ) as [CheckedSegment]
  const findings: Finding[] = checked.issues.map((issue) => ({ file: seed.path, line: place.line, column: place.column, key: unit.key, issue, segment: checked }))
  if (findings.length === 0) return { planted: 1, suggested: 0, violations }
  const block = suggestionFor(findings, place.lineText, {})
  if (block === undefined) return { planted: 1, suggested: 0, violations }
  const fixed = fixedTarget(
    checked.issues.filter((i) => isFixable(i, checked)),
    checked,
  )!
  const after = readText(format, withLine(head.text, place.line, suggestedLine(block)), seed.context)
  expectOnly(`suggestion for ${JSON.stringify(broken)}`, after, fixed)
  // What was fixed is not raised again, and the fix makes no double space (removing an
  // invisible character between two spaces did). Other rules may fire once an invisible
  // character that hid their finding is gone: that is found, not made, by the fix.
  const [recheck] = runChecks([segment(source, fixed, { ...context, unit: { ...headUnit, value: fixed } })], checks, defaultCheckOptions, ruleSettings({}))
  const fixedIssues = checked.issues.filter((i) => isFixable(i, checked)).map((i) => `${i.r} ${i.d}`)
  const again = recheck.issues.map((i) => `${i.r} ${i.d}`).filter((d) => fixedIssues.includes(d))
  const raised = recheck.issues.filter((i) => i.r === DOUBLE_SPACE && !checked.issues.some((o) => o.r === i.r)).map((i) => `${i.r} ${i.d}`)
  if (again.length > 0 || raised.length > 0) violations.push(`suggestion for ${JSON.stringify(broken)} gives ${JSON.stringify(fixed)}, which has ${[...again, ...raised].join('; ')}`)
  return { planted: 1, suggested: 1, violations }
}

describe.each(formats.map((f) => [f.id, f] as const))('suggested changes in %s files under fuzzing', (id, format) => {
  const seeds = seedsOf(format)

  it(`are exactly right on ${CASES} faulty translations (seed ${BASE_SEED})`, () => {
    const failures: Array<{ case: number; violations: string[] }> = []
    let planted = 0
    let suggested = 0
    for (let i = 0; i < CASES && failures.length < MAX_REPORTED; i++) {
      const outcome = fuzzCase(format, seeds, new Rng(hashSeed(BASE_SEED, 'suggestions', id, i)))
      planted += outcome.planted
      suggested += outcome.suggested
      if (outcome.violations.length > 0) failures.push({ case: i, violations: outcome.violations.slice(0, 3) })
    }
    expect(failures).toEqual([])
    // The cases reach the suggestions, not only the refusals.
    expect(planted).toBeGreaterThan(CASES * 0.05)
    expect(suggested).toBeGreaterThan(CASES * 0.05)
  })
})
