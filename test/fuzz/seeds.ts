// The realistic files the fuzz suite starts from: every fixture of each format, and the
// example trees for JSON and YAML.
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { formatById, formatForPath, type Format, type ParseContext } from '../../src/formats/index.js'

const root = fileURLToPath(new URL('../../', import.meta.url))

export interface Seed {
  /** Repository-relative path of the fixture. */
  path: string
  bytes: Uint8Array
  context: ParseContext
}

function filesUnder(dir: string): string[] {
  return readdirSync(`${root}${dir}`, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => `${e.parentPath.slice(root.length)}/${e.name}`.replace(/\/+/g, '/'))
    .sort()
}

/** The locale a fixture's path names, the way its layout writes it; '' for a source file. */
function localeOf(path: string): string {
  const m =
    /(?:^|\/)([a-z]{2}(?:[-_][A-Za-z]{2,4})?)\.lproj\//.exec(path) ??
    /values-([a-z]{2})(?:-r([A-Z]{2}))?\//.exec(path) ??
    /_locales\/([a-z]{2}(?:_[A-Z]{2})?)\//.exec(path) ??
    /[._]([a-z]{2}(?:[-_][A-Z]{2})?)\.(?:po|arb|properties|resx|xlf|xliff|yml|json)$/.exec(path) ??
    /\/([a-z]{2})\.(?:po|xlf|yml)$/.exec(path) ??
    /\/([a-z]{2})\/[^/]+\.json$/.exec(path)
  if (!m || m[1] === 'en') return ''
  return (m[2] ? `${m[1]}-${m[2]}` : m[1]).replace('_', '-')
}

const seedDirs: Record<string, string[]> = {
  json: ['examples/base/locales', 'examples/head/locales'],
  yaml: ['examples/base/config/locales', 'examples/head/config/locales'],
}

/** The seeds of one format. */
export function seedsOf(format: Format): Seed[] {
  const dirs = seedDirs[format.id] ?? [`test/fixtures/${format.id}`]
  return dirs
    .flatMap(filesUnder)
    .filter((path) => formatForPath(path) === format)
    .map((path) => ({ path, bytes: new Uint8Array(readFileSync(`${root}${path}`)), context: { path, locale: localeOf(path), sourceLocale: 'en' } }))
}

export function formatOf(id: string): Format {
  const format = formatById(id)
  if (!format) throw new Error(`No format ${id}`)
  return format
}
