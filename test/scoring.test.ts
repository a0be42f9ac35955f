import { describe, expect, it } from '@jest/globals'
import { memoryLogger } from '../src/log.js'
import type { CheckedSegment, Score, Segment } from '../src/model.js'
import { MemoryScoreCache } from '../src/scorers/cache.js'
import { OutOfTime, type Scorer } from '../src/scorers/scorer.js'
import { parseScoresFile, staticScorer } from '../src/scorers/static.js'
import { scoreSegments, type ScoringOptions } from '../src/scoring.js'
import { SettingsError } from '../src/settings.js'
import { segment } from './helpers/segments.js'

const checked = (n: number): CheckedSegment[] =>
  Array.from({ length: n }, (_, i) => ({ ...segment(`Source ${i}`, `Ziel ${i}`, { id: `f#k${i}`, key: `k${i}` }), issues: [], scores: [] }))

/** A scorer that scores by target length and records its calls. */
function fakeScorer(options: Partial<Scorer> & { fail?: (batch: number) => boolean; wait?: boolean } = {}) {
  const calls: string[][] = []
  const scorer: Scorer = {
    provider: 'fake',
    engine: 'v1',
    batchSize: 3,
    async score(batch, ctx) {
      calls.push(batch.map((s) => s.key))
      if (options.wait) await new Promise((_, reject) => ctx.signal.addEventListener('abort', () => reject(new Error('aborted'))))
      if (options.fail?.(calls.length)) throw new Error('fake: HTTP 503 Service Unavailable')
      return batch.map((s): Score => ({ provider: 'fake', engine: 'v1', state: 'scored', score: s.target.length / 10 }))
    },
    ...options,
  }
  return { scorer, calls }
}

const opts = (extra: Partial<ScoringOptions> = {}): ScoringOptions => ({
  timeBudget: 30,
  cache: new MemoryScoreCache(),
  log: memoryLogger(),
  threshold: () => undefined,
  defaultThreshold: 0.7,
  ...extra,
})

