// Hostile keys, texts, file names, messages and notes, through the real rules, policy and
// every reporter: the rules do not throw, and each output stays well-formed (JSON parses and
// keeps every string exactly; SARIF URIs are URIs; a finding is one line of the text table,
// one row of the Markdown table and one line of a review comment; nothing breaks out of a
// code span, pings anyone or opens HTML; annotations stay bounded).
import { describe, expect, it } from '@jest/globals'
import { defaultCheckOptions } from '../../src/checks/check.js'
import { runChecks } from '../../src/checks/engine.js'
import { checks } from '../../src/checks/index.js'
import { formats } from '../../src/formats/index.js'
import type { CheckedSegment, FileFinding, Report, Severity } from '../../src/model.js'
import { decide } from '../../src/policy.js'
import { annotationFor } from '../../src/reporters/annotation.js'
import { COMMENT_MAX, commentMarker } from '../../src/reporters/comment.js'
import { urlPath } from '../../src/reporters/escape.js'
import { renderJson } from '../../src/reporters/json.js'
import { findingParagraph, renderMarkdown } from '../../src/reporters/markdown.js'
import { renderSarif } from '../../src/reporters/sarif.js'
import { renderText } from '../../src/reporters/text.js'
import { ruleSettings } from '../../src/rule-settings.js'
import { segment } from '../helpers/segments.js'
import { hostileString } from './hostile.js'
import { BASE_SEED, caseCount, hashSeed, Rng } from './random.js'

const CASES = caseCount(0.25)
const MARKER = commentMarker('Translation quality')
const link = (file: string, line: number) => `https://github.com/acme/shop/blob/abc/${urlPath(file)}#L${line}`

/** A report of hostile segments (checked by the real rules), file findings and notes. */
function hostileReport(rng: Rng): Report {
  const text = () => hostileString(rng)
  const segments = Array.from({ length: rng.between(1, 8) }, (_, i) => {
    const file = rng.chance(0.5) ? `locales/de/${text()}.json` : 'locales/de/app.json'
    const key = text()
    return segment(text(), text(), { id: `${file}#${key}`, file, key, line: i + 1, column: rng.between(1, 40), locale: rng.chance(0.8) ? 'de' : text(), format: rng.pick(formats).id })
  })
  const checked: CheckedSegment[] = runChecks(segments, checks, defaultCheckOptions, ruleSettings({}))
  // A rule's range is inside the text it is about (the target, or the source for source-side rules).
  for (const s of checked) {
    const length = Math.max(s.target.length, s.source?.length ?? 0)
    const outside = (s.spans ?? []).flatMap((span, i) => (span && !(span.start >= 0 && span.start <= span.end && span.end <= length) ? [`${s.issues[i].r} ${span.start}..${span.end}`] : []))
    expect([JSON.stringify(s.target), outside]).toEqual([JSON.stringify(s.target), []])
  }
  // Issues other sources write: an LLM scorer's spans, a custom rule's message.
  for (const s of checked) if (rng.chance(0.5)) s.issues.push({ s: rng.int(3) as Severity, d: text(), r: 1801 })
  const fileFindings: FileFinding[] = Array.from({ length: rng.int(3) }, () => ({ file: `${text()}.po`, line: rng.between(1, 9), column: 1, issue: { s: 2, d: text(), r: 1001 } }))
  const decided = decide(checked, fileFindings, { failOn: ['error'], rules: ruleSettings({}), dismissals: [], reportFilter: {} })
  return { ...decided, notes: [...decided.notes, text(), text()], usage: {} }
}

// Everything terminalSafe escapes: C0 and C1 controls, DEL, bidi, invisible and line separators.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/

function checkText(report: Report, out: string): void {
  expect(out.endsWith('\n')).toBe(true)
  const lines = out.slice(0, -1).split('\n')
  for (const line of lines) expect(line).not.toMatch(UNSAFE)
  const n = report.findings.length
  // Notes, a blank line before the table when both, header and one line per finding, a blank line and the verdict.
  expect(lines).toHaveLength(report.notes.length + (n > 0 ? (report.notes.length > 0 ? 1 : 0) + 1 + n : 0) + 2)
}

function checkJson(report: Report, out: string): void {
  const parsed = JSON.parse(out) as { segments: Array<{ file: string; key: string; source: string | null; target: string; issues: unknown[] }>; fileFindings: FileFinding[]; notes: string[] }
  expect(parsed.segments.map((s) => [s.file, s.key, s.source, s.target, s.issues])).toEqual(report.segments.map((s) => [s.file, s.key, s.source ?? null, s.target, s.issues]))
  expect(parsed.fileFindings).toEqual(report.fileFindings)
  expect(parsed.notes).toEqual(report.notes)
}

// RFC 3986 path characters: unreserved, percent-encoded, sub-delims, ':' and '@', and '/'.
const URI_PATH = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-F]{2})*$/

