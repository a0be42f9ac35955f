// The CLI's table: one line per finding (file:line, locale, key, severity, rule, message,
// scores), what each quality service did, then a one-line verdict.
import type { Finding, Report, Score } from '../model.js'
import { terminalSafe } from '../text-safety.js'
import { ruleLabel, type RuleCatalogue } from './rule-names.js'
import { requestCount, segmentCounts, serviceLines } from './services.js'

const SEVERITY = ['info', 'warning', 'error'] as const
// A longer cell (a 1 MB key) is written whole but does not pad every other row to its width.
const COLUMN_MAX = 60

function scores(scores: Score[] | undefined): string {
  return (scores ?? [])
    .filter((s) => s.state === 'scored' && s.score !== undefined)
    .map((s) => `${s.provider} ${s.score!.toFixed(2)}`)
    .join(', ')
}

export function verdictLine(report: Report): string {
  const s = report.summary
  const counts = [
    `${s.errors} error${s.errors === 1 ? '' : 's'}`,
    `${s.warnings} warning${s.warnings === 1 ? '' : 's'}`,
    `${s.belowThreshold} below threshold`,
    ...(s.notScored > 0 ? [`${s.notScored} not scored`] : []),
    ...(s.dismissed > 0 ? [`${s.dismissed} dismissed`] : []),
  ].join(', ')
  const scope = `${s.segments} segment${s.segments === 1 ? '' : 's'} in ${s.files} file${s.files === 1 ? '' : 's'}, ${s.scored} scored${s.averageScore !== undefined ? `, average ${s.averageScore.toFixed(2)}` : ''}`
  return report.verdict.passed ? `PASSED: ${counts} (${scope})` : `FAILED on ${report.verdict.reasons.join(', ')}: ${counts} (${scope})`
}

function row(f: Finding, rules: RuleCatalogue): string[] {
  return [
    terminalSafe(`${f.file}:${f.line}:${f.column}`),
    terminalSafe(f.locale ?? ''),
    terminalSafe(f.key ?? ''),
    `${SEVERITY[f.issue.s]}${f.issue.x ? ' (dismissed)' : ''}`,
    ruleLabel(rules, f.issue.r),
    scores(f.segment?.scores),
    terminalSafe(f.issue.d),
  ]
}

export function renderText(report: Report): string {
  const header = ['LOCATION', 'LOCALE', 'KEY', 'SEVERITY', 'RULE', 'SCORE', 'MESSAGE']
  const rows = report.findings.map((f) => row(f, report))
  const lines: string[] = []
  for (const note of report.notes) lines.push(terminalSafe(note))
  if (rows.length > 0) {
    const length = (c: string) => [...c].length
    // Loops, not Math.max(...rows) or push(...rows): 100,000+ findings would overflow the stack.
    const widths = header.map((h, i) => Math.min(COLUMN_MAX, rows.reduce((w, r) => Math.max(w, length(r[i])), h.length)))
    const line = (r: string[]) =>
      r
        .map((c, i) => (i < r.length - 1 ? c + ' '.repeat(Math.max(0, widths[i] - length(c))) : c))
        .join('  ')
        .trimEnd()
    if (lines.length > 0) lines.push('')
    lines.push(line(header))
    for (const r of rows) lines.push(line(r))
  }
  const services = serviceLines(report)
  if (services.length > 0) {
    const width = Math.max(...services.map((l) => [...terminalSafe(l.name)].length))
    lines.push('', 'Quality services:')
    for (const l of services) {
      const name = terminalSafe(l.name)
      const parts = [segmentCounts(l), requestCount(l), ...l.usage.map(terminalSafe)].filter(Boolean)
      lines.push(`  ${name}${' '.repeat(width - [...name].length)}  ${parts.join(' · ')}`)
    }
  }
  lines.push('', verdictLine(report))
  return `${lines.join('\n')}\n`
}
