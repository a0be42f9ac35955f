// File patterns with `{locale}`: which files are translations of which, and in which locale.
//
//   {locale}                 a locale code: de, pt-BR, pt_BR, zh-Hans, pt-rBR, b+sr+Latn
//   {-locale} {_locale} {.locale}
//                            the separator and a locale, or nothing: the file without a locale
//                            is the source (res/values{-locale}/strings.xml,
//                            messages{_locale}.properties, Resources{.locale}.resx)
//   *  ?                     any characters but '/', one character
//   **/                      any number of directories
//
// Files that match one pattern and agree on everything but the locale form a bundle: one
// source file and its translations. A pattern may omit the locale placeholder only for
// files that hold every locale themselves (`**/Localizable.xcstrings`).
//
// A `*` right before the locale is ambiguous (`messages_pt_BR`: `messages` + `pt_BR`, or
// `messages_pt` + `BR`?): the locale is the longest suffix whose language ICU knows, so
// `my_app.properties` is a source file and `my_app_de.properties` its German translation.

export interface CompiledPattern {
  pattern: string
  regex: RegExp
  /** Index of the locale among the regex's capture groups; -1 when the pattern has none. */
  localeGroup: number
  /** The files name no locale in their path: each holds its own locales (xcstrings). */
  hasLocale: boolean
  /** A `*` right before the locale: its group, the text between them, and whether the locale may be absent. */
  starBefore?: { group: number; between: string; optional: boolean }
}

export interface PathMatch {
  /** The locale as written in the path ('' for the locale-less source of `{-locale}` patterns, `Base` for Apple's base localization). */
  rawLocale: string
  /** BCP 47 form used for comparisons ('' when the path has none). */
  locale: string
  /** Identifies the bundle: the pattern plus everything the wildcards matched. */
  bundle: string
}

// Language (2-3 letters), then script/region/variant subtags; Android's `rBR` region and
// `b+sr+Latn` form are accepted and normalised.
const LOCALE_RE = String.raw`[A-Za-z]{2,3}(?:[-_](?:[A-Za-z]{4}|[A-Za-z]{2}|r[A-Z]{2}|\d{3}|[A-Za-z0-9]{5,8}))*|b\+[a-z]{2,3}(?:\+[A-Za-z0-9]{2,8})*`

const WHOLE_LOCALE = new RegExp(`^(?:${LOCALE_RE})$`)

/**
 * Xcode's base localization (`Base.lproj`): the development language's files, named by no
 * locale. It matches `{locale}` right before `.lproj` and reads as locale-less ('').
 */
export const APPLE_BASE = 'Base'

function escapeRegex(s: string): string {
  return s.replace(/[.+^$()|[\]\\{}]/g, '\\$&')
}

export class PatternError extends Error {}

