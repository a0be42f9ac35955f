// Requests per 100 changed segments against the fakes: the numbers the README records.
// Each scenario is one run of the scoring stage (and write-back for Wordbee) with the fakes
// counting every request they receive. The Custom.MT and LLM scenarios use the app strings
// of bench/providers.mjs, 15 of them repeating a string of the other file.
import { afterEach, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { memoryLogger } from '../../src/log.js'
import type { CheckedSegment, Report } from '../../src/model.js'
import { decide } from '../../src/policy.js'
import { writeBack } from '../../src/write-back.js'
import { ruleSettings } from '../../src/rule-settings.js'
import { MemoryScoreCache, type ScoreCache } from '../../src/scorers/cache.js'
import { customMtScorer } from '../../src/scorers/custommt.js'
import { FileScoreCache } from '../../src/scorers/file-cache.js'
import { ServiceClient } from '../../src/scorers/http.js'
import { openAiScorer, requestHeaders } from '../../src/scorers/openai.js'
import { PhraseScorer } from '../../src/scorers/phrase.js'
import type { Scorer } from '../../src/scorers/scorer.js'
import { WordbeeScorer } from '../../src/scorers/wordbee.js'
import { scoreSegments } from '../../src/scoring.js'
import { appSegments, appStrings } from '../emulators/app-strings.js'
import { CustomMtFake } from '../emulators/custommt.js'
import { OpenAiFake } from '../emulators/openai.js'
import { PhraseFake, phraseFixture } from '../emulators/phrase.js'
import { WordbeeFake, type FakeSegment } from '../emulators/wordbee.js'
import { segment } from '../helpers/segments.js'

const closers: Array<{ close(): Promise<void> }> = []
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c.close()))
})

const key = (i: number) => `screen${String(i).padStart(4, '0')}.label`
/** `n` keys spread evenly over a project of `keys` keys, as a PR's changes are over a file. */
const spread = (n: number, keys = 2000) => Array.from({ length: n }, (_, i) => i * Math.floor(keys / n))

function segs(indexes: number[], locales: string[], text = (i: number, l: string) => `${l} text ${i}`): CheckedSegment[] {
  return locales.flatMap((l) => indexes.map((i) => ({ ...segment(`Text ${i}`, text(i, l), { id: `${l}#${key(i)}`, key: key(i), locale: l }), issues: [], scores: [] })))
}

async function phraseProject(keys: number, locales: string[]) {
  const texts = Object.fromEntries(locales.map((l) => [l, Object.fromEntries(Array.from({ length: keys }, (_, i) => [key(i), `${l} text ${i}`]))]))
  const fake = await PhraseFake.start(phraseFixture(texts))
  closers.push(fake)
  return fake
}

async function score(scorer: Scorer, segments: CheckedSegment[], cache: ScoreCache = new MemoryScoreCache()) {
  closers.push(scorer as { close(): Promise<void> })
  const log = memoryLogger()
  const result = await scoreSegments(segments, [scorer], { timeBudget: 120, cache, log, threshold: () => undefined, defaultThreshold: 0.7 })
  return { ...result, log }
}

const phrase = (fake: PhraseFake) => new PhraseScorer({ token: fake.fixture.token, projectId: fake.fixture.projectId, apiUrl: fake.url, log: memoryLogger() })

