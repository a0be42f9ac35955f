// Rules benchmark: every built-in QA rule over a large generated pull request (LOCALES x
// SEGMENTS changed segments), in memory, without files, formats or scorers. The strings are
// real app strings and their translations (test/fixtures/language/ui-strings.json) dressed
// with placeholders, markup, numbers and URLs, and every 20th segment carries a planted
// defect. When translate-toolkit's `pofilter` is on PATH, the same pairs are written as PO
// files and pofilter checks them in the same run, for a speed ratio.
//
//   node bench/rules.mjs [--locales 20] [--segments 5000] [--off wrong-language,...] [--no-pofilter] [--dump FILE]
//   node bench/rules.mjs --one-source 40000
//
// --dump writes every issue as one JSON line, sorted, so two builds' results can be diffed.
// --one-source times every rule on that many segments of one locale sharing one source text
// (a generated file can repeat a string): rules comparing segments must stay linear.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..')

const strings = JSON.parse(readFileSync(join(root, 'test/fixtures/language/ui-strings.json'), 'utf8'))

/** Target locales, each written in one of the fixture's languages (regional variants share it). */
const LOCALES = [
  ['de', 'de'], ['fr', 'fr'], ['es', 'es'], ['it', 'it'], ['pt-BR', 'pt'], ['nl', 'nl'], ['pl', 'pl'], ['ru', 'ru'], ['ja', 'ja'], ['de-AT', 'de'],
  ['de-CH', 'de'], ['fr-CA', 'fr'], ['fr-BE', 'fr'], ['es-MX', 'es'], ['es-AR', 'es'], ['pt-PT', 'pt'], ['nl-BE', 'nl'], ['it-CH', 'it'], ['ru-UA', 'ru'], ['ja-JP', 'ja'],
]

// How a segment is dressed: the same decoration on both sides, as an app's strings would have.
const DRESS = [
  (s) => s,
  (s, i, language) => `{name}${language === 'fr' ? ' :' : ':'} ${s}`,
  (s) => `<b>${s}</b>`,
  (s, i) => `${s} (${(i % 97) + 2})`,
  (s) => `${s} https://acme.example/help`,
  (s) => `<a href="/account">${s}</a>`,
  (s) => `${s} {count}`,
]

// Planted defects, one kind after another, on every 20th segment; each changes the target.
const DEFECTS = [
  (t) => (/\{(name|count)\}/.test(t) ? t.replace(/\{(name|count)\}/, '') : `${t} {extra}`),
  (t) => `${t}</i>`,
  (t) => (t.includes(' ') ? t.replace(' ', '  ') : `${t.slice(0, 2)}  ${t.slice(2)}`),
  (t) => (/[.!?。？！]$/.test(t) ? t.slice(0, -1) : `${t}!`),
  (t, i, en) => en[(i + 7) % en.length],
  (t) => `${t} 42`,
  (t) => `${t.slice(0, 3)}\u200b${t.slice(3)}`,
]

export function generatePairs(locales, segments) {
  const pairs = []
  for (const [locale, language] of LOCALES.slice(0, locales)) {
    for (let i = 0; i < segments; i++) {
      const k = i % strings.en.length
      const dress = DRESS[i % DRESS.length]
      const source = dress(strings.en[k], i, 'en')
      let target = dress(strings[language][k], i, language)
      if (i % 20 === 19) target = DEFECTS[Math.floor(i / 20) % DEFECTS.length](target, i, strings.en)
      pairs.push({ locale, key: `screen${Math.floor(i / 100)}.string${i}`, source, target })
    }
  }
  return pairs
}

function segmentOf({ locale, key, source, target }) {
  const file = `locales/${locale}/app.json`
  return { id: `${file}#${key}`, file, key, line: 1, column: 1, locale, sourceLocale: 'en', source, target, status: 'changed', format: 'json', unit: { key, value: target, span: { start: 0, end: 0 } } }
}

