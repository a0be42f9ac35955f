// The report as GitHub-flavoured Markdown: the sticky PR comment, the job summary, the
// check run's summary and the CLI's `--format markdown` all render through here. Every
// untrusted string (keys, texts, file names, notes) goes through escape.ts.
import type { FailReason, Finding, Report } from '../model.js'
import { codeSpan, markdownText, truncate } from './escape.js'
import { ruleLabel, type RuleCatalogue } from './rule-names.js'
import { count, requestCount, segmentCounts, serviceLines } from './services.js'

export interface MarkdownOptions {
  /** The heading: the `name` input (default "Translation quality"). */
  title?: string
  /** Hidden marker written first (finds the sticky comment again). */
  marker?: string
  /** Link of a finding's line (`blob/{headSha}/{path}#L{line}`); the CLI has none. */
  link?: (file: string, line: number) => string
  /** A line under the heading: what was compared. */
  context?: string
  /** What each quality service did: a table (default), or one line (the PR comment). */
  services?: 'table' | 'brief'
  /** Paragraphs before the findings: how the run reported, fallbacks. */
  extra?: string[]
  /** Most characters (or bytes, with `measure`); past it the table is cut and `overflow` said. */
  limit?: number
  measure?: (text: string) => number
  /** Where the full list is, said when the text is cut. */
  overflow?: string
}

const SEVERITY = ['ℹ️ info', '⚠️ warning', '❌ error'] as const
// Long texts are cut in the table; the JSON report keeps them whole.
const TEXT_MAX = 160

function location(f: Finding, link: MarkdownOptions['link']): string {
  const label = markdownText(`${f.file}:${f.line}`)
  return link ? `[${label}](${link(f.file, f.line)})` : label
}

function problem(f: Finding): string {
  const parts = [markdownText(f.issue.d)]
  if (f.issue.x) parts.push(`*dismissed${f.issue.c ? `: ${markdownText(f.issue.c)}` : ''}*`)
  const s = f.segment
  if (s) {
    const text = (t: string) => (t === '' ? '*(empty)*' : codeSpan(truncate(t, TEXT_MAX)))
    if (s.source !== undefined) parts.push(`${markdownText(s.sourceLocale)}: ${text(s.source)}`)
    parts.push(`${markdownText(s.locale)}: ${text(s.target)}`)
  } else if (f.locale) {
    // The texts' lines name the locale; a finding without them says it here.
    parts.push(`Locale: ${markdownText(f.locale)}`)
  }
  return parts.join('<br>')
}

function row(f: Finding, link: MarkdownOptions['link'], rules: RuleCatalogue): string {
  const rule = ruleLabel(rules, f.issue.r)
  const cells = [SEVERITY[f.issue.s], location(f, link), f.key ? codeSpan(truncate(f.key, TEXT_MAX)) : '', markdownText(rule), problem(f)]
  return `| ${cells.join(' | ')} |`
}

/**
 * The findings as a Markdown table, one row each, in the order given; `rules` (the report)
 * names custom rules. No locale column: the Problem cell names it on the translation's line.
 */
export function findingsTable(findings: Finding[], link: MarkdownOptions['link'], rules: RuleCatalogue): string {
  return ['| Severity | Location | Key | Rule | Problem |', '|---|---|---|---|---|', ...findings.map((f) => row(f, link, rules))].join('\n')
}

/** One finding as a short Markdown paragraph (a review comment on its line). */
export function findingParagraph(f: Finding, rules: RuleCatalogue): string {
  const rule = ruleLabel(rules, f.issue.r)
  const where = [f.locale, f.key].filter((x): x is string => !!x)
  return `**${SEVERITY[f.issue.s]}** · ${markdownText(rule)}${where.length ? ` · ${where.map((w) => codeSpan(truncate(w, TEXT_MAX))).join(' ')}` : ''}<br>${problem(f)}`
}

/** What each quality service did: a table, or one line for the PR comment. */
function services(report: Report, form: 'table' | 'brief'): string | undefined {
  const lines = serviceLines(report)
  if (lines.length === 0) return undefined
  if (form === 'brief') {
    const list = lines.map((l) => {
      const spent = [requestCount(l), l.tokens > 0 ? `${count(l.tokens)} tokens` : '', l.characters > 0 ? `${count(l.characters)} characters` : ''].filter(Boolean)
      return `${markdownText(l.name)}: ${segmentCounts(l)}${spent.length > 0 ? `; ${spent.join(', ')}` : ''}`
    })
    return `Quality services: ${list.join(' · ')}`
  }
  const rows = lines.map((l) => {
    const cells = [markdownText(l.name), count(l.scored), l.average === undefined ? '' : l.average.toFixed(2), count(l.notApplicable), count(l.skipped), count(l.failed), requestCount(l, false), markdownText(l.usage.join(', '))]
    return `| ${cells.join(' | ')} |`
  })
  return ['| Quality service | Scored | Average | Not applicable | Skipped | Failed | Requests | Usage |', '|---|--:|--:|--:|--:|--:|--:|---|', ...rows].join('\n')
}

