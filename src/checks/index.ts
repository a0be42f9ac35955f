// The rule registry: every built-in QA rule, in the order they run. A new rule is one
// module plus its entry here; ids and rule numbers are stable (docs/rules.md).
import type { Check } from './check.js'
import { completenessRules } from './completeness.js'
import { icuMessageRules } from './icu-messages.js'
import { javaApostrophe } from './java-apostrophes.js'
import { placeholderRules } from './placeholders.js'
import { pluralFormRules } from './plural-forms.js'
import { stateRules } from './state.js'
import { whitespaceRules } from './whitespace.js'

export type { Check, CheckHit, CheckInput, CheckOptions, SegmentCheck, SetCheck } from './check.js'

export const checks: readonly Check[] = [...completenessRules, ...pluralFormRules, ...placeholderRules, ...icuMessageRules, javaApostrophe, ...whitespaceRules, ...stateRules]