describe('scoring stage', () => {
  it('scores in batches and applies the configured threshold', async () => {
    const segments = checked(7)
    const { scorer, calls } = fakeScorer()
    await scoreSegments(segments, [scorer], opts({ threshold: (p, locale) => (p === 'fake' && locale === 'de' ? 0.5 : undefined) }))
    expect(calls).toEqual([['k0', 'k1', 'k2'], ['k3', 'k4', 'k5'], ['k6']])
    expect(segments[0].scores).toEqual([{ provider: 'fake', engine: 'v1', state: 'scored', score: 0.6, threshold: 0.5 }])
  })

  it('keeps segments of different batch groups (language pairs) in separate batches', async () => {
    const segments = checked(5).map((s, i) => ({ ...s, locale: i % 2 === 0 ? 'de' : 'fr' }))
    const { scorer, calls } = fakeScorer({ batchGroup: (s) => s.locale })
    await scoreSegments(segments, [scorer], opts())
    expect(calls).toEqual([['k0', 'k2', 'k4'], ['k1', 'k3']])
  })

  it('lists the scores of a segment in the order of the scorers, whichever answers first', async () => {
    const segments = checked(2)
    const slow = fakeScorer({ provider: 'slow', score: async (batch) => (await new Promise((r) => setTimeout(r, 20)), batch.map((): Score => ({ provider: 'slow', engine: 'v1', state: 'scored', score: 0.5 }))) })
    const fast = fakeScorer({ provider: 'fast', score: async (batch) => batch.map((): Score => ({ provider: 'fast', engine: 'v1', state: 'scored', score: 0.9 })) })
    await scoreSegments(segments, [slow.scorer, fast.scorer], opts())
    expect(segments[0].scores.map((s) => s.provider)).toEqual(['slow', 'fast'])
  })

  it('reuses cached scores: an unchanged re-run makes no request', async () => {
    const cache = new MemoryScoreCache()
    const first = fakeScorer()
    await scoreSegments(checked(4), [first.scorer], opts({ cache }))
    const second = fakeScorer()
    const segments = checked(4)
    segments[2].target = 'Geändert'
    await scoreSegments(segments, [second.scorer], opts({ cache }))
    expect(first.calls.flat()).toHaveLength(4)
    expect(second.calls).toEqual([['k2']])
    expect(segments.every((s) => s.scores[0].state === 'scored')).toBe(true)
  })

  it('marks a failed batch as failed with the reason, and does not cache it', async () => {
    const cache = new MemoryScoreCache()
    const segments = checked(5)
    const log = memoryLogger()
    await scoreSegments(segments, [fakeScorer({ fail: (n) => n === 1 }).scorer], opts({ cache, log }))
    expect(segments.map((s) => s.scores[0].state)).toEqual(['failed', 'failed', 'failed', 'scored', 'scored'])
    expect(segments[0].scores[0].reason).toBe('fake: HTTP 503 Service Unavailable')
    // Said once for the service, with how many segments it cost.
    expect(log.lines.filter((l) => l.startsWith('warning:'))).toEqual(['warning: fake: fake: HTTP 503 Service Unavailable (3 segments not scored)'])
    expect(cache.entries.size).toBe(2)
  })

  it('skips what is over max-segments, said once', async () => {
    const segments = checked(5)
    const { scorer, calls } = fakeScorer()
    const result = await scoreSegments(segments, [scorer], opts({ maxSegments: 2 }))
    expect(calls.flat()).toEqual(['k0', 'k1'])
    expect(segments.map((s) => s.scores[0].state)).toEqual(['scored', 'scored', 'skipped', 'skipped', 'skipped'])
    expect(result.notes).toEqual(['max-segments (2) reached: 3 score request(s) skipped'])
  })

  it('skips what the time budget leaves, without calling it a failure', async () => {
    const segments = checked(2)
    const result = await scoreSegments(segments, [fakeScorer({ wait: true }).scorer], opts({ timeBudget: 0.05 }))
    expect(segments.map((s) => [s.scores[0].state, s.scores[0].reason])).toEqual([
      ['skipped', 'time budget of 0.05s reached'],
      ['skipped', 'time budget of 0.05s reached'],
    ])
    expect(result.notes).toEqual(['Time budget of 0.05s reached: 2 score request(s) skipped'])
  })

  it('skips a batch whose service asks to wait past the time budget, with its reason', async () => {
    const segments = checked(4)
    const { scorer } = fakeScorer({
      async score(batch) {
        if (batch[0].key === 'k3') throw new OutOfTime('Phrase asked to wait 120s before POST /x (HTTP 429); that is past the time budget')
        return batch.map((): Score => ({ provider: 'fake', engine: 'v1', state: 'scored', score: 0.9 }))
      },
    })
    const log = memoryLogger()
    const result = await scoreSegments(segments, [scorer], opts({ log }))
    expect(segments[3].scores).toEqual([{ provider: 'fake', engine: 'v1', state: 'skipped', reason: 'Phrase asked to wait 120s before POST /x (HTTP 429); that is past the time budget' }])
    expect(segments[0].scores[0].state).toBe('scored')
    expect(result.notes).toEqual(['Time budget of 30s reached: 1 score request(s) skipped'])
    expect(log.lines.some((l) => l.startsWith('warning:'))).toBe(false)
  })

  it('lets a scorer settle segments in bulk before the batches, and keep memos between runs', async () => {
    const cache = new MemoryScoreCache()
    const prepared: string[][] = []
    const { scorer, calls } = fakeScorer({
      async prepare(segments, ctx) {
        prepared.push(segments.map((s) => s.key))
        ctx.memo?.set('ids', segments.length)
        return segments.map((s) => (s.key === 'k1' ? { provider: 'fake', engine: 'v1', state: 'not-applicable', reason: 'Phrase holds another text' } : undefined))
      },
    })
    const segments = checked(4)
    await scoreSegments(segments, [scorer], opts({ cache }))
    expect(prepared).toEqual([['k0', 'k1', 'k2', 'k3']])
    expect(calls).toEqual([['k0', 'k2', 'k3']])
    expect(segments[1].scores).toEqual([{ provider: 'fake', engine: 'v1', state: 'not-applicable', reason: 'Phrase holds another text' }])
    expect(cache.memo('fake').get('ids')).toBe(4)
    // Settled segments are cached like scored ones: the re-run calls nothing.
    await scoreSegments(checked(4), [scorer], opts({ cache }))
    expect(prepared).toHaveLength(1)
  })

  it('fails every segment when prepare fails, and scores none of them', async () => {
    const segments = checked(3)
    const { scorer, calls } = fakeScorer({
      async prepare() {
        throw new Error('Phrase: GET /projects/p1/locales answered HTTP 401: Unauthorized')
      },
    })
    await scoreSegments(segments, [scorer], opts())
    expect(calls).toEqual([])
    expect(segments.map((s) => s.scores[0].state)).toEqual(['failed', 'failed', 'failed'])
    expect(segments[0].scores[0].reason).toBe('Phrase: GET /projects/p1/locales answered HTTP 401: Unauthorized')
  })

  it('skips segments the run excludes (fuzzy entries), said once with the reason', async () => {
    const segments = checked(3)
    segments[1].unit.flags = ['fuzzy']
    const { scorer, calls } = fakeScorer()
    const reason = 'marked fuzzy (set score-fuzzy to score fuzzy entries)'
    const result = await scoreSegments(segments, [scorer], opts({ skip: (s) => (s.unit.flags?.includes('fuzzy') ? reason : undefined) }))
    expect(calls).toEqual([['k0', 'k2']])
    expect(segments[1].scores).toEqual([{ provider: 'fake', engine: 'v1', state: 'skipped', reason }])
    expect(result.notes).toEqual([`1 score request(s) skipped: ${reason}`])
  })

  it('records not-applicable segments with the reason and never sends them', async () => {
    const segments = checked(2)
    const { scorer, calls } = fakeScorer({ notApplicable: (s) => (s.key === 'k0' ? 'Phrase holds another text' : undefined) })
    await scoreSegments(segments, [scorer], opts())
    expect(calls).toEqual([['k1']])
    expect(segments[0].scores).toEqual([{ provider: 'fake', engine: 'v1', state: 'not-applicable', reason: 'Phrase holds another text' }])
  })
})

