// Format-string rules generated per placeholder syntax (see ../placeholders/ for how each
// syntax is read): syntax error, missing, extra, renamed, type changed, format changed, each
// with its own rule number in the syntax's block. Placeholders are compared as sets by id
// (a name, or an argument position), so reordering and repeating a placeholder pass.
import type { Severity } from '../model.js'
import { syntaxes, type Extracted, type Placeholder, type SyntaxDef } from '../placeholders/index.js'
import type { CheckHit, CheckInput, SegmentCheck } from './check.js'
import { coversOneNumber, pluralCategories } from './plural-rules.js'

interface Change {
  source: Placeholder
  target: Placeholder
  severity: Severity
}

interface Comparison {
  /** Positional arguments the caller passes, as the source says. */
  sourceArguments?: number
  missing: Placeholder[]
  extra: Placeholder[]
  renamed: Array<[from: Placeholder, to: Placeholder]>
  typeChanged: Change[]
  formatChanged: Change[]
}

function byId(placeholders: Placeholder[]): Map<string, Placeholder[]> {
  const out = new Map<string, Placeholder[]>()
  for (const p of placeholders) {
    const uses = out.get(p.id)
    if (uses) uses.push(p)
    else out.set(p.id, [p])
  }
  return out
}

/** Compares what a syntax read in the source and the target; one missing and one extra placeholder make a rename. */
function comparePlaceholders(def: SyntaxDef, source: Extracted, target: Extracted, targetCategories: string[]): Comparison {
  const sourceIds = byId(source.placeholders)
  const targetIds = byId(target.placeholders)
  const missing = [...sourceIds.values()].map((uses) => uses[0]).filter((p) => !targetIds.has(p.id))
  // A positional argument the caller passes anyway may be shown even if the source does not.
  const passed = (p: Placeholder) => p.position !== undefined && source.arguments !== undefined && p.position < source.arguments
  const extra = [...targetIds.values()].map((uses) => uses[0]).filter((p) => !sourceIds.has(p.id) && !passed(p))
  const renamed: Comparison['renamed'] = []
  if (missing.length === 1 && extra.length === 1) renamed.push([missing.pop()!, extra.pop()!])
  const typeChanged: Change[] = []
  const formatChanged: Change[] = []
  const typeSeverity = (s: Placeholder, t: Placeholder) => (def.typeChange && s.type !== undefined && t.type !== undefined ? def.typeChange(s, t, { targetCategories }) : undefined)
  const sameFormat = (s: Placeholder, t: Placeholder) => !def.formatName || s.format === undefined || t.format === undefined || s.format === t.format
  for (const t of target.placeholders) {
    // An argument the source uses twice (`%1$+5d ... %1$d`) may be written either way.
    const uses = sourceIds.get(t.id) ?? []
    if (uses.length === 0 || uses.some((s) => typeSeverity(s, t) === undefined && sameFormat(s, t))) continue
    const compatible = uses.find((s) => typeSeverity(s, t) === undefined)
    if (compatible) formatChanged.push({ source: compatible, target: t, severity: def.formatSeverity?.(compatible, t) ?? 1 })
    else typeChanged.push({ source: uses[0], target: t, severity: typeSeverity(uses[0], t)! })
  }
  return { sourceArguments: source.arguments, missing, extra, renamed, typeChanged, formatChanged }
}

interface Read {
  source: Extracted
  target: Extracted
  comparison?: Comparison
}

// Read and compared once per segment and syntax, shared by the rules of a syntax.
const memo = new WeakMap<CheckInput, Map<string, Read>>()

function read(def: SyntaxDef, input: CheckInput): Read {
  let bySyntax = memo.get(input)
  if (!bySyntax) memo.set(input, (bySyntax = new Map()))
  let result = bySyntax.get(def.syntax)
  if (!result) {
    const source = def.extract(input.source)
    const target = def.extract(input.target)
    // A source this syntax cannot read says nothing about the target (one it read in full
    // still does); an invalid target is reported once, by the syntax rule, not as every
    // placeholder the error hides.
    const unreadable = source.error && !source.error.recovered
    const targetBroken = target.error && !(source.error && target.error.recovered)
    const comparison = unreadable || targetBroken ? undefined : comparePlaceholders(def, source, target, pluralCategories(input.locale))
    result = { source, target, comparison }
    bySyntax.set(def.syntax, result)
  }
  return result
}

// Where the count may be written as a word: a plural form for one number only ("one" in
// German, not in Russian where it also covers 21), an explicit `=0`, or a `zero` form in a
// language without that category (i18next and counterpart pick it for 0 alone; Latvian's
// own zero also covers 10 and 11, so there the count must stay).
function mayDropCount(input: CheckInput, dropped: Placeholder): boolean {
  const plural = input.segment.unit.plural
  if (input.options.strictPlurals || !plural) return false
  // A placeholder named count is the count whatever its conversion (Python's %(count)s).
  if (dropped.type !== undefined && NOT_A_COUNT.has(dropped.type) && dropped.id !== 'count') return false
  if (plural === 'zero' && !pluralCategories(input.locale).includes('zero')) return true
  return plural.startsWith('=') || coversOneNumber(input.locale, plural)
}

// The other way round: a plural form whose source writes the number as a word ("1 hour",
// "one other space") may show the count, which the caller always passes under its name:
// Russian `one` also covers 21, so it must.
function mayAddCount(input: CheckInput, added: Placeholder): boolean {
  return !input.options.strictPlurals && input.segment.unit.plural !== undefined && added.id === 'count'
}

const NOT_A_COUNT = new Set(['string', 'wide string', 'object', 'character', 'wide character', 'pointer', 'boolean', 'date/time', 'date', 'time', 'select'])