const poString = (s) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`

function writePo(dir, pairs) {
  const byLocale = new Map()
  for (const p of pairs) byLocale.set(p.locale, [...(byLocale.get(p.locale) ?? []), p])
  for (const [locale, list] of byLocale) {
    const lines = ['msgid ""', 'msgstr ""', `"Content-Type: text/plain; charset=UTF-8\\n"`, `"Language: ${locale.replace('-', '_')}\\n"`, '']
    for (const p of list) lines.push(`msgctxt ${poString(p.key)}`, `msgid ${poString(p.source)}`, `msgstr ${poString(p.target)}`, '')
    writeFileSync(join(dir, `${locale}.po`), lines.join('\n'))
  }
}

function issueLines(checked) {
  const lines = []
  for (const s of checked) s.issues.forEach((issue, i) => lines.push(`${JSON.stringify({ id: s.id, ...issue, span: s.spans?.[i] })}\n`))
  return lines.sort()
}

function hasPofilter() {
  return spawnSync('pofilter', ['--version'], { encoding: 'utf8' }).status === 0
}

export async function runRulesBench({ locales = 20, segments = 5000, off = [], pofilter = true, dump } = {}) {
  const { checks } = await import('../lib/checks/index.js')
  const { runChecks } = await import('../lib/checks/engine.js')
  const { defaultCheckOptions } = await import('../lib/checks/check.js')
  const { ruleSettings } = await import('../lib/rule-settings.js')

  const pairs = generatePairs(locales, segments)
  const input = pairs.map(segmentOf)
  globalThis.gc?.()
  const rssBefore = process.memoryUsage().rss
  const start = performance.now()
  const cpuStart = process.cpuUsage()
  const run = checks.filter((c) => !off.includes(c.id))
  const checked = runChecks(input, run, defaultCheckOptions, ruleSettings({}))
  const cpu = process.cpuUsage(cpuStart)
  const cpuSeconds = (cpu.user + cpu.system) / 1e6
  const seconds = (performance.now() - start) / 1000
  const peakRssMb = process.resourceUsage().maxRSS / 1024

  const byRule = new Map()
  for (const s of checked) for (const i of s.issues) byRule.set(i.r, (byRule.get(i.r) ?? 0) + 1)
  if (dump) writeFileSync(dump, issueLines(checked).join(''))
  const planted = input.filter((_, i) => i % segments % 20 === 19).length
  const plantedFound = checked.filter((s, i) => i % segments % 20 === 19 && s.issues.length > 0).length

  console.log(`\nRules: ${run.length} built-in rules${off.length ? ` (without ${off.join(', ')})` : ''} on ${input.length.toLocaleString('en')} segments (${locales} locales x ${segments.toLocaleString('en')}), in memory`)
  console.log(`  ${Math.round(input.length / seconds).toLocaleString('en')} segments/s (${seconds.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU), peak RSS ${Math.round(peakRssMb)} MB (${Math.round(rssBefore / 1024 / 1024)} MB before the rules ran)`)
  console.log(`  planted defects found: ${plantedFound}/${planted}; issues by rule: ${[...byRule.entries()].sort((a, b) => a[0] - b[0]).map(([r, n]) => `${r}:${n}`).join(' ')}`)

  const result = { segments: input.length, seconds, cpuSeconds, peakRssMb }
  if (!pofilter) return result
  if (!hasPofilter()) {
    console.log('  pofilter: not on PATH (apt-get install translate-toolkit to compare)')
    return result
  }
  const work = mkdtempSync(join(tmpdir(), 'tqg-pofilter-'))
  try {
    mkdirSync(join(work, 'in'))
    writePo(join(work, 'in'), pairs)
    const t0 = performance.now()
    // bash's `times` reports the CPU time of the finished child: comparable on a busy machine.
    const script = 'pofilter --progress=none -i "$1" -o "$2" >/dev/null || exit $?; times'
    const run = spawnSync('bash', ['-c', script, 'bench', join(work, 'in'), join(work, 'out')], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    const poSeconds = (performance.now() - t0) / 1000
    if (run.status !== 0) throw new Error(`pofilter failed:\n${run.stderr}`)
    const children = run.stdout.trim().split('\n').pop().split(/\s+/).map((t) => {
      const m = /^(\d+)m([\d.]+)s$/.exec(t)
      return m ? Number(m[1]) * 60 + Number(m[2]) : 0
    })
    const poCpu = children[0] + children[1]
    const version = spawnSync('pofilter', ['--version'], { encoding: 'utf8' }).stdout.trim()
    console.log(`  ${version}, all default checks on the same pairs as ${locales} PO files: ${Math.round(input.length / poSeconds).toLocaleString('en')} segments/s (${poSeconds.toFixed(2)} s wall, ${poCpu.toFixed(2)} s CPU, including reading and writing PO)`)
    console.log(`  speed ratio: ours ${(poSeconds / seconds).toFixed(1)}x pofilter by wall time, ${(poCpu / cpuSeconds).toFixed(1)}x by CPU time`)
    return { ...result, pofilterSeconds: poSeconds, pofilterCpuSeconds: poCpu }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

export async function runOneSourceBench(count) {
  const { checks } = await import('../lib/checks/index.js')
  const { runChecks } = await import('../lib/checks/engine.js')
  const { defaultCheckOptions } = await import('../lib/checks/check.js')
  const { ruleSettings } = await import('../lib/rule-settings.js')
  const input = Array.from({ length: count }, (_, i) =>
    segmentOf({ locale: 'de', key: `screen${i % 50}.save${i}`, source: 'Save changes', target: i % 3 === 0 ? 'Änderungen sichern' : 'Änderungen speichern' }),
  )
  const cpuStart = process.cpuUsage()
  const checked = runChecks(input, checks, defaultCheckOptions, ruleSettings({}))
  const cpu = process.cpuUsage(cpuStart)
  const issues = checked.reduce((n, s) => n + s.issues.length, 0)
  console.log(`\nRules: ${checks.length} built-in rules on ${count.toLocaleString('en')} segments of one source text: ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU, ${issues.toLocaleString('en')} issues`)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { locales: { type: 'string' }, segments: { type: 'string' }, off: { type: 'string' }, 'no-pofilter': { type: 'boolean' }, dump: { type: 'string' }, 'one-source': { type: 'string' } } })
  if (values['one-source']) await runOneSourceBench(Number(values['one-source']))
  else await runRulesBench({ locales: values.locales ? Number(values.locales) : undefined, segments: values.segments ? Number(values.segments) : undefined, off: values.off?.split(',') ?? [], pofilter: !values['no-pofilter'], dump: values.dump })
}
