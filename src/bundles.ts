// Groups the repository's files into bundles: the files of one `{locale}` pattern that
// differ only by locale, i.e. one source file and its translations. A pattern for a format
// that holds every locale in one file (xcstrings) may omit `{locale}`: each file it matches
// is a bundle of its own, a target whose units name their locales.
import { formatForPath } from './formats/index.js'
import { compilePattern, matchPath, normalizeLocale, PatternError } from './paths.js'
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
  sourceLocale: string
  source?: BundleFile
  targets: BundleFile[]
}

/** Bundles of the given paths; a path is claimed by the first pattern it matches. */
export function findBundles(patterns: readonly string[], paths: readonly string[], sourceLocale: string): Bundle[] {
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
  const bundles = new Map<string, Bundle>()
  const claimed = new Set<string>()
  for (const c of compiled) {
    for (const path of paths) {
      if (claimed.has(path)) continue
      const m = matchPath(c, path)
      if (!m) continue
      claimed.add(path)
      let bundle = bundles.get(m.bundle)
      if (!bundle) bundles.set(m.bundle, (bundle = { pattern: c.pattern, sourceLocale: source, targets: [] }))
      const file = { path, locale: m.locale }
      if (!c.hasLocale) bundle.targets.push(file)
      else if (m.locale === '' || m.locale === source) {
        // A locale-less file is the source even when a file of the source locale exists too.
        if (!bundle.source || (m.locale === '' && bundle.source.locale !== '')) {
          if (bundle.source) bundle.targets.push(bundle.source)
          bundle.source = file
        } else bundle.targets.push(file)
      } else bundle.targets.push(file)
    }
  }
  for (const b of bundles.values()) b.targets.sort((x, y) => x.path.localeCompare(y.path))
  return [...bundles.values()]
}
