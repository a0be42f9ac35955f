// The scoring stage: sends each segment to every configured scorer in batches, reuses
// cached scores, sends a repeated segment once (for scorers that score texts, not keys),
// keeps within max-segments and the time budget, and records every outcome as a Score
// state. It never decides pass or fail (that is policy's job).
import type { Logger } from './log.js'
import type { CheckedSegment, Score } from './model.js'
import type { ScoreCache } from './scorers/cache.js'
import { OutOfTime, scoreCacheKey, type Scorer, type ScoringContext } from './scorers/scorer.js'

export interface ScoringOptions {
  maxSegments?: number
  /** Seconds. */
  timeBudget: number
  cache: ScoreCache
  log: Logger
  /** Configured threshold of a scorer for a locale, if any. */
  threshold(provider: string, locale: string): number | undefined
  /** The global threshold. */
  defaultThreshold: number
  /** Why a segment is not sent to any scorer (fuzzy entries), if it is not. */
  skip?(segment: CheckedSegment): string | undefined
}

export interface ScoringResult {
  notes: string[]
  usage: Record<string, Record<string, number>>
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

/** Runs async tasks with at most `limit` in flight. */
async function pool<T>(items: T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) await run(items[next++])
  })
  await Promise.all(workers)
}

/** Items with the same key, in the order of their first one. */
function groupBy<T>(items: T[], key: (item: T) => unknown): T[][] {
  const groups = new Map<unknown, T[]>()
  for (const item of items) {
    const k = key(item)
    const members = groups.get(k)
    if (members) members.push(item)
    else groups.set(k, [item])
  }
  return [...groups.values()]
}

