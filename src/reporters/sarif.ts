// SARIF 2.1.0 for code scanning and other SARIF viewers: one result per finding. Locations
// are URI references (RFC 3986), so a path with a space, `#` or `%` is percent-encoded.
import type { Report } from '../model.js'
import { ruleInfo } from './rule-names.js'
import { urlPath } from './escape.js'

const LEVEL = ['note', 'warning', 'error'] as const

export function sarifReport(report: Report, version: string): object {
  const used = [...new Set(report.findings.map((f) => f.issue.r))].sort((a, b) => a - b)
  const rules = used.flatMap((r) => ruleInfo(report, r) ?? [])
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'translation-quality-gate',
            version,
            rules: rules.map((r) => ({
              id: `TQG${r.rule}`,
              name: r.id,
              shortDescription: { text: r.title },
              fullDescription: { text: r.description },
              defaultConfiguration: { level: LEVEL[r.severity] },
            })),
          },
        },
        results: report.findings.map((f) => ({
          ruleId: `TQG${f.issue.r}`,
          level: LEVEL[f.issue.s],
          message: { text: f.key ? `${f.issue.d} [${f.locale ?? ''} ${f.key}]` : f.issue.d },
          locations: [{ physicalLocation: { artifactLocation: { uri: urlPath(f.file) }, region: { startLine: f.line, startColumn: f.column } } }],
          ...(f.issue.x && { suppressions: [{ kind: 'external', justification: f.issue.c ?? '' }] }),
        })),
      },
    ],
  }
}

export function renderSarif(report: Report, version: string): string {
  return `${JSON.stringify(sarifReport(report, version), null, 2)}\n`
}
