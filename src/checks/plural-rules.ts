// CLDR plural facts from Intl.PluralRules, cached per locale.
const cache = new Map<string, Map<string, number>>()

/** How many of the integers 0..1000 fall in each plural category of the locale. */
function integerCounts(locale: string): Map<string, number> {
  let counts = cache.get(locale)
  if (!counts) {
    counts = new Map()
    let rules: Intl.PluralRules
    try {
      rules = new Intl.PluralRules(locale)
    } catch {
      rules = new Intl.PluralRules('en')
    }
    for (let n = 0; n <= 1000; n++) {
      const c = rules.select(n)
      counts.set(c, (counts.get(c) ?? 0) + 1)
    }
    cache.set(locale, counts)
  }
  return counts
}

/** True when the category holds exactly one integer in this locale (German `one`: 1; Russian `one`: 1, 21, 31...). */
export function coversOneNumber(locale: string, category: string): boolean {
  return integerCounts(locale).get(category) === 1
}

/** The plural categories a locale uses for cardinals. */
export function pluralCategories(locale: string): string[] {
  try {
    return new Intl.PluralRules(locale).resolvedOptions().pluralCategories
  } catch {
    return ['one', 'other']
  }
}
