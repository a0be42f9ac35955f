// The changed strings of a typical app PR, for measuring what scoring costs against the
// fakes (bench/providers.mjs, test/scorers/cost.test.ts): UI labels, messages with
// placeholders and sentences, spread over two files of one locale, where the second file
// repeats some strings of the first (a string shared by common.json and checkout.json).
import type { CheckedSegment } from '../../src/model.js'
import { segment } from '../helpers/segments.js'

export interface AppString {
  file: string
  key: string
  source: string
  target: string
}

const WORDS = 'order cart item price delivery address payment review message settings profile invoice account password coupon'.split(' ')
const SHAPES = [
  (a: string) => `Save ${a}`,
  (a: string, b: string) => `You have {count} new ${a}s in your ${b}`,
  (a: string, b: string) => `Remove this ${a} from your ${b}?`,
  (a: string, b: string) => `Your ${a} was updated on {date}. Check your ${b} for details.`,
  (a: string) => `We could not load your ${a}. Please try again in a few minutes.`,
]

/** The `i`th distinct source string, and the translation the fakes' engine gives it. */
export function appString(i: number): { source: string; target: string } {
  const shape = i % SHAPES.length
  const word = Math.floor(i / SHAPES.length)
  const source = SHAPES[shape](WORDS[word % WORDS.length], WORDS[(i * 7 + 3) % WORDS.length]) + (word >= WORDS.length ? ` (${i})` : '')
  return { source, target: `DE ${source}` }
}

/**
 * `n` strings: the first file holds distinct ones; the second file holds more, and `repeats`
 * of the first file's, spread over it. Every third repeat is translated differently there
 * (the same source, another target), as happens when two translators did the two files.
 */
export function appStrings(n: number, repeats = 0): AppString[] {
  const distinct = n - repeats
  const first = Math.ceil(distinct / 2)
  const out: AppString[] = Array.from({ length: first }, (_, i) => ({ file: 'locales/de/common.json', key: `common.k${i}`, ...appString(i) }))
  const second: AppString[] = Array.from({ length: distinct - first }, (_, i) => ({ file: 'locales/de/checkout.json', key: `checkout.k${i}`, ...appString(first + i) }))
  for (let r = 0; r < repeats; r++) {
    const { source, target } = appString(Math.floor((r * first) / repeats))
    const at = Math.floor((r * second.length) / repeats) + r
    second.splice(at, 0, { file: 'locales/de/checkout.json', key: `checkout.repeat${r}`, source, target: r % 3 === 2 ? `${target}!` : target })
  }
  return [...out, ...second]
}

/** The strings as segments of a PR from en to de, with no findings or scores yet. */
export function appSegments(strings: AppString[]): CheckedSegment[] {
  const lines = new Map<string, number>()
  return strings.map(({ file, key, source, target }) => ({
    // One string per line after the opening brace.
    ...segment(source, target, { id: `${file}#${key}`, file, key, line: lines.set(file, (lines.get(file) ?? 1) + 1).get(file)!, column: 3, unit: { key, span: { start: 0, end: 0 } } }),
    issues: [],
    scores: [],
  }))
}
