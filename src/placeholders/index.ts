// The placeholder-syntax registry, and which syntaxes apply to a segment.
import type { PlaceholderSyntax, Unit } from '../model.js'
import { angular } from './angular.js'
import { chrome } from './chrome.js'
import { dotnet } from './dotnet.js'
import { esTemplate } from './es-template.js'
import { i18next } from './i18next.js'
import { icu } from './icu.js'
import { inlineCode } from './inline-code.js'
import { javaMessageFormat } from './java-messageformat.js'
import { printf } from './printf.js'
import { pythonBrace } from './python-brace.js'
import { pythonFormat } from './python-format.js'
import { qt } from './qt.js'
import { ruby } from './ruby.js'
import type { SyntaxDef } from './syntax.js'
import { TextMemo } from './text-memo.js'
import { vue } from './vue.js'

export type { Placeholder, SyntaxDef, Extracted, TypeContext } from './syntax.js'

export const syntaxes: readonly SyntaxDef[] = [icu, i18next, printf, ruby, pythonFormat, pythonBrace, javaMessageFormat, dotnet, qt, esTemplate, vue, angular, chrome, inlineCode]

export function syntaxDef(id: PlaceholderSyntax): SyntaxDef | undefined {
  return syntaxes.find((s) => s.syntax === id)
}

/**
 * Look-alikes: a syntax whose tokens contain another's (`{{x}}`, `%{x}` and `${x}` also read
 * as ICU `{x}`; `%(x)s` as printf `%s`). When both are inferred, the more specific one is
 * compared alone, so one defect is reported once. Where look-alikes read a text the same
 * way (`{0}` in ICU, .NET, Python and Java), they also compare it the same way.
 */
const SHADOWS: Partial<Record<PlaceholderSyntax, PlaceholderSyntax[]>> = {
  i18next: ['icu'],
  ruby: ['icu'],
  'python-format': ['printf'],
  'python-brace': ['icu', 'dotnet'],
  'java-messageformat': ['icu'],
  dotnet: ['icu'],
  'es-template': ['icu'],
  vue: ['icu', 'ruby'],
  angular: ['icu', 'i18next'],
}

function withoutShadowed(found: PlaceholderSyntax[]): PlaceholderSyntax[] {
  const shadowed = new Set(found.flatMap((s) => SHADOWS[s] ?? []))
  return found.filter((s) => !shadowed.has(s))
}

const detected = new TextMemo<readonly PlaceholderSyntax[]>()

/** Syntaxes detected in a text, without those a more specific detected syntax shadows. */
function detectSyntaxes(text: string): readonly PlaceholderSyntax[] {
  return detected.get(text, () => withoutShadowed(syntaxes.filter((s) => s.detect(text)).map((s) => s.syntax)))
}

/**
 * The target without the percentages it writes sign first where the source writes them
 * number first (Turkish `%75` for `75%`): they are numbers, not a syntax the target adds.
 */
function withoutPercentages(target: string, source: string): string {
  if (!target.includes('%')) return target
  return target.replace(/%(\d+)(?!\d)/g, (whole, n: string) => (new RegExp(`(?<!\\d)${n}\\s?%`).test(source) ? ' '.repeat(whole.length) : whole))
}

/**
 * The syntaxes the rules compare for a segment: the unit's, else the format's, else those
 * detected in the source, plus those only the target has (so a placeholder added to plain
 * text is caught), except a look-alike the source's syntax shadows and ICU braces next to
 * another syntax (prose braces are common; a source syntax already covers the string). A
 * more specific look-alike found in the target replaces the source's (`{}` is Python's).
 */
export function syntaxesFor(unit: Unit, formatSyntax: PlaceholderSyntax[] | undefined, source: string | undefined, target: string): PlaceholderSyntax[] {
  // Look-alikes named together (gettext `c-format` and `python-format` on one entry) are read once too.
  if (unit.syntax) return withoutShadowed(unit.syntax)
  if (formatSyntax) return withoutShadowed(formatSyntax)
  const fromSource = detectSyntaxes(source ?? '')
  const found = [...fromSource]
  for (const s of detectSyntaxes(withoutPercentages(target, source ?? ''))) {
    if (found.includes(s) || fromSource.some((f) => SHADOWS[f]?.includes(s)) || (s === 'icu' && fromSource.length > 0)) continue
    found.push(s)
  }
  return withoutShadowed(found)
}
