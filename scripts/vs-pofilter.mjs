// Compares pofilter's findings with tqg's on the same PO files, per check family: how many
// entries each flags, how many both flag, and (with a family name) a fixed random sample of
// what only one of them flags, to judge by hand (docs/accuracy.md, "Against pofilter").
//   tqg BASE HEAD --files '**/{locale}.po' --source-locale en --format json --cache-dir off --fail-on never > report.json
// PO files from other formats: translate-toolkit's converters with the source file as template,
//   json2po -t en.json de.json de.po; prop2po -t Resources_en.properties Resources_de.properties de.po
//   node scripts/vs-pofilter.mjs HEAD report.json [family-prefix [sample-size [seed]]]
// Needs translate-toolkit's pofilter on the PATH; runs it with its default tests (--nofuzzy).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
const [head, report, only, n = '12', seed = '5'] = process.argv.slice(2)
if (!head || !report) {
  console.error('usage: node scripts/vs-pofilter.mjs HEAD_DIR TQG_REPORT_JSON [family-prefix [sample-size [seed]]]')
  process.exit(2)
}
const FAMILIES = {
  'empty (untranslated / 1005)': [['untranslated'], [1005]],
  'unchanged (unchanged / 1006)': [['unchanged'], [1006]],
  'end punctuation (endpunc / 1401)': [['endpunc'], [1401]],
  // CKEditor's `%0` markers are read by the Qt syntax (1130-1135), pofilter's printf test reads them as printf.
  'printf (printf / 1070-1075, 1130-1135)': [['printf'], [1070, 1071, 1072, 1073, 1074, 1075, 1130, 1131, 1132, 1133, 1134, 1135]],
  'numbers (numbers / 1501)': [['numbers'], [1501]],
  'brackets (brackets / 1405)': [['brackets'], [1405]],
  'quotes (doublequoting / 1406)': [['doublequoting'], [1406]],
  'leading/trailing space (startwhitespace, endwhitespace / 1301, 1302)': [['startwhitespace', 'endwhitespace'], [1301, 1302]],
  'double space (doublespacing / 1303)': [['doublespacing'], [1303]],
  'punctuation spacing (puncspacing / 1403, 1404)': [['puncspacing'], [1403, 1404]],
  'capitals (startcaps, simplecaps / 1407)': [['startcaps', 'simplecaps'], [1407]],
}
// A PO string literal's text: its C escapes read, raw characters (a tab json2po kept) as they are.
const ESCAPES = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v' }
const unq = (s) => s.slice(1, -1).replace(/\\(.)/g, (_, c) => ESCAPES[c] ?? c)
// pofilter output: entries with "# (pofilter) test: message" comments
const theirs = new Map() // file|key -> { tests: Map(test -> message), source, target, locale }
const poFiles = (dir) => fs.readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.po')).map((f) => f.split(path.sep).join('/'))
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'vs-pofilter-'))
for (const file of poFiles(head)) {
  const out = path.join(work, 'out.po')
  fs.rmSync(out, { force: true })
  spawnSync('pofilter', ['--nofuzzy', '-i', path.join(head, file), '-o', out])
  if (!fs.existsSync(out)) continue
  const locale = path.basename(file, '.po')
  for (const block of fs.readFileSync(out, 'utf8').split(/\n\n+/)) {
    const tests = [...block.matchAll(/^# \(pofilter\) ([a-z_]+): (.*)$/gm)]
    if (!tests.length) continue
    const field = (name) => { const mm = new RegExp(`^${name} ((?:".*"\\n?)+)`, 'm').exec(block + '\n'); return mm ? mm[1].trim().split('\n').map(unq).join('') : undefined }
    const ctx = field('msgctxt'), id = field('msgid')
    // tqg's key of a PO entry: msgctxt, U+0004, msgid (as gettext).
    const key = `${file}|${ctx !== undefined ? ctx + '\u0004' : ''}${id}`
    const e = theirs.get(key) ?? { tests: new Map(), source: id, target: field('msgstr') ?? field('msgstr\\[0\\]'), locale }
    for (const t of tests) e.tests.set(t[1], t[2])
    theirs.set(key, e)
  }
}
fs.rmSync(work, { recursive: true, force: true })
const ours = new Map()
for (const s of JSON.parse(fs.readFileSync(report, 'utf8')).segments) {
  ours.set(`${s.file}|${s.key}`, { rules: new Map(s.issues.map((i) => [i.r, i.d])), source: s.source, target: s.target, locale: s.locale })
}
let x = Number(seed) * 2654435761 % 4294967296
const rnd = () => ((x = (x * 1664525 + 1013904223) % 4294967296) / 4294967296)
const shuffle = (a) => { for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [a[i], a[j]] = [a[j], a[i]] } return a }
console.log(`entries: ours ${ours.size}, pofilter flagged ${theirs.size}`)
for (const [family, [tests, rules]] of Object.entries(FAMILIES)) {
  const T = new Set([...theirs].filter(([, e]) => tests.some((t) => e.tests.has(t))).map(([k]) => k))
  const O = new Set([...ours].filter(([, e]) => rules.some((r) => e.rules.has(r))).map(([k]) => k))
  const both = [...T].filter((k) => O.has(k))
  console.log(`${family}: pofilter ${T.size}, ours ${O.size}, both ${both.length}, only pofilter ${T.size - both.length}, only ours ${O.size - both.length}`)
  if (only && family.startsWith(only)) {
    const cut = (s) => JSON.stringify(s ?? '').slice(0, 110)
    const show = (k) => { const e = theirs.get(k) ?? ours.get(k); const o = ours.get(k); const t = theirs.get(k); return `[${(o ?? t).locale}] S: ${cut((o ?? t).source)} T: ${cut((o ?? t).target)}\n      pofilter: ${t ? tests.filter((q) => t.tests.has(q)).map((q) => q + ': ' + t.tests.get(q)).join('; ') : '-'}\n      ours: ${o ? rules.filter((r) => o.rules.has(r)).map((r) => o.rules.get(r)).join('; ') : '-'}` }
    console.log('  ONLY POFILTER:'); shuffle([...T].filter((k) => !O.has(k))).slice(0, Number(n)).forEach((k, i) => console.log(`  p${i} ${show(k)}`))
    console.log('  ONLY OURS:'); shuffle([...O].filter((k) => !T.has(k))).slice(0, Number(n)).forEach((k, i) => console.log(`  o${i} ${show(k)}`))
  }
}
