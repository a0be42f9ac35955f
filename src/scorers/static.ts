// The `static` scorer: scores read from a JSON file (`scores-file`), for dry runs, demos
// and tests of the threshold and fail-on logic without any service.
import type { Score, Segment } from '../model.js'
import { normalizeLocale } from '../paths.js'
import { SettingsError } from '../settings.js'
import type { Scorer } from './scorer.js'

export interface StaticScoreEntry {
  file: string
  key: string
  locale?: string
  score: number
  provider?: string
  engine?: string
}

/** Validates the scores file's content: `[{file, key, locale?, score}]` or `{scores: [...]}`. */
export function parseScoresFile(text: string, label: string): StaticScoreEntry[] {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (e) {
    throw new SettingsError(`Invalid scores-file ${label}: ${(e as Error).message}. Expected JSON: [{"file", "key", "locale"?, "score"}].`)
  }
  const list = Array.isArray(data) ? data : (data as { scores?: unknown })?.scores
  if (!Array.isArray(list)) throw new SettingsError(`Invalid scores-file ${label}: expected a JSON list of {"file", "key", "locale"?, "score"}.`)
  return list.map((e, i) => {
    const entry = e as Partial<StaticScoreEntry>
    if (typeof entry?.file !== 'string' || typeof entry.key !== 'string' || typeof entry.score !== 'number' || entry.score < 0 || entry.score > 100) {
      throw new SettingsError(`Invalid scores-file ${label}: entry ${i} needs "file" and "key" strings and a "score" from 0 to 1 (or 0 to 100).`)
    }
    return { ...entry, score: entry.score > 1 ? entry.score / 100 : entry.score } as StaticScoreEntry
  })
}

export function staticScorer(entries: StaticScoreEntry[]): Scorer {
  const index = new Map<string, StaticScoreEntry>()
  for (const e of entries) index.set(`${e.file}\u0000${e.key}\u0000${e.locale ? normalizeLocale(e.locale) : ''}`, e)
  const find = (s: Segment) => index.get(`${s.file}\u0000${s.key}\u0000${normalizeLocale(s.locale)}`) ?? index.get(`${s.file}\u0000${s.key}\u0000`)
  return {
    provider: 'static',
    engine: 'scores-file',
    batchSize: 1000,
    cacheable: false,
    notApplicable: (s) => (find(s) ? undefined : 'no score for this segment in the scores file'),
    async score(batch) {
      return batch.map((s): Score => {
        const e = find(s)!
        return { provider: e.provider ?? 'static', engine: e.engine ?? 'scores-file', state: 'scored', score: e.score }
      })
    },
  }
}