export async function scoreSegments(segments: CheckedSegment[], scorers: Scorer[], options: ScoringOptions): Promise<ScoringResult> {
  const notes: string[] = []
  const usage: Record<string, Record<string, number>> = {}
  if (scorers.length === 0 || segments.length === 0) return { notes, usage }
  const deadline = Date.now() + options.timeBudget * 1000
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(new Error('time budget reached')), options.timeBudget * 1000)
  timer.unref?.()
  // Segments sent to any service so far, for the max-segments spend guard.
  const sent = new Set<string>()
  let overBudget = 0
  let overLimit = 0
  const skipped = new Map<string, number>()

  const finish = (segment: CheckedSegment, scorer: Scorer, score: Score) => {
    const threshold = options.threshold(score.provider, segment.locale) ?? score.threshold ?? options.defaultThreshold
    segment.scores.push(score.state === 'scored' ? { ...score, threshold } : score)
  }
  // Each segment owns its Score: issues are marked dismissed per segment later.
  const copy = (score: Score): Score => (score.issues ? { ...score, issues: score.issues.map((i) => ({ ...i })) } : { ...score })

  await Promise.all(
    scorers.map(async (scorer) => {
      const todo: CheckedSegment[] = []
      // Segments with the cache key of one in todo, by that one: they get its score.
      const twins = new Map<CheckedSegment, CheckedSegment[]>()
      const sentByKey = new Map<string, CheckedSegment>()
      let cached = 0
      let repeats = 0
      for (const segment of segments) {
        const skip = options.skip?.(segment)
        if (skip) {
          skipped.set(skip, (skipped.get(skip) ?? 0) + 1)
          finish(segment, scorer, { provider: scorer.provider, engine: scorer.engine, state: 'skipped', reason: skip })
          continue
        }
        const reason = scorer.notApplicable?.(segment)
        if (reason) {
          finish(segment, scorer, { provider: scorer.provider, engine: scorer.engine, state: 'not-applicable', reason })
          continue
        }
        const key = scoreCacheKey(scorer, segment)
        const hit = scorer.cacheable === false ? undefined : options.cache.get(key)
        if (hit) {
          cached++
          finish(segment, scorer, hit)
          continue
        }
        const first = scorer.byText ? sentByKey.get(key) : undefined
        if (first) {
          repeats++
          twins.get(first)!.push(segment)
          continue
        }
        if (options.maxSegments !== undefined && !sent.has(segment.id) && sent.size >= options.maxSegments) {
          overLimit++
          finish(segment, scorer, { provider: scorer.provider, engine: scorer.engine, state: 'skipped', reason: `max-segments (${options.maxSegments}) reached` })
          continue
        }
        sent.add(segment.id)
        todo.push(segment)
        if (scorer.byText) {
          sentByKey.set(key, segment)
          twins.set(segment, [])
        }
      }
      if (cached > 0) options.log.info(`${scorer.provider}: ${cached} score(s) reused from the cache`)
      if (repeats > 0) options.log.info(`${scorer.provider}: ${repeats} segment(s) repeat the texts of another one and share its score`)
      /** Score requests a batch stands for: its segments and their twins. */
      const weight = (batch: CheckedSegment[]) => batch.reduce((n, s) => n + 1 + (twins.get(s)?.length ?? 0), 0)
      const settle = (segment: CheckedSegment, score: Score) => {
        finish(segment, scorer, score)
        for (const twin of twins.get(segment) ?? []) finish(twin, scorer, copy(score))
      }
      const context: ScoringContext = { signal: controller.signal, deadline, log: options.log, memo: options.cache.memo(scorer.provider) }
      // Failures are said once per service and message (each warning is an annotation in the action).
      const failures = new Map<string, number>()
      // A call that failed as a whole: every segment of it is failed, or skipped when time ran out.
      const unscored = (batch: CheckedSegment[], e: unknown): Score[] => {
        const outOfTime = controller.signal.aborted || e instanceof OutOfTime
        if (outOfTime) overBudget += weight(batch)
        else failures.set(message(e), (failures.get(message(e)) ?? 0) + weight(batch))
        return batch.map(() => ({
          provider: scorer.provider,
          engine: scorer.engine,
          state: outOfTime ? 'skipped' : 'failed',
          reason: controller.signal.aborted ? `time budget of ${options.timeBudget}s reached` : message(e),
        }))
      }
      const record = (segment: CheckedSegment, score: Score) => {
        if (scorer.cacheable !== false) options.cache.set(scoreCacheKey(scorer, segment), score)
        settle(segment, score)
      }
      let pending = todo
      if (scorer.prepare && todo.length > 0) {
        try {
          const settled = await scorer.prepare(todo, context)
          if (settled) {
            if (settled.length !== todo.length) throw new Error(`${scorer.provider} settled ${settled.length} of ${todo.length} segments`)
            pending = []
            todo.forEach((segment, i) => (settled[i] ? record(segment, settled[i]) : pending.push(segment)))
          }
        } catch (e) {
          const scores = unscored(todo, e)
          todo.forEach((segment, i) => record(segment, scores[i]))
          pending = []
        }
      }
      const batches: CheckedSegment[][] = []
      for (const group of groupBy(pending, (s) => scorer.batchGroup?.(s) ?? '')) {
        const requests = groupBy(group, (s) => scorer.requestKey?.(s) ?? s)
        for (let i = 0; i < requests.length; i += scorer.batchSize) batches.push(requests.slice(i, i + scorer.batchSize).flat())
      }
      await pool(batches, scorer.concurrency ?? 1, async (batch) => {
        if (controller.signal.aborted) {
          overBudget += weight(batch)
          for (const s of batch) settle(s, { provider: scorer.provider, engine: scorer.engine, state: 'skipped', reason: `time budget of ${options.timeBudget}s reached` })
          return
        }
        let scores: Score[]
        try {
          scores = await scorer.score(batch, context)
          if (scores.length !== batch.length) throw new Error(`${scorer.provider} returned ${scores.length} scores for ${batch.length} segments`)
        } catch (e) {
          scores = unscored(batch, e)
        }
        batch.forEach((segment, i) => record(segment, scores[i]))
      })
      for (const [reason, n] of failures) options.log.warning(`${scorer.provider}: ${reason} (${n} segment${n === 1 ? '' : 's'} not scored)`)
      if (scorer.usage || repeats > 0) usage[scorer.provider] = { ...scorer.usage?.(), ...(repeats > 0 && { 'repeats-not-sent': repeats }) }
    }),
  )
  clearTimeout(timer)
  // Scorers finish in any order; a segment lists its scores in the order of the scorers.
  const rank = new Map(scorers.map((s, i) => [s.provider, i]))
  for (const segment of segments) segment.scores.sort((a, b) => (rank.get(a.provider) ?? scorers.length) - (rank.get(b.provider) ?? scorers.length))
  for (const [reason, n] of skipped) notes.push(`${n} score request(s) skipped: ${reason}`)
  if (overLimit > 0) notes.push(`max-segments (${options.maxSegments}) reached: ${overLimit} score request(s) skipped`)
  if (overBudget > 0) notes.push(`Time budget of ${options.timeBudget}s reached: ${overBudget} score request(s) skipped`)
  await options.cache.flush?.()
  return { notes, usage }
}