describe('Phrase requests per 100 segments', () => {
  it.each([
    // [project keys, locales, segments per locale, expected requests: locales + look-ups + QPS]
    ['1 locale, 2,000-key project', 2000, ['de'], 100, 1 + 20 + 1],
    ['1 locale, 300-key project', 300, ['de'], 100, 1 + 3 + 1],
    // Each locale's first page finds 2 of its keys and shows 19 more pages: 1 search + 23 keys is cheaper.
    ['4 locales x 25, 2,000-key project', 2000, ['de', 'fr', 'it', 'es'], 25, 1 + 4 + 1 + 23 + 1],
  ])('%s', async (_name, keys, locales, perLocale, expected) => {
    const fake = await phraseProject(keys, locales)
    const segments = segs(spread(perLocale, keys), locales)
    expect(segments).toHaveLength(100)
    await score(phrase(fake), segments)
    expect(segments.every((s) => s.scores[0].state === 'scored')).toBe(true)
    expect(fake.requests.length).toBe(expected)
  })

  it('re-run on the same head: 0; a push that changes one segment: 2', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tqg-cost-'))
    try {
      const fake = await phraseProject(2000, ['de'])
      const run = async (segments: CheckedSegment[]) => {
        const before = fake.requests.length
        await score(phrase(fake), segments, await FileScoreCache.open(dir, memoryLogger()))
        return fake.requests.length - before
      }
      expect(await run(segs(spread(100), ['de']))).toBe(22)
      expect(await run(segs(spread(100), ['de']))).toBe(0)
      fake.fixture.translations.find((t) => t.keyName === key(40))!.content = 'geändert'
      expect(await run(segs(spread(100), ['de'], (i, l) => (i === 40 ? 'geändert' : `${l} text ${i}`)))).toBe(2)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('Wordbee requests per 100 segments', () => {
  async function wordbeeProject(segments: number, withIssues: number) {
    const rows = Array.from({ length: segments }, (_, i): FakeSegment => ({
      sid: i + 1,
      key: key(i),
      texts: { de: { val: `de text ${i}`, issues: i % Math.ceil(segments / withIssues) === 0 ? [{ s: 1, d: 'Terminology', r: 30 }] : undefined }, en: { val: `Text ${i}` } },
    }))
    const fake = await WordbeeFake.start({ accountId: 'acme', apiKey: 'wb-key-123456', projectId: 1, segments: rows })
    closers.push(fake)
    return fake
  }
  const wordbee = (fake: WordbeeFake, push: boolean) => new WordbeeScorer({ accountId: 'acme', apiKey: 'wb-key-123456', apiUrl: fake.url, projectId: 1, push, log: memoryLogger() })

  it('reading issues: sign-in + one search page per 100 segments with issues (+ sign-out)', async () => {
    const fake = await wordbeeProject(2000, 150)
    const scorer = wordbee(fake, false)
    await score(scorer, segs(spread(100), ['de']))
    await scorer.close()
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/auth/token', 'POST /api/resources/segments/search', 'POST /api/resources/segments/search', 'DELETE /api/auth/token'])
  })

  it('pushing: every segment of the locale is read (100 per page), then one update per 100 commands', async () => {
    const fake = await wordbeeProject(2000, 150)
    const scorer = wordbee(fake, true)
    const segments = segs(spread(100), ['de'])
    segments.forEach((s) => s.issues.push({ s: 1, r: 1302, d: 'Trailing whitespace differs' }))
    const log = memoryLogger()
    const scoring = await score(scorer, segments)
    const report: Report = { ...decide(segments, [], { failOn: [], rules: ruleSettings({}), dismissals: [], reportFilter: {} }), usage: scoring.usage }
    await writeBack(report, [scorer], log)
    await scorer.close()
    expect(fake.calls('/api/resources/segments/search')).toHaveLength(20)
    expect(fake.calls('/api/resources/qa/issues/update')).toHaveLength(1)
    expect(fake.requests).toHaveLength(1 + 20 + 1 + 1)
  })
})

describe('Custom.MT requests per 100 segments with repeats', () => {
  async function customMt(strings = appStrings(100, 15)) {
    const fake = await CustomMtFake.start({
      token: 'cmt-token',
      templates: [{ name: 'EN-DE', source: 'en', target: 'de' }],
      translations: { 'EN-DE': Object.fromEntries(strings.map((s) => [s.source, { target: `DE ${s.source}`, score: 0.9 }])) },
    })
    closers.push(fake)
    const client = new ServiceClient({ service: 'Custom.MT', baseUrl: fake.server.url, headers: { token: 'cmt-token' }, log: memoryLogger() })
    return { strings, fake, scorer: customMtScorer({ client, templates: [{ target: 'de', template: 'EN-DE' }], locales: ['de'], paths: [] }) }
  }
  const texts = (fake: CustomMtFake) => fake.server.requests.flatMap((r) => (r.body as { text: string[] }).text)

  it('translates each source once: 85 distinct sources in 4 requests; a repeat gets the score of its own target', async () => {
    const { strings, fake, scorer } = await customMt()
    const segments = appSegments(strings)
    const result = await score(scorer, segments)
    expect(fake.server.requests).toHaveLength(4)
    expect(texts(fake)).toHaveLength(85)
    expect(new Set(texts(fake)).size).toBe(85)
    expect(result.usage.custommt).toMatchObject({ segments: 85, symbols: [...new Set(strings.map((s) => s.source))].join('').length, 'repeats-not-sent': 10 })
    // Repeats translated differently (every third) are not Custom.MT's translation; the others are scored.
    const states = segments.map((s) => s.scores[0].state)
    expect(states.filter((s) => s === 'scored')).toHaveLength(95)
    expect(segments.filter((s) => s.scores[0].state === 'not-applicable').map((s) => s.key)).toEqual(['checkout.repeat2', 'checkout.repeat5', 'checkout.repeat8', 'checkout.repeat11', 'checkout.repeat14'])
  })

  it('between runs (cache-dir): re-run 0; a push that edits a target 0; one that edits a source 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tqg-cost-'))
    try {
      const strings = appStrings(100, 15)
      const { fake } = await customMt(strings)
      const run = async (changed: typeof strings) => {
        const before = fake.server.requests.length
        const client = new ServiceClient({ service: 'Custom.MT', baseUrl: fake.server.url, headers: { token: 'cmt-token' }, log: memoryLogger() })
        await score(customMtScorer({ client, templates: [{ target: 'de', template: 'EN-DE' }], locales: ['de'], paths: [] }), appSegments(changed), await FileScoreCache.open(dir, memoryLogger()))
        return fake.server.requests.length - before
      }
      expect(await run(strings)).toBe(4)
      expect(await run(strings)).toBe(0)
      expect(await run(strings.map((s, i) => (i === 40 ? { ...s, target: 'Überarbeitet' } : s)))).toBe(0)
      expect(await run(strings.map((s, i) => (i === 40 ? { ...s, source: 'Reworded', target: 'Überarbeitet' } : s)))).toBe(1)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('sends a source once however many targets it has, 25 distinct sources per request', async () => {
    // 30 strings in two files, translated differently in the second: 60 segments, 30 sources.
    const strings = appStrings(30)
    const { fake, scorer } = await customMt(strings)
    const segments = appSegments([...strings, ...strings.map((s) => ({ ...s, file: 'locales/de/other.json', target: `${s.target} (other)` }))])
    await score(scorer, segments)
    expect(fake.server.requests.map((r) => (r.body as { text: string[] }).text.length)).toEqual([25, 5])
    expect(new Set(texts(fake)).size).toBe(30)
    expect(segments.map((s) => s.scores[0].state)).toEqual([...Array(30).fill('scored'), ...Array(30).fill('not-applicable')])
  })
})

describe('LLM requests per 100 segments with repeats', () => {
  it.each([
    // [mode, batch size, requests]: 90 distinct source-target pairs of 100 segments.
    ['da', 20, 5],
    ['mqm', 10, 9],
  ] as const)('%s at %i per request: 90 segments sent in %i requests, all 100 scored', async (mode, batchSize, requests) => {
    const fake = await OpenAiFake.start({ apiKey: 'sk-cost', models: ['gpt-4o-mini'] })
    closers.push(fake)
    const client = new ServiceClient({ service: 'LLM', baseUrl: fake.baseUrl(), headers: requestHeaders({ apiKey: 'sk-cost', baseUrl: fake.baseUrl(), headers: {}, query: {} }), log: memoryLogger() })
    const segments = appSegments(appStrings(100, 15))
    const result = await score(openAiScorer({ client, model: 'gpt-4o-mini', mode, batchSize }), segments)
    const sent = fake.completionRequests.flatMap((r) => JSON.parse((r.body as { messages: { content: string }[] }).messages[1].content).segments as { source: string; target: string }[])
    expect(fake.requests).toHaveLength(requests)
    expect(sent).toHaveLength(90)
    expect(new Set(sent.map((s) => `${s.source}\u0000${s.target}`)).size).toBe(90)
    expect(result.usage.openai).toMatchObject({ segments: 90, 'repeats-not-sent': 10 })
    expect(segments.every((s) => s.scores[0].state === 'scored')).toBe(true)
  })
})
