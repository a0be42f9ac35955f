// One measurement of bench/formats.mjs, in its own process: prints one JSON line.
//   pipeline DIR PATTERN   parse + pair + rules of DIR/base -> DIR/head (lib/, no scorers)
//   baseline DIR           JSON.parse and a walk over every .json file of both trees
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'

const [mode, dir, pattern] = process.argv.slice(2)

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

globalThis.gc?.()
const start = performance.now()
let result
if (mode === 'baseline') {
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
console.log(JSON.stringify({ ...result, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024 }))
