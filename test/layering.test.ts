// The pure core's boundaries (docs/architecture.md): parsers, checks, placeholders and the
// path and pairing logic do no I/O and know nothing of the reporters or the entries.
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

const SRC = join(import.meta.dirname, '..', 'src')

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []))
}

/** Module specifiers a file imports (static and dynamic), resolved to src-relative paths where relative. */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2])
  return specifiers.map((s) => (s.startsWith('.') ? relative(SRC, join(file, '..', s)).replace(/\.js$/, '.ts') : s))
}

const PURE = /^(?:formats|checks|placeholders)\/|^(?:paths|span|model|pairing|bundles|text-safety|rule-numbers)\.ts$/
const EDGES = /^(?:reporters|action|cli|scorers|changes)\/|^(?:@actions\/|undici$|fs$|node:)/

describe('the pure core', () => {
  const core = sources(SRC).filter((f) => PURE.test(relative(SRC, f)))

  it('is found, with its imports', () => {
    expect(core.length).toBeGreaterThan(50)
    expect(imports(join(SRC, 'formats/index.ts'))).toEqual(expect.arrayContaining(['model.ts', 'formats/json.ts', 'rule-numbers.ts']))
  })

  it.each(core.map((f) => [relative(SRC, f), f]))('%s imports no edge (I/O, GitHub, reporters, entries)', (_, file) => {
    expect(imports(file).filter((s) => EDGES.test(s))).toEqual([])
  })
})
