// Policy: turns checked and scored segments into the verdict. It adds the quality issues
// (below threshold, not scored), applies dismissals and configured severities, counts,
// decides pass/fail from `fail-on`, and ranks the findings for the reporters. Reporters
// never decide; they show what this returns.
import { createHash } from 'node:crypto'
import type { CheckedSegment, FailReason, FileFinding, Finding, Issue, Report, Summary, Verdict } from './model.js'
import { sameLocale } from './paths.js'
import type { RuleSettings } from './rule-settings.js'
import { isFileRule, isQualityRule, RULE } from './rules.js'
import { SettingsError, type ConfigExtra } from './settings.js'

export interface PolicyOptions {
  failOn: FailReason[]
  rules: RuleSettings
  dismissals: ConfigExtra['dismissals']
  reportFilter: ConfigExtra['reportFilter']
}

const fmt = (n: number) => n.toFixed(2)

/** Adds below-threshold and not-scored issues, and the issues scorers found. */
function qualityIssues(segment: CheckedSegment, rules: RuleSettings): void {
  const add = (issue: Issue) => {
    const level = rules.level(issue.r, segment.locale, issue.s)
    if (level === 'off') return
    segment.issues.push({ ...issue, s: level })
    segment.spans?.push(undefined)
  }
  for (const score of segment.scores) {
    const label = `${score.provider}${score.engine ? ` ${score.engine}` : ''}`
    if (score.state === 'scored' && score.score !== undefined && score.threshold !== undefined && score.score < score.threshold) {
      add({ s: 2, r: RULE.belowThreshold, d: `Quality score ${fmt(score.score)} is below the threshold ${fmt(score.threshold)} (${label})` })
    } else if (score.state === 'failed') {
      add({ s: 1, r: RULE.notScored, d: `Not scored by ${label}: ${score.reason ?? 'the service failed'}` })
    }
    for (const issue of score.issues ?? []) add(issue)
  }
}

/** The SHA-256 (hex) of a translation; a dismissal's target-hash is its first 8 or more digits. */
export function targetHash(target: string): string {
  return createHash('sha256').update(target, 'utf8').digest('hex')
}

function madeFor(d: PolicyOptions['dismissals'][number], target: string): boolean {
  if (d.target !== undefined) return d.target === target
  const hash = d['target-hash']
  return hash !== undefined && targetHash(target).startsWith(hash.toLowerCase())
}

/** Marks issues the config file dismissed; a dismissal made for another target text has lapsed. */
function applyDismissals(segment: CheckedSegment, dismissals: PolicyOptions['dismissals'], rules: RuleSettings, lapsed: string[]): void {
  for (const d of dismissals) {
    if (d.file !== segment.file || d.key !== segment.key) continue
    if (d.locale && !sameLocale(d.locale, segment.locale)) continue
    const rule = rules.ruleNumber(d.rule)
    const issues = segment.issues.filter((i) => i.r === rule)
    if (issues.length === 0) continue
    if (!madeFor(d, segment.target)) {
      lapsed.push(`Dismissal of rule ${rule} for ${d.file} ${d.key} lapsed: the translation changed since it was dismissed (its target-hash is now ${targetHash(segment.target).slice(0, 12)})`)
      continue
    }
    for (const issue of issues) {
      issue.x = true
      issue.c = d.comment
    }
  }
}

/** Dismissals must name rules that exist (built-in or custom) and are raised on translations; any other would silently dismiss nothing. */
export function checkDismissals(dismissals: PolicyOptions['dismissals'], rules: RuleSettings, label = 'the config file'): void {
  dismissals.forEach((d, i) => {
    const rule = rules.ruleNumber(d.rule)
    if (rule === undefined) throw new SettingsError(`Unknown rule '${d.rule}' in dismissals[${i}] of ${label}. Expected a rule number or id from docs/rules.md.`)
    if (isFileRule(rule)) {
      throw new SettingsError(`Rule ${rule} in dismissals[${i}] of ${label} is reported on files, not on one translation, so it cannot be dismissed. Expected a rule of a translation; switch this one off or change its severity under rules.`)
    }
  })
}

