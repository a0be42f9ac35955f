// Seeded fuzzing of the scoring stage: random mixes of repeated texts, services that fail
// whole calls, answer with the wrong number of scores or run out of time, cached scores,
// max-segments and several scorers. Every segment ends with exactly one score per scorer,
// a score is 'scored' only when the service scored that segment or one with the same text,
// with that text's score, and no more segments are sent than max-segments allows.
import { describe, expect, it } from '@jest/globals'
import { memoryLogger } from '../../src/log.js'
import type { CheckedSegment, Score } from '../../src/model.js'
import { MemoryScoreCache } from '../../src/scorers/cache.js'
import { OutOfTime, scoreCacheKey, type Scorer } from '../../src/scorers/scorer.js'
import { scoreSegments } from '../../src/scoring.js'
import { segment } from '../helpers/segments.js'
import { BASE_SEED, caseCount, hashSeed, Rng } from './random.js'

const CASES = caseCount(0.2)
const TEXTS = ['Speichern', 'Abbrechen', 'Speichern ', 'Löschen?', '']
const value = (target: string) => target.length / 20

interface Fake {
  scorer: Scorer
  /** Cache keys (byText) or segment ids the service gave a real score for. */
  scored: Set<string>
  sentIds: Set<string>
}

function fakeScorer(rng: Rng, provider: string): Fake {
  const byText = rng.chance(0.6)
  const failRate = rng.pick([0, 0.3, 0.8])
  const fake: Fake = { scored: new Set(), sentIds: new Set(), scorer: undefined as unknown as Scorer }
  const scorer: Scorer = {
    provider,
    engine: 'v1',
    batchSize: rng.between(1, 4),
    concurrency: rng.between(1, 3),
    byText,
    ...(rng.chance(0.3) && { notApplicable: (s) => (s.target === '' ? 'empty' : undefined) }),
    async score(batch) {
      await Promise.resolve()
      for (const s of batch) fake.sentIds.add(s.id)
      const r = rng.int(10)
      if (r < failRate * 10) {
        if (r === 0) throw new OutOfTime('out of time')
        if (r === 1) return batch.slice(1).map((s) => ({ provider, engine: 'v1', state: 'scored', score: value(s.target) }))
        throw new Error(`${provider}: HTTP 503`)
      }
      return batch.map((s): Score => {
        if (rng.chance(0.1)) return { provider, engine: 'v1', state: 'failed', reason: 'no score for this one' }
        fake.scored.add(byText ? scoreCacheKey(scorer, s) : s.id)
        return { provider, engine: 'v1', state: 'scored', score: value(s.target) }
      })
    },
  }
  fake.scorer = scorer
  return fake
}

async function fuzzCase(rng: Rng): Promise<string[]> {
  const segments: CheckedSegment[] = Array.from({ length: rng.between(1, 12) }, (_, i) => ({
    ...segment('Save', rng.pick(TEXTS), { id: `f#k${i}`, key: `k${i}`, locale: rng.pick(['de', 'fr']) }),
    issues: [],
    scores: [],
  }))
  const fakes = Array.from({ length: rng.between(1, 3) }, (_, i) => fakeScorer(rng, `svc${i}`))
  const cache = new MemoryScoreCache()
  // A score cached by an earlier run, for some texts.
  for (const { scorer } of fakes) for (const s of segments) if (rng.chance(0.1)) cache.set(scoreCacheKey(scorer, s), { provider: scorer.provider, engine: 'v1', state: 'scored', score: value(s.target) })
  const cachedKeys = new Set(fakes.flatMap(({ scorer }) => segments.map((s) => scoreCacheKey(scorer, s)).filter((k) => cache.get(k))))
  const maxSegments = rng.chance(0.4) ? rng.int(6) : undefined
  await scoreSegments(
    segments,
    fakes.map((f) => f.scorer),
    { maxSegments, timeBudget: 600, cache, log: memoryLogger(), threshold: () => undefined, defaultThreshold: 0.5, ...(rng.chance(0.2) && { skip: (s: CheckedSegment) => (s.key === 'k0' ? 'fuzzy' : undefined) }) },
  )
  const violations: string[] = []
  for (const s of segments) {
    const providers = s.scores.map((sc) => sc.provider)
    if (providers.join() !== fakes.map((f) => f.scorer.provider).join()) violations.push(`${s.id} has scores from ${providers.join()}`)
    for (const sc of s.scores) {
      if (sc.state !== 'scored') continue
      const fake = fakes.find((f) => f.scorer.provider === sc.provider)!
      const key = scoreCacheKey(fake.scorer, s)
      const byService = fake.scored.has(fake.scorer.byText ? key : s.id)
      if (!byService && !cachedKeys.has(key)) violations.push(`${s.id} (${JSON.stringify(s.target)}) is scored by ${sc.provider}, which scored neither it nor its text`)
      if (sc.score !== value(s.target)) violations.push(`${s.id} (${JSON.stringify(s.target)}) has the score ${sc.score} of another text`)
    }
  }
  const sent = new Set(fakes.flatMap((f) => [...f.sentIds]))
  if (maxSegments !== undefined && sent.size > maxSegments) violations.push(`${sent.size} segments sent, max-segments ${maxSegments}`)
  return violations
}

describe('the scoring stage under fuzzing', () => {
  it(`gives every segment one honest score per scorer in ${CASES} runs (seed ${BASE_SEED})`, async () => {
    const failures: Array<[number, string[]]> = []
    for (let i = 0; i < CASES && failures.length < 5; i++) {
      const violations = await fuzzCase(new Rng(hashSeed(BASE_SEED, 'scoring', i)))
      if (violations.length > 0) failures.push([i, violations.slice(0, 3)])
    }
    expect(failures).toEqual([])
  })
})
