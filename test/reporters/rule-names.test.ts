// Every reporter names every rule: built-in, custom (from the config file, carried in the
// report) and Wordbee's own (1..1000, and 0 for an issue added by hand).
import { describe, expect, it } from '@jest/globals'
import { customChecks } from '../../src/checks/custom.js'
import { parseConfig } from '../../src/config/index.js'
import { silentLogger } from '../../src/log.js'
import type { Report } from '../../src/model.js'
import { annotationFor } from '../../src/reporters/annotation.js'
import { findingParagraph, renderMarkdown } from '../../src/reporters/markdown.js'
import { ruleLabel } from '../../src/reporters/rule-names.js'
import { sarifReport } from '../../src/reporters/sarif.js'
import { renderText } from '../../src/reporters/text.js'
import { runPipeline } from '../../src/run.js'
import { allRules } from '../../src/rules.js'
import { MemoryScoreCache } from '../../src/scorers/cache.js'
import { resolveSettings } from '../../src/settings.js'
import { reportOf } from '../helpers/report.js'
import { memoryChanges } from '../helpers/trees.js'

function report(): Report {
  const custom = customChecks([{ id: 'no-lorem', pattern: 'lorem', message: 'Placeholder text left in' }], allRules())
  const base = reportOf([
    { key: 'a', issues: [{ s: 1, r: 1801, d: 'Placeholder text left in ("lorem")' }] },
    { key: 'b', issues: [{ s: 1, r: 12, d: 'Spelling: "Warenkrob"' }] },
    { key: 'c', issues: [{ s: 2, r: 0, d: 'Ask the client about this term' }] },
    { key: 'd', issues: [{ s: 1, r: 1302, d: 'Trailing whitespace differs' }] },
  ])
  return { ...base, customRules: custom.map(({ rule, id, title, description, severity }) => ({ rule, id, title, description, severity })) }
}

describe('rule names', () => {
  it.each([
    [1801, '1801 no-lorem'],
    [12, '12 wordbee'],
    [0, '0 wordbee manual'],
    [1302, '1302 trailing-whitespace'],
    [1899, '1899'],
  ])('rule %d is %j', (rule, label) => {
    expect(ruleLabel(report(), rule)).toBe(label)
  })

  it('names a custom rule only in the report that has it', () => {
    expect(ruleLabel(reportOf([]), 1801)).toBe('1801')
  })

  it.each([
    ['the text table', (r: Report) => renderText(r)],
    ['the Markdown comment and summary', (r: Report) => renderMarkdown(r)],
    ['review comments', (r: Report) => r.findings.map((f) => findingParagraph(f, r)).join('\n')],
  ])('%s', (_label, render) => {
    const out = render(report())
    for (const label of ['1801 no-lorem', '12 wordbee', '0 wordbee manual', '1302 trailing-whitespace']) expect(out).toContain(label)
  })

  it('annotation titles', () => {
    const r = report()
    expect(r.findings.map((f) => annotationFor(f, r).title.split(' · ')[0]).sort()).toEqual(['no-lorem (1801)', 'trailing-whitespace (1302)', 'wordbee (12)', 'wordbee manual (0)'])
  })

  it('SARIF describes every rule a result names', () => {
    const sarif = sarifReport(report(), '1.0.0') as { runs: Array<{ tool: { driver: { rules: Array<{ id: string; name: string; shortDescription: { text: string } }> } }; results: Array<{ ruleId: string }> }> }
    const [run] = sarif.runs
    expect(run.tool.driver.rules.map((r) => [r.id, r.name])).toEqual([
      ['TQG0', 'wordbee manual'],
      ['TQG12', 'wordbee'],
      ['TQG1302', 'trailing-whitespace'],
      ['TQG1801', 'no-lorem'],
    ])
    expect(run.tool.driver.rules.find((r) => r.id === 'TQG1801')?.shortDescription.text).toBe('Placeholder text left in')
    const described = new Set(run.tool.driver.rules.map((r) => r.id))
    for (const result of run.results) expect(described.has(result.ruleId)).toBe(true)
  })

  it("a run's report carries the config file's custom rules, so the CLI's table names them", async () => {
    const config = parseConfig("version: 1\ncustom-rules:\n  - id: no-lorem\n    pattern: 'lorem|ipsum'\n    message: Placeholder text left in\n", 'tq.yml')
    const settings = resolveSettings({ inputs: { files: 'locales/{locale}/app.json' }, origin: (n) => `input '${n}'`, config, configLabel: 'tq.yml' })
    const en = '{\n  "title": "Welcome"\n}\n'
    const changes = memoryChanges({ 'locales/en/app.json': en }, { 'locales/en/app.json': en, 'locales/de/app.json': '{\n  "title": "Lorem ipsum"\n}\n' })
    const run = await runPipeline(settings, { changes, scorers: [], cache: new MemoryScoreCache(), log: silentLogger })
    expect(run.customRules?.map((r) => [r.rule, r.id])).toEqual([[1801, 'no-lorem']])
    expect(renderText(run)).toMatch(/locales\/de\/app\.json:2:\d+ +de +title +warning +1801 no-lorem +Placeholder text left in \("ipsum"\)/)
  })
})
