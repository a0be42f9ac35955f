// Inputs the pipeline and reporter fuzzers found that crashed a run or broke an output: a
// bundle too large to spread into one call, a text table padded by its widest cell, SARIF
// locations that were not URIs.
import { describe, expect, it } from '@jest/globals'
import { silentLogger } from '../../src/log.js'
import type { CheckedSegment, Finding, Report } from '../../src/model.js'
import { urlPath } from '../../src/reporters/escape.js'
import { renderSarif } from '../../src/reporters/sarif.js'
import { renderText } from '../../src/reporters/text.js'
import { runPipeline } from '../../src/run.js'
import { MemoryScoreCache } from '../../src/scorers/cache.js'
import { resolveSettings } from '../../src/settings.js'
import { missingPlaceholder, reportOf } from '../helpers/report.js'
import { memoryChanges } from '../helpers/trees.js'

describe('a bundle with 150,000 new segments', () => {
  it('is checked (its segments were spread into one push and overflowed the stack)', async () => {
    const n = 150_000
    // No source file: only the rules that need none run, which keeps this test quick.
    const de = `{${Array.from({ length: n }, (_, i) => `"k${i}":"Speichern"`).join(',')}}`
    const changes = memoryChanges({ 'locales/de.json': '{}' }, { 'locales/de.json': de })
    const settings = resolveSettings({ inputs: { files: 'locales/{locale}.json' }, origin: (name) => name })
    const report = await runPipeline(settings, { changes, scorers: [], cache: new MemoryScoreCache(), log: silentLogger })
    expect(report.summary.segments).toBe(n)
    expect(report.segments.at(-1)).toMatchObject({ key: `k${n - 1}`, line: 1, column: de.lastIndexOf('"Speichern"') + 1 })
    expect(report.fileFindings.map((f) => [f.file, f.line, f.issue.r])).toEqual([['locales/de.json', 1, 1010]])
  })
})

/** A report of `n` findings on one file, built directly (policy is not what these tests are about). */
function manyFindings(n: number, key: (i: number) => string): Report {
  const base = reportOf([{ issues: [missingPlaceholder] }])
  const template = base.findings[0]
  const findings: Finding[] = Array.from({ length: n }, (_, i) => ({ ...template, line: i + 1, key: key(i), segment: { ...(template.segment as CheckedSegment), key: key(i) } }))
  return { ...base, findings }
}

describe('the text table', () => {
  it('prints 150,000 findings (Math.max over every row overflowed the stack)', () => {
    const out = renderText(manyFindings(150_000, (i) => `k${i}`))
    expect(out.split('\n')).toHaveLength(150_000 + 1 + 3)
  })

  it('prints a 1 MB key whole without padding every other row to its width', () => {
    const long = 'k'.repeat(1_000_000)
    const out = renderText(manyFindings(300, (i) => (i === 0 ? long : `key${i}`)))
    expect(out).toContain(long)
    expect(out.length).toBeLessThan(1_000_000 + 300 * 200)
    expect(out.split('\n')[2]).toMatch(/^locales\/de\/app\.json:2:1 {2,}de {2,}key1 {2,}error/)
  })
})

describe('SARIF locations are URI references', () => {
  it.each([
    ['locales/de/a b#1.json', 'locales/de/a%20b%231.json'],
    ['locales/de/100%.json', 'locales/de/100%25.json'],
    ['c:/x/ü.json', 'c%3A/x/%C3%BC.json'],
  ])('%j -> %j', (file, uri) => {
    const sarif = JSON.parse(renderSarif(reportOf([{ file, issues: [missingPlaceholder] }]), '0.0.0'))
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(uri)
  })

  it('a lone surrogate in a path becomes U+FFFD instead of throwing URIError', () => {
    expect(urlPath('de/a\ud800b.json')).toBe('de/a%EF%BF%BDb.json')
  })
})
