// Seeded fuzzing of locale matching with hostile locale strings (a String Catalog or a path
// names its own locales): very long, `__proto__`, invalid BCP 47, what Intl refuses. Matching
// never throws, a locale covers itself and every spelling of itself, and the answers do not
// depend on what was asked before (the caches are bounded and cleared).
import { describe, expect, it } from '@jest/globals'
import { cldrNames } from '../../src/checks/universal-words.js'
import { forLocale, forSameLocale, isKnownLanguage, languageOf, localeCovers, localeFilter, normalizeLocale, sameLocale } from '../../src/paths.js'
import { hostileString } from './hostile.js'
import { BASE_SEED, caseCount, hashSeed, Rng } from './random.js'

const CASES = caseCount(2)

const SUBTAGS = ['en', 'de', 'pt', 'zh', 'sr', 'ber', 'und', 'i', 'x', 'Hant', 'Hans', 'Latn', 'Cyrl', 'BR', 'TW', 'rBR', '419', 'u', 'ca', 'gregory', 'x', 'private', '__proto__', 'constructor', 'toString', '', 'a'.repeat(9), '1234', 'valencia']

function hostileLocale(rng: Rng): string {
  switch (rng.int(5)) {
    case 0:
      return hostileString(rng)
    case 1:
      return rng.pick(['__proto__', 'constructor', 'hasOwnProperty', 'b+', 'b+sr+Latn', 'pt-rBR', 'zh_hant_tw', '-', '_', '', 'x-klingon', 'i-default', 'en-US-u-ca-gregory', 'de-DE-1996', 'root', 'Base', 'und'])
    case 2:
      return `${rng.pick(SUBTAGS)}-`.repeat(rng.between(1, 2_000)).slice(0, -1)
    default:
      return Array.from({ length: rng.between(1, 5) }, () => rng.pick(SUBTAGS)).join(rng.pick(['-', '_', '+', '-r', ' ']))
  }
}

interface Answers {
  normal: string
  language: string
  known: boolean
  covers: boolean[]
  same: boolean[]
}

function answers(locale: string, others: string[]): Answers {
  return {
    normal: normalizeLocale(locale),
    language: languageOf(locale),
    known: isKnownLanguage(locale),
    covers: others.map((o) => localeCovers(o, locale)),
    same: others.map((o) => sameLocale(o, locale)),
  }
}

describe('locale matching under fuzzing', () => {
  it(`answers for ${CASES} hostile locales, the same whatever was asked before (seed ${BASE_SEED})`, () => {
    const failures: Array<[string, string]> = []
    const first = new Map<string, Answers>()
    const cases = Array.from({ length: CASES }, (_, i) => {
      const rng = new Rng(hashSeed(BASE_SEED, 'locales', i))
      return { locale: hostileLocale(rng), others: Array.from({ length: 3 }, () => hostileLocale(rng)) }
    })
    for (const { locale, others } of cases) {
      try {
        const a = answers(locale, others)
        first.set(JSON.stringify([locale, others]), a)
        expect(localeCovers(locale, locale)).toBe(true)
        others.forEach((o, i) => {
          if (a.same[i]) expect([localeCovers(o, locale), localeCovers(locale, o)]).toEqual([true, true])
        })
        const entries = [...others.map((o, i) => [o, i] as const), [locale, -1] as const]
        expect(forLocale(entries, locale)).toBeDefined()
        expect(forSameLocale(entries, locale)).toBeDefined()
        expect(localeFilter(others)(locale)).toBe(a.covers.some(Boolean))
        expect(cldrNames(a.language)).toBeInstanceOf(Set)
      } catch (e) {
        failures.push([JSON.stringify([locale, others]).slice(0, 300), String(e).slice(0, 300)])
        if (failures.length >= 5) break
      }
    }
    expect(failures).toEqual([])
    // Asked again after thousands of others (the caches were cleared on the way): the same answers.
    for (const { locale, others } of cases.slice(0, 50)) expect(answers(locale, others)).toEqual(first.get(JSON.stringify([locale, others])))
  })
})