const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`

/** What met each `fail-on` condition, as a reviewer counts it. */
function reasonCount(report: Report, reason: FailReason): string {
  const s = report.summary
  if (reason === 'error') return plural(s.errors, 'error')
  if (reason === 'warning') return plural(s.warnings, 'warning')
  if (reason === 'below-threshold') return `${plural(s.belowThreshold, 'segment')} below the threshold`
  return `${plural(s.notScored, 'segment')} not scored`
}

/**
 * The verdict and why, before anything else: a reviewer reads the first line only. Then the
 * counts and what was checked.
 */
function verdict(report: Report): string {
  const s = report.summary
  const why = report.verdict.passed
    ? '**Passed**: nothing here fails the gate.'
    : `**Failed** because of ${report.verdict.reasons.map((r) => reasonCount(report, r)).join(' and ')} (see \`fail-on\`).`
  const counts = [
    plural(s.errors, 'error'),
    plural(s.warnings, 'warning'),
    ...(s.notices > 0 ? [plural(s.notices, 'notice')] : []),
    `${count(s.belowThreshold)} below threshold`,
    ...(s.notScored > 0 ? [`${count(s.notScored)} not scored`] : []),
    ...(s.dismissed > 0 ? [`${count(s.dismissed)} dismissed`] : []),
  ].join(', ')
  const scope = `${plural(s.segments, 'segment')} in ${plural(s.files, 'file')}, ${count(s.scored)} scored${s.averageScore !== undefined ? ` (average ${s.averageScore.toFixed(2)})` : ''}`
  return `${why}<br>${counts} · ${scope}`
}

export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const title = markdownText(options.title ?? 'Translation quality')
  const blocks: string[] = []
  if (options.marker) blocks.push(options.marker)
  blocks.push(`### ${report.verdict.passed ? '✅' : '❌'} ${title}: ${report.verdict.passed ? 'passed' : 'failed'}`)
  blocks.push([verdict(report), options.context].filter(Boolean).join('<br>'))
  const scores = services(report, options.services ?? 'table')
  if (scores) blocks.push(scores)
  // Before the table, which is what gets cut when the text is too long.
  blocks.push(...(options.extra ?? []))
  blocks.push(report.findings.length === 0 ? 'No problems found in the new or changed translations.' : findingsTable(report.findings, options.link, report))
  if (report.notes.length > 0) {
    blocks.push(`<details><summary>Notes (${report.notes.length})</summary>\n\n${report.notes.map((n) => `- ${markdownText(n)}`).join('\n')}\n\n</details>`)
  }
  const text = `${blocks.join('\n\n')}\n`
  if (options.limit === undefined) return text
  const more = `*Cut to fit GitHub's limit: ${report.findings.length} finding(s) in all.${options.overflow ? ` ${options.overflow}` : ''}*\n`
  return fitMarkdown(text, options.limit, more, options.measure)
}

/** What closes the code fences and `<details>` blocks left open at the end of `lines`. */
function closers(lines: string[]): string {
  let fence: string | undefined
  let details = 0
  for (const line of lines) {
    const m = /^\s{0,3}(`{3,}|~{3,})/.exec(line)
    if (m) {
      if (fence === undefined) fence = m[1]
      else if (m[1][0] === fence[0] && m[1].length >= fence.length) fence = undefined
      continue
    }
    if (fence !== undefined) continue
    details += (line.match(/<details>/g) ?? []).length - (line.match(/<\/details>/g) ?? []).length
  }
  // A blank line ends the Markdown inside <details> before its closing tag.
  return (fence !== undefined ? `\n${fence}` : '') + '\n\n</details>'.repeat(Math.max(0, details))
}

/**
 * Cuts Markdown at a line boundary so that it, the closers of what was left open and `tail`
 * fit in `limit` (as measured: characters by default). Lines are kept whole, so a table
 * loses rows, never half a row.
 */
export function fitMarkdown(text: string, limit: number, tail: string, measure: (s: string) => number = (s) => s.length): string {
  if (measure(text) <= limit) return text
  const lines = text.split('\n')
  const build = (n: number) => {
    const kept = lines.slice(0, n)
    return `${kept.join('\n')}${closers(kept)}\n\n${tail}`
  }
  let lo = 0
  let hi = lines.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (measure(build(mid)) <= limit) lo = mid
    else hi = mid - 1
  }
  const result = build(lo)
  return measure(result) <= limit ? result : truncate(tail, limit)
}
