// Placeholder missing, extra or renamed, one rule id per syntax and kind (see
// ../placeholders/ for how each syntax is read). Reordering passes: placeholders are
// compared by name, or by argument position for printf.
import type { PlaceholderSyntax } from '../model.js'
import { syntaxes, type Placeholder, type SyntaxDef } from '../placeholders/index.js'
import type { CheckHit, CheckInput, SegmentCheck } from './check.js'
import { coversOneNumber } from './plural-rules.js'

interface Comparison {
  missing: Placeholder[]
  extra: Placeholder[]
  renamed: Array<[from: Placeholder, to: Placeholder]>
}

/** Multiset difference by id; one missing and one extra placeholder make a rename. */
export function comparePlaceholders(source: Placeholder[], target: Placeholder[]): Comparison {
  const pool = new Map<string, number>()
  for (const p of target) pool.set(p.id, (pool.get(p.id) ?? 0) + 1)
  const missing: Placeholder[] = []
  for (const p of source) {
    const n = pool.get(p.id) ?? 0
    if (n > 0) pool.set(p.id, n - 1)
    else missing.push(p)
  }
  const extraPool = new Map<string, number>()
  for (const p of source) extraPool.set(p.id, (extraPool.get(p.id) ?? 0) + 1)
  const extra: Placeholder[] = []
  for (const p of target) {
    const n = extraPool.get(p.id) ?? 0
    if (n > 0) extraPool.set(p.id, n - 1)
    else extra.push(p)
  }
  const renamed: Array<[Placeholder, Placeholder]> = []
  if (missing.length === 1 && extra.length === 1) renamed.push([missing.pop()!, extra.pop()!])
  return { missing, extra, renamed }
}

// Compared once per segment and syntax, shared by the three rules of a syntax.
const memo = new WeakMap<CheckInput, Map<PlaceholderSyntax, Comparison | undefined>>()

function compare(def: SyntaxDef, input: CheckInput): Comparison | undefined {
  let bySyntax = memo.get(input)
  if (!bySyntax) memo.set(input, (bySyntax = new Map()))
  if (!bySyntax.has(def.syntax)) {
    const source = def.extract(input.source)
    const target = def.extract(input.target)
    // A source this syntax cannot read says nothing about the target (the syntax rules report it).
    bySyntax.set(def.syntax, source.error || target.error ? undefined : comparePlaceholders(source.placeholders, target.placeholders))
  }
  return bySyntax.get(def.syntax)
}

// In a plural form that covers one number only ("one" in German, not in Russian where it
// also covers 21), the count may be written as a word instead of the placeholder.
function mayDropCount(input: CheckInput): boolean {
  const plural = input.segment.unit.plural
  if (input.options.strictPlurals || !plural) return false
  return plural.startsWith('=') || coversOneNumber(input.locale, plural)
}

const span = (p: Placeholder) => ({ start: p.start, end: p.end })

function syntaxError(def: SyntaxDef): SegmentCheck | undefined {
  if (def.syntax !== 'icu') return undefined
  return {
    id: `${def.syntax}-syntax`,
    rule: def.ruleBase,
    severity: 2,
    family: 'placeholders',
    title: `${def.label} syntax error in the translation`,
    description: `The translation is not valid ${def.label} while the source is, so the app cannot format it.`,
    examples: { fail: ['{count, plural, other {# items}}', '{count, plural, other {# Artikel}'], pass: ['{count, plural, other {# items}}', '{count, plural, other {# Artikel}}'] },
    check(input) {
      if (!input.syntaxes.includes(def.syntax)) return []
      if (def.extract(input.source).error) return []
      const error = def.extract(input.target).error
      return error ? [{ d: `${def.label} syntax error: ${error.message}`, span: { start: error.offset, end: error.offset + 1 } }] : []
    },
  }
}

export function placeholderChecks(def: SyntaxDef): SegmentCheck[] {
  const applies = (input: CheckInput) => input.syntaxes.includes(def.syntax)
  const { source, good, missing, extra, renamed } = def.example
  const checks: SegmentCheck[] = [
    {
      id: `${def.syntax}-placeholder-missing`,
      rule: def.ruleBase + 1,
      severity: 2,
      family: 'placeholders',
      title: `${def.label} placeholder missing`,
      description: `A ${def.label} placeholder of the source is not in the translation, so the value will not be shown.`,
      examples: { fail: [source, missing], pass: [source, good] },
      check(input) {
        if (!applies(input)) return []
        const c = compare(def, input)
        if (!c || (c.missing.length > 0 && c.extra.length === 0 && mayDropCount(input) && c.missing.length === 1)) return []
        return c.missing.map((p): CheckHit => ({ d: `Placeholder ${p.text} is missing` }))
      },
    },
    {
      id: `${def.syntax}-placeholder-extra`,
      rule: def.ruleBase + 2,
      severity: 2,
      family: 'placeholders',
      title: `${def.label} placeholder not in the source`,
      description: `The translation has a ${def.label} placeholder that the source does not have; the app has no value for it.`,
      examples: { fail: [source, extra], pass: [source, good] },
      check(input) {
        if (!applies(input)) return []
        return (compare(def, input)?.extra ?? []).map((p) => ({ d: `Placeholder ${p.text} is not in the source`, span: span(p) }))
      },
    },
    {
      id: `${def.syntax}-placeholder-renamed`,
      rule: def.ruleBase + 3,
      severity: 2,
      family: 'placeholders',
      title: `${def.label} placeholder renamed`,
      description: `A ${def.label} placeholder was changed in the translation (often translated by mistake).`,
      examples: { fail: [source, renamed], pass: [source, good] },
      check(input) {
        if (!applies(input)) return []
        return (compare(def, input)?.renamed ?? []).map(([from, to]) => ({ d: `Placeholder ${from.text} became ${to.text}`, span: span(to) }))
      },
    },
  ]
  const error = syntaxError(def)
  return error ? [error, ...checks] : checks
}

export const placeholderRules: SegmentCheck[] = syntaxes.flatMap(placeholderChecks)
