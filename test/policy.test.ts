import { describe, expect, it } from '@jest/globals'
import type { CheckedSegment, FileFinding, Score } from '../src/model.js'
import { decide, targetHash, type PolicyOptions } from '../src/policy.js'
import { ruleSettings } from '../src/rule-settings.js'
import { SettingsError } from '../src/settings.js'
import { segment } from './helpers/segments.js'

const scored = (score: number, threshold = 0.7, provider = 'phrase'): Score => ({ provider, engine: 'qe_v4', state: 'scored', score, threshold })

function seg(key: string, issues: CheckedSegment['issues'] = [], scores: Score[] = [], extra: Partial<CheckedSegment> = {}): CheckedSegment {
  return { ...segment('Source', 'Ziel', { key, id: `f#${key}`, file: 'locales/de/app.json', line: 3 }), issues, scores, ...extra }
}

const options = (extra: Partial<PolicyOptions> = {}): PolicyOptions => ({
  failOn: ['error', 'below-threshold'],
  rules: ruleSettings({}),
  dismissals: [],
  reportFilter: {},
  ...extra,
})

describe('policy', () => {
  it('adds below-threshold and not-scored issues and counts them apart from errors', () => {
    const report = decide([seg('a', [], [scored(0.41)]), seg('b', [], [scored(0.9)]), seg('c', [], [{ provider: 'openai', engine: 'gpt', state: 'failed', reason: 'HTTP 500' }])], [], options())
    expect(report.segments[0].issues).toEqual([{ s: 2, r: 1901, d: 'Quality score 0.41 is below the threshold 0.70 (phrase qe_v4)' }])
    expect(report.segments[2].issues).toEqual([{ s: 1, r: 1902, d: 'Not scored by openai gpt: HTTP 500' }])
    expect(report.summary).toMatchObject({ segments: 3, scored: 2, belowThreshold: 1, notScored: 1, errors: 0, warnings: 0, averageScore: (0.41 + 0.9) / 2 })
    expect(report.verdict).toEqual({ passed: false, reasons: ['below-threshold'] })
  })

  it.each([
    [['error'], true],
    [['warning'], false],
    [['not-scored'], true],
    [[], true],
  ] as const)('fail-on %j with one warning passes: %s', (failOn, passed) => {
    const report = decide([seg('a', [{ s: 1, r: 1302, d: 'Trailing whitespace differs' }])], [], options({ failOn: [...failOn] }))
    expect(report.verdict.passed).toBe(passed)
  })

  it('fails on not-scored only when asked, and never counts a failure as scored', () => {
    const failed = seg('a', [], [{ provider: 'phrase', engine: 'qe', state: 'failed', reason: 'HTTP 504' }])
    expect(decide([failed], [], options()).verdict.passed).toBe(true)
    const report = decide([seg('a', [], [{ provider: 'phrase', engine: 'qe', state: 'failed', reason: 'HTTP 504' }])], [], options({ failOn: ['not-scored'] }))
    expect(report.verdict).toEqual({ passed: false, reasons: ['not-scored'] })
    expect(report.summary.scored).toBe(0)
  })

  // As below-threshold: what fails the gate is the issue, so switching it off or dismissing it counts.
  it.each([
    ['switched off', { rules: ruleSettings({ 'not-scored': 'off' }) }],
    ['dismissed', { dismissals: [{ file: 'locales/de/app.json', key: 'a', rule: 'not-scored', target: 'Ziel', comment: 'Phrase holds no such key' }] }],
  ])('does not fail on not-scored when the issue is %s', (_, extra) => {
    const failed = seg('a', [], [{ provider: 'phrase', engine: 'qe', state: 'failed', reason: 'HTTP 504' }])
    const report = decide([failed], [], options({ failOn: ['not-scored'], ...extra }))
    expect(report.verdict).toEqual({ passed: true, reasons: [] })
    expect(report.summary.notScored).toBe(0)
  })

  it('applies dismissals (x and c), which stop an issue from failing the gate and lapse when the text changes', () => {
    const issue = () => [{ s: 2 as const, r: 1061, d: 'Placeholder {{count}} is missing' }]
    const dismissal = { file: 'locales/de/app.json', key: 'a', locale: 'de', rule: 1061, comment: 'count shown elsewhere', target: 'Ziel' }
    const report = decide([seg('a', issue())], [], options({ dismissals: [dismissal] }))
    expect(report.segments[0].issues).toEqual([{ s: 2, r: 1061, d: 'Placeholder {{count}} is missing', x: true, c: 'count shown elsewhere' }])
    expect(report.verdict.passed).toBe(true)
    expect(report.summary).toMatchObject({ errors: 0, dismissed: 1 })

    const changed = decide([seg('a', issue(), [], { target: 'Neu' })], [], options({ dismissals: [dismissal] }))
    expect(changed.segments[0].issues[0].x).toBeUndefined()
    expect(changed.verdict.passed).toBe(false)
    expect(changed.notes).toEqual([`Dismissal of rule 1061 for locales/de/app.json a lapsed: the translation changed since it was dismissed (its target-hash is now ${targetHash('Neu').slice(0, 12)})`])

    const byName = decide([seg('a', issue())], [], options({ dismissals: [{ ...dismissal, rule: 'i18next-placeholder-missing', target: undefined, 'target-hash': targetHash('Ziel').slice(0, 8).toUpperCase() }] }))
    expect(byName.segments[0].issues[0].x).toBe(true)
  })

  it('ranks findings worst first and applies the report filter without changing the verdict', () => {
    const file: FileFinding = { file: 'locales/fr/app.json', line: 2, column: 5, issue: { s: 2, r: 1001, d: 'Invalid JSON' } }
    const segments = [seg('a', [{ s: 0, r: 1401, d: 'info' }]), seg('b', [{ s: 1, r: 1302, d: 'warn' }, { s: 2, r: 1061, d: 'err' }])]
    const report = decide(segments, [file], options())
    expect(report.findings.map((f) => `${f.issue.s} ${f.file}:${f.line} ${f.issue.r}`)).toEqual([
      '2 locales/de/app.json:3 1061',
      '2 locales/fr/app.json:2 1001',
      '1 locales/de/app.json:3 1302',
      '0 locales/de/app.json:3 1401',
    ])
    const filtered = decide([seg('a', [{ s: 0, r: 1401, d: 'info' }]), seg('b', [{ s: 1, r: 1302, d: 'warn' }, { s: 2, r: 1061, d: 'err' }])], [file], options({ reportFilter: { severity: [1] } }))
    expect(filtered.findings.map((f) => f.issue.r)).toEqual([1302])
    expect(filtered.verdict).toEqual(report.verdict)
  })

  it('applies configured severities per rule and locale, including to file findings', () => {
    const rules = ruleSettings({ 'trailing-whitespace': { severity: 'error', locales: { ja: 'off' } }, 1001: 'warning', 'below-threshold': 'warning' })
    const report = decide([seg('t', [], [scored(0.1)])], [{ file: 'x.json', line: 1, column: 1, issue: { s: 2, r: 1001, d: 'bad' } }], options({ rules }))
    expect(report.fileFindings[0].issue.s).toBe(1)
    expect(report.segments[0].issues[0]).toMatchObject({ r: 1901, s: 1 })
    expect(rules.level(1302, 'de', 1)).toBe(2)
    expect(rules.level(1302, 'ja-JP', 1)).toBe('off')
  })

  it('rejects unknown rules in the config with the nearest id', () => {
    expect(() => ruleSettings({ 'trailing-whitespaces': 'off' })).toThrow(new SettingsError("Unknown rule 'trailing-whitespaces' in rules of the config file. Expected a rule number or id from docs/rules.md; did you mean 'trailing-whitespace'?"))
  })
})
