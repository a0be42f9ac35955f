// The `static` scorer: scores read from a JSON file (`scores-file`), for dry runs, demos
// and tests of the threshold and fail-on logic without any service.
import { describeNode, member, parseJsonTree } from '../formats/json-tree.js'
import type { Score, Segment } from '../model.js'
import { normalizeLocale } from '../paths.js'
import { SettingsError } from '../settings.js'
import { LineIndex } from '../span.js'
import type { Scorer } from './scorer.js'

export interface StaticScoreEntry {
  file: string
  key: string
  locale?: string
  score: number
  provider?: string
  engine?: string
}

const EXPECTED = 'Expected JSON: a list of {"file", "key", "locale"?, "score"} (score 0 to 1, or 0 to 100), or {"scores": [...]}.'

/**
 * Validates the scores file's content. A problem is a settings error naming the file, the
 * line and column, and what was expected: the file is a setting, not a locale file.
 */
export function parseScoresFile(text: string, label: string): StaticScoreEntry[] {
  const lines = new LineIndex(text)
  const fail = (offset: number, message: string): never => {
    const { line, column } = lines.position(offset)
    throw new SettingsError(`Invalid scores-file ${label}:${line}:${column}: ${message}. ${EXPECTED}`)
  }
  const { root, problems } = parseJsonTree(text)
  // Comments and trailing commas too: the file is JSON, and read as JSON.parse reads it.
  if (problems.length > 0) return fail(problems[0].offset, problems[0].message.replace(/^Invalid JSON: /, ''))
  const list = root?.type === 'object' ? member(root, 'scores') : root
  if (list?.type !== 'array') return fail(list?.start ?? root?.start ?? 0, `${root?.type === 'object' ? '"scores" is' : 'the file is'} ${list ? describeNode(list) : 'missing'}; expected a list of scores`)
  return list.items.map((item, i) => {
    const entry = `entry ${i + 1}`
    if (item.type !== 'object') return fail(item.start, `${entry} is ${describeNode(item)}; expected an object`)
    const text = (name: string, required: boolean): string | undefined => {
      const node = member(item, name)
      if (node === undefined && !required) return undefined
      if (node?.type !== 'string') return fail(node?.start ?? item.start, `${entry}: "${name}" is ${node ? describeNode(node) : 'missing'}; expected a string`)
      return node.value
    }
    const file = text('file', true)!
    const key = text('key', true)!
    const scoreNode = member(item, 'score')
    const score = scoreNode?.type === 'number' ? Number(scoreNode.raw) : NaN
    if (!(score >= 0 && score <= 100)) {
      const shown = scoreNode === undefined ? 'missing' : scoreNode.type === 'number' ? scoreNode.raw : describeNode(scoreNode)
      return fail(scoreNode?.start ?? item.start, `${entry}: "score" is ${shown}; expected a number from 0 to 1 (or 0 to 100)`)
    }
    const optional = { locale: text('locale', false), provider: text('provider', false), engine: text('engine', false) }
    return { file, key, ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)), score: score > 1 ? score / 100 : score }
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
