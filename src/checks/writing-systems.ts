// What the rules need to know about how a locale is written: its script, its direction,
// and how it writes numbers. Derived from ICU (Intl) where it knows, cached per locale.
import { isKnownLanguage, languageOf, normalizeLocale } from '../paths.js'

const cache = new Map<string, LocaleWriting>()

export interface LocaleWriting {
  /** BCP 47 form (paths.ts normalizeLocale) and its language. */
  locale: string
  language: string
  /** ICU knows the language (not `und` or a made-up code). */
  known: boolean
  /** ISO 15924 code from CLDR's likely subtags: Latn, Cyrl, Jpan, Hans, Arab... */
  script?: string
  rtl: boolean
  /** Number separators: group (thousands) and decimal. */
  group: string
  decimal: string
}

const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr'])

export function writingOf(locale: string): LocaleWriting {
  let w = cache.get(locale)
  if (w) return w
  let script: string | undefined
  try {
    script = new Intl.Locale(locale).maximize().script
  } catch {
    script = undefined
  }
  let group = ','
  let decimal = '.'
  try {
    for (const part of new Intl.NumberFormat(locale).formatToParts(1234567.5)) {
      if (part.type === 'group') group = part.value
      if (part.type === 'decimal') decimal = part.value
    }
  } catch {
    // An unknown locale keeps the root locale's separators.
  }
  const language = languageOf(locale)
  w = { locale: normalizeLocale(locale), language, known: language !== 'und' && isKnownLanguage(locale), script, rtl: script !== undefined && RTL_SCRIPTS.has(script), group, decimal }
  cache.set(locale, w)
  return w
}

// Writing systems ISO 15924 names that Unicode has no Script property for: mixes of
// scripts, and variants written with the letters of another (Fraktur is Latin).
const SCRIPT_MIX: Record<string, string[]> = {
  Jpan: ['Hira', 'Kana', 'Hani'], Kore: ['Hang', 'Hani'], Hans: ['Hani'], Hant: ['Hani'], Hrkt: ['Hira', 'Kana'], Hanb: ['Hani', 'Bopo'],
  Aran: ['Arab'], Latf: ['Latn'], Latg: ['Latn'], Cyrs: ['Cyrl'], Geok: ['Geor'], Syre: ['Syrc'], Syrj: ['Syrc'], Syrn: ['Syrc'],
}

const letterRegexes = new Map<string, RegExp>()
const otherLetterRegexes = new Map<string, RegExp>()

function scriptClass(script: string, cache: Map<string, RegExp>, negated: boolean): RegExp | undefined {
  let re = cache.get(script)
  if (!re) {
    const scripts = (SCRIPT_MIX[script] ?? [script]).map((s) => `\\p{Script=${s}}`).join('')
    try {
      re = new RegExp(negated ? `[^\\P{L}${scripts}]` : `[${scripts}]`, 'gu')
    } catch {
      return undefined
    }
    cache.set(script, re)
  }
  return re
}

/** A global regex matching the letters of an ISO 15924 script (or a CLDR mix such as Jpan). */
export function scriptLetters(script: string): RegExp | undefined {
  return scriptClass(script, letterRegexes, false)
}

/** A global regex matching the letters (\p{L}) outside a script (or a CLDR mix). */
export function otherLetters(script: string): RegExp | undefined {
  return scriptClass(script, otherLetterRegexes, true)
}

export const SCRIPT_NAMES: Record<string, string> = {
  Latn: 'Latin', Cyrl: 'Cyrillic', Grek: 'Greek', Arab: 'Arabic', Hebr: 'Hebrew', Hani: 'Chinese characters', Hira: 'Hiragana', Kana: 'Katakana',
  Hang: 'Hangul', Deva: 'Devanagari', Beng: 'Bengali', Guru: 'Gurmukhi', Gujr: 'Gujarati', Orya: 'Odia', Taml: 'Tamil', Telu: 'Telugu',
  Knda: 'Kannada', Mlym: 'Malayalam', Sinh: 'Sinhala', Thai: 'Thai', Laoo: 'Lao', Khmr: 'Khmer', Mymr: 'Myanmar', Geor: 'Georgian',
  Armn: 'Armenian', Ethi: 'Ethiopic', Thaa: 'Thaana', Tibt: 'Tibetan', Jpan: 'Japanese script', Kore: 'Korean script', Hans: 'Chinese characters', Hant: 'Chinese characters',
  Hrkt: 'Japanese kana', Hanb: 'Chinese characters with Bopomofo', Aran: 'Arabic', Latf: 'Latin', Latg: 'Latin', Cyrs: 'Cyrillic', Geok: 'Georgian', Syre: 'Syriac', Syrj: 'Syriac', Syrn: 'Syriac',
}

const countable = Object.keys(SCRIPT_NAMES).filter((s) => !SCRIPT_MIX[s])

/** How often a global regex matches (counting stops at `upTo`), without building the array of matches. */
export function countMatches(text: string, re: RegExp, upTo = Infinity): number {
  let n = 0
  re.lastIndex = 0
  while (n < upTo && re.exec(text)) n++
  return n
}

/** How many letters of each script the text has (scripts of SCRIPT_NAMES only). */
export function scriptCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const script of countable) {
    const n = countMatches(text, scriptLetters(script)!)
    if (n > 0) counts.set(script, n)
  }
  return counts
}

let digitValues: Map<string, string> | undefined

/** Decimal digits of every numbering system ICU knows (Arabic-Indic, Devanagari...), mapped to 0-9. */
export function asciiDigits(text: string): string {
  if (/^[\x00-\x7f]*$/.test(text)) return text
  if (!digitValues) {
    digitValues = new Map()
    for (const system of Intl.supportedValuesOf('numberingSystem')) {
      let digits: string[]
      try {
        digits = [...new Intl.NumberFormat('en', { numberingSystem: system, useGrouping: false }).format(1234567890)]
      } catch {
        continue
      }
      if (digits.length !== 10) continue
      digits.forEach((d, i) => digitValues!.has(d) || digitValues!.set(d, String((i + 1) % 10)))
    }
  }
  return text.replace(/\p{Nd}/gu, (d) => digitValues!.get(d) ?? d)
}
