// Groups the repository's files into bundles: the files of one `{locale}` pattern that
// differ only by locale, i.e. one source file and its translations. A pattern for a format
// that holds every locale in one file (xcstrings) may omit `{locale}`: each file it matches
// is a bundle of its own, a target whose units name their locales.
import { formatForPath } from './formats/index.js'
import { APPLE_BASE, compilePattern, languageOf, matchPath, normalizeLocale, PatternError } from './paths.js'
import { SettingsError } from './settings.js'

/** Whether a pattern names files of a format that holds every locale (judged by a path it would match). */
function holdsOwnLocales(pattern: string): boolean {
  return formatForPath(pattern.replace(/\*\*\//g, '').replace(/[*?]/g, 'x'))?.multiLocale === true
}

export interface BundleFile {
  path: string
  /** BCP 47 locale, '' for the locale-less source of `{-locale}` patterns. */
  locale: string
}

export interface Bundle {
  pattern: string
  /** The configured source locale (normalised). */
  sourceLocale: string
  source?: BundleFile
  /**
   * How the source was chosen when no file has the configured source locale's tag:
   * Apple's `Base.lproj`, or the one file of the source's language (`en-US` for `en`).
   */
  sourceBy?: 'base' | 'language'
  /** Locales of the files that share the source's language when several compete: none is guessed to be the source. */
  sourceCandidates?: string[]
  targets: BundleFile[]
}

interface Matched extends BundleFile {
  base: boolean
}

/**
 * The source of one bundle's files: the locale-less file (`values/`), else the file of the
 * source locale, else Apple's `Base.lproj`, else the one file of the source's language
 * (`en-US`, `en_US` for `en`, or `en` for `en-US`). Two such files compete (`en-GB`,
 * `en-US`): neither is guessed. Files of bilingual formats (PO) hold their own source, so
 * a file of the source's language is a translation like any other.
 */
function chooseSource(pattern: string, files: Matched[], sourceLocale: string): Bundle {
  const localeless = files.find((f) => f.locale === '' && !f.base)
  const exact = files.find((f) => f.locale === sourceLocale)
  const base = files.find((f) => f.base)
  const language = languageOf(sourceLocale)
  const sameLanguage = files.filter((f) => f.locale !== '' && languageOf(f.locale) === language && formatForPath(f.path)?.bilingual !== true)
  const bundle: Bundle = { pattern, sourceLocale, targets: [] }
  const source = localeless ?? exact ?? base ?? (sameLanguage.length === 1 ? sameLanguage[0] : undefined)
  if (source) bundle.source = { path: source.path, locale: source.locale }
  if (source && !localeless && !exact) bundle.sourceBy = source.base ? 'base' : 'language'
  if (!source && sameLanguage.length > 1) bundle.sourceCandidates = sameLanguage.map((f) => f.locale).sort()
  // Base.lproj is the development language's text, never a translation.
  bundle.targets = files.filter((f) => f !== source && !f.base).map(({ path, locale }) => ({ path, locale }))
  return bundle
}

/**
 * Which pattern claimed each path. Shared by the groups of one run, so that a file two
 * patterns match (in one `files` list or in two groups) is checked and reported once, under
 * the first; the overlaps are kept to be said once each.
 */
export class PathClaims {
  private readonly owners = new Map<string, string>()
  private readonly overlaps = new Map<string, { first: string; later: string; count: number; example: string }>()

  /** True when the path is the pattern's; false when an earlier pattern has it. */
  claim(path: string, pattern: string): boolean {
    const owner = this.owners.get(path)
    if (owner === undefined) {
      this.owners.set(path, pattern)
      return true
    }
    const id = `${owner}\u0000${pattern}`
    const overlap = this.overlaps.get(id)
    if (overlap) overlap.count++
    else this.overlaps.set(id, { first: owner, later: pattern, count: 1, example: path })
    return false
  }

  /** One line per pair of overlapping patterns. */
  notes(): string[] {
    return [...this.overlaps.values()].map(({ first, later, count, example }) => {
      const both = first === later ? `pattern '${first}', listed twice,` : `both '${first}' and '${later}'`
      return `${count} file(s) match ${both} (e.g. ${example}): each is checked once, under the first, '${first}'`
    })
  }
}

/**
 * Bundles of the given paths; a path is claimed by the first pattern it matches (`claims`:
 * shared with the other groups of the run).
 */
export function findBundles(patterns: readonly string[], paths: readonly string[], sourceLocale: string, claims = new PathClaims()): Bundle[] {
  const compiled = patterns.map((p) => {
    try {
      return compilePattern(p, { localeless: holdsOwnLocales(p) })
    } catch (e) {
      if (e instanceof PatternError) {
        throw new SettingsError(`Invalid files pattern: ${e.message}. Expected a path with {locale}, e.g. locales/{locale}/*.json. Only patterns of String Catalogs (**/Localizable.xcstrings) may omit it.`)
      }
      throw e
    }
  })
  const source = normalizeLocale(sourceLocale)
  const bundles: Bundle[] = []
  for (const c of compiled) {
    const files = new Map<string, Matched[]>()
    for (const path of paths) {
      const m = matchPath(c, path)
      if (!m || !claims.claim(path, c.pattern)) continue
      const file = { path, locale: m.locale }
      // Each file of a pattern without {locale} holds every locale: a bundle of its own.
      if (!c.hasLocale) bundles.push({ pattern: c.pattern, sourceLocale: source, targets: [file] })
      else {
        const list = files.get(m.bundle) ?? []
        list.push({ ...file, base: m.rawLocale === APPLE_BASE })
        files.set(m.bundle, list)
      }
    }
    for (const list of files.values()) bundles.push(chooseSource(c.pattern, list, source))
  }
  for (const b of bundles) b.targets.sort((x, y) => x.path.localeCompare(y.path))
  return bundles
}

/** What the log says about sources chosen by fallback: once per pattern and locale, naming a file. */
export function sourceFallbackNotes(bundles: readonly Bundle[]): string[] {
  const notes = new Map<string, string>()
  for (const b of bundles) {
    if (!b.sourceBy || !b.source) continue
    const id = `${b.pattern}\u0000${b.source.locale}`
    if (notes.has(id)) continue
    const which = b.sourceBy === 'base' ? "Apple's base localization (Base.lproj)" : `the ${b.source.locale} file, the only one of its language`
    notes.set(id, `Pattern '${b.pattern}': no ${b.sourceLocale} file, so the source is ${which}, e.g. ${b.source.path}`)
  }
  return [...notes.values()]
}
