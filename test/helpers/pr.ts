// Runs tqg in-process on a base/head fixture pair and lists what it found, by file and line.
import { tqg } from './cli.js'
import { fixturesDir } from './units.js'

export interface FoundIssue {
  file: string
  line: number
  rule: number
  key?: string
}

interface JsonReport {
  segments: Array<{ file: string; line: number; key: string; issues: Array<{ r: number; d: string }> }>
  fileFindings: Array<{ file: string; line: number; key?: string; issue: { r: number; d: string } }>
}

/** Runs `tqg <dir>/base <dir>/head --files <pattern> --format json` on a fixture pair. */
export async function runPr(dir: string, pattern: string): Promise<{ code: number; report: JsonReport; issues: FoundIssue[]; stderr: string }> {
  const root = `${fixturesDir}${dir}`
  const { code, stdout, stderr } = await tqg([`${root}/base`, `${root}/head`, '--files', pattern, '--format', 'json'], { cwd: root })
  if (!stdout) throw new Error(`tqg printed no report (exit ${code}): ${stderr}`)
  const report = JSON.parse(stdout) as JsonReport
  const issues: FoundIssue[] = [
    ...report.segments.flatMap((s) => s.issues.map((i) => ({ file: s.file, line: s.line, rule: i.r, key: s.key }))),
    ...report.fileFindings.map((f) => ({ file: f.file, line: f.line, rule: f.issue.r, ...(f.key !== undefined && { key: f.key }) })),
  ]
  issues.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.rule - b.rule)
  return { code, report, issues, stderr }
}
