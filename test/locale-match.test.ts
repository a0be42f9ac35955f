// One meaning for a locale in the settings, wherever a setting is per locale: `pt` covers
// `pt-BR`, any case, `_` is `-`, and the most specific entry wins.
import { describe, expect, it } from '@jest/globals'
import { parseConfig } from '../src/config/index.js'
import { silentLogger } from '../src/log.js'
import { forLocale, forSameLocale, localeCovers, localeFilter, sameLocale } from '../src/paths.js'
import { ruleSettings } from '../src/rule-settings.js'
import { runPipeline } from '../src/run.js'
import { MemoryScoreCache } from '../src/scorers/cache.js'
import { staticScorer } from '../src/scorers/static.js'
import { resolveSettings } from '../src/settings.js'
import { memoryChanges } from './helpers/trees.js'

describe('localeCovers', () => {
  it.each([
    ['pt', 'pt-BR', true],
    ['pt', 'pt', true],
    ['PT', 'pt-br', true],
    ['pt_BR', 'pt-BR', true],
    ['pt-br', 'pt_BR', true],
    ['pt-rBR', 'pt-BR', true],
    ['zh-Hant', 'zh-Hant-TW', true],
    ['zh-TW', 'zh-Hant-TW', true],
    ['sr-Latn', 'b+sr+Latn', true],
    ['de', 'de-AT', true],
    // Chinese files are named by region; the region implies the script.
    ['zh-Hant', 'zh-TW', true],
    ['zh-Hant', 'zh_HK', true],
    ['zh-Hans', 'zh-CN', true],
    ['zh-Hans', 'zh-TW', false],
    ['zh-Hant', 'zh-CN', false],
    ['sr-Latn', 'sr', false],
    ['pt-BR', 'PT', false],
    ['pt-BR', 'pt', false],
    ['pt-BR', 'pt-PT', false],
    ['zh-Hant', 'zh-Hans-TW', false],
    ['pt', 'ptx', false],
    ['de', 'en-DE', false],
    ['en', 'fr', false],
  ])('%s covers %s: %s', (configured, locale, expected) => {
    expect(localeCovers(configured, locale)).toBe(expected)
  })
})

describe('sameLocale', () => {
  it.each([
    ['pt_BR', 'pt-BR', true],
    ['pt-br', 'PT-BR', true],
    ['zh-hans', 'zh-Hans', true],
    ['pt', 'pt-BR', false],
    ['de-AT', 'de', false],
  ])('%s and %s: %s', (a, b, expected) => expect(sameLocale(a, b)).toBe(expected))
})

describe('forLocale: the most specific configured entry', () => {
  const entries = Object.entries({ pt: 'pt', pt_BR: 'pt_BR', zh: 'zh', 'zh-Hant': 'zh-Hant', 'zh-Hant-HK': 'zh-Hant-HK' })
  it.each([
    ['pt-BR', 'pt_BR'],
    ['pt-PT', 'pt'],
    ['PT', 'pt'],
    ['zh-Hant-TW', 'zh-Hant'],
    ['zh-Hant-HK', 'zh-Hant-HK'],
    ['zh-Hans', 'zh'],
    ['zh-TW', 'zh-Hant'],
    ['de', undefined],
  ])('%s -> %j', (locale, expected) => expect(forLocale(entries, locale)).toBe(expected))

  it('is independent of the order of the entries', () => {
    expect(forLocale([...entries].reverse(), 'pt-BR')).toBe('pt_BR')
  })

  it('finds mappings only for the same locale (forSameLocale)', () => {
    expect(forSameLocale(entries, 'pt-br')).toBe('pt_BR')
    expect(forSameLocale(entries, 'pt-PT')).toBeUndefined()
  })
})

describe('localeFilter', () => {
  it.each<[string[] | undefined, string, boolean]>([
    [undefined, 'fr', true],
    [[], 'fr', true],
    [['de', 'pt-BR'], 'de-AT', true],
    [['de', 'pt-BR'], 'pt_BR', true],
    [['de', 'pt-BR'], 'pt-PT', false],
    [['zh-Hant'], 'zh-Hant-TW', true],
    [['zh_hant'], 'zh-Hant', true],
    [['zh-Hant'], 'zh-Hans', false],
  ])('%j applies to %s: %s', (locales, locale, expected) => expect(localeFilter(locales)(locale)).toBe(expected))
})

describe('per-locale rule severities', () => {
  const rules = ruleSettings({ 'trailing-whitespace': { severity: 'error', locales: { zh_Hant: 'off', pt: 'info', 'pt-BR': 'warning' } } })
  it.each<[string | undefined, 0 | 1 | 2 | 'off']>([
    ['zh-Hant-TW', 'off'],
    ['zh-Hant', 'off'],
    ['zh-Hans', 2],
    ['pt-PT', 0],
    ['pt_BR', 1],
    ['PT-br', 1],
    ['de', 2],
    [undefined, 2],
  ])('%s -> %j', (locale, expected) => expect(rules.level(1302, locale, 1)).toBe(expected))
})

describe('per-locale thresholds', () => {
  it('apply to a locale however the config spells it, the most specific first', async () => {
    const json = (o: unknown) => `${JSON.stringify(o, null, 2)}\n`
    const base = { 'locales/en/app.json': json({ save: 'Save' }), 'locales/pt-BR/app.json': '{}', 'locales/pt-PT/app.json': '{}', 'locales/de/app.json': '{}' }
    const head = { ...base, 'locales/pt-BR/app.json': json({ save: 'Salvar' }), 'locales/pt-PT/app.json': json({ save: 'Guardar' }), 'locales/de/app.json': json({ save: 'Speichern' }) }
    const config = parseConfig('version: 1\nthresholds:\n  locales:\n    pt: 0.5\n    pt_BR: 0.9\n', 'tq.yml')
    const settings = resolveSettings({ inputs: { files: 'locales/{locale}/app.json' }, origin: (n) => `input '${n}'`, config, configLabel: 'tq.yml' })
    const scorer = staticScorer(['pt-BR', 'pt-PT', 'de'].map((locale) => ({ file: `locales/${locale}/app.json`, key: 'save', score: 0.8 })))
    const report = await runPipeline(settings, { changes: memoryChanges(base, head), scorers: [scorer], cache: new MemoryScoreCache(), log: silentLogger })
    expect(Object.fromEntries(report.segments.map((s) => [s.locale, s.scores[0].threshold]))).toEqual({ de: 0.7, 'pt-BR': 0.9, 'pt-PT': 0.5 })
    expect(report.summary.belowThreshold).toBe(1)
  })
})
