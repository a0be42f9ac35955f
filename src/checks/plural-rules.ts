// CLDR plural facts from Intl.PluralRules, cached per locale and type.
export type PluralType = 'cardinal' | 'ordinal'

interface Facts {
  categories: string[]
  /** Integers of each category among 0..1000 and a few millions (French `many` is 1000000). */
  integers: Map<string, number[]>
}

const CANONICAL = ['zero', 'one', 'two', 'few', 'many', 'other']
const SAMPLES = [...Array.from({ length: 1001 }, (_, i) => i), 1_000_000, 2_000_000, 10_000_000]
const cache: Record<PluralType, Map<string, Facts>> = { cardinal: new Map(), ordinal: new Map() }

function rulesFor(locale: string, type: PluralType): Intl.PluralRules {
  try {
    return new Intl.PluralRules(locale, { type })
  } catch {
    return new Intl.PluralRules('en', { type })
  }
}

function facts(locale: string, type: PluralType): Facts {
  let f = cache[type].get(locale)
  if (!f) {
    const rules = rulesFor(locale, type)
    const integers = new Map<string, number[]>()
    for (const n of SAMPLES) {
      const c = rules.select(n)
      const list = integers.get(c) ?? []
      list.push(n)
      integers.set(c, list)
    }
    const categories = [...rules.resolvedOptions().pluralCategories].sort((a, b) => CANONICAL.indexOf(a) - CANONICAL.indexOf(b))
    f = { categories, integers }
    cache[type].set(locale, f)
  }
  return f
}

const known = new Map<string, boolean>()

/** Whether Intl knows the locale's language (otherwise it silently answers for another one). */
export function knowsLocale(locale: string): boolean {
  let answer = known.get(locale)
  if (answer === undefined) {
    try {
      answer = Intl.PluralRules.supportedLocalesOf(locale).length > 0
    } catch {
      answer = false
    }
    known.set(locale, answer)
  }
  return answer
}

/** True when the category holds exactly one integer in this locale (German `one`: 1; Russian `one`: 1, 21, 31...). */
export function coversOneNumber(locale: string, category: string, type: PluralType = 'cardinal'): boolean {
  return facts(locale, type).integers.get(category)?.length === 1
}

/** The plural categories a locale uses, in CLDR order (zero, one, two, few, many, other). */
export function pluralCategories(locale: string, type: PluralType = 'cardinal'): string[] {
  return facts(locale, type).categories
}

/** Integers of the category, smallest first (empty for a category of fractions only, such as Polish `other`). */
export function integersOf(locale: string, category: string, type: PluralType = 'cardinal'): readonly number[] {
  return facts(locale, type).integers.get(category) ?? []
}