describe('repeated segments', () => {
  /** Segments over two files whose texts repeat: k0 and k2 the same, k1 and k3 the same. */
  const repeated = (): CheckedSegment[] =>
    ['Save', 'Cancel', 'Save', 'Cancel', 'Close'].map((source, i) => ({
      ...segment(source, `DE ${source}`, { id: `${i < 2 ? 'common' : 'checkout'}#k${i}`, key: `k${i}`, file: i < 2 ? 'common' : 'checkout' }),
      issues: [],
      scores: [],
    }))

  it('sends a segment once for a scorer of texts, and gives each repeat its own copy of the score', async () => {
    const segments = repeated()
    const issue = { s: 1 as const, r: 1912, d: 'MQM major fluency error (LLM)' }
    const calls: string[][] = []
    const { scorer } = fakeScorer({
      byText: true,
      batchSize: 10,
      score: async (batch) => (calls.push(batch.map((s) => s.key)), batch.map((): Score => ({ provider: 'fake', engine: 'v1', state: 'scored', score: 0.8, issues: [{ ...issue }] }))),
    })
    const log = memoryLogger()
    const result = await scoreSegments(segments, [scorer], opts({ log }))
    expect(calls).toEqual([['k0', 'k1', 'k4']])
    expect(segments.map((s) => s.scores[0].score)).toEqual([0.8, 0.8, 0.8, 0.8, 0.8])
    expect(segments[2].scores[0]).toEqual(segments[0].scores[0])
    expect(segments[2].scores[0].issues).not.toBe(segments[0].scores[0].issues)
    expect(segments[2].scores[0].issues![0]).not.toBe(segments[0].scores[0].issues![0])
    expect(result.usage.fake).toEqual({ 'repeats-not-sent': 2 })
    expect(log.lines).toContain('fake: 2 segment(s) repeat the texts of another one and share its score')
  })

  it.each([
    ['another locale', { locale: 'fr' }],
    ['another source', { source: 'Save!' }],
    ['another target', { target: 'DE Save!' }],
    ['another note sent with it', { unit: { key: 'k2', value: 'DE Save', span: { start: 0, end: 1 }, comment: 'Button on the checkout page' } }],
  ])('does not share a score with %s', async (_name, change) => {
    const segments = repeated()
    Object.assign(segments[2], change)
    const { scorer, calls } = fakeScorer({ byText: true, cacheContext: (s) => s.unit.comment })
    await scoreSegments(segments, [scorer], opts())
    expect(calls.flat()).toEqual(['k0', 'k1', 'k2', 'k4'])
  })

  it('sends every segment to a scorer that looks segments up by key', async () => {
    const { scorer, calls } = fakeScorer({ batchSize: 10 })
    const result = await scoreSegments(repeated(), [scorer], opts())
    expect(calls).toEqual([['k0', 'k1', 'k2', 'k3', 'k4']])
    expect(result.usage).toEqual({})
  })

  it('fails the repeats of a failed segment, each one counted', async () => {
    const segments = repeated()
    const log = memoryLogger()
    const cache = new MemoryScoreCache()
    await scoreSegments(segments, [fakeScorer({ byText: true, batchSize: 2, fail: (n) => n === 1 }).scorer], opts({ log, cache }))
    expect(segments.map((s) => s.scores[0].state)).toEqual(['failed', 'failed', 'failed', 'failed', 'scored'])
    expect(segments[3].scores[0].reason).toBe('fake: HTTP 503 Service Unavailable')
    expect(log.lines.filter((l) => l.startsWith('warning:'))).toEqual(['warning: fake: fake: HTTP 503 Service Unavailable (4 segments not scored)'])
    expect(cache.entries.size).toBe(1)
  })

  it('skips the repeats of what the time budget leaves, each one counted', async () => {
    const segments = repeated()
    const result = await scoreSegments(segments, [fakeScorer({ byText: true, wait: true }).scorer], opts({ timeBudget: 0.05 }))
    expect(segments.every((s) => s.scores[0].state === 'skipped')).toBe(true)
    expect(result.notes).toEqual(['Time budget of 0.05s reached: 5 score request(s) skipped'])
  })

  it('counts only the segments sent for max-segments: a repeat of one sent is free, of one skipped is skipped', async () => {
    const segments = repeated()
    const { scorer, calls } = fakeScorer({ byText: true })
    const result = await scoreSegments(segments, [scorer], opts({ maxSegments: 1 }))
    expect(calls).toEqual([['k0']])
    expect(segments.map((s) => s.scores[0].state)).toEqual(['scored', 'skipped', 'scored', 'skipped', 'skipped'])
    expect(result.notes).toEqual(['max-segments (1) reached: 3 score request(s) skipped'])
  })

  it('gives a repeat the score a scorer settles in prepare', async () => {
    const segments = repeated()
    const { scorer, calls } = fakeScorer({
      byText: true,
      prepare: async (todo) => todo.map((s) => (s.source === 'Cancel' ? { provider: 'fake', engine: 'v1', state: 'not-applicable', reason: 'no template' } : undefined)),
    })
    await scoreSegments(segments, [scorer], opts())
    expect(calls).toEqual([['k0', 'k4']])
    expect(segments.map((s) => s.scores[0].state)).toEqual(['scored', 'not-applicable', 'scored', 'not-applicable', 'scored'])
  })

  it('keeps the segments of one request key in one batch, counting keys against the batch size', async () => {
    const segments = checked(7).map((s, i) => ({ ...s, source: ['A', 'B', 'C', 'A', 'D', 'B', 'E'][i] }))
    const { scorer, calls } = fakeScorer({ requestKey: (s) => s.source! })
    await scoreSegments(segments, [scorer], opts())
    expect(calls).toEqual([['k0', 'k3', 'k1', 'k5', 'k2'], ['k4', 'k6']])
    expect(segments.every((s) => s.scores[0].state === 'scored')).toBe(true)
  })
})

