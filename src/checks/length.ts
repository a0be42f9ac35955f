// Length: a hard limit from the unit (XLIFF maxwidth in characters) or the config file's
// `max-length`, and a heuristic for translations far longer or shorter than the source.
import type { CheckInput, LengthLimit, SegmentCheck } from './check.js'
import { plainProse } from './prose.js'

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/** Characters as a reader counts them: "é" and "👍🏽" are one each. */
export function graphemes(text: string): number {
  // Plain ASCII: one code unit per character, no segmentation needed.
  if (/^[\x00-\x7f]*$/.test(text)) return text.length
  let n = 0
  for (const _ of segmenter.segment(text)) n++
  return n
}

const patterns = new Map<string, RegExp>()

function globMatches(pattern: string, value: string): boolean {
  let re = patterns.get(pattern)
  if (!re) patterns.set(pattern, (re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`)))
  return re.test(value)
}

/** The limit for a segment: its own (from the format), else the first matching config entry. */
function limitFor(input: CheckInput): number | undefined {
  const own = input.segment.unit.maxLength
  if (own !== undefined) return own
  const key = input.segment.unit.pluralGroup ?? input.segment.key
  const limit = input.options.maxLength.find((l: LengthLimit) => (globMatches(l.key, input.segment.key) || globMatches(l.key, key)) && (!l.file || globMatches(l.file, input.segment.file)))
  return limit?.max
}

export const maxLength: SegmentCheck = {
  id: 'max-length',
  rule: 1601,
  severity: 2,
  family: 'length',
  title: 'Translation longer than its limit',
  description:
    "The translation has more characters than the string's limit: one its file sets (XLIFF `maxwidth` with `size-unit=\"char\"`) or the config file's `max-length` (`[{key: 'button.*', max: 20}]`). Characters are counted as readers see them (grapheme clusters).",
  examples: { fail: ['Save', 'Änderungen speichern'], pass: ['Save', 'Sichern'], config: "max-length: [{key: 'button.*', max: 10}]", options: { maxLength: [{ key: '*', max: 10 }] } },
  check(input) {
    const limit = limitFor(input)
    if (limit === undefined) return []
    const n = graphemes(input.target)
    return n > limit ? [{ d: `The translation has ${n} characters; the limit is ${limit}` }] : []
  },
}

// East Asian wide characters take about two columns: compare widths, not code points.
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/g

function width(text: string): number {
  const t = text.trim()
  return t.length + (t.match(WIDE)?.length ?? 0)
}

// Symfony and Laravel write plural variants in one string, `one|many`: a target that
// splits into more variants than its source is as long as its longest variant.
function variantWidth(target: string, source: string): number {
  const variants = target.split('|')
  return variants.length > source.split('|').length ? Math.max(...variants.map(width)) : width(target)
}

export const lengthRatio: SegmentCheck = {
  id: 'length-ratio',
  rule: 1602,
  severity: 0,
  family: 'length',
  title: 'Translation much longer or shorter than the source',
  description:
    'The translation is more than three times as long as the source (and over 40 characters longer), or, for sources of 20 characters or more, less than a fifth of it. Wide CJK characters count double; a target with more `|`-separated plural variants than its source (Symfony, Laravel) is measured by its longest variant. Short strings vary a lot between languages, so this is information only.',
  examples: { fail: ['Your changes have been saved.', 'OK'], pass: ['Your changes have been saved.', 'Ihre Änderungen wurden gespeichert.'] },
  check(input) {
    const s = width(plainProse(input, 'source'))
    const t = variantWidth(plainProse(input, 'target'), plainProse(input, 'source'))
    if (s === 0 || t === 0) return []
    if (t > Math.max(3 * s, s + 40)) return [{ d: `The translation is ${(t / s).toFixed(1)} times as long as the source` }]
    if (s >= 20 && t * 5 < s) return [{ d: `The translation is ${Math.round((100 * t) / s)}% of the source's length` }]
    return []
  },
}

export const lengthRules = [maxLength, lengthRatio]