const span = (p: Placeholder) => ({ start: p.start, end: p.end })

function missingMessage(p: Placeholder, target: Extracted): string {
  if (target.quoted?.some((q) => q.id === p.id)) {
    return `Placeholder ${p.text} is inside quoted text, so it is shown as is: an apostrophe before it starts a quote (write '' for an apostrophe)`
  }
  return `Placeholder ${p.text} is missing`
}

function placeholderChecks(def: SyntaxDef): SegmentCheck[] {
  const { source, good, missing, extra, renamed, invalid, type, format } = def.example
  const comparison = (input: CheckInput) => (input.syntaxes.includes(def.syntax) ? read(def, input).comparison : undefined)
  const base = { family: 'placeholders' as const, syntax: def.syntax }
  const checks: SegmentCheck[] = []
  if (def.validates && invalid) {
    checks.push({
      ...base,
      id: `${def.syntax}-syntax`,
      rule: def.ruleBase,
      severity: 2,
      title: `${def.label} syntax error in the translation`,
      description: `The translation is not valid ${def.label} while the source is, so formatting it fails or shows it wrongly. Errors in the source are not reported on the translation.`,
      examples: { fail: [invalid[0], invalid[1]], pass: [invalid[0], invalid[2]] },
      check(input) {
        if (!input.syntaxes.includes(def.syntax)) return []
        const { source: s, target: t } = read(def, input)
        if (s.error || !t.error) return []
        return [{ d: `${def.label} syntax error: ${t.error.message}`, span: { start: t.error.offset, end: t.error.offset + 1 } }]
      },
    })
  }
  checks.push(
    {
      ...base,
      id: `${def.syntax}-placeholder-missing`,
      rule: def.ruleBase + 1,
      severity: def.missingSeverity ?? 2,
      title: `${def.label} placeholder missing`,
      description:
        `A ${def.label} placeholder of the source is not in the translation, so its value is not shown.` +
        (def.missingSeverity === 1 ? ' A warning: the formatting still works, as unused arguments are ignored.' : '') +
        ' In a plural form that covers one number only, the count may be left out (unless `strict-plurals`).' +
        (def.about ? ` ${def.about}` : ''),
      examples: { fail: [source, missing], pass: [source, good] },
      check(input) {
        const c = comparison(input)
        if (!c) return []
        if (c.missing.length === 1 && c.extra.length === 0 && mayDropCount(input, c.missing[0])) return []
        const target = read(def, input).target
        return c.missing.map((p): CheckHit => ({ d: missingMessage(p, target) }))
      },
    },
    {
      ...base,
      id: `${def.syntax}-placeholder-extra`,
      rule: def.ruleBase + 2,
      severity: 2,
      title: `${def.label} placeholder not in the source`,
      description: `The translation has a ${def.label} placeholder that the source does not have; the app passes no value for it.`,
      examples: { fail: [source, extra], pass: [source, good] },
      check(input) {
        const c = comparison(input)
        if (!c || c.extra.length === 0) return []
        // A positional one refers to an argument the caller does not pass: say how many it does.
        const passed = (p: Placeholder) => (p.position !== undefined && c.sourceArguments !== undefined ? `: the source has ${c.sourceArguments} argument${c.sourceArguments === 1 ? '' : 's'}` : '')
        return c.extra.filter((p) => !mayAddCount(input, p)).map((p) => ({ d: `Placeholder ${p.text} is not in the source${passed(p)}`, span: span(p) }))
      },
    },
    {
      ...base,
      id: `${def.syntax}-placeholder-renamed`,
      rule: def.ruleBase + 3,
      severity: 2,
      title: `${def.label} placeholder renamed`,
      description: `A ${def.label} placeholder was changed in the translation (often translated by mistake), so the app passes no value for the new one.`,
      examples: { fail: [source, renamed], pass: [source, good] },
      check: (input) => (comparison(input)?.renamed ?? []).map(([from, to]) => ({ d: `Placeholder ${from.text} became ${to.text}`, span: span(to) })),
    },
  )
  if (def.typeChange && type) {
    checks.push({
      ...base,
      id: `${def.syntax}-type-changed`,
      rule: def.ruleBase + 4,
      severity: 2,
      title: `${def.label} placeholder type changed`,
      description: `A ${def.label} placeholder formats its argument as another type in the translation (\`${type[0]}\` -> \`${type[1]}\`), which fails or shows garbage at run time; milder changes are warnings.`,
      examples: { fail: [type[0], type[1]], pass: [type[0], type[2]] },
      check: (input) =>
        (comparison(input)?.typeChanged ?? []).map((c) => ({ d: `Placeholder ${c.source.text} became ${c.target.text}: ${c.source.type} in the source, ${c.target.type} in the translation`, span: span(c.target), s: c.severity })),
    })
  }
  if (def.formatName && format) {
    checks.push({
      ...base,
      id: `${def.syntax}-formatting-changed`,
      rule: def.ruleBase + 5,
      severity: 1,
      title: `${def.label} placeholder formatting changed`,
      description: `A ${def.label} placeholder keeps its argument but changes its ${def.formatName}, so the value is shown differently.`,
      examples: { fail: [format[0], format[1]], pass: [format[0], format[2]] },
      check: (input) =>
        (comparison(input)?.formatChanged ?? []).map((c) => ({ d: `Placeholder ${c.source.text} became ${c.target.text}: its ${def.formatName} changed`, span: span(c.target), s: c.severity })),
    })
  }
  return checks
}

export const placeholderRules: SegmentCheck[] = syntaxes.flatMap(placeholderChecks)