describe('score cache key', () => {
  it('changes with the scorer, its engine and how it asks, and with the texts', async () => {
    const { scoreCacheKey } = await import('../src/scorers/scorer.js')
    const { promptDigest } = await import('../src/scorers/gemba.js')
    const s = segment('Save', 'Speichern')
    const key = scoreCacheKey({ provider: 'openai', engine: 'gpt-4o-mini', method: `prompt ${promptDigest('da')}` }, s)
    expect(scoreCacheKey({ provider: 'openai', engine: 'gpt-4o-mini', method: `prompt ${promptDigest('da')}` }, s)).toBe(key)
    expect(promptDigest('da')).not.toBe(promptDigest('mqm'))
    expect(scoreCacheKey({ provider: 'openai', engine: 'gpt-4o-mini', method: 'prompt 000000000000' }, s)).not.toBe(key)
    expect(scoreCacheKey({ provider: 'openai', engine: 'gpt-4o', method: `prompt ${promptDigest('da')}` }, s)).not.toBe(key)
    expect(scoreCacheKey({ provider: 'openai', engine: 'gpt-4o-mini', method: `prompt ${promptDigest('da')}` }, { ...s, target: 'Sichern' })).not.toBe(key)
  })

  it('changes with what else the scorer sends of a segment (an LLM note), and only for such a scorer', async () => {
    const { scoreCacheKey } = await import('../src/scorers/scorer.js')
    const { promptContext } = await import('../src/scorers/gemba.js')
    const llm = { provider: 'openai', engine: 'gpt-4o-mini', cacheContext: (s: Segment) => JSON.stringify(promptContext(s.unit)) }
    const phrase = { provider: 'phrase', engine: 'qe_v4' }
    const plain = segment('Open', 'Öffnen')
    const noted = segment('Open', 'Öffnen', { unit: { context: 'action', comment: 'Button that opens a photo' } })
    const otherNote = segment('Open', 'Öffnen', { unit: { context: 'state', comment: 'Label of an open issue' } })
    expect(new Set([plain, noted, otherNote].map((s) => scoreCacheKey(llm, s))).size).toBe(3)
    expect(scoreCacheKey(llm, noted)).toBe(scoreCacheKey(llm, segment('Open', 'Öffnen', { unit: { context: 'action', comment: 'Button that opens a photo' } })))
    expect(new Set([plain, noted, otherNote].map((s) => scoreCacheKey(phrase, s))).size).toBe(1)
  })
})

