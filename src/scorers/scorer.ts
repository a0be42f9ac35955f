// What a quality service provides. One module per service implements Scorer; ./index.ts
// builds the configured ones from the settings; ../scoring.ts runs them.
import { createHash } from 'node:crypto'
import type { Logger } from '../log.js'
import type { Report, Score, Segment } from '../model.js'
import type { Memo } from './cache.js'

export interface ScoringContext {
  /** Aborted when the time budget runs out: stop and leave the rest unscored. */
  signal: AbortSignal
  /** Epoch milliseconds by which scoring must be done. */
  deadline: number
  log: Logger
  /** This scorer's values kept between runs (ids it looked up); absent: nothing is kept. */
  memo?: Memo
}

export interface Scorer {
  /** `phrase`, `custommt`, `openai`, `wordbee`, `static`. */
  readonly provider: string
  /** Engine, template or model: part of the cache key, shown with the score. */
  readonly engine: string
  /** How the scorer asks (e.g. a digest of an LLM's prompts): part of the cache key, so a new prompt re-scores. */
  readonly method?: string
  /** What it sends of a segment besides the locales and texts (an LLM's context and note): part of the segment's cache key. */
  cacheContext?(segment: Segment): string | undefined
  /**
   * Whether the score depends only on what the cache key holds (locales, texts, what
   * cacheContext adds), not on where the segment lives. Then the segments of one run with
   * the same cache key (a string in two files, a plural form like another) are sent once and
   * share the score. Not for a scorer that looks segments up by key (Phrase, Wordbee).
   */
  readonly byText?: boolean
  /** Most segments per score() call (distinct request keys, where the scorer has them). */
  readonly batchSize: number
  /**
   * What a request carries of a segment when it is less than its texts (Custom.MT sends
   * only the source): segments of one batch group with the same request key go into one
   * batch, so that score() can send that once.
   */
  requestKey?(segment: Segment): string
  /** Batches in flight at once (the service's concurrency limit). */
  readonly concurrency?: number
  /** Whether this scorer's results may be cached (a static file is always read fresh). */
  readonly cacheable?: boolean
  /** Segments with different groups never share a batch (e.g. one language pair per request). */
  batchGroup?(segment: Segment): string
  /** Why this scorer cannot score a segment (becomes `not-applicable`); undefined if it can. */
  notApplicable?(segment: Segment): string | undefined
  /**
   * Called once, before the batches, with every segment this run sends to the scorer (cache
   * misses): look-ups that cost less in bulk go here. Returns, index-aligned, the final Score
   * of the segments it already settles (not-applicable...); the others go to score().
   * Throws when nothing can be scored (bad credentials...).
   */
  prepare?(segments: Segment[], context: ScoringContext): Promise<(Score | undefined)[] | void>
  /** Scores a batch; the result is index-aligned with the batch. Throws when the whole call failed. */
  score(batch: Segment[], context: ScoringContext): Promise<Score[]>
  /**
   * Called with the final report, after policy (writing our issues back to the service).
   * Returns notes for the summary; throws only on programmer errors.
   */
  afterReport?(report: Report, context: { log: Logger }): Promise<string[]>
  /** Requests, tokens, characters... for the summary. */
  usage?(): Record<string, number>
  /** Releases connections at the end of the run. */
  close?(): Promise<void>
}

/**
 * Thrown when scoring must stop for lack of time: the budget ran out, or a service's rate
 * limit asks to wait past it. What is left becomes `skipped` with this message, not `failed`.
 */
export class OutOfTime extends Error {
  override name = 'OutOfTime'
}

/** Cache key of one segment's score: scorer, engine, locales, source and target, and what else the scorer sends of it. */
export function scoreCacheKey(scorer: Pick<Scorer, 'provider' | 'engine' | 'method' | 'cacheContext'>, segment: Segment): string {
  const extra = scorer.cacheContext?.(segment)
  return createHash('sha256')
    .update(JSON.stringify([scorer.provider, scorer.engine, ...(scorer.method ? [scorer.method] : []), segment.sourceLocale, segment.locale, segment.source ?? null, segment.target, ...(extra !== undefined ? [extra] : [])]))
    .digest('hex')
}
