// Translation state the file itself records: a gettext `#, fuzzy` entry, a String Catalog
// string or an XLIFF target that needs review, or one the file says is not final yet (XLIFF
// 2.0 `initial`, 1.2 `new`, `needs-translation`...), is a guess no translator confirmed.
import type { Unit } from '../model.js'
import type { SegmentCheck } from './check.js'

/** Unit flags meaning "awaiting review": gettext's, the String Catalog state, XLIFF 1.2 states. */
const NEEDS_REVIEW = new Set(['fuzzy', 'state:needs_review', 'state:needs-review-translation', 'state:needs-review-l10n', 'state:needs-review-adaptation'])

/**
 * States of a target that is not final yet: XLIFF 2.0 `initial` (pre-filled, e.g. by MT or
 * a copy of the source), XLIFF 1.2 `new` and `needs-*`, a String Catalog's `new`.
 */
const NOT_FINAL = new Set(['state:initial', 'state:new', 'state:needs-translation', 'state:needs-l10n', 'state:needs-adaptation'])

/** The flag that marks the unit as awaiting review, if any (scoring skips such units unless `score-fuzzy`). */
export function needsReview(unit: Unit): string | undefined {
  return unit.flags?.find((f) => NEEDS_REVIEW.has(f) || NOT_FINAL.has(f))
}

export const fuzzy: SegmentCheck = {
  id: 'fuzzy',
  rule: 1701,
  severity: 1,
  family: 'consistency',
  title: 'Translation is marked fuzzy (needs review)',
  description:
    'The file marks the translation as unconfirmed: gettext `#, fuzzy` (msgfmt leaves such entries out of the compiled catalog, so users see the source text), a String Catalog state `needs_review` or `new`, an XLIFF 1.2 `needs-review-*`, `new` or `needs-translation` state, or XLIFF 2.0 `initial`. Review it and mark it translated.',
  examples: { fail: ['Move to another board', '#, fuzzy\nmsgstr "In ein anderes Board verschieben"'], pass: ['Move to another board', 'msgstr "In ein anderes Board verschieben"'] },
  withoutSource: true,
  check({ segment }) {
    const flag = needsReview(segment.unit)
    if (!flag) return []
    if (flag === 'fuzzy') return [{ d: 'The translation is marked fuzzy: it needs review, and msgfmt leaves it out until then' }]
    const state = flag.slice('state:'.length)
    return [{ d: NOT_FINAL.has(flag) ? `The translation is not final (state ${state}): it needs review` : `The translation is marked as needing review (${state})` }]
  },
}

export const stateRules = [fuzzy]
