// The rule registry: every built-in QA rule, in the order they run. A new rule is one
// module plus its entry here; ids and rule numbers are stable (docs/rules.md).
import type { Check } from './check.js'
import { completenessRules } from './completeness.js'
import { inconsistentTranslation } from './consistency.js'
import { icuMessageRules } from './icu-messages.js'
import { javaApostrophe } from './java-apostrophes.js'
import { wrongLanguage } from './language.js'
import { lengthRules } from './length.js'
import { markupRules } from './markup.js'
import { numbers } from './numbers.js'
import { placeholderRules } from './placeholders.js'
import { pluralFormRules } from './plural-forms.js'
import { punctuationRules } from './punctuation.js'
import { stateRules } from './state.js'
import { tokenRules } from './tokens.js'
import { whitespaceRules } from './whitespace.js'

export type { Check, CheckHit, CheckInput, CheckOptions, SegmentCheck, SetCheck } from './check.js'

export const checks: readonly Check[] = [
  ...completenessRules,
  ...pluralFormRules,
  ...placeholderRules,
  ...icuMessageRules,
  javaApostrophe,
  ...markupRules,
  ...whitespaceRules,
  ...punctuationRules,
  numbers,
  ...tokenRules,
  ...lengthRules,
  ...stateRules,
  inconsistentTranslation,
  wrongLanguage,
]
