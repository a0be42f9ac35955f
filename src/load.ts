// Reads and parses the files of each bundle the change touches, both versions, through the
// Changes trees. The only I/O between the change list and pairing.
import type { Bundle } from './bundles.js'
import type { Changes, Tree } from './changes/tree.js'
import { formatForPath, readUnits, type Format } from './formats/index.js'
import type { ParseProblem, Unit } from './model.js'
import { LineIndex } from './span.js'

export interface LoadedFile {
  path: string
  format: Format
  units: Unit[]
  problems: ParseProblem[]
  lines: LineIndex
  /** Locales the file itself names (Rails root key, XLIFF languages). */
  locale?: string
  sourceLocale?: string
  /** Set when the file was over the size limit and not parsed. */
  tooLarge?: { size: number; limit: number }
}

export interface LoadedSide {
  path: string
  locale: string
  head?: LoadedFile
  base?: LoadedFile
  changed: boolean
}

export interface LoadedBundle {
  bundle: Bundle
  source?: LoadedSide
  targets: LoadedSide[]
}

async function loadFile(tree: Tree, path: string, locale: string, sourceLocale: string, maxFileSize: number): Promise<LoadedFile | undefined> {
  const format = formatForPath(path)
  if (!format) return undefined
  const size = await tree.size(path)
  if (size === undefined) return undefined
  if (size > maxFileSize) return { path, format, units: [], problems: [], lines: new LineIndex(''), tooLarge: { size, limit: maxFileSize } }
  const bytes = await tree.read(path)
  if (!bytes) return undefined
  const parsed = readUnits(format, bytes, { path, locale, sourceLocale })
  return { path, format, units: parsed.units, problems: parsed.problems, lines: new LineIndex(parsed.text), locale: parsed.locale, sourceLocale: parsed.sourceLocale }
}

/** Loads a bundle if any of its files changed; unchanged bundles cost no reads. */
export async function loadBundle(bundle: Bundle, changes: Changes, maxFileSize: number): Promise<LoadedBundle | undefined> {
  const files = [...(bundle.source ? [bundle.source] : []), ...bundle.targets]
  const changed = await Promise.all(files.map((f) => changes.changed(f.path)))
  if (!changed.some(Boolean)) return undefined
  const sides = await Promise.all(
    files.map(async (f, i): Promise<LoadedSide> => {
      const [head, base] = await Promise.all([
        loadFile(changes.head, f.path, f.locale, bundle.sourceLocale, maxFileSize),
        // The base version matters only to tell what changed.
        changed[i] ? loadFile(changes.base, f.path, f.locale, bundle.sourceLocale, maxFileSize) : undefined,
      ])
      return { path: f.path, locale: f.locale, head, base: changed[i] ? base : head, changed: changed[i] }
    }),
  )
  return bundle.source ? { bundle, source: sides[0], targets: sides.slice(1) } : { bundle, targets: sides }
}
