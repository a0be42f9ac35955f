// Reads and parses the files of each bundle the change touches, both versions, through the
// Changes trees. The only I/O between the change list and pairing.
//
// A bundle may hold a hundred locales of a large file: its translations are parsed one at a
// time, as pairing asks for them, so only the source and one translation are in memory at
// once. Their bytes are fetched a few files ahead, so remote trees are not read one by one.
import type { Bundle, BundleFile } from './bundles.js'
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
  /** Read as they are iterated (once): a translation that did not change, of a source that did not either, is skipped. */
  targets: AsyncIterable<LoadedSide>
}

/** Translations whose bytes are fetched ahead of the one being parsed. */
const READ_AHEAD = 4

type Fetched = { bytes: Uint8Array } | { tooLarge: { size: number; limit: number } } | undefined

async function fetchFile(tree: Tree, path: string, maxFileSize: number): Promise<Fetched> {
  const size = await tree.size(path)
  if (size === undefined) return undefined
  if (size > maxFileSize) return { tooLarge: { size, limit: maxFileSize } }
  const bytes = await tree.read(path)
  return bytes && { bytes }
}

function parseFile(fetched: Fetched, format: Format, path: string, locale: string, sourceLocale: string): LoadedFile | undefined {
  if (!fetched) return undefined
  if ('tooLarge' in fetched) return { path, format, units: [], problems: [], lines: new LineIndex(''), tooLarge: fetched.tooLarge }
  const parsed = readUnits(format, fetched.bytes, { path, locale, sourceLocale })
  return { path, format, units: parsed.units, problems: parsed.problems, lines: new LineIndex(parsed.text), locale: parsed.locale, sourceLocale: parsed.sourceLocale }
}

interface PendingSide {
  file: BundleFile
  changed: boolean
  format: Format
  head: Promise<Fetched>
  /** The base version matters only to tell what changed. */
  base?: Promise<Fetched>
}

function fetchSide(file: BundleFile, changed: boolean, changes: Changes, maxFileSize: number): PendingSide | undefined {
  const format = formatForPath(file.path)
  if (!format) return undefined
  return {
    file,
    changed,
    format,
    head: handled(fetchFile(changes.head, file.path, maxFileSize)),
    base: changed ? handled(fetchFile(changes.base, file.path, maxFileSize)) : undefined,
  }
}

/** A read fetched ahead may fail before it is awaited: that failure surfaces where it is awaited, not as an unhandled rejection. */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined)
  return promise
}

async function parseSide(pending: PendingSide | undefined, file: BundleFile, changed: boolean, sourceLocale: string): Promise<LoadedSide> {
  if (!pending) return { path: file.path, locale: file.locale, changed }
  const head = parseFile(await pending.head, pending.format, file.path, file.locale, sourceLocale)
  const base = pending.base ? parseFile(await pending.base, pending.format, file.path, file.locale, sourceLocale) : head
  return { path: file.path, locale: file.locale, head, base, changed }
}

/** Loads a bundle if any of its files changed; unchanged bundles cost no reads. */
export async function loadBundle(bundle: Bundle, changes: Changes, maxFileSize: number): Promise<LoadedBundle | undefined> {
  const [sourceChanged, ...targetChanged] = await Promise.all([bundle.source, ...bundle.targets].map((f) => (f ? changes.changed(f.path) : false)))
  if (!sourceChanged && !targetChanged.some(Boolean)) return undefined
  const { sourceLocale } = bundle
  // An unchanged translation matters only when its source changed (it may be stale now).
  const targets = bundle.targets.flatMap((file, i) => (targetChanged[i] || sourceChanged ? [{ file, changed: targetChanged[i] }] : []))
  const source = bundle.source && (await parseSide(fetchSide(bundle.source, sourceChanged, changes, maxFileSize), bundle.source, sourceChanged, sourceLocale))
  async function* loadTargets(): AsyncGenerator<LoadedSide> {
    const ahead: (PendingSide | undefined)[] = []
    for (let i = 0; i < targets.length; i++) {
      while (ahead.length < READ_AHEAD && i + ahead.length < targets.length) {
        const next = targets[i + ahead.length]
        ahead.push(fetchSide(next.file, next.changed, changes, maxFileSize))
      }
      yield await parseSide(ahead.shift(), targets[i].file, targets[i].changed, sourceLocale)
    }
  }
  return { bundle, ...(source && { source }), targets: loadTargets() }
}