/** `localeless`: the pattern may name no locale, for files that hold every locale themselves. */
export function compilePattern(pattern: string, options: { localeless?: boolean } = {}): CompiledPattern {
  const p = pattern.trim().replace(/^\.\//, '')
  if (!p) throw new PatternError('an empty pattern')
  let re = ''
  let sawLocale = false
  let groups = 0
  let localeGroup = -1
  let starBefore: CompiledPattern['starBefore']
  // The last `*` and the literal text after it, while nothing else has followed.
  let star: { group: number; at: number; between: string } | undefined
  const starLocale = (optional: string) => {
    if (!star || sawLocale || star.between + optional === '') return
    // Lazy, so the locale gets every subtag; matchPath then trims unknown languages.
    re = `${re.slice(0, star.at)}([^/]*?)${re.slice(star.at + '([^/]*)'.length)}`
    starBefore = { group: star.group, between: star.between + optional, optional: optional !== '' }
  }
  for (let i = 0; i < p.length; ) {
    const rest = p.slice(i)
    const optional = /^\{([-_.])locale\}/.exec(rest)
    if (rest.startsWith('{locale}')) {
      if (sawLocale) re += String.raw`\k<locale>`
      else {
        starLocale('')
        const base = rest.startsWith('{locale}.lproj') ? `${APPLE_BASE}|` : ''
        re += `(?<locale>${base}${LOCALE_RE})`
        localeGroup = groups++
      }
      sawLocale = true
      star = undefined
      i += '{locale}'.length
    } else if (optional) {
      if (sawLocale) throw new PatternError(`'${pattern}': an optional {${optional[1]}locale} must be the only locale placeholder`)
      starLocale(optional[1])
      re += `(?:${escapeRegex(optional[1])}(?<locale>${LOCALE_RE}))?`
      localeGroup = groups++
      sawLocale = true
      star = undefined
      i += optional[0].length
    } else if (rest.startsWith('**/')) {
      re += '((?:[^/]+/)*)'
      groups++
      star = undefined
      i += 3
    } else if (rest.startsWith('**')) {
      re += '(.*)'
      groups++
      star = undefined
      i += 2
    } else if (rest[0] === '*') {
      star = { group: groups, at: re.length, between: '' }
      re += '([^/]*)'
      groups++
      i += 1
    } else if (rest[0] === '?') {
      re += '([^/])'
      groups++
      star = undefined
      i += 1
    } else {
      re += escapeRegex(rest[0])
      if (star && rest[0] !== '/') star.between += rest[0]
      else star = undefined
      i += 1
    }
  }
  if (!sawLocale && !options.localeless) throw new PatternError(`'${pattern}' has no {locale} placeholder`)
  return { pattern: p, regex: new RegExp(`^${re}$`), localeGroup, hasLocale: sawLocale, ...(starBefore && { starBefore }) }
}

/**
 * For a `*` right before the locale: moves leading subtags the regex gave the locale into
 * the star while the language is unknown (`app_de` -> `app_` + `de`). An optional locale
 * with no known language is no locale at all (`my_app.properties`).
 */
function trimLocale(compiled: CompiledPattern, groups: string[]): void {
  const s = compiled.starBefore
  const locale = groups[compiled.localeGroup]
  if (!s || !locale || isKnownLanguage(locale)) return
  for (let at = locale.indexOf(s.between, 1); at > 0; at = locale.indexOf(s.between, at + 1)) {
    const rest = locale.slice(at + s.between.length)
    if (WHOLE_LOCALE.test(rest) && isKnownLanguage(rest)) {
      groups[s.group] += s.between + locale.slice(0, at)
      groups[compiled.localeGroup] = rest
      return
    }
  }
  if (s.optional) {
    groups[s.group] += s.between + locale
    groups[compiled.localeGroup] = ''
  }
}

// Android resource qualifiers that may follow a locale (`values-de-land`, `values-en-rGB-sw600dp`):
// such a directory overrides strings for a device configuration, it is not another locale.
const ANDROID_QUALIFIER = /^(?:land|port|night|notnight|ldrtl|ldltr|car|desk|television|appliance|watch|vrheadset|round|notround|small|normal|large|xlarge|long|notlong|[a-z]*dpi|finger|notouch|keysexposed|keyshidden|keyssoft|nokeys|qwerty|navexposed|navhidden|nonav|dpad|trackball|wheel|highdr|lowdr|widecg|nowidecg|v\d+|(?:sw|w|h)\d+dp|mcc\d+|mnc\d+)$/i

export function matchPath(compiled: CompiledPattern, path: string): PathMatch | undefined {
  const m = compiled.regex.exec(path)
  if (!m) return undefined
  const groups = m.slice(1).map((g) => g ?? '')
  trimLocale(compiled, groups)
  const rawLocale = compiled.hasLocale ? groups[compiled.localeGroup] : ''
  if (rawLocale.split(/[-_+]/).some((subtag) => ANDROID_QUALIFIER.test(subtag))) return undefined
  return {
    rawLocale,
    locale: rawLocale && rawLocale !== APPLE_BASE ? normalizeLocale(rawLocale) : '',
    bundle: [compiled.pattern, ...groups.filter((_, i) => i !== compiled.localeGroup)].join('\u0000'),
  }
}

/** BCP 47 form of the locale spellings found in paths: pt_BR, pt-rBR, b+sr+Latn, zh-hans. */
export function normalizeLocale(raw: string): string {
  let s = raw
  if (s.startsWith('b+')) s = s.slice(2).replace(/\+/g, '-')
  s = s.replace(/_/g, '-').replace(/-r([A-Z]{2})(?=-|$)/, '-$1')
  try {
    return Intl.getCanonicalLocales(s)[0] ?? s
  } catch {
    return s
  }
}

/** The language part of a locale: `pt` for `pt-BR`. */
export function languageOf(locale: string): string {
  return normalizeLocale(locale).split('-')[0].toLowerCase()
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' })

/** True when ICU knows the locale's language: used by auto-detection to tell `de/` from `ci/`. */
export function isKnownLanguage(locale: string): boolean {
  try {
    return languageNames.of(languageOf(locale)) !== undefined
  } catch {
    return false
  }
}

const subtagCache = new Map<string, string[]>()

/** A locale's subtags for comparisons: normalised (`pt_br`, `pt-rBR`), lower case. */
function subtags(locale: string): string[] {
  let tags = subtagCache.get(locale)
  if (!tags) {
    // Locales come from files too (a String Catalog names its own): a hostile one cannot grow this without bound.
    if (subtagCache.size > 1000) subtagCache.clear()
    subtagCache.set(locale, (tags = normalizeLocale(locale).toLowerCase().split('-')))
  }
  return tags
}

const scriptCache = new Map<string, string[]>()

/**
 * A locale's subtags with its likely script where it names none (CLDR likely subtags):
 * `zh-TW` is `zh-hant-tw`, `zh-CN` is `zh-hans-cn`, so a setting for `zh-Hant` covers the
 * files Chinese apps name by region.
 */
function withScript(locale: string): string[] {
  let tags = scriptCache.get(locale)
  if (!tags) {
    if (scriptCache.size > 1000) scriptCache.clear()
    tags = subtags(locale)
    if (!/^[a-z]{4}$/.test(tags[1] ?? '')) {
      let script: string | undefined
      try {
        script = new Intl.Locale(tags.join('-')).maximize().script
      } catch {
        // Not a locale ICU reads: compared as written.
      }
      if (script) tags = [tags[0], script.toLowerCase(), ...tags.slice(1)]
    }
    scriptCache.set(locale, tags)
  }
  return tags
}

/** The same locale however it is spelled: `pt_BR`, `pt-br`, `pt-rBR` are `pt-BR`. */
export function sameLocale(a: string, b: string): boolean {
  return subtags(a).join('-') === subtags(b).join('-')
}

/**
 * Whether a configured locale covers a locale: the same one, or a less specific one whose
 * subtags the locale, with its likely script, has in order after the same language (`pt`
 * covers `pt-BR`, `zh-Hant` and `zh-TW` cover `zh-Hant-TW`, `zh-Hant` covers `zh-TW`); in
 * any case, with `_` or `-`. How every per-locale setting (rule severities, thresholds,
 * terms, custom rules, Custom.MT opt-ins) is matched.
 */
export function localeCovers(configured: string, locale: string): boolean {
  const want = subtags(configured)
  const have = withScript(locale)
  if (want[0] !== have[0]) return false
  let at = 1
  for (const tag of want.slice(1)) {
    while (at < have.length && have[at] !== tag) at++
    if (at === have.length) return false
    at++
  }
  return true
}

/** Whether a setting for `locales` applies to a locale: all when the list is empty. */
export function localeFilter(locales: readonly string[] | undefined): (locale: string) => boolean {
  if (!locales || locales.length === 0) return () => true
  return (locale) => locales.some((configured) => localeCovers(configured, locale))
}

/** The value set for the most specific configured locale that covers a locale (`pt-BR` before `pt`). */
export function forLocale<T>(entries: Iterable<readonly [string, T]>, locale: string): T | undefined {
  let best: { length: number; value: T } | undefined
  for (const [configured, value] of entries) {
    if (!localeCovers(configured, locale)) continue
    const length = subtags(configured).length
    if (!best || length > best.length) best = { length, value }
  }
  return best?.value
}

/** The value set for exactly this locale however it is spelled (`pt_BR` for `pt-BR`): mappings to a service's locale codes, where a language must not stand for its regions. */
export function forSameLocale<T>(entries: Iterable<readonly [string, T]>, locale: string): T | undefined {
  for (const [configured, value] of entries) if (sameLocale(configured, locale)) return value
  return undefined
}
