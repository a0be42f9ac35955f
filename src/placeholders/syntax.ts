// What one placeholder syntax provides to the format-string rules.
import type { PlaceholderSyntax, Severity } from '../model.js'

export type { Severity }

export interface Placeholder {
  /** As written in the text: `{count}`, `%1$s`, `{{name}}`. */
  text: string
  /** Identity compared between source and target: the name, or the argument position. */
  id: string
  start: number
  end: number
  /** What the argument is formatted as (`integer`, `plural`, `escaped`...), compared by the type rule. */
  type?: string
  /** How it is formatted (flags and width, ICU style, i18next formatter), compared by the format rule. */
  format?: string
  /**
   * A bare positional reference (`{1}`, `%2$s`): the argument's index from 0, which the
   * caller passes whether or not the source shows it.
   */
  position?: number
}

export interface Extracted {
  placeholders: Placeholder[]
  /**
   * The text is not valid in this syntax; offset into the text. `recovered`: every
   * placeholder was still read (a source with such an error is still compared).
   */
  error?: { message: string; offset: number; recovered?: boolean }
  /** Positional arguments the caller passes for this text (`{1}` needs two). */
  arguments?: number
  /** Placeholders that quoting made literal text (apostrophes in Java MessageFormat and ICU). */
  quoted?: Placeholder[]
}

/** A source, a translation the rule flags, and one it accepts. */
type Triple = [source: string, fail: string, pass: string]

/** What the type rule is told besides the two placeholders. */
export interface TypeContext {
  /** Plural categories of the target locale (a plural may become plain text where there is one). */
  targetCategories: string[]
}

export interface SyntaxDef {
  syntax: PlaceholderSyntax
  label: string
  /** What the syntax reads and how it compares, for the rules reference (on its missing rule). */
  about?: string
  /**
   * First id of this syntax's block of ten rule ids: +0 syntax error, +1 missing, +2 extra,
   * +3 renamed, +4 type changed, +5 format changed; +6..+9 are the syntax's own rules.
   */
  ruleBase: number
  /** Examples for the rules reference: a source, a correct target, and one per kind of mistake. */
  example: { source: string; good: string; missing: string; extra: string; renamed: string; invalid?: Triple; type?: Triple; format?: Triple }
  /** Does this text use the syntax? Used when neither the unit nor the format says. */
  detect(text: string): boolean
  extract(text: string): Extracted
  /** The text can be invalid in this syntax (extract sets `error`): enables the +0 rule. */
  validates?: boolean
  /** Severity of a missing placeholder where that breaks nothing (str.format ignores unused arguments); default 2. */
  missingSeverity?: Severity
  /**
   * How bad it is that a placeholder's type changed (`%d` -> `%s`); undefined when the types
   * are compatible. Enables the +4 rule.
   */
  typeChange?(source: Placeholder, target: Placeholder, context: TypeContext): Severity | undefined
  /** What the format rule compares (`flags, width or precision`); enables the +5 rule. */
  formatName?: string
  /** Severity of a format change where it is not the rule's warning (a date style is the translator's choice). */
  formatSeverity?(source: Placeholder, target: Placeholder): Severity
}

/**
 * Dynamic languages (Python %, Ruby format): a string conversion shows any value, so a target
 * that turns a number into a string only changes the formatting (the format rule says so);
 * so do integer <-> float; a number conversion where the source took a string raises.
 */
export function dynamicTypeChange(source: Placeholder, target: Placeholder): Severity | undefined {
  if (source.type === undefined || target.type === undefined || source.type === target.type) return undefined
  const numeric = (t: string) => t === 'integer' || t === 'float'
  if (target.type === 'string' || (numeric(source.type) && numeric(target.type))) return undefined
  return 2
}