function summarize(segments: CheckedSegment[], fileFindings: FileFinding[]): Summary {
  const summary: Summary = { files: 0, segments: segments.length, scored: 0, belowThreshold: 0, notScored: 0, errors: 0, warnings: 0, notices: 0, dismissed: 0, providers: {} }
  const files = new Set<string>([...segments.map((s) => s.file), ...fileFindings.map((f) => f.file)])
  summary.files = files.size
  const count = (issue: Issue) => {
    if (issue.x) summary.dismissed++
    else if (isQualityRule(issue.r)) return
    else if (issue.s === 2) summary.errors++
    else if (issue.s === 1) summary.warnings++
    else summary.notices++
  }
  let total = 0
  let n = 0
  for (const s of segments) {
    s.issues.forEach(count)
    if (s.issues.some((i) => i.r === RULE.belowThreshold && !i.x)) summary.belowThreshold++
    if (s.issues.some((i) => i.r === RULE.notScored && !i.x)) summary.notScored++
    if (s.scores.some((sc) => sc.state === 'scored')) summary.scored++
    for (const sc of s.scores) {
      const p = (summary.providers[sc.provider] ??= { scored: 0, failed: 0, notApplicable: 0, skipped: 0 })
      if (sc.state === 'scored' && sc.score !== undefined) {
        p.average = ((p.average ?? 0) * p.scored + sc.score) / (p.scored + 1)
        p.scored++
        total += sc.score
        n++
      } else if (sc.state === 'failed') p.failed++
      else if (sc.state === 'not-applicable') p.notApplicable++
      else p.skipped++
    }
  }
  fileFindings.forEach((f) => count(f.issue))
  if (n > 0) summary.averageScore = total / n
  return summary
}

function verdict(summary: Summary, failOn: FailReason[]): Verdict {
  const met: Record<FailReason, boolean> = {
    error: summary.errors > 0,
    warning: summary.warnings > 0,
    'below-threshold': summary.belowThreshold > 0,
    'not-scored': summary.notScored > 0,
  }
  const reasons = failOn.filter((r) => met[r])
  return { passed: reasons.length === 0, reasons }
}

function passesFilter(issue: Issue, filter: PolicyOptions['reportFilter']): boolean {
  if (filter.dismissed !== undefined && (issue.x === true) !== filter.dismissed) return false
  if (filter.severity && filter.severity.length > 0 && !filter.severity.includes(issue.s)) return false
  if (filter.rules && filter.rules.length > 0 && !filter.rules.includes(issue.r)) return false
  return true
}

/** Worst first: undismissed before dismissed, then severity, then file and line. */
export function rank(a: Finding, b: Finding): number {
  return (
    Number(a.issue.x === true) - Number(b.issue.x === true) ||
    b.issue.s - a.issue.s ||
    a.file.localeCompare(b.file) ||
    a.line - b.line ||
    a.issue.r - b.issue.r
  )
}

export function decide(segments: CheckedSegment[], fileFindings: FileFinding[], options: PolicyOptions): Omit<Report, 'notes' | 'usage'> & { notes: string[] } {
  const notes: string[] = []
  const findingsOnFiles: FileFinding[] = []
  for (const f of fileFindings) {
    const level = options.rules.level(f.issue.r, f.locales?.length === 1 ? f.locales[0] : undefined, f.issue.s)
    if (level !== 'off') findingsOnFiles.push({ ...f, issue: { ...f.issue, s: level } })
  }
  for (const segment of segments) {
    qualityIssues(segment, options.rules)
    applyDismissals(segment, options.dismissals, options.rules, notes)
  }
  const summary = summarize(segments, findingsOnFiles)
  const findings: Finding[] = []
  for (const segment of segments) {
    for (const issue of segment.issues) {
      if (!passesFilter(issue, options.reportFilter)) continue
      findings.push({ file: segment.file, line: segment.line, column: segment.column, key: segment.key, locale: segment.locale, issue, segment })
    }
  }
  for (const f of findingsOnFiles) {
    if (passesFilter(f.issue, options.reportFilter)) findings.push({ file: f.file, line: f.line, column: f.column, key: f.key, locale: f.locales?.join(', '), issue: f.issue })
  }
  findings.sort(rank)
  return { version: 1, verdict: verdict(summary, options.failOn), summary, segments, fileFindings: findingsOnFiles, findings, notes }
}
