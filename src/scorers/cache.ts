// Scores already paid for, keyed by scoreCacheKey. Only `scored` and `not-applicable`
// results are kept: a failure or a skip must be retried next time.
import type { Score } from '../model.js'

export interface ScoreCache {
  get(key: string): Score | undefined
  set(key: string, score: Score): void
  /** Persists what was added (file- or service-backed caches). */
  flush?(): Promise<void>
}

export class MemoryScoreCache implements ScoreCache {
  readonly entries = new Map<string, Score>()

  get(key: string): Score | undefined {
    return this.entries.get(key)
  }

  set(key: string, score: Score): void {
    if (score.state === 'scored' || score.state === 'not-applicable') this.entries.set(key, score)
  }
}
