// Auto-detection of locale files when `files` is empty: each format's conventional layouts
// (`**/{locale}/*.json`...), kept where a source-locale file and at least one translation
// sit side by side. Says what it found, or how to set `files` when it found nothing.
import { findBundles } from './bundles.js'
import { formats, type Format } from './formats/index.js'
import { patternsFromCrowdin, patternsFromPhrase } from './detect-tms.js'
import { compilePattern, isKnownLanguage } from './paths.js'

/** TMS configs read before the conventional layouts, by file name. */
export const TMS_CONFIGS: Record<string, (text: string, label: string) => { patterns: string[]; notes: string[] }> = {
  '.phrase.yml': patternsFromPhrase,
  '.phrase.yaml': patternsFromPhrase,
  'crowdin.yml': patternsFromCrowdin,
  'crowdin.yaml': patternsFromCrowdin,
}

export interface Detection {
  patterns: string[]
  notes: string[]
}

// Test data and examples are not the app's translations.
const SKIP = /(?:^|\/)(?:test|tests|__tests__|spec|fixtures|__fixtures__|e2e|testdata)\//

/** Concrete patterns for one layout: its leading `**\/` replaced by each directory that matches. */
function candidates(layout: string, paths: readonly string[], format: Format): Set<string> {
  const out = new Set<string>()
  const compiled = compilePattern(layout, { localeless: format.multiLocale })
  const rest = layout.startsWith('**/') ? layout.slice(3) : layout
  for (const path of paths) {
    if (SKIP.test(path) || !format.handles(path)) continue
    const m = compiled.regex.exec(path)
    if (!m) continue
    const prefix = layout.startsWith('**/') ? (m[1] ?? '') : ''
    out.add(prefix + rest)
  }
  return out
}

/**
 * Patterns for a repository without a `files` setting: from its TMS configs (texts by file
 * name) when they exist, otherwise from the conventional layouts.
 */
export function detectPatterns(paths: readonly string[], sourceLocale: string, tmsConfigs: Record<string, string> = {}): Detection {
  const patterns: string[] = []
  const notes: string[] = []
  for (const [name, text] of Object.entries(tmsConfigs)) {
    const read = TMS_CONFIGS[name]?.(text, name)
    if (!read) continue
    notes.push(...read.notes)
    for (const p of read.patterns) if (!patterns.includes(p)) patterns.push(p)
  }
  if (patterns.length > 0) return { patterns, notes }
  const layouts = detectLayouts(paths, sourceLocale)
  return { patterns: layouts.patterns, notes: [...notes, ...layouts.notes] }
}

export function detectLayouts(paths: readonly string[], sourceLocale: string): Detection {
  const patterns: string[] = []
  const claimed = new Set<string>()
  for (const format of formats) {
    for (const layout of format.layouts ?? []) {
      for (const pattern of candidates(layout, paths, format)) {
        if (patterns.includes(pattern)) continue
        const free = paths.filter((p) => !claimed.has(p) && format.handles(p))
        // Bilingual files (PO) need no source-locale file beside them; a String Catalog holds every locale.
        const bundles = findBundles([pattern], free, sourceLocale).filter(
          (b) => format.multiLocale || ((b.source || format.bilingual) && b.targets.some((t) => isKnownLanguage(t.locale))),
        )
        if (bundles.length === 0) continue
        patterns.push(pattern)
        for (const b of bundles) for (const f of [...(b.source ? [b.source] : []), ...b.targets]) claimed.add(f.path)
      }
    }
  }
  const notes =
    patterns.length > 0
      ? [`No files setting: detected ${patterns.map((p) => `'${p}'`).join(', ')} (source locale ${sourceLocale}). Set files to choose explicitly.`]
      : [`No files setting and no locale files detected: no source-locale (${sourceLocale}) file with translations beside it in a known layout. Set files, e.g. 'locales/{locale}/*.json' or 'config/locales/{locale}.yml'.`]
  return { patterns, notes }
}
