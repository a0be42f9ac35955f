// Translation state the file itself records: a gettext `#, fuzzy` entry, a String Catalog
// string or an XLIFF target that needs review is a guess the translator has not confirmed.
import type { Unit } from '../model.js'
import type { SegmentCheck } from './check.js'

/** Unit flags meaning "awaiting review": gettext's, the String Catalog state, XLIFF 1.2 states. */
const NEEDS_REVIEW = new Set(['fuzzy', 'state:needs_review', 'state:needs-review-translation', 'state:needs-review-l10n', 'state:needs-review-adaptation'])

/** The flag that marks the unit as awaiting review, if any (scoring skips such units unless `score-fuzzy`). */
export function needsReview(unit: Unit): string | undefined {
  return unit.flags?.find((f) => NEEDS_REVIEW.has(f))
}

export const fuzzy: SegmentCheck = {
  id: 'fuzzy',
  rule: 1701,
  severity: 1,
  family: 'consistency',
  title: 'Translation is marked fuzzy (needs review)',
  description:
    'The file marks the translation as unconfirmed: gettext `#, fuzzy` (msgfmt leaves such entries out of the compiled catalog, so users see the source text), a String Catalog state `needs_review`, or an XLIFF `needs-review-*` state. Review it and remove the mark.',
  examples: { fail: ['Move to another board', '#, fuzzy\nmsgstr "In ein anderes Board verschieben"'], pass: ['Move to another board', 'msgstr "In ein anderes Board verschieben"'] },
  withoutSource: true,
  check({ segment }) {
    const flag = needsReview(segment.unit)
    if (!flag) return []
    return [{ d: flag === 'fuzzy' ? 'The translation is marked fuzzy: it needs review, and msgfmt leaves it out until then' : `The translation is marked as needing review (${flag.slice('state:'.length)})` }]
  },
}

export const stateRules = [fuzzy]
