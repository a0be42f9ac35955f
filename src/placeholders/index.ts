// The placeholder-syntax registry, and which syntaxes apply to a segment.
import type { PlaceholderSyntax, Unit } from '../model.js'
import { i18next } from './i18next.js'
import { icu } from './icu.js'
import { inlineCode } from './inline-code.js'
import { printf } from './printf.js'
import { ruby } from './ruby.js'
import type { SyntaxDef } from './syntax.js'

export type { Placeholder, SyntaxDef, Extracted } from './syntax.js'

export const syntaxes: readonly SyntaxDef[] = [icu, i18next, printf, ruby, inlineCode]

export function syntaxDef(id: PlaceholderSyntax): SyntaxDef | undefined {
  return syntaxes.find((s) => s.syntax === id)
}

// Syntaxes whose tokens contain another's: `{{x}}` and `%{x}` also read as ICU `{x}`.
const SHADOWS: Partial<Record<PlaceholderSyntax, PlaceholderSyntax[]>> = { i18next: ['icu'], ruby: ['icu'] }

/** Syntaxes detected in a text, without those a more specific detected syntax shadows. */
export function detectSyntaxes(text: string): PlaceholderSyntax[] {
  const found = syntaxes.filter((s) => s.detect(text)).map((s) => s.syntax)
  const shadowed = new Set(found.flatMap((s) => SHADOWS[s] ?? []))
  return found.filter((s) => !shadowed.has(s))
}

/**
 * The syntaxes the rules compare for a segment: the unit's, else the format's, else those
 * detected in the source or the target (so a placeholder added to plain text is caught).
 */
export function syntaxesFor(unit: Unit, formatSyntax: PlaceholderSyntax[] | undefined, source: string | undefined, target: string): PlaceholderSyntax[] {
  if (unit.syntax) return unit.syntax
  if (formatSyntax) return formatSyntax
  const detected = new Set(detectSyntaxes(source ?? ''))
  for (const s of detectSyntaxes(target)) if (s !== 'icu' || detected.size === 0) detected.add(s)
  const shadowed = new Set([...detected].flatMap((s) => SHADOWS[s] ?? []))
  return [...detected].filter((s) => !shadowed.has(s))
}
