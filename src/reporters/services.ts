// What each quality service did in a run: segments scored, not applicable, skipped and
// failed, the average score, the requests made (retries included) and what was used
// (tokens, characters), from the summary and the scorers' usage(). Plain text parts;
// markdown.ts and text.ts lay them out and escape them.
import type { Report } from '../model.js'

export interface ServiceLine {
  provider: string
  /** `Phrase QPS`, `Custom.MT QE`... */
  name: string
  scored: number
  notApplicable: number
  skipped: number
  failed: number
  average?: number
  /** Requests sent, retries included; undefined for a scorer that sends none (a scores file). */
  requests?: number
  retries: number
  /** The rest of the usage, largest meaning first: `8,416 QE prompt tokens (gpt-4o)`. */
  usage: string[]
  /** All tokens (prompt, completion, MT, QE) and billed characters, for the brief line. */
  tokens: number
  characters: number
}

const NAMES: Record<string, string> = {
  phrase: 'Phrase QPS',
  custommt: 'Custom.MT QE',
  openai: 'LLM QE',
  wordbee: 'Wordbee QA',
  static: 'Scores file',
}

// Usage keys the scorers report, in the order shown. Keys may carry a model after a space
// (`qe-prompt-tokens gpt-4o`); unknown keys are shown with their dashes as spaces.
const USAGE: Array<[string, string]> = [
  ['segments', 'segments sent'],
  ['repeats-not-sent', 'repeats not sent'],
  ['translations-reused', 'MT translations reused'],
  ['symbols', 'characters translated'],
  ['prompt-tokens', 'prompt tokens'],
  ['completion-tokens', 'completion tokens'],
  ['mt-in-tokens', 'MT input tokens'],
  ['mt-out-tokens', 'MT output tokens'],
  ['qe-prompt-tokens', 'QE prompt tokens'],
  ['qe-completion-tokens', 'QE completion tokens'],
  ['id-lookups', 'id look-ups'],
  ['issues-pushed', 'issues pushed'],
  ['answer-retries', 'answer(s) asked again'],
  ['parameter-retries', 'parameter(s) the model rejected'],
]
const ORDER = new Map(USAGE.map(([key], i) => [key, i]))
const LABELS = new Map(USAGE)

export const count = (n: number): string => n.toLocaleString('en-US')

function usageParts(usage: Record<string, number>): { parts: string[]; tokens: number; characters: number } {
  let tokens = 0
  let characters = 0
  const entries = Object.entries(usage)
    .filter(([key, n]) => key !== 'requests' && key !== 'retries' && Number.isFinite(n))
    .map(([key, n]) => {
      const space = key.indexOf(' ')
      const base = space < 0 ? key : key.slice(0, space)
      const detail = space < 0 ? '' : key.slice(space + 1)
      if (/tokens$/.test(base)) tokens += n
      if (base === 'symbols') characters += n
      return { base, detail, n }
    })
    .filter((e) => e.n !== 0)
    .sort((a, b) => (ORDER.get(a.base) ?? ORDER.size) - (ORDER.get(b.base) ?? ORDER.size) || a.detail.localeCompare(b.detail))
  const parts = entries.map((e) => `${count(e.n)} ${LABELS.get(e.base) ?? e.base.replace(/-/g, ' ')}${e.detail ? ` (${e.detail})` : ''}`)
  return { parts, tokens, characters }
}

/** One line per service that took part, in the order the report met them. */
export function serviceLines(report: Report): ServiceLine[] {
  const providers = [...new Set([...Object.keys(report.summary.providers), ...Object.keys(report.usage)])]
  return providers.map((provider) => {
    const p = report.summary.providers[provider] ?? { scored: 0, failed: 0, notApplicable: 0, skipped: 0 }
    const usage = report.usage[provider] ?? {}
    const { parts, tokens, characters } = usageParts(usage)
    return {
      provider,
      name: NAMES[provider] ?? provider,
      scored: p.scored,
      notApplicable: p.notApplicable,
      skipped: p.skipped,
      failed: p.failed,
      ...(p.average !== undefined && { average: p.average }),
      ...(usage.requests !== undefined && { requests: usage.requests }),
      retries: usage.retries ?? 0,
      usage: parts,
      tokens,
      characters,
    }
  })
}

/** `3 scored (average 0.52), 1 not applicable, 2 failed`: the counts that are not zero. */
export function segmentCounts(line: ServiceLine): string {
  const parts = [`${count(line.scored)} scored${line.average !== undefined ? ` (average ${line.average.toFixed(2)})` : ''}`]
  if (line.notApplicable) parts.push(`${count(line.notApplicable)} not applicable`)
  if (line.skipped) parts.push(`${count(line.skipped)} skipped`)
  if (line.failed) parts.push(`${count(line.failed)} failed`)
  return parts.join(', ')
}

/** `6 requests (1 retry)`, or `6 (1 retry)` in a column of requests; empty for a scorer that sends none. */
export function requestCount(line: ServiceLine, unit = true): string {
  if (line.requests === undefined) return ''
  const retries = line.retries > 0 ? ` (${count(line.retries)} ${line.retries === 1 ? 'retry' : 'retries'})` : ''
  return `${count(line.requests)}${unit ? ` request${line.requests === 1 ? '' : 's'}` : ''}${retries}`
}
