// Translation state the file itself records: a gettext `#, fuzzy` entry or a String Catalog
// string that needs review is a guess the translator has not confirmed.
import type { SegmentCheck } from './check.js'

/** Unit flags that mean "awaiting review": gettext's, and the String Catalog state. */
const NEEDS_REVIEW = ['fuzzy', 'state:needs_review']

export const fuzzy: SegmentCheck = {
  id: 'fuzzy',
  rule: 1701,
  severity: 1,
  family: 'consistency',
  title: 'Translation is marked fuzzy (needs review)',
  description:
    'The file marks the translation as unconfirmed: gettext `#, fuzzy` (msgfmt leaves such entries out of the compiled catalog, so users see the source text), or a String Catalog state of `needs_review`. Review it and remove the mark.',
  examples: { fail: ['Move to another board', '#, fuzzy\nmsgstr "In ein anderes Board verschieben"'], pass: ['Move to another board', 'msgstr "In ein anderes Board verschieben"'] },
  withoutSource: true,
  check({ segment }) {
    const flag = segment.unit.flags?.find((f) => NEEDS_REVIEW.includes(f))
    if (!flag) return []
    return [{ d: flag === 'fuzzy' ? 'The translation is marked fuzzy: it needs review, and msgfmt leaves it out until then' : 'The translation is marked as needing review' }]
  },
}

export const stateRules = [fuzzy]