function checkSarif(report: Report, out: string): void {
  const parsed = JSON.parse(out) as { runs: Array<{ results: Array<{ message: { text: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }> }> }
  const results = parsed.runs[0].results
  expect(results).toHaveLength(report.findings.length)
  results.forEach((r, i) => {
    const f = report.findings[i]
    expect(r.message.text.startsWith(f.issue.d)).toBe(true)
    const { uri } = r.locations[0].physicalLocation.artifactLocation
    expect(uri).toMatch(URI_PATH)
    expect(uri.split('/').map(decodeURIComponent).join('/')).toBe(f.file.replace(/\p{Surrogate}/gu, '\ufffd'))
    expect(r.locations[0].physicalLocation.region.startLine).toBe(f.line)
  })
}

/** Markdown with its code spans removed, as CommonMark finds them: a backtick run closed by the next run of the same length. */
function outsideCodeSpans(md: string): string {
  let out = ''
  let i = 0
  while (i < md.length) {
    if (md[i] === '\\' && md[i + 1] === '`') {
      out += md.slice(i, i + 2)
      i += 2
      continue
    }
    if (md[i] !== '`') {
      out += md[i++]
      continue
    }
    let n = 0
    while (md[i + n] === '`') n++
    let close = -1
    for (let j = i + n; j < md.length; ) {
      if (md[j] !== '`') {
        j++
        continue
      }
      let m = 0
      while (md[j + m] === '`') m++
      if (m === n) {
        close = j
        break
      }
      j += m
    }
    if (close < 0) {
      out += md.slice(i, i + n)
      i += n
    } else i = close + n
  }
  return out
}

/**
 * Cells of a table row as GitHub splits them: cmark-gfm scans a cell as the longest run of
 * `\\<punctuation>` or non-pipe characters, so a pipe right after a backslash never ends a cell.
 */
function cells(row: string): string[] {
  return row.split(/(?<!\\)\|/).slice(1, -1)
}

/** Markdown outside code spans, with our own markup removed, opens no HTML, link or mention. */
function checkProse(md: string): void {
  const prose = outsideCodeSpans(md)
    .replace(MARKER, '')
    .replace(/<br>|<\/?details>|<\/?summary>/g, '')
    // Our own links, to the finding's line.
    .replace(/\[(?:[^\]\\]|\\.)*\]\(https:\/\/github\.com\/acme\/shop\/blob\/abc\/[^\s()]*#L\d+\)/g, '')
  expect(prose).not.toMatch(/[<>]|-->/)
  expect(prose).not.toMatch(/@(?!&#8203;)/)
  // Any [, ] or backtick left in prose (links, images, unclosed code) is escaped.
  expect(prose.replace(/\\[\\`*_[\]|~#$]/g, '')).not.toMatch(/[[\]`]/)
}

function checkMarkdown(report: Report, md: string, limited: boolean): void {
  const lines = md.split('\n')
  const rows = lines.filter((l) => l.startsWith('|'))
  if (!limited) expect(rows).toHaveLength(report.findings.length === 0 ? 0 : report.findings.length + 2)
  for (const row of rows) expect(cells(row)).toHaveLength(5)
  for (const line of lines) expect(line).not.toMatch(/[\r\u2028\u2029\u0000-\u0008\u000b-\u001f\u007f-\u009f]/)
  checkProse(md)
}

/** A review comment's paragraph: one line, inert. */
function checkParagraphs(report: Report): void {
  for (const f of report.findings) {
    const paragraph = findingParagraph(f, report)
    expect(paragraph).not.toMatch(/[\r\n\u2028\u2029\u0000-\u001f\u007f-\u009f]/)
    checkProse(paragraph)
  }
}

function checkAnnotations(report: Report): void {
  for (const f of report.findings) {
    const a = annotationFor(f, report)
    expect([...a.title].length).toBeLessThanOrEqual(255)
    expect(a.title).not.toMatch(UNSAFE)
    expect(a.message.replace(/\n/g, ' ')).not.toMatch(UNSAFE)
  }
}

describe('hostile strings through the rules and every reporter', () => {
  it(`keep ${CASES} reports well-formed (seed ${BASE_SEED})`, () => {
    for (let i = 0; i < CASES; i++) {
      const rng = new Rng(hashSeed(BASE_SEED, 'reporters', i))
      let report: Report | undefined
      try {
        report = hostileReport(rng)
        checkText(report, renderText(report))
        checkJson(report, renderJson(report))
        checkSarif(report, renderSarif(report, '0.0.0'))
        checkMarkdown(report, renderMarkdown(report, { marker: MARKER, link }), false)
        checkMarkdown(report, renderMarkdown(report, { marker: MARKER, link, limit: COMMENT_MAX }), true)
        checkParagraphs(report)
        checkAnnotations(report)
      } catch (e) {
        const keys = report?.segments.map((s) => s.key)
        throw new Error(`case ${i} (seed ${BASE_SEED}), keys ${JSON.stringify(keys)?.slice(0, 2000)}: ${e instanceof Error ? e.message : String(e)}`)
      }
    }
  })
})
