// Gettext's `Plural-Forms: nplurals=N; plural=EXPR;` and the CLDR categories of its forms.
// EXPR is a C expression of `n`; it is parsed here by a small recursive-descent reader
// (never eval) and evaluated over sample numbers, and each form index is named after the
// CLDR category (Intl.PluralRules of the file's language) that most of its numbers share.
import type { PluralCategory } from '../model.js'
import { PLURAL_CATEGORIES } from './plural.js'

type Expr = (n: number) => number

export class PluralExprError extends Error {}

const MAX_LENGTH = 2000
const MAX_DEPTH = 100

/** Parses a gettext plural expression into an evaluator; throws PluralExprError. */
export function compilePluralExpr(source: string): Expr {
  if (source.length > MAX_LENGTH) throw new PluralExprError(`the expression is longer than ${MAX_LENGTH} characters`)
  const tokens = source.match(/\s+|\d+|n|&&|\|\||==|!=|<=|>=|[-+*/%<>!?:()]|./g) ?? []
  const list = tokens.filter((t) => !/^\s+$/.test(t))
  let i = 0
  let depth = 0
  const peek = () => list[i]
  const take = (t: string) => {
    if (list[i] !== t) throw new PluralExprError(`expected '${t}' but found ${list[i] === undefined ? 'the end' : `'${list[i]}'`}`)
    i++
  }
  const binary = (next: () => Expr, ops: Record<string, (a: number, b: number) => number>) => (): Expr => {
    let left = next()
    while (peek() !== undefined && Object.hasOwn(ops, peek())) {
      const op = ops[list[i++]]
      const l = left
      const r = next()
      left = (n) => op(l(n), r(n))
    }
    return left
  }
  const div = (a: number, b: number) => {
    if (b === 0) throw new PluralExprError('division by zero')
    return Math.trunc(a / b)
  }
  const mod = (a: number, b: number) => {
    if (b === 0) throw new PluralExprError('division by zero')
    return a % b
  }
  const primary = (): Expr => {
    const t = list[i++]
    if (t === 'n') return (n) => n
    if (t !== undefined && /^\d+$/.test(t)) {
      const v = Number(t)
      return () => v
    }
    if (t === '(') {
      const e = ternary()
      take(')')
      return e
    }
    if (t === '!' || t === '-') {
      const e = nested(primary)
      return t === '!' ? (n) => Number(e(n) === 0) : (n) => -e(n)
    }
    throw new PluralExprError(t === undefined ? 'the expression ends too early' : `unexpected '${t}'`)
  }
  const mul = binary(primary, { '*': (a, b) => a * b, '/': div, '%': mod })
  const add = binary(mul, { '+': (a, b) => a + b, '-': (a, b) => a - b })
  const rel = binary(add, { '<': (a, b) => Number(a < b), '>': (a, b) => Number(a > b), '<=': (a, b) => Number(a <= b), '>=': (a, b) => Number(a >= b) })
  const eq = binary(rel, { '==': (a, b) => Number(a === b), '!=': (a, b) => Number(a !== b) })
  const and = binary(eq, { '&&': (a, b) => Number(a !== 0 && b !== 0) })
  const or = binary(and, { '||': (a, b) => Number(a !== 0 || b !== 0) })
  function nested(fn: () => Expr): Expr {
    if (++depth > MAX_DEPTH) throw new PluralExprError(`nested deeper than ${MAX_DEPTH} levels`)
    const e = fn()
    depth--
    return e
  }
  function ternary(): Expr {
    return nested(() => {
      const cond = or()
      if (peek() !== '?') return cond
      i++
      const yes = ternary()
      take(':')
      const no = ternary()
      return (n) => (cond(n) !== 0 ? yes(n) : no(n))
    })
  }
  const expr = ternary()
  if (i < list.length) throw new PluralExprError(`unexpected '${list[i]}'`)
  return expr
}

export interface PluralForms {
  nplurals: number
  expr: string
}

