// The whole CLI, in-process, on one pull request holding every format's planted-defect PR
// fixture side by side, with one head file replaced by a mutated one (a translation mostly,
// sometimes a source). The run never fails internally (exit 0 or 1, never 2 or 3), every
// problem the broken file has is reported on its line, its segments sit on their units'
// lines, and the findings of the files that do not depend on it are still reported where
// they were without the broken file: every other bundle's, and for a broken translation its
// sibling translations'.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { findBundles } from '../../src/bundles.js'
import { formatForPath, formats, readUnits } from '../../src/formats/index.js'
import { RULE } from '../../src/rules.js'
import { LineIndex } from '../../src/span.js'
import { tqg } from '../helpers/cli.js'
import { mutate } from './mutate.js'
import { BASE_SEED, caseCount, hashSeed, Rng } from './random.js'
import { seedsOf } from './seeds.js'

const CASES = caseCount(0.1)
const root = fileURLToPath(new URL('../../', import.meta.url))

/** Each format's PR fixture (base and head trees) and its `files` patterns, relative to the tree. */
const PRS: Array<{ dir: string; from: string; patterns: string[] }> = [
  { dir: 'po', from: 'test/fixtures/po/pr', patterns: ['po/{locale}.po'] },
  { dir: 'strings', from: 'test/fixtures/strings/pr', patterns: ['App/{locale}.lproj/Localizable.strings'] },
  { dir: 'xcstrings', from: 'test/fixtures/xcstrings/pr', patterns: ['App/Localizable.xcstrings'] },
  { dir: 'arb', from: 'test/fixtures/arb/pr', patterns: ['lib/l10n/app_{locale}.arb'] },
  { dir: 'chrome', from: 'test/fixtures/chrome/pr', patterns: ['extension/_locales/{locale}/messages.json'] },
  { dir: 'properties', from: 'test/fixtures/properties/pr', patterns: ['**/*{_locale}.properties'] },
  { dir: 'xliff', from: 'test/fixtures/xliff/pr', patterns: ['src/locale/messages{.locale}.xlf', 'i18n/{locale}.xlf'] },
  { dir: 'android', from: 'test/fixtures/android/pr', patterns: ['app/src/main/res/values{-locale}/*.xml'] },
  { dir: 'resx', from: 'test/fixtures/resx/pr', patterns: ['src/Billing/Properties/Resources{.locale}.resx'] },
  { dir: 'stringsdict', from: 'test/fixtures/stringsdict/pr', patterns: ['Trailhead/{locale}.lproj/Localizable.stringsdict'] },
  { dir: 'json', from: 'examples', patterns: ['locales/{locale}/*.json'] },
  { dir: 'yaml', from: 'examples', patterns: ['config/locales/{locale}.yml'] },
]
const patterns = PRS.flatMap((pr) => pr.patterns.map((p) => `${pr.dir}/${p}`))

interface Found {
  file: string
  line: number
  rule: number
}
interface JsonReport {
  segments: Array<{ file: string; line: number; key: string; locale: string; issues: Array<{ r: number }> }>
  fileFindings: Array<{ file: string; line: number; issue: { r: number } }>
}

let tree: string
const base = () => join(tree, 'base')
const head = () => join(tree, 'head')

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort()
}

async function run(): Promise<{ code: number; report: JsonReport; found: Found[]; stderr: string }> {
  const { code, stdout, stderr } = await tqg([base(), head(), '--files', patterns.join('\n'), '--format', 'json'], { cwd: tree })
  const report = (stdout ? JSON.parse(stdout) : { segments: [], fileFindings: [] }) as JsonReport
  const found = [
    ...report.segments.flatMap((s) => s.issues.map((i) => ({ file: s.file, line: s.line, rule: i.r }))),
    ...report.fileFindings.map((f) => ({ file: f.file, line: f.line, rule: f.issue.r })),
  ]
  return { code, report, found, stderr }
}

const id = (f: Found) => `${f.file}:${f.line}:${f.rule}`

let baseline: Found[]
/** The head files a case may break, with their locale, bundle and role. */
let files: Array<{ path: string; locale: string; bundle: number; source: boolean }>

beforeAll(async () => {
  tree = mkdtempSync(join(tmpdir(), 'tqg-fuzz-'))
  for (const pr of PRS) for (const side of ['base', 'head']) cpSync(join(root, pr.from, side), join(tree, side, pr.dir), { recursive: true })
  files = findBundles(patterns, filesUnder(head()), 'en').flatMap((b, bundle) => [
    ...(b.source ? [{ ...b.source, bundle, source: true }] : []),
    ...b.targets.map((t) => ({ ...t, bundle, source: false })),
  ])
  baseline = (await run()).found
})

afterAll(() => rmSync(tree, { recursive: true, force: true }))

describe('the CLI on a pull request with one broken file', () => {
  it('finds the planted defects of every format without a broken file', async () => {
    const { code } = await run()
    expect(code).toBe(1)
    for (const pr of PRS) expect([pr.dir, baseline.some((f) => f.file.startsWith(`${pr.dir}/`))]).toEqual([pr.dir, true])
    expect(files.filter((f) => !f.source).length).toBeGreaterThan(20)
  })

  it(`keeps the findings of files that do not depend on the broken one, and reports it on its lines (${CASES} cases, seed ${BASE_SEED})`, async () => {
    const donors = formats.flatMap((f) => seedsOf(f).map((s) => s.bytes))
    let broken = 0
    for (let i = 0; i < CASES; i++) {
      const rng = new Rng(hashSeed(BASE_SEED, 'pipeline', i))
      const target = rng.chance(0.2) ? rng.pick(files.filter((f) => f.source)) : rng.pick(files.filter((f) => !f.source))
      const file = join(head(), target.path)
      const original = readFileSync(file)
      const { bytes, steps } = mutate(new Uint8Array(original), rng, donors)
      const label = `case ${i}: ${target.path} after ${steps.join('; ')}`
      writeFileSync(file, bytes)
      try {
        const { code, report, found, stderr } = await run()
        expect([label, code, stderr]).toEqual([label, code === 0 ? 0 : 1, ''])
        const now = new Set(found.map(id))
        // A broken source changes what its translations are compared with; a broken
        // translation only the stale-source finding that lists it.
        const bundle = files.filter((f) => f.bundle === target.bundle)
        const depends = (f: Found) => f.file === target.path || (target.source ? bundle.some((b) => b.path === f.file) : f.rule === RULE.stale && bundle.some((b) => b.source && b.path === f.file))
        const kept = baseline.filter((f) => !depends(f))
        expect([label, kept.filter((f) => !now.has(id(f)))]).toEqual([label, []])

        const format = formatForPath(target.path)!
        const read = readUnits(format, bytes, { path: target.path, locale: target.locale, sourceLocale: 'en' })
        const lines = new LineIndex(read.text)
        const expected = read.problems.map((p) => ({ file: target.path, line: lines.position(p.offset).line, rule: p.rule ?? RULE.unreadable }))
        expect([label, expected.filter((f) => !now.has(id(f)))]).toEqual([label, []])
        if (expected.length > 0) broken++
        const unitLines = new Map(read.units.map((u) => [`${u.locale ?? ''} ${u.key}`, lines.position(u.span.start).line]))
        const misplaced = report.segments.filter((s) => s.file === target.path && unitLines.get(`${format.multiLocale ? s.locale : ''} ${s.key}`) !== s.line)
        expect([label, misplaced]).toEqual([label, []])
      } finally {
        writeFileSync(file, original)
      }
    }
    // Most cases really break the file.
    expect(broken).toBeGreaterThan(CASES / 2)
  })
})