describe('static scorer', () => {
  it('reads scores by file, key and locale, accepting 0..100 scales', async () => {
    const entries = parseScoresFile(JSON.stringify([{ file: 'f', key: 'k0', locale: 'de', score: 41 }, { file: 'f', key: 'k1', score: 0.9 }]), 's.json')
    const scorer = staticScorer(entries)
    const segments = checked(3).map((s) => ({ ...s, file: 'f' }))
    await scoreSegments(segments, [scorer], opts())
    expect(segments.map((s) => s.scores[0])).toEqual([
      { provider: 'static', engine: 'scores-file', state: 'scored', score: 0.41, threshold: 0.7 },
      { provider: 'static', engine: 'scores-file', state: 'scored', score: 0.9, threshold: 0.7 },
      { provider: 'static', engine: 'scores-file', state: 'not-applicable', reason: 'no score for this segment in the scores file' },
    ])
  })

  it('reads {"scores": [...]} and the optional fields', () => {
    expect(parseScoresFile('{"scores": [{"file": "f", "key": "k", "locale": "de", "score": 0.5, "provider": "qe"}]}', 's.json')).toEqual([{ file: 'f', key: 'k', locale: 'de', provider: 'qe', score: 0.5 }])
  })

  // A settings error at the file's line and column, with what was expected.
  it.each([
    ['not json', 's.json:1:1: Unexpected character "n"; expected a value'],
    ['', 's.json:1:1: The file is empty; expected a JSON value'],
    ['[\n  {"file": "f", "key": "a", "score": 0.5},\n  {"file": "f" "key": "b", "score": 1}\n]\n', `s.json:3:15: Missing ',' after the value of "file"`],
    ['[{"file": "f", "key": "k", "score": 1},]', 's.json:1:40: Trailing comma before ]; JSON.parse will reject this file'],
    ['{"a": 1}', 's.json:1:1: "scores" is missing; expected a list of scores'],
    ['{"scores": {"file": "f"}}', 's.json:1:12: "scores" is an object; expected a list of scores'],
    ['"scores"', 's.json:1:1: the file is a string; expected a list of scores'],
    ['[\n  [1, 2]\n]', 's.json:2:3: entry 1 is an array; expected an object'],
    ['[{"file": "f", "key": "k"}]', 's.json:1:2: entry 1: "score" is missing; expected a number from 0 to 1 (or 0 to 100)'],
    ['[{"file": "f", "key": "k", "score": 1},\n {"file": "f", "key": "k", "score": "high"}]', 's.json:2:37: entry 2: "score" is a string; expected a number from 0 to 1 (or 0 to 100)'],
    ['[{"file": "f", "key": "k", "score": 101}]', 's.json:1:37: entry 1: "score" is 101; expected a number from 0 to 1 (or 0 to 100)'],
    ['[{"file": "f", "key": "k", "score": -0.1}]', 's.json:1:37: entry 1: "score" is -0.1; expected'],
    ['[{"file": "f", "key": 7, "score": 1}]', 's.json:1:23: entry 1: "key" is a number; expected a string'],
    ['[{"key": "k", "score": 1}]', 's.json:1:2: entry 1: "file" is missing; expected a string'],
    ['[{"file": "f", "key": "k", "score": 1, "locale": null}]', 's.json:1:50: entry 1: "locale" is null; expected a string'],
  ])('rejects %j', (text, message) => {
    let error: unknown
    try {
      parseScoresFile(text, 's.json')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(SettingsError)
    expect((error as Error).message).toContain(`Invalid scores-file ${message}`)
    expect((error as Error).message).toMatch(/\. Expected JSON: a list of \{"file", "key", "locale"\?, "score"\}/)
  })
})

describe('scoring stage warnings', () => {
  it('warns once per service and message however many batches failed', async () => {
    const log = memoryLogger()
    const segments = checked(9)
    await scoreSegments(segments, [fakeScorer({ fail: () => true }).scorer], opts({ log }))
    expect(log.lines.filter((l) => l.startsWith('warning:'))).toEqual(['warning: fake: fake: HTTP 503 Service Unavailable (9 segments not scored)'])
    expect(segments.every((s) => s.scores[0].state === 'failed')).toBe(true)
  })
})
