// The JSON report (DESIGN.md's shape): the CLI's `--format json` and the action's report file.
import type { Report } from '../model.js'

export function jsonReport(report: Report): object {
  const { summary } = report
  return {
    version: 1,
    passed: report.verdict.passed,
    failedOn: report.verdict.reasons,
    summary: {
      files: summary.files,
      segments: summary.segments,
      scored: summary.scored,
      belowThreshold: summary.belowThreshold,
      notScored: summary.notScored,
      errors: summary.errors,
      warnings: summary.warnings,
      notices: summary.notices,
      dismissed: summary.dismissed,
      ...(summary.averageScore !== undefined && { averageScore: Number(summary.averageScore.toFixed(4)) }),
      providers: summary.providers,
    },
    segments: report.segments.map((s) => ({
      file: s.file,
      line: s.line,
      column: s.column,
      key: s.key,
      locale: s.locale,
      sourceLocale: s.sourceLocale,
      source: s.source ?? null,
      target: s.target,
      status: s.status,
      ...(s.previousTarget !== undefined && { previousTarget: s.previousTarget }),
      // What the file says of the string, for whoever reviews the finding.
      ...(s.unit.context !== undefined && { context: s.unit.context }),
      ...(s.unit.comment !== undefined && { comment: s.unit.comment }),
      scores: s.scores,
      issues: s.issues,
    })),
    fileFindings: report.fileFindings,
    notes: report.notes,
    usage: report.usage,
    ...(report.decisions && report.decisions.length > 0 && { decisions: report.decisions }),
  }
}

export function renderJson(report: Report): string {
  return `${JSON.stringify(jsonReport(report), null, 2)}\n`
}
