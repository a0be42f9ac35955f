// One measurement of bench/formats.mjs, in its own process: prints one JSON line.
//   pipeline DIR PATTERN   parse + pair + rules of DIR/base -> DIR/head (lib/, no scorers)
//   baseline DIR           JSON.parse and a walk over every .json file of both trees
//   file PATH REL          decode + parse of one file (REL: its repository path, which picks the format)
//   yaml-library PATH      the yaml library's parseDocument over a whole file, as the YAML reader did before it
//                          stopped at the first tab-indented line (the "before" of the broken-YAML line)
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'

const [mode, dir, pattern] = process.argv.slice(2)
const mb = (bytes) => bytes / 1024 / 1024

function files(root) {
  const out = []
  for (const e of readdirSync(root, { withFileTypes: true, recursive: true })) if (e.isFile()) out.push(join(e.parentPath ?? e.path, e.name))
  return out
}

function walk(node) {
  if (typeof node === 'string') return 1
  if (node && typeof node === 'object') return Object.values(node).reduce((n, v) => n + walk(v), 0)
  return 0
}

async function oneFile(path, rel) {
  const { formatForPath, readUnits } = await import('../lib/formats/index.js')
  const format = formatForPath(rel)
  if (!format) throw new Error(`no format reads ${rel}`)
  const bytes = readFileSync(path)
  globalThis.gc?.()
  const before = process.memoryUsage()
  const start = performance.now()
  const parsed = readUnits(format, bytes, { path: rel, locale: format.multiLocale ? '' : 'de', sourceLocale: 'en' })
  const seconds = (performance.now() - start) / 1000
  globalThis.gc?.()
  // The units stay alive here, as they do until pairing is done with the file.
  const heapKeptMb = mb(process.memoryUsage().heapUsed - before.heapUsed)
  return { bytes: bytes.length, units: parsed.units.length, problems: parsed.problems.length, seconds, rssBeforeMb: mb(before.rss), heapKeptMb }
}

globalThis.gc?.()
const start = performance.now()
const cpuStart = process.cpuUsage()
let result
if (mode === 'file') {
  result = await oneFile(dir, pattern)
} else if (mode === 'yaml-library') {
  const { parseDocument } = await import('yaml')
  const text = readFileSync(dir, 'utf8')
  const parseStart = performance.now()
  const doc = parseDocument(text, { uniqueKeys: false, merge: true, prettyErrors: false, strict: false })
  result = { bytes: Buffer.byteLength(text), problems: doc.errors.length, seconds: (performance.now() - parseStart) / 1000 }
} else if (mode === 'baseline') {
  let strings = 0
  for (const side of ['base', 'head']) for (const f of files(join(dir, side))) if (f.endsWith('.json')) strings += walk(JSON.parse(readFileSync(f, 'utf8')))
  result = { strings }
} else {
  const { runPipeline } = await import('../lib/run.js')
  const { dirChanges } = await import('../lib/changes/dirs.js')
  const { resolveSettings } = await import('../lib/settings.js')
  const { MemoryScoreCache } = await import('../lib/scorers/cache.js')
  const { silentLogger } = await import('../lib/log.js')
  const settings = resolveSettings({ inputs: { files: pattern, 'max-file-size': '100MB' }, origin: (n) => n })
  const report = await runPipeline(settings, { changes: dirChanges(join(dir, 'base'), join(dir, 'head')), scorers: [], cache: new MemoryScoreCache(), log: silentLogger })
  result = { segments: report.summary.segments, issues: report.findings.length }
}
const seconds = (performance.now() - start) / 1000
// CPU time (all of the process's threads) is the steadier figure on a busy machine.
const cpu = process.cpuUsage(cpuStart)
console.log(JSON.stringify({ seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, ...result, peakRssMb: process.resourceUsage().maxRSS / 1024 }))
