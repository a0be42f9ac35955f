// What one placeholder syntax provides to the format-string rules.
import type { PlaceholderSyntax } from '../model.js'

export interface Placeholder {
  /** As written in the text: `{count}`, `%1$s`, `{{name}}`. */
  text: string
  /** Identity compared between source and target: the name, or the argument position for printf. */
  id: string
  start: number
  end: number
}

export interface Extracted {
  placeholders: Placeholder[]
  /** The text is not valid in this syntax (ICU syntax errors); offset into the text. */
  error?: { message: string; offset: number }
}

export interface SyntaxDef {
  syntax: PlaceholderSyntax
  label: string
  /** First id of this syntax's block of rule ids: +0 syntax error, +1 missing, +2 extra, +3 renamed. */
  ruleBase: number
  /** Examples for the rules reference: a source, a correct target, and one per kind of mistake. */
  example: { source: string; good: string; missing: string; extra: string; renamed: string }
  /** Does this text use the syntax? Used when neither the unit nor the format says. */
  detect(text: string): boolean
  extract(text: string): Extracted
}
