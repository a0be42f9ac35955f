// Every rule id the tool can report: the QA rules of the registry in ./checks plus the rules
// the pipeline itself raises (unreadable file, stale source, score below threshold...).
// docs/rules.md is generated from this list, so ids stay stable and documented.
import { checks } from './checks/index.js'
import type { Family } from './checks/check.js'
import type { Severity } from './model.js'
import { RULE } from './rule-numbers.js'

export { RULE }

export interface RuleMeta {
  id: string
  rule: number
  severity: Severity
  family: Family | 'file' | 'quality'
  title: string
  description: string
  examples?: { fail: [string, string]; pass: [string, string]; locale?: string; config?: string }
}

export const pipelineRules: readonly RuleMeta[] = [
  { id: 'file-unreadable', rule: RULE.unreadable, severity: 2, family: 'file', title: 'File cannot be parsed', description: 'The file is not valid in its format (a syntax error, an unclosed tag, a bad escape); reported at the line where reading failed. Its strings are not checked, but the other files are.' },
  { id: 'file-too-large', rule: RULE.tooLarge, severity: 1, family: 'file', title: 'File too large to check', description: 'The file is larger than the `max-file-size` setting, so it was not parsed or checked.' },
  { id: 'duplicate-key', rule: RULE.duplicateKey, severity: 1, family: 'file', title: 'Duplicate key', description: 'The same key appears twice in one file; most loaders keep the last value and silently drop the first.' },
  { id: 'stale-translation', rule: RULE.stale, severity: 1, family: 'completeness', title: 'Source changed, translation not updated', description: 'The pull request changes a source string but not its translations; reported once on the source line, listing the locales still holding the old translation.' },
  { id: 'invalid-encoding', rule: RULE.encoding, severity: 2, family: 'file', title: 'File is not valid UTF-8', description: 'The file has bytes that are not valid UTF-8 (or is UTF-16 where the format expects UTF-8); reported at the first bad byte.' },
  { id: 'root-locale-mismatch', rule: RULE.rootLocale, severity: 2, family: 'file', title: 'Locale inside the file does not match its path', description: 'A file that names its own locale (a Rails root key, a PO `Language:` header, XLIFF `target-language`, ARB `@@locale`) names another locale than its path: a copied `en:` in `de.yml`, a French header in `es.po`. The app loads the strings under the wrong locale.' },
  { id: 'source-file-missing', rule: RULE.noSourceFile, severity: 1, family: 'file', title: 'No source file', description: 'A translation file whose source-language file is not in the repository, so its strings cannot be compared with a source.' },
  { id: 'below-threshold', rule: RULE.belowThreshold, severity: 2, family: 'quality', title: 'Quality score below threshold', description: 'A quality service scored the translation below the threshold set for that service and locale.' },
  { id: 'not-scored', rule: RULE.notScored, severity: 1, family: 'quality', title: 'Could not be scored', description: 'A quality service failed to score the translation after retries; it is never counted as passed.' },
  ...(
    [
      ['accuracy', RULE.mqmAccuracy, 'Accuracy', 'an addition, mistranslation, omission or untranslated text'],
      ['fluency', RULE.mqmFluency, 'Fluency', 'grammar, spelling, punctuation, register, inconsistency or character encoding'],
      ['locale-convention', RULE.mqmLocaleConvention, 'Locale convention', 'a currency, date, name, telephone or time format that does not follow the target locale'],
      ['style', RULE.mqmStyle, 'Style', 'awkward wording'],
      ['terminology', RULE.mqmTerminology, 'Terminology', 'a term wrong for the context or used inconsistently'],
      ['non-translation', RULE.mqmNonTranslation, 'Non-translation', 'the text was left in the source language'],
      ['other', RULE.mqmOther, 'Other', 'an error of no other category'],
    ] as const
  ).map(([name, rule, title, what]): RuleMeta => ({
    id: `llm-mqm-${name}`,
    rule,
    severity: 1,
    family: 'quality',
    title: `LLM MQM error: ${title.toLowerCase()}`,
    description: `The OpenAI-compatible LLM scorer in MQM mode (\`openai: {mode: mqm}\`) marked ${what}. The issue's severity is the model's: critical 2, major 1, minor 0. Like every 19xx rule it is reported but not counted as an error or warning: the gate uses the MQM score and the threshold.`,
  })),
]

export function allRules(): RuleMeta[] {
  return [...pipelineRules, ...checks].sort((a, b) => a.rule - b.rule)
}

/** QE rules are counted as below-threshold / not-scored, not as errors or warnings. */
export function isQualityRule(rule: number): boolean {
  return rule >= 1900 && rule <= 1999
}

/** Rules the pipeline raises on a file or a source line (parse errors, stale sources), never on one translation. */
export function isFileRule(rule: number): boolean {
  return !isQualityRule(rule) && pipelineRules.some((r) => r.rule === rule)
}
