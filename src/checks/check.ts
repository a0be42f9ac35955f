// What a QA rule is. One module per rule family implements these; ./index.ts registers them.
import type { PlaceholderSyntax, Segment, Severity, Span } from '../model.js'

export type Family =
  | 'completeness'
  | 'placeholders'
  | 'markup'
  | 'whitespace'
  | 'punctuation'
  | 'tokens'
  | 'length'
  | 'consistency'
  | 'custom'

/** What a rule sees of one segment. */
export interface CheckInput {
  source: string
  target: string
  locale: string
  sourceLocale: string
  /** Placeholder syntaxes that apply (from the unit, the format, or detected). */
  syntaxes: PlaceholderSyntax[]
  segment: Segment
  options: CheckOptions
}

/** A term translations must not use (config `terms.forbidden`), for all locales or some. */
export interface ForbiddenTerm {
  term: string
  locales?: string[]
  /** What to write instead, for the message. */
  instead?: string
}

/** A length limit for keys matching a pattern (config `max-length`); `*` matches anything. */
export interface LengthLimit {
  key: string
  max: number
  /** Only in files matching this path pattern. */
  file?: string
}

/** Settings from the config file that rules read (run.ts builds them from `settings.extra`). */
export interface CheckOptions {
  /** Terms that stay as they are in every language (product names). */
  doNotTranslate: string[]
  forbidden: ForbiddenTerm[]
  /** Placeholder rules in plural forms for one number may not drop the count. */
  strictPlurals: boolean
  maxLength: LengthLimit[]
}

export const defaultCheckOptions: CheckOptions = { doNotTranslate: [], forbidden: [], strictPlurals: false, maxLength: [] }

/** One problem a rule found; the engine adds the rule id and severity. */
export interface CheckHit {
  d: string
  /** Range in the target text (or the source, for rules about the source). */
  span?: Span
  /** Overrides the rule's default severity for this hit. */
  s?: Severity
}

interface RuleInfo {
  /** Stable kebab-case id, used in the config file and docs anchors. */
  id: string
  /** Rule number in DESIGN.md's blocks; never reused. */
  rule: number
  severity: Severity
  family: Family
  title: string
  description: string
  /**
   * For the rules reference: a pair the rule flags and one it accepts (tests run them).
   * `config` shows the config-file setting the examples need; `options` is that setting as the rule reads it.
   */
  examples?: { fail: [source: string, target: string]; pass: [source: string, target: string]; locale?: string; config?: string; options?: Partial<CheckOptions> }
}

/** A rule that looks at one segment at a time. */
export interface SegmentCheck extends RuleInfo {
  /** Run also when the source is unknown (a key missing from the source). */
  withoutSource?: boolean
  /** Reports nothing on a segment that does not use this placeholder syntax (the engine skips those). */
  syntax?: PlaceholderSyntax
  check(input: CheckInput): CheckHit[]
}

/** A rule that compares segments with each other (consistency, plural completeness). */
export interface SetCheck extends RuleInfo {
  checkSet(inputs: CheckInput[]): Array<{ index: number; hit: CheckHit }>
}

export type Check = SegmentCheck | SetCheck

export function isSetCheck(check: Check): check is SetCheck {
  return 'checkSet' in check
}
