import { afterEach, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { memoryLogger } from '../../src/log.js'
import type { CheckedSegment, Unit } from '../../src/model.js'
import { MemoryScoreCache, type ScoreCache } from '../../src/scorers/cache.js'
import { FileScoreCache } from '../../src/scorers/file-cache.js'
import type { Clock } from '../../src/scorers/http.js'
import { matchPhraseLocale, nameQuery, nextPage, phraseAddresses, PhraseScorer, type PhraseOptions } from '../../src/scorers/phrase.js'
import { scoreSegments } from '../../src/scoring.js'
import { PhraseFake, phraseFixture, type PhraseTexts } from '../emulators/phrase.js'
import { segment } from '../helpers/segments.js'

const fakes: PhraseFake[] = []
const scorers: PhraseScorer[] = []
afterEach(async () => {
  await Promise.all(scorers.splice(0).map((s) => s.close()))
  await Promise.all(fakes.splice(0).map((f) => f.close()))
})

async function start(texts: PhraseTexts, options: Parameters<typeof phraseFixture>[1] = {}) {
  const fake = await PhraseFake.start(phraseFixture(texts, options))
  fakes.push(fake)
  return fake
}

/** Real time; sleeps return at once, are recorded, and may run a hook (a rate-limit window resetting). */
function testClock(onSleep?: () => void): Clock & { sleeps: number[] } {
  const sleeps: number[] = []
  return {
    sleeps,
    now: () => Date.now(),
    async sleep(ms, signal) {
      sleeps.push(ms)
      onSleep?.()
      if (signal?.aborted) throw signal.reason
    },
  }
}

function scorer(fake: PhraseFake, extra: Partial<PhraseOptions> = {}, clock: Clock = testClock()) {
  const log = memoryLogger()
  const s = new PhraseScorer({ token: fake.fixture.token, projectId: fake.fixture.projectId, apiUrl: fake.url, log, ...extra, http: { backoffMs: 1, clock, ...extra.http } })
  scorers.push(s)
  return { scorer: s, log }
}

type Seg = [key: string, target: string, locale?: string, unit?: Partial<Unit>]
const segs = (list: Seg[]): CheckedSegment[] =>
  list.map(([key, target, locale = 'de', unit], i) => ({ ...segment(`Source ${i}`, target, { id: `app.json#${key}@${locale}`, key, locale, file: `locales/${locale}/app.json`, unit }), issues: [], scores: [] }))

async function run(s: PhraseScorer, segments: CheckedSegment[], options: { cache?: ScoreCache; timeBudget?: number } = {}) {
  const log = memoryLogger()
  const result = await scoreSegments(segments, [s], { timeBudget: options.timeBudget ?? 60, cache: options.cache ?? new MemoryScoreCache(), log, threshold: () => undefined, defaultThreshold: 0.7 })
  return { ...result, log, states: segments.map((x) => x.scores[0].state), reasons: segments.map((x) => x.scores[0].reason) }
}

const paths = (fake: PhraseFake) => fake.requests.map((r) => `${r.method} ${r.path.replace(/^\/v2\/projects\/[^/]+/, '')}`)

/** A locale with `n` keys `k000`.. holding `Text 0`.. */
function manyKeys(n: number, prefix = 'Text'): Record<string, string> {
  return Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${String(i).padStart(3, '0')}`, `${prefix} ${i}`]))
}

describe('Phrase QPS scorer', () => {
  it('scores the segments whose Phrase text is the PR text, and says why the others are not applicable', async () => {
    const fake = await start({ de: { 'cart.title': 'Warenkorb', 'cart.empty': 'Leer', 'cart.total': 'Summe' }, fr: { 'cart.title': 'Panier' } }, { scores: { Warenkorb: 0.42 } })
    const { scorer: s } = scorer(fake)
    const segments = segs([
      ['cart.title', 'Warenkorb'],
      ['cart.empty', 'Ist leer'],
      ['cart.missing', 'Fehlt'],
      ['cart.title', 'Panier', 'fr'],
      ['cart.title', 'Carrello', 'it'],
      ['cart.total', ''],
    ])
    const result = await run(s, segments)
    expect(segments.map((x) => x.scores[0])).toEqual([
      { provider: 'phrase', engine: 'qe_v4', state: 'scored', score: 0.42, threshold: 0.7 },
      { provider: 'phrase', engine: 'qps', state: 'not-applicable', reason: 'Phrase holds another text for \'cart.empty\' (de): "Leer"; its score would not be about this translation' },
      { provider: 'phrase', engine: 'qps', state: 'not-applicable', reason: "key 'cart.missing' is not in the Phrase project" },
      { provider: 'phrase', engine: 'qe_v4', state: 'scored', score: 0.9, threshold: 0.7 },
      { provider: 'phrase', engine: 'qps', state: 'not-applicable', reason: "no Phrase locale matches 'it' (set phrase.locales in the config file)" },
      { provider: 'phrase', engine: 'qps', state: 'not-applicable', reason: 'empty translation: nothing for Phrase QPS to score' },
    ])
    // Two small locales: one page each is cheaper than searching three names (1 + 3 requests).
    expect(paths(fake).sort()).toEqual(['GET /locales', 'GET /locales/loc-de/translations', 'GET /locales/loc-fr/translations', 'POST /quality_performance_score'])
    expect(fake.qpsCalls).toEqual([['tr-de-1', 'tr-fr-4']])
    expect(result.usage.phrase).toEqual({ requests: 4, retries: 0, 'id-lookups': 3 })
  })

  it('searches by key name when that costs no more than a page per locale', async () => {
    const fake = await start({ de: { 'cart.title': 'Warenkorb' }, fr: { 'cart.title': 'Panier' } })
    const { scorer: s } = scorer(fake)
    const { states } = await run(s, segs([
      ['cart.title', 'Warenkorb', 'de'],
      ['cart.title', 'Panier', 'fr'],
    ]))
    expect(states).toEqual(['scored', 'scored'])
    // One search and one key's translations (every locale at once): 2 requests, as many as 2 pages.
    expect(paths(fake)).toEqual(['GET /locales', 'POST /keys/search', 'GET /keys/key-1/translations', 'POST /quality_performance_score'])
  })

  it('sends what Phrase expects: token, OTP, branch, per_page, escaped key names', async () => {
    const fake = await start({ de: { 'a b,c:d': 'Eins' }, fr: { 'a b,c:d': 'Un' } }, { otp: '123456', branches: ['feature-x'] })
    const { scorer: s } = scorer(fake, { otp: '123456', branch: 'feature-x' })
    const segments = segs([
      ['a b,c:d', 'Eins', 'de'],
      ['a b,c:d', 'Un', 'fr'],
    ])
    const { states } = await run(s, segments)
    expect(states).toEqual(['scored', 'scored'])
    for (const r of fake.requests) {
      expect(r.headers.authorization).toBe(`token ${fake.fixture.token}`)
      expect(r.headers['x-phraseapp-otp']).toBe('123456')
    }
    const search = fake.requests.find((r) => r.path.endsWith('/keys/search'))!
    expect(search.body).toEqual({ q: 'name:a\\ b\\,c\\:d', branch: 'feature-x' })
    expect(search.query.get('per_page')).toBe('100')
    expect(fake.requests.filter((r) => r.method === 'GET').every((r) => r.query.get('branch') === 'feature-x' && r.query.get('per_page') === '100')).toBe(true)
  })

  it('maps plural forms to the plural suffixes of the group key', async () => {
    const fake = await start({ de: { 'cart.items': { one: 'Ein Artikel', other: '{{count}} Artikel' }, flat_one: 'Flach' } })
    const { scorer: s } = scorer(fake)
    const segments = segs([
      ['cart.items_one', 'Ein Artikel', 'de', { pluralGroup: 'cart.items', plural: 'one' }],
      ['cart.items_other', '{{count}} Artikel', 'de', { pluralGroup: 'cart.items', plural: 'other' }],
      ['flat_one', 'Flach', 'de', { pluralGroup: 'flat', plural: 'one' }],
    ])
    const { states } = await run(s, segments)
    expect(states).toEqual(['scored', 'scored', 'scored'])
    expect(fake.qpsCalls).toEqual([['tr-de-1', 'tr-de-2', 'tr-de-3']])
  })

  it('lists the locale when that is cheaper than searching key by key', async () => {
    const fake = await start({ de: manyKeys(230) })
    const { scorer: s, log } = scorer(fake)
    const segments = segs(Array.from({ length: 150 }, (_, i): Seg => [`k${String(i).padStart(3, '0')}`, `Text ${i}`]))
    const { states } = await run(s, segments)
    expect(states.every((x) => x === 'scored')).toBe(true)
    // 1 locale list + the locale's first page (its size: 3 pages) + 1 more page (all 150 found by then) + 2 QPS calls.
    expect(paths(fake)).toEqual(['GET /locales', 'GET /locales/loc-de/translations', 'GET /locales/loc-de/translations', 'POST /quality_performance_score', 'POST /quality_performance_score'])
    expect(fake.qpsCalls.map((c) => c.length)).toEqual([100, 50])
    expect(log.lines).toContain('Phrase: listing the translations of 1 locale(s) (2 requests instead of 51 by key name)')
  })

  it('searches by name when a few keys sit in a large locale', async () => {
    const fake = await start({ de: manyKeys(1000) })
    const { scorer: s } = scorer(fake)
    const segments = segs([
      ['k500', 'Text 500'],
      ['k700', 'Text 700'],
      ['k999', 'Text 999'],
    ])
    const { states } = await run(s, segments)
    expect(states).toEqual(['scored', 'scored', 'scored'])
    // The first page tells the locale's size (1000 = 10 pages); 4 requests by name beat 9 more pages.
    expect(paths(fake)).toEqual([
      'GET /locales',
      'GET /locales/loc-de/translations',
      'POST /keys/search',
      'GET /keys/key-501/translations',
      'GET /keys/key-701/translations',
      'GET /keys/key-1000/translations',
      'POST /quality_performance_score',
    ])
  })

  it('makes no request on a re-run, and only two when a push changes one segment', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tqg-phrase-'))
    try {
      const fake = await start({ de: manyKeys(230) })
      const list = (changed?: number): Seg[] => Array.from({ length: 120 }, (_, i): Seg => [`k${String(i).padStart(3, '0')}`, i === changed ? 'Neu' : `Text ${i}`])
      const runOnce = async (changed?: number) => {
        const cache = await FileScoreCache.open(dir, memoryLogger())
        const { scorer: s } = scorer(fake)
        const before = fake.requests.length
        const result = await run(s, segs(list(changed)), { cache })
        return { sent: fake.requests.slice(before).map((r) => `${r.method} ${r.path.replace(/^\/v2\/projects\/[^/]+/, '')}`), states: result.states }
      }
      const first = await runOnce()
      expect(first.sent).toHaveLength(5)
      const second = await runOnce()
      expect(second.sent).toEqual([])
      expect(second.states.every((x) => x === 'scored')).toBe(true)
      // Phrase now holds the new text of k007: its remembered id is re-checked in one request.
      fake.fixture.translations.find((t) => t.keyName === 'k007')!.content = 'Neu'
      const third = await runOnce(7)
      expect(third.sent).toEqual(['GET /translations', 'POST /quality_performance_score'])
      expect(fake.qpsCalls.at(-1)).toEqual(['tr-de-8'])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('caches a score per key: the same texts under a key Phrase does not hold are not given its score', async () => {
    const fake = await start({ de: { 'cart.title': 'Warenkorb' } }, { scores: { Warenkorb: 0.42 } })
    const cache = new MemoryScoreCache()
    const first = await run(scorer(fake).scorer, segs([['cart.title', 'Warenkorb']]), { cache })
    expect(first.states).toEqual(['scored'])
    const second = await run(scorer(fake).scorer, segs([['checkout.title', 'Warenkorb']]), { cache })
    expect(second.states).toEqual(['not-applicable'])
    expect(second.reasons).toEqual(["key 'checkout.title' is not in the Phrase project"])
  })

  it('never has more than 4 requests in flight', async () => {
    const fake = await start({ de: manyKeys(1000), fr: manyKeys(1000, 'Texte') })
    fake.server.latencyMs = 25
    const { scorer: s } = scorer(fake)
    const segments = segs([
      ...Array.from({ length: 12 }, (_, i): Seg => [`k${988 + i}`, `Text ${988 + i}`, 'de']),
      ...Array.from({ length: 12 }, (_, i): Seg => [`k${988 + i}`, `Texte ${988 + i}`, 'fr']),
    ])
    const { states } = await run(s, segments)
    expect(states.every((x) => x === 'scored')).toBe(true)
    // Two first pages, then one search and 12 keys' translations by name, then QPS.
    expect(fake.requests).toHaveLength(1 + 2 + 1 + 12 + 1)
    expect(fake.server.maxInFlight).toBe(4)
    expect(fake.requests.every((r) => r.method !== 'GET' || r.query.get('per_page') === '100')).toBe(true)
  })

  it('reports a 200 whole-call error as failed for the whole batch', async () => {
    const fake = await start({ de: { a: 'Eins', b: 'Zwei' } })
    fake.wholeCallError = { message: 'QPS is not enabled for this account', code: 'qps_disabled' }
    const { scorer: s } = scorer(fake)
    const segments = segs([
      ['a', 'Eins'],
      ['b', 'Zwei'],
    ])
    const { states, reasons } = await run(s, segments)
    expect(states).toEqual(['failed', 'failed'])
    expect(reasons[0]).toBe('Phrase QPS failed for the whole batch: QPS is not enabled for this account (qps_disabled)')
  })

  it('fails only the ids Phrase lists in errors[]', async () => {
    const fake = await start({ de: { a: 'Eins', b: 'Zwei' } })
    fake.failingIds.add('tr-de-2')
    const { scorer: s } = scorer(fake)
    const segments = segs([
      ['a', 'Eins'],
      ['b', 'Zwei'],
    ])
    const { states, reasons } = await run(s, segments)
    expect(states).toEqual(['scored', 'failed'])
    expect(reasons[1]).toBe('Phrase QPS: Quality score could not be computed (qps_unavailable)')
  })

  it.each([
    ['a wrong token', { token: 'wrong-token-123' }, 'Phrase: GET /projects/proj1/locales answered HTTP 401: Unauthorized. Check phrase-token (and phrase-otp if the account uses two-factor authentication).'],
    ['a missing OTP', { otp: undefined }, 'Phrase: GET /projects/proj1/locales answered HTTP 401: Two-factor authentication code required or invalid. Check phrase-token (and phrase-otp if the account uses two-factor authentication).'],
    ['a wrong project', { projectId: 'nope' }, 'Phrase: GET /projects/nope/locales answered HTTP 404: Not Found. Check phrase-project-id.'],
    ['a missing branch', { branch: 'gone' }, 'Phrase: GET /projects/proj1/locales answered HTTP 404: Not Found. Check phrase-project-id and phrase-branch.'],
  ])('fails every segment after %s, with one request and a hint', async (_name, extra, reason) => {
    const fake = await start({ de: { a: 'Eins', b: 'Zwei' } }, { otp: _name === 'a missing OTP' ? '654321' : undefined })
    const { scorer: s } = scorer(fake, extra)
    const segments = segs([
      ['a', 'Eins'],
      ['b', 'Zwei'],
    ])
    const { states, reasons, log } = await run(s, segments)
    expect(states).toEqual(['failed', 'failed'])
    expect(reasons[0]).toBe(reason)
    expect(fake.requests).toHaveLength(1)
    expect(log.lines.join('\n')).not.toContain(fake.fixture.token)
    expect(reasons.join('\n')).not.toContain('wrong-token-123')
  })

  it('fails the batch on a 422 with the validation message', async () => {
    const fake = await start({ de: { a: 'Eins' } })
    fake.server.inject({ kind: 'reply', reply: { status: 422, json: { message: 'Validation Failed', errors: [{ resource: 'QualityPerformanceScore', field: 'translation_ids', message: 'is invalid' }] } } }, { match: (r) => r.path.endsWith('/quality_performance_score') })
    const { scorer: s } = scorer(fake)
    const { states, reasons } = await run(s, segs([['a', 'Eins']]))
    expect(states).toEqual(['failed'])
    expect(reasons[0]).toBe('Phrase: POST /projects/proj1/quality_performance_score answered HTTP 422: Validation Failed (translation_ids: is invalid)')
  })

  it.each([
    ['a 504 gateway timeout', { kind: 'reply', reply: { status: 504 } }],
    ['a 500', { kind: 'reply', reply: { status: 500, json: { message: 'Internal Server Error' } } }],
    ['a dropped connection', { kind: 'reset' }],
    ['a 429 with the reset in 2 s', { kind: 'reply', reply: { status: 429, headers: { 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(Math.floor(Date.now() / 1000) + 2) }, json: { message: 'Rate limit exceeded' } } }],
  ] as const)('retries QPS after %s', async (_name, fault) => {
    const fake = await start({ de: { a: 'Eins' } })
    fake.server.inject(fault, { match: (r) => r.path.endsWith('/quality_performance_score') })
    const { scorer: s } = scorer(fake)
    const { states } = await run(s, segs([['a', 'Eins']]))
    expect(states).toEqual(['scored'])
    expect(fake.qpsCalls).toHaveLength(2)
  })

  it('fails a batch whose answer is malformed JSON, and one that times out every time', async () => {
    const fake = await start({ de: { a: 'Eins' } })
    fake.server.inject({ kind: 'malformed' }, { match: (r) => r.path.endsWith('/quality_performance_score') })
    const first = await run(scorer(fake).scorer, segs([['a', 'Eins']]))
    expect(first.states).toEqual(['failed'])
    expect(first.reasons[0]).toMatch(/^Phrase: POST \/projects\/proj1\/quality_performance_score answered HTTP 200 with invalid JSON/)

    fake.server.inject({ kind: 'hang' }, { times: 10, match: (r) => r.path.endsWith('/quality_performance_score') })
    const second = await run(scorer(fake, { http: { timeoutMs: 100, retries: 1 } }).scorer, segs([['a', 'Eins']]))
    expect(second.states).toEqual(['failed'])
    expect(second.reasons[0]).toBe('Phrase: POST /projects/proj1/quality_performance_score failed: no answer within 100 ms (after 2 attempts)')
  })

  it('skips what is left when a 429 asks to wait past the time budget', async () => {
    const fake = await start({ de: { a: 'Eins' } })
    fake.server.inject({ kind: 'reply', reply: { status: 429, headers: { 'retry-after': '600' }, json: { message: 'Rate limit exceeded' } } }, { match: (r) => r.path.endsWith('/quality_performance_score') })
    const { scorer: s } = scorer(fake)
    const { states, reasons, notes } = await run(s, segs([['a', 'Eins']]), { timeBudget: 30 })
    expect(states).toEqual(['skipped'])
    expect(reasons[0]).toBe('Phrase asked to wait 600s before POST /projects/proj1/quality_performance_score (HTTP 429); that is past the time budget')
    expect(notes).toEqual(['Time budget of 30s reached: 1 score request(s) skipped'])
  })

  it('pauses before the rate limit runs out and waits for the reset while the budget allows', async () => {
    const fake = await start({ de: manyKeys(5) })
    fake.rateLimit = { limit: 2, used: 0, reset: Math.floor(Date.now() / 1000) + 20 }
    const clock = testClock(() => (fake.rateLimit = { limit: 1000, used: 0, reset: Math.floor(Date.now() / 1000) + 300 }))
    const { scorer: s, log } = scorer(fake, {}, clock)
    const segments = segs(Array.from({ length: 5 }, (_, i): Seg => [`k00${i}`, `Text ${i}`]))
    const { states } = await run(s, segments)
    expect(states.every((x) => x === 'scored')).toBe(true)
    expect(clock.sleeps).toHaveLength(1)
    expect(clock.sleeps[0]).toBeGreaterThan(15_000)
    expect(log.lines.some((l) => /^Phrase: rate limit reached; waiting \d+s for the next window$/.test(l))).toBe(true)
    // Phrase never had to answer 429: the client stopped at Remaining 0 and waited.
    expect(paths(fake)).toEqual(['GET /locales', 'GET /locales/loc-de/translations', 'POST /quality_performance_score'])
  })

  it('skips the rest, with the reason, when the rate-limit reset is past the time budget', async () => {
    const fake = await start({ de: manyKeys(5) })
    fake.rateLimit = { limit: 2, used: 0, reset: Math.floor(Date.now() / 1000) + 600 }
    const { scorer: s } = scorer(fake)
    const segments = segs(Array.from({ length: 5 }, (_, i): Seg => [`k00${i}`, `Text ${i}`]))
    const { states, reasons } = await run(s, segments, { timeBudget: 30 })
    expect(states).toEqual(['skipped', 'skipped', 'skipped', 'skipped', 'skipped'])
    expect(reasons[0]).toMatch(/^Phrase rate limit used up until .* \(X-Rate-Limit-Reset\); that is past the time budget$/)
    expect(fake.requests).toHaveLength(2)
  })
})

describe('Phrase helpers', () => {
  const locales = [
    { id: '1', name: 'de', code: 'de-DE' },
    { id: '2', name: 'pt-BR', code: 'pt-BR' },
    { id: '3', name: 'pt-PT', code: 'pt-PT' },
    { id: '4', name: 'English', code: 'en' },
  ]
  it.each([
    ['de', undefined, '1'],
    ['de-DE', undefined, '1'],
    ['pt_BR', undefined, '2'],
    ['pt', undefined, undefined],
    ['en', undefined, '4'],
    ['fr', undefined, undefined],
    ['brazil', 'pt-BR', '2'],
  ])('matchPhraseLocale(%j, configured %j)', (locale, configured, id) => {
    expect(matchPhraseLocale(locale, locales, configured)?.id).toBe(id)
  })

  it.each([
    [{ key: 'a.b', unit: {} }, [{ name: 'a.b', suffix: '' }]],
    [{ key: 'items_one', unit: { pluralGroup: 'items', plural: 'one' } }, [{ name: 'items', suffix: 'one' }, { name: 'items_one', suffix: '' }]],
    [{ key: 'n.=0', unit: { pluralGroup: 'n', plural: '=0' } }, [{ name: 'n.=0', suffix: '' }]],
  ] as const)('phraseAddresses(%j)', (seg, expected) => {
    expect(phraseAddresses(seg as never)).toEqual(expected)
  })

  it('escapes key names and reads the next page of a Link header', () => {
    expect(nameQuery(['a', 'b c', 'd,e', 'f:g'])).toBe('name:a,b\\ c,d\\,e,f\\:g')
    expect(nextPage('<https://api.phrase.com/v2/projects/p/locales?page=1>; rel="first", <https://api.phrase.com/v2/projects/p/locales?page=3&per_page=100>; rel="next"')).toBe(3)
    expect(nextPage('<https://api.phrase.com/v2/x?page=1>; rel="first"')).toBeUndefined()
    expect(nextPage(undefined)).toBeUndefined()
  })
})
