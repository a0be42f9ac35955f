// A file that two patterns match (in one files list, or in two groups of the config file) is
// checked and reported once, under the first pattern, and the log says so once.
import { describe, expect, it } from '@jest/globals'
import { findBundles, PathClaims } from '../src/bundles.js'
import { parseConfig } from '../src/config/index.js'
import { memoryLogger } from '../src/log.js'
import { runPipeline } from '../src/run.js'
import { MemoryScoreCache } from '../src/scorers/cache.js'
import { resolveSettings } from '../src/settings.js'
import { memoryChanges } from './helpers/trees.js'

const paths = ['web/locales/de/app.json', 'web/locales/en/app.json', 'web/locales/fr/app.json', 'mobile/locales/de/app.json', 'mobile/locales/en/app.json']

describe('PathClaims', () => {
  it('gives each path to the first pattern, in one list or across groups, and says so once per pair', () => {
    const claims = new PathClaims()
    const first = findBundles(['web/locales/{locale}/*.json', '**/locales/{locale}/app.json'], paths, 'en', claims)
    const second = findBundles(['**/locales/{locale}/*.json'], paths, 'en', claims)
    expect(first.map((b) => [b.pattern, b.source?.path, b.targets.map((t) => t.path)])).toEqual([
      ['web/locales/{locale}/*.json', 'web/locales/en/app.json', ['web/locales/de/app.json', 'web/locales/fr/app.json']],
      ['**/locales/{locale}/app.json', 'mobile/locales/en/app.json', ['mobile/locales/de/app.json']],
    ])
    expect(second).toEqual([])
    expect(claims.notes()).toEqual([
      "3 file(s) match both 'web/locales/{locale}/*.json' and '**/locales/{locale}/app.json' (e.g. web/locales/de/app.json): each is checked once, under the first, 'web/locales/{locale}/*.json'",
      "3 file(s) match both 'web/locales/{locale}/*.json' and '**/locales/{locale}/*.json' (e.g. web/locales/de/app.json): each is checked once, under the first, 'web/locales/{locale}/*.json'",
      "2 file(s) match both '**/locales/{locale}/app.json' and '**/locales/{locale}/*.json' (e.g. mobile/locales/de/app.json): each is checked once, under the first, '**/locales/{locale}/app.json'",
    ])
  })

  it('says when one pattern is listed in two groups', () => {
    const claims = new PathClaims()
    findBundles(['web/locales/{locale}/*.json'], paths, 'en', claims)
    findBundles(['web/locales/{locale}/*.json'], paths, 'de', claims)
    expect(claims.notes()).toEqual(["3 file(s) match pattern 'web/locales/{locale}/*.json', listed twice, (e.g. web/locales/de/app.json): each is checked once, under the first, 'web/locales/{locale}/*.json'"])
  })
})

describe('overlapping groups in a run', () => {
  it('check and report a file once', async () => {
    const en = '{\n  "save": "Save",\n  "hello": "Hello {name}"\n}\n'
    const base = { 'web/locales/en/app.json': en, 'web/locales/de/app.json': '{}', 'mobile/locales/en/app.json': en, 'mobile/locales/de/app.json': '{}' }
    const head = { ...base, 'web/locales/de/app.json': '{\n  "hello": "Hallo"\n}\n', 'mobile/locales/de/app.json': '{\n  "save": "Sichern"\n}\n' }
    const config = parseConfig("version: 1\ngroups:\n  - files: ['web/locales/{locale}/*.json']\n  - files: ['**/locales/{locale}/*.json']\n", 'tq.yml')
    const settings = resolveSettings({ inputs: {}, origin: (n) => `input '${n}'`, config, configLabel: 'tq.yml' })
    const log = memoryLogger()
    const report = await runPipeline(settings, { changes: memoryChanges(base, head), scorers: [], cache: new MemoryScoreCache(), log })
    expect(report.segments.map((s) => `${s.file} ${s.key}`)).toEqual(['web/locales/de/app.json hello', 'mobile/locales/de/app.json save'])
    expect(report.findings.map((f) => `${f.file}:${f.line} ${f.issue.r}`)).toEqual(['web/locales/de/app.json:2 1051'])
    expect(log.lines.filter((l) => l.includes('match both'))).toEqual([
      "2 file(s) match both 'web/locales/{locale}/*.json' and '**/locales/{locale}/*.json' (e.g. web/locales/de/app.json): each is checked once, under the first, 'web/locales/{locale}/*.json'",
    ])
  })
})
