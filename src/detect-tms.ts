// File patterns from the TMS sync configs a repository already has: Phrase's `.phrase.yml`
// (pull targets with `<locale_name>`/`<locale_code>`) and Crowdin's `crowdin.yml`
// (`source`/`translation` with `%two_letters_code%`, `%android_code%`, `%osx_code%`...).
import { parse } from 'yaml'

export interface TmsPatterns {
  patterns: string[]
  notes: string[]
}

function clean(path: string): string {
  return path.trim().replace(/^\.?\/+/, '')
}

/** Uses the optional `{-locale}` form when the source path is the pattern without its locale. */
function withOptionalLocale(pattern: string, source: string | undefined): string {
  if (!source) return pattern
  for (const sep of ['-', '_', '.']) {
    const optional = pattern.replace(`${sep}{locale}`, `{${sep}locale}`)
    if (optional !== pattern && pattern.replace(`${sep}{locale}`, '') === source) return optional
  }
  return pattern
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]
}

export function patternsFromPhrase(text: string, label = '.phrase.yml'): TmsPatterns {
  let doc: unknown
  try {
    doc = parse(text)
  } catch (e) {
    return { patterns: [], notes: [`${label} is not valid YAML (${(e as Error).message.split('\n')[0]}); ignored for detection.`] }
  }
  const phrase = (doc as { phrase?: { pull?: { targets?: unknown }; push?: { sources?: unknown } } } | null)?.phrase
  const patterns: string[] = []
  const sources = asList(phrase?.push?.sources).map((s) => clean(String((s as { file?: unknown })?.file ?? '')))
  for (const target of asList(phrase?.pull?.targets)) {
    const file = (target as { file?: unknown })?.file
    if (typeof file !== 'string') continue
    const pattern = clean(file).replace(/<locale_name>|<locale_code>/g, '{locale}')
    if (!pattern.includes('{locale}')) continue
    const result = sources.map((s) => withOptionalLocale(pattern, s)).find((p) => p !== pattern) ?? pattern
    if (!patterns.includes(result)) patterns.push(result)
  }
  return { patterns, notes: patterns.length > 0 ? [`Detected from ${label}: ${patterns.map((p) => `'${p}'`).join(', ')}.`] : [] }
}

const CROWDIN_LOCALE = /%(?:two_letters_code|three_letters_code|locale|locale_with_underscore|android_code|osx_locale|language)%/g

export function patternsFromCrowdin(text: string, label = 'crowdin.yml'): TmsPatterns {
  let doc: unknown
  try {
    doc = parse(text)
  } catch (e) {
    return { patterns: [], notes: [`${label} is not valid YAML (${(e as Error).message.split('\n')[0]}); ignored for detection.`] }
  }
  const patterns: string[] = []
  const notes: string[] = []
  for (const entry of asList((doc as { files?: unknown } | null)?.files)) {
    const { source, translation } = (entry ?? {}) as { source?: unknown; translation?: unknown }
    if (typeof translation !== 'string') continue
    let pattern = clean(translation)
      .replace(/%osx_code%/g, '{locale}.lproj')
      .replace(CROWDIN_LOCALE, '{locale}')
      .replace(/%original_path%/g, '**')
      .replace(/%original_file_name%|%file_name%|%file_extension%/g, '*')
      .replace(/\*(?:\.\*)+/g, '*')
    if (!pattern.includes('{locale}')) {
      notes.push(`${label}: translation '${translation}' has no language placeholder; skipped.`)
      continue
    }
    pattern = pattern.replace(/\*\*\/\*\*/g, '**')
    pattern = withOptionalLocale(pattern, typeof source === 'string' ? clean(source) : undefined)
    if (!patterns.includes(pattern)) patterns.push(pattern)
  }
  if (patterns.length > 0) notes.unshift(`Detected from ${label}: ${patterns.map((p) => `'${p}'`).join(', ')}.`)
  return { patterns, notes }
}
