// The score cache in a directory (`cache-dir`), so that a re-run of the workflow on the
// same head sends nothing to the services and a push that changes one segment re-scores
// only that one. In the action the directory is carried between runs by actions/cache
// (see the README); locally it stays in the working directory. One JSON file, written
// atomically, bounded in size; a corrupt or foreign file is ignored with a warning and
// replaced when the run writes the cache.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { Logger } from '../log.js'
import type { Score } from '../model.js'
import { MemoryScoreCache, reusable, type Memo, type ScoreCache } from './cache.js'

export const CACHE_FILE = 'scores-v1.json'
/** Most scores kept; the least recently used go first. About 300 bytes each. */
export const MAX_SCORES = 20_000
/** Most memo entries kept per scorer (Phrase ids of whole locales can be many). */
export const MAX_MEMO_ENTRIES = 50_000

/** [last used (epoch seconds), value] */
type Entry<T> = [number, T]

interface CacheFile {
  version: 1
  scores: Record<string, Entry<Score>>
  memos: Record<string, Record<string, Entry<unknown>>>
}

function isCacheFile(data: unknown): data is CacheFile {
  const d = data as CacheFile
  return !!d && typeof d === 'object' && d.version === 1 && !!d.scores && typeof d.scores === 'object' && !!d.memos && typeof d.memos === 'object'
}

/** Keeps the `limit` most recently used entries. */
function newest<T>(entries: Map<string, Entry<T>>, limit: number): Record<string, Entry<T>> {
  const list = [...entries]
  if (list.length > limit) list.sort((a, b) => b[1][0] - a[1][0]).length = limit
  return Object.fromEntries(list)
}

export interface CacheLimits {
  maxScores: number
  maxMemoEntries: number
  /** This run's time in epoch seconds (marks what it used). */
  now: number
}

export class FileScoreCache implements ScoreCache {
  private readonly scores = new Map<string, Entry<Score>>()
  private readonly memos = new Map<string, Map<string, Entry<unknown>>>()
  private readonly now: number
  private changed = false

  private constructor(
    readonly path: string,
    private readonly log: Logger,
    private readonly limits: CacheLimits,
  ) {
    this.now = limits.now
  }

  /** Opens the cache in `dir`; a missing file is an empty cache, a corrupt one too (with a warning). */
  static async open(dir: string, log: Logger, limits: Partial<CacheLimits> = {}): Promise<FileScoreCache> {
    const cache = new FileScoreCache(join(dir, CACHE_FILE), log, { maxScores: MAX_SCORES, maxMemoEntries: MAX_MEMO_ENTRIES, now: Math.floor(Date.now() / 1000), ...limits })
    let text: string
    try {
      text = await readFile(cache.path, 'utf8')
    } catch {
      log.info(`Score cache: none yet at ${cache.path}`)
      return cache
    }
    let data: unknown
    try {
      data = JSON.parse(text)
    } catch {
      data = undefined
    }
    if (!isCacheFile(data)) {
      log.warning(`Score cache ${cache.path} is not a cache file of this version; starting with an empty cache`)
      cache.changed = true
      return cache
    }
    for (const [key, entry] of Object.entries(data.scores)) if (Array.isArray(entry) && entry[1] && typeof entry[1] === 'object') cache.scores.set(key, entry)
    for (const [scope, entries] of Object.entries(data.memos)) cache.memos.set(scope, new Map(Object.entries(entries ?? {}).filter(([, e]) => Array.isArray(e))))
    log.info(`Score cache: ${cache.scores.size} score(s) from ${cache.path}`)
    return cache
  }

  get(key: string): Score | undefined {
    const entry = this.scores.get(key)
    if (!entry) return undefined
    this.touch(entry)
    return entry[1]
  }

  set(key: string, score: Score): void {
    if (!reusable(score)) return
    this.scores.set(key, [this.now, score])
    this.changed = true
  }

  memo(scope: string): Memo {
    let map = this.memos.get(scope)
    if (!map) this.memos.set(scope, (map = new Map()))
    const entries = map
    return {
      get: <T>(key: string) => {
        const entry = entries.get(key)
        if (entry) this.touch(entry)
        return entry?.[1] as T | undefined
      },
      set: (key, value) => {
        entries.set(key, [this.now, value])
        this.changed = true
      },
      delete: (key) => {
        this.changed = entries.delete(key) || this.changed
      },
    }
  }

  /** Writes the cache atomically (a temporary file renamed over the old one). */
  async flush(): Promise<void> {
    if (!this.changed) return
    const data: CacheFile = { version: 1, scores: newest(this.scores, this.limits.maxScores), memos: {} }
    for (const [scope, entries] of this.memos) if (entries.size > 0) data.memos[scope] = newest(entries, this.limits.maxMemoEntries)
    const temp = `${this.path}.${process.pid}.${Date.now()}.tmp`
    try {
      await mkdir(dirname(this.path), { recursive: true })
      await writeFile(temp, JSON.stringify(data))
      await rename(temp, this.path)
      this.changed = false
      this.log.info(`Score cache: ${Object.keys(data.scores).length} score(s) written to ${this.path}`)
    } catch (e) {
      this.log.warning(`Score cache could not be written to ${this.path}: ${(e as Error).message}`)
    }
  }

  private touch(entry: Entry<unknown>): void {
    if (entry[0] === this.now) return
    entry[0] = this.now
    this.changed = true
  }
}

/** The cache of a run: in `dir` when set, else in memory only. */
export async function openScoreCache(dir: string | undefined, log: Logger): Promise<ScoreCache> {
  return dir ? FileScoreCache.open(dir, log) : new MemoryScoreCache()
}