/** Reads the header field's value: `nplurals=3; plural=(n==1 ? 0 : ...);`. */
export function parsePluralForms(value: string): PluralForms | { error: string } {
  const nplurals = /\bnplurals\s*=\s*(\d+)/.exec(value)
  const plural = /\bplural\s*=\s*([^;]*)/.exec(value)
  if (!nplurals || !plural || plural[1].trim() === '') return { error: 'expected "nplurals=N; plural=EXPRESSION;"' }
  const n = Number(nplurals[1])
  if (n < 1 || n > 6) return { error: `nplurals=${n}: expected 1 to 6 forms (CLDR has at most six plural categories)` }
  return { nplurals: n, expr: plural[1].trim() }
}

/** Gettext's own default when a file has no Plural-Forms: the Germanic two forms. */
export const DEFAULT_PLURAL_FORMS: PluralForms = { nplurals: 2, expr: 'n != 1' }

export interface FormCategories {
  /** CLDR category of each form index. */
  categories: PluralCategory[]
  /** Forms used for n = 1 only: their source is msgid, the others' is msgid_plural. */
  singular: boolean[]
  /** The first whole numbers (up to three) that select each form; none: only fractions could. */
  examples: number[][]
  /** Where the expression and the language's CLDR rules disagree. */
  problems: string[]
}

// Integers up to 1099 cover every CLDR integer rule's cycle; the millions reach French,
// Spanish and Italian `many`.
const SAMPLES = [...Array.from({ length: 1100 }, (_, i) => i), 1_000_000, 1_000_001, 2_000_000, 10_000_000]

function pluralRules(locale: string): Intl.PluralRules {
  try {
    return new Intl.PluralRules(locale || 'en')
  } catch {
    return new Intl.PluralRules('en')
  }
}

const cache = new Map<string, FormCategories | PluralExprError>()

/**
 * Names each form index with a CLDR category of `locale`. Throws PluralExprError when the
 * expression cannot be read or evaluated.
 */
export function formCategories(forms: PluralForms, locale: string): FormCategories {
  const id = `${forms.nplurals}\u0000${forms.expr}\u0000${locale}`
  let result = cache.get(id)
  if (!result) {
    try {
      result = computeCategories(forms, locale)
    } catch (e) {
      if (!(e instanceof PluralExprError)) throw e
      result = e
    }
    if (cache.size > 200) cache.clear()
    cache.set(id, result)
  }
  if (result instanceof PluralExprError) throw result
  return result
}

function computeCategories(forms: PluralForms, locale: string): FormCategories {
  const expr = compilePluralExpr(forms.expr)
  const rules = pluralRules(locale)
  const counts = Array.from({ length: forms.nplurals }, () => new Map<PluralCategory, number>())
  const numbers = Array.from({ length: forms.nplurals }, () => [] as number[])
  const problems: string[] = []
  for (const n of SAMPLES) {
    const index = expr(n)
    if (!Number.isInteger(index) || index < 0 || index >= forms.nplurals) {
      throw new PluralExprError(`for n = ${n} it gives form ${index}, but nplurals=${forms.nplurals}`)
    }
    const category = rules.select(n) as PluralCategory
    counts[index].set(category, (counts[index].get(category) ?? 0) + 1)
    if (numbers[index].length < 3) numbers[index].push(n)
  }
  const categories = counts.map((c) => {
    let best: PluralCategory | undefined
    for (const category of PLURAL_CATEGORIES) if (c.has(category) && (best === undefined || c.get(category)! > c.get(best)!)) best = category
    return best
  })
  const available = rules.resolvedOptions().pluralCategories as PluralCategory[]
  const named = categories.map((c, i): PluralCategory => {
    if (c) return c
    problems.push(`form [${i}] is never used`)
    return available.find((a) => !categories.includes(a)) ?? 'other'
  })
  const language = locale || 'en'
  named.forEach((c, i) => {
    const first = named.indexOf(c)
    if (first < i) problems.push(`forms [${first}] and [${i}] both hold numbers of the CLDR category "${c}" in ${language}`)
  })
  return { categories: named, singular: numbers.map((ns) => ns.length === 1 && ns[0] === 1), examples: numbers, problems }
}
