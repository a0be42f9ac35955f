import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { memoryLogger } from '../../src/log.js'
import type { CheckedSegment, Score } from '../../src/model.js'
import { CACHE_FILE, FileScoreCache, openScoreCache } from '../../src/scorers/file-cache.js'
import { MemoryScoreCache } from '../../src/scorers/cache.js'
import type { Scorer } from '../../src/scorers/scorer.js'
import { scoreSegments } from '../../src/scoring.js'
import { segment } from '../helpers/segments.js'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tqg-cache-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

const checked = (targets: string[]): CheckedSegment[] => targets.map((t, i) => ({ ...segment(`Source ${i}`, t, { id: `f#k${i}`, key: `k${i}` }), issues: [], scores: [] }))

function countingScorer() {
  const sent: string[] = []
  const scorer: Scorer = {
    provider: 'fake',
    engine: 'v1',
    batchSize: 10,
    async score(batch, ctx) {
      sent.push(...batch.map((s) => s.key))
      ctx.memo?.set(`id:${batch[0].key}`, 'translation-1')
      return batch.map((): Score => ({ provider: 'fake', engine: 'v1', state: 'scored', score: 0.8 }))
    },
  }
  return { scorer, sent }
}

async function run(targets: string[]) {
  const log = memoryLogger()
  const cache = await FileScoreCache.open(dir, log)
  const { scorer, sent } = countingScorer()
  const segments = checked(targets)
  await scoreSegments(segments, [scorer], { timeBudget: 30, cache, log, threshold: () => undefined, defaultThreshold: 0.7 })
  return { sent, segments, log, cache }
}

describe('file score cache', () => {
  it('makes no request on a second run over the same segments, and re-scores only a changed one', async () => {
    const first = await run(['Eins', 'Zwei', 'Drei'])
    expect(first.sent).toEqual(['k0', 'k1', 'k2'])
    const second = await run(['Eins', 'Zwei', 'Drei'])
    expect(second.sent).toEqual([])
    expect(second.segments.map((s) => s.scores[0])).toEqual(first.segments.map((s) => s.scores[0]))
    expect(second.log.lines).toContain('fake: 3 score(s) reused from the cache')
    const third = await run(['Eins', 'Zwo', 'Drei'])
    expect(third.sent).toEqual(['k1'])
  })

  it('keeps memos between runs', async () => {
    await run(['Eins'])
    const cache = await FileScoreCache.open(dir, memoryLogger())
    expect(cache.memo('fake').get('id:k0')).toBe('translation-1')
    expect(cache.memo('other').get('id:k0')).toBeUndefined()
  })

  it('never keeps failures or skips', async () => {
    const log = memoryLogger()
    const cache = await FileScoreCache.open(dir, log)
    cache.set('a', { provider: 'fake', engine: 'v1', state: 'failed', reason: 'HTTP 503' })
    cache.set('b', { provider: 'fake', engine: 'v1', state: 'skipped', reason: 'time budget' })
    cache.set('c', { provider: 'fake', engine: 'v1', state: 'not-applicable', reason: 'Phrase holds another text' })
    await cache.flush()
    const again = await FileScoreCache.open(dir, log)
    expect([again.get('a'), again.get('b'), again.get('c')?.state]).toEqual([undefined, undefined, 'not-applicable'])
  })

  it.each([
    ['not JSON', '{"version": 1, "scores": {'],
    ['another version', JSON.stringify({ version: 2, entries: [] })],
    ['JSON of another shape', '[1, 2, 3]'],
  ])('starts empty with a warning when the file is %s, and replaces it', async (_name, text) => {
    await writeFile(join(dir, CACHE_FILE), text)
    const first = await run(['Eins'])
    expect(first.sent).toEqual(['k0'])
    expect(first.log.lines).toContain(`warning: Score cache ${join(dir, CACHE_FILE)} is not a cache file of this version; starting with an empty cache`)
    const second = await run(['Eins'])
    expect(second.sent).toEqual([])
  })

  it('writes atomically: no temporary file is left beside the cache', async () => {
    await run(['Eins', 'Zwei'])
    expect(await readdir(dir)).toEqual([CACHE_FILE])
    expect(JSON.parse(await readFile(join(dir, CACHE_FILE), 'utf8'))).toMatchObject({ version: 1 })
  })

  it('stays bounded, dropping the least recently used entries first', async () => {
    const log = memoryLogger()
    const day1 = await FileScoreCache.open(dir, log, { now: 1000, maxScores: 3, maxMemoEntries: 2 })
    const score: Score = { provider: 'fake', engine: 'v1', state: 'scored', score: 0.5 }
    for (const key of ['a', 'b', 'c']) day1.set(key, score)
    for (const key of ['m1', 'm2']) day1.memo('phrase').set(key, key)
    await day1.flush()
    const day2 = await FileScoreCache.open(dir, log, { now: 2000, maxScores: 2, maxMemoEntries: 2 })
    expect(day2.get('a')).toEqual(score)
    expect(day2.memo('phrase').get('m2')).toBe('m2')
    day2.set('d', score)
    day2.memo('phrase').set('m3', 'm3')
    await day2.flush()
    const day3 = await FileScoreCache.open(dir, log, { now: 3000 })
    expect(['a', 'b', 'c', 'd'].map((k) => day3.get(k) !== undefined)).toEqual([true, false, false, true])
    expect(['m1', 'm2', 'm3'].map((k) => day3.memo('phrase').get(k) !== undefined)).toEqual([false, true, true])
  })

  it('warns and goes on when the directory cannot be written', async () => {
    const readOnly = join(dir, 'file')
    await writeFile(readOnly, 'a file, not a directory')
    const log = memoryLogger()
    const cache = await FileScoreCache.open(join(readOnly, 'cache'), log)
    cache.set('a', { provider: 'fake', engine: 'v1', state: 'scored', score: 1 })
    await expect(cache.flush()).resolves.toBeUndefined()
    expect(log.lines.some((l) => l.startsWith(`warning: Score cache could not be written to ${join(readOnly, 'cache', CACHE_FILE)}`))).toBe(true)
  })

  it('is in memory only without a directory', async () => {
    expect(await openScoreCache(undefined, memoryLogger())).toBeInstanceOf(MemoryScoreCache)
    expect(await openScoreCache(dir, memoryLogger())).toBeInstanceOf(FileScoreCache)
  })
})
