// Reports for reporter tests, decided by the real policy from segments and file findings.
import type { CheckedSegment, FileFinding, Issue, Report } from '../../src/model.js'
import { decide } from '../../src/policy.js'
import { ruleSettings } from '../../src/rule-settings.js'
import { segment } from './segments.js'

export interface SegmentSpec {
  file?: string
  line?: number
  key?: string
  locale?: string
  source?: string
  target?: string
  issues: Issue[]
}

export function checked(spec: SegmentSpec, index = 0): CheckedSegment {
  const file = spec.file ?? 'locales/de/app.json'
  const key = spec.key ?? `key_${index}`
  const base = segment(spec.source ?? 'Source text', spec.target ?? 'Zieltext', { file, key, line: spec.line ?? index + 1, locale: spec.locale ?? 'de', id: `${file}#${key}` })
  return { ...base, issues: spec.issues, scores: [] }
}

export function reportOf(specs: SegmentSpec[], fileFindings: FileFinding[] = []): Report {
  const decided = decide(specs.map(checked), fileFindings, { failOn: ['error', 'below-threshold'], rules: ruleSettings({}), dismissals: [], reportFilter: {} })
  return { ...decided, usage: {} }
}

/** One finding per spec, each an error of rule 1061 unless given. */
export const missingPlaceholder: Issue = { s: 2, r: 1061, d: 'Placeholder {{count}} is missing' }
