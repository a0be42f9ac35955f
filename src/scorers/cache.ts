// Scores already paid for, keyed by scoreCacheKey, and what scorers looked up to get them
// (memos: Phrase translation ids...). Only `scored` and `not-applicable` results are kept:
// a failure or a skip must be retried next time. ./file-cache.ts keeps both between runs.
import type { Score } from '../model.js'

/** Values a scorer keeps between runs under its own scope (JSON-serialisable). */
export interface Memo {
  get<T = unknown>(key: string): T | undefined
  set(key: string, value: unknown): void
  delete(key: string): void
}

export interface ScoreCache {
  get(key: string): Score | undefined
  set(key: string, score: Score): void
  /** The memo of one scorer (its provider name). */
  memo(scope: string): Memo
  /** Persists what was added (file- or service-backed caches). */
  flush?(): Promise<void>
}

/** Whether a score may be reused by a later run. */
export function reusable(score: Score): boolean {
  return score.state === 'scored' || score.state === 'not-applicable'
}

export class MemoryScoreCache implements ScoreCache {
  readonly entries = new Map<string, Score>()
  readonly memos = new Map<string, Map<string, unknown>>()

  get(key: string): Score | undefined {
    return this.entries.get(key)
  }

  set(key: string, score: Score): void {
    if (reusable(score)) this.entries.set(key, score)
  }

  memo(scope: string): Memo {
    let map = this.memos.get(scope)
    if (!map) this.memos.set(scope, (map = new Map()))
    const values = map
    return {
      get: <T>(key: string) => values.get(key) as T | undefined,
      set: (key, value) => void values.set(key, value),
      delete: (key) => void values.delete(key),
    }
  }
}
