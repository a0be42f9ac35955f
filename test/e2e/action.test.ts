// The bundled action (dist/index.js, as committed) run as the runner runs it, against the
// fake GitHub API and a real git repository checked out at the PR's merge commit.
import { afterEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { commitChanges } from '../../src/changes/git.js'
import { silentLogger } from '../../src/log.js'
import { runPipeline } from '../../src/run.js'
import { MemoryScoreCache } from '../../src/scorers/cache.js'
import { resolveSettings } from '../../src/settings.js'
import type { FakeGitHub } from '../emulators/github.js'
import { annotationsOn, fakeGitHub, GITHUB_TOKEN as TOKEN, node24, openPr, payloadOf, runOn as run, type Pr } from '../helpers/action-pr.js'
import { git, TestRepo } from '../helpers/git-repo.js'
import { memoryChanges } from '../helpers/trees.js'

const CONFIG = readFileSync('examples/translation-quality.yml', 'utf8')
const SCORES = readFileSync('examples/scores.json', 'utf8')
const SUPPORT = { '.github/translation-quality.yml': CONFIG, 'examples/scores.json': SCORES }

// The defects planted in examples/head (see `npm run demo`): file, line, rule.
const PLANTED: Array<[string, number, number]> = [
  ['config/locales/de.yml', 8, 1081],
  ['config/locales/es.yml', 1, 1009],
  ['locales/de/common.json', 16, 1061],
  ['locales/de/common.json', 17, 1005],
  ['locales/de/common.json', 18, 1004],
  ['locales/de/common.json', 21, 1006],
  ['locales/de/common.json', 23, 1302],
  ['locales/fr/common.json', 14, 1063],
  ['locales/fr/common.json', 20, 1901],
  ['locales/it/common.json', 13, 1001],
  ['locales/en/common.json', 13, 1007],
  ['locales/fr/common.json', 15, 1011], // information: no items_many (French, for millions)
  ['config/locales/es.yml', 6, 1011], // information: no count.many (Spanish, for millions)
]
/** Review comments carry errors and warnings only. */
const INLINE = PLANTED.filter(([, , rule]) => rule !== 1011)

// The planted defects with a mechanical fix, worst first: the line their review comment suggests.
const SUGGESTED: Array<[string, number, number, string]> = [
  ['locales/fr/common.json', 14, 1063, '    "remove": "Retirer {{item}} du panier ?",'],
  ['locales/de/common.json', 23, 1302, '  "greeting": "Willkommen zurück, {{name}}!"'],
]

/** The file as GitHub's "Commit suggestion" leaves it: the commented line replaced by the suggested lines. */
function applySuggestion(text: string, line: number, body: string): string {
  const m = /^(`{3,})suggestion\n([\s\S]*?)\n\1$/m.exec(body)
  if (!m) throw new Error(`No suggested change in: ${body}`)
  const lines = text.split('\n')
  lines.splice(line - 1, 1, ...m[2].split('\n'))
  return lines.join('\n')
}

/** Rule numbers the pipeline finds on a line of a file after a suggested change is applied. */
async function rulesAfter(pr: Pr, file: string, line: number, body: string): Promise<number[]> {
  const read = (tree: string, path: string) => readFileSync(join('examples', tree, path), 'utf8')
  const source = file.replace(/locales\/\w+\//, 'locales/en/')
  const base = { [source]: read('base', source), [file]: read('base', file) }
  const head = { [source]: read('head', source), [file]: applySuggestion(read('head', file), line, body) }
  const settings = resolveSettings({ inputs: { files: 'locales/{locale}/common.json' }, origin: (n) => `input '${n}'` })
  const report = await runPipeline(settings, { changes: memoryChanges(base, head), scorers: [], cache: new MemoryScoreCache(), log: silentLogger })
  return report.findings.filter((f) => f.file === file && f.line === line).map((f) => f.issue.r)
}

const open: Array<{ repo: TestRepo; fake: FakeGitHub }> = []

async function examplesPr(number = 7): Promise<Pr> {
  const repo = TestRepo.create()
  const base = repo.commit('main', 'App with translations', { tree: 'examples/base', files: SUPPORT })
  const head = repo.commit('translations', 'Sync translations from the TMS', { from: base, tree: 'examples/head', files: SUPPORT })
  const fake = await fakeGitHub(repo)
  open.push({ repo, fake })
  return openPr(repo, fake, number, { ref: 'main', sha: base }, { ref: 'translations', sha: head })
}

afterEach(async () => {
  for (const { repo, fake } of open.splice(0)) {
    await fake.close()
    repo.remove()
  }
})

describe('the bundled action on a pull request', () => {
  it('reports every planted defect of examples/ on its line in the check run and the comment, and fails the step', async () => {
    const pr = await examplesPr()
    const result = await run(pr)
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('::error::FAILED on error, below-threshold')

    expect(pr.fake.checkRuns).toHaveLength(1)
    const check = pr.fake.checkRuns[0]
    expect(check).toMatchObject({ name: 'Translation quality', head_sha: pr.head, status: 'completed', conclusion: 'failure' })
    const annotations = annotationsOn(check)
    for (const [file, line, rule] of PLANTED) {
      expect(annotations.some(([p, l, title]) => p === file && l === line && title.includes(`(${rule})`))).toBe(true)
    }
    expect(check.annotations.find((a) => a.path === 'locales/de/common.json' && a.start_line === 16)).toMatchObject({ annotation_level: 'failure' })
    expect(check.annotations.find((a) => a.path === 'locales/de/common.json' && a.start_line === 21)).toMatchObject({ annotation_level: 'warning' })

    expect(pr.fake.comments).toHaveLength(1)
    const body = pr.fake.comments[0].body
    expect(body.startsWith('<!-- translation-quality-gate name=Translation%20quality -->')).toBe(true)
    const rows = body.split('\n').filter((l) => l.startsWith('| '))
    for (const [file, line, rule] of PLANTED) {
      const link = `https://github.com/acme/shop/blob/${pr.head}/${file}#L${line})`
      expect(rows.some((r) => r.includes(link) && r.includes(`| ${rule} `))).toBe(true)
    }

    expect(result.outputs).toMatchObject({ passed: 'false', errors: '6', warnings: '4', 'below-threshold': '1', scored: '2', 'average-score': '0.6750', 'sarif-file': '' })
    const report = JSON.parse(readFileSync(result.outputs['report-file'], 'utf8'))
    expect(report).toMatchObject({ version: 1, passed: false, summary: { errors: 6, warnings: 4 } })
    expect(result.outputs['report-file']).toBe(join(result.outputs['report-file'].split('/translation-quality-report.json')[0], 'translation-quality-report.json'))
    expect(result.summary).toContain('Translation quality')
    expect(result.summary).toContain(`blob/${pr.head}/locales/de/common.json#L16`)
    // Files read with git: no request per file.
    expect(pr.fake.requests.filter((r) => r.path.includes('/git/blobs/'))).toEqual([])
    expect(result.stdout).toMatch(/\d+ GitHub API requests \(\d+ of the hourly budget left\)/)
    // The token reaches the runner once, to be masked; no other line shows it.
    const lines = (result.stdout + result.stderr).split('\n').filter((l) => l.includes(TOKEN.slice(4)))
    expect(lines).toEqual([`::add-mask::${TOKEN}`])
  })

  it('edits its one comment on the second run instead of posting another', async () => {
    const pr = await examplesPr()
    await run(pr)
    const first = pr.fake.comments.map((c) => ({ ...c }))
    const second = await run(pr, {}, { env: { GITHUB_RUN_ID: '4243' } })
    expect(second.code).toBe(1)
    expect(pr.fake.comments).toHaveLength(1)
    expect(pr.fake.comments[0].id).toBe(first[0].id)
    expect(pr.fake.comments[0].edits).toBe(1)
    expect(pr.fake.comments[0].body).toContain('actions/runs/4243')
    expect(pr.fake.checkRuns).toHaveLength(2)
  })

  it('falls back to workflow annotations and the job summary with a read-only token, with the same verdict', async () => {
    const pr = await examplesPr()
    pr.fake.readOnly = true
    const result = await run(pr)
    expect(result.code).toBe(1)
    expect(pr.fake.checkRuns).toEqual([])
    expect(pr.fake.comments).toEqual([])
    const warnings = result.stdout.split('\n').filter((l) => l.startsWith('::warning::'))
    expect(warnings.filter((l) => l.includes('lacks'))).toHaveLength(1)
    expect(warnings.find((l) => l.includes('lacks'))).toContain('`checks: write` and `pull-requests: write`')
    // Worst first: the errors come before any warning annotation.
    const annotations = result.stdout.split('\n').filter((l) => /^::(error|warning|notice) .*file=/.test(l))
    expect(annotations).toHaveLength(PLANTED.length)
    expect(annotations.findIndex((l) => l.startsWith('::warning'))).toBeGreaterThan(annotations.findLastIndex((l) => l.startsWith('::error')))
    expect(annotations.some((l) => l.includes(',file=locales/de/common.json,line=16::'))).toBe(true)
    expect(result.outputs.passed).toBe('false')
    for (const [file, line] of PLANTED) expect(result.summary).toContain(`blob/${pr.head}/${file}#L${line}`)
    expect(result.summary).toContain('The token lacks `checks: write` and `pull-requests: write`')
  })
})

describe('the bundled action on other events and edge cases', () => {
  it('comments inline on the changed lines once, and does not repeat the comments on the next run', async () => {
    const pr = await examplesPr()
    const first = await run(pr, { comment: 'both' })
    expect(first.code).toBe(1)
    expect(pr.fake.reviews).toHaveLength(1)
    expect(pr.fake.reviews[0]).toMatchObject({ commit_id: pr.head, event: 'COMMENT' })
    const anchored = pr.fake.reviewComments.map((c) => [c.path, c.line, c.side])
    for (const [file, line] of INLINE) expect(anchored).toContainEqual([file, line, 'RIGHT'])
    expect(pr.fake.comments).toHaveLength(1)
    // One click on the suggested change fixes the planted defect, and nothing else changes on the line.
    const withSuggestion = pr.fake.reviewComments.filter((c) => /^`{3,}suggestion$/m.test(c.body))
    expect(withSuggestion.map((c) => [c.path, c.line])).toEqual(SUGGESTED.map(([file, line]) => [file, line]))
    for (const [file, line, rule, expected] of SUGGESTED) {
      const comment = withSuggestion.find((c) => c.path === file && c.line === line)!
      expect(comment.body).toContain(`\`\`\`suggestion\n${expected}\n\`\`\``)
      expect(await rulesAfter(pr, file, line, comment.body)).not.toContain(rule)
    }
    expect(first.stdout).toContain(`${withSuggestion.length} with a suggested change`)

    const second = await run(pr, { comment: 'both', 'sarif-file': 'reports/tq.sarif' })
    expect(second.code).toBe(1)
    expect(second.outputs['sarif-file']).toBe(join(pr.workspace, 'reports/tq.sarif'))
    const sarif = JSON.parse(readFileSync(second.outputs['sarif-file'], 'utf8'))
    expect(sarif.runs[0].results).toHaveLength(PLANTED.length)
    expect(pr.fake.reviews).toHaveLength(1)
    expect(pr.fake.reviewComments).toHaveLength(anchored.length)
    expect(second.stdout).toContain(`${anchored.length} already commented`)
  })

  it('reads the files through the API when the workspace is not a checkout, with the same findings', async () => {
    const pr = await examplesPr()
    const empty = mkdtempSync(join(pr.repo.root, 'no-checkout-'))
    const result = await run({ ...pr, workspace: empty }, { comment: 'both' })
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('read with the GitHub API')
    expect(pr.fake.requests.filter((r) => r.path.includes('/git/blobs/')).length).toBeGreaterThan(0)
    expect(pr.fake.requests.some((r) => r.path.endsWith('/pulls/7/files'))).toBe(true)
    const annotations = annotationsOn(pr.fake.checkRuns[0])
    for (const [file, line, rule] of PLANTED) expect(annotations.some(([p, l, title]) => p === file && l === line && title.includes(`(${rule})`))).toBe(true)
    const anchored = pr.fake.reviewComments.map((c) => [c.path, c.line])
    for (const [file, line] of INLINE) expect(anchored).toContainEqual([file, line])
    // The API's patches carry the same line texts as git's diff: the same suggested changes.
    const suggested = pr.fake.reviewComments.filter((c) => /^`{3,}suggestion$/m.test(c.body)).map((c) => [c.path, c.line])
    expect(suggested).toEqual(SUGGESTED.map(([file, line]) => [file, line]))
  })

  it('annotates more than 50 findings through several check-run requests and trims the comment under 65,536 characters', async () => {
    const repo = TestRepo.create()
    const source = (i: number) => `Your order {{count}} number ${i} has shipped and will arrive soon; track it from your account page or the email we sent to you earlier today`
    const en = Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`order_${i}`, source(i)]))
    const de = Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`order_${i}`, `Ihre Bestellung Nummer ${i} wurde versandt und kommt bald an; verfolgen Sie sie in Ihrem Konto oder über die E-Mail von heute`]))
    const config = 'version: 1\nfiles:\n  - locales/{locale}/*.json\n'
    const base = repo.commit('main', 'Source strings', { files: { 'locales/en/orders.json': JSON.stringify(en, null, 2), '.github/translation-quality.yml': config } })
    const head = repo.commit('de', 'German', { from: base, files: { 'locales/de/orders.json': JSON.stringify(de, null, 2) } })
    const fake = await fakeGitHub(repo)
    open.push({ repo, fake })
    const pr = openPr(repo, fake, 9, { ref: 'main', sha: base }, { ref: 'de', sha: head })
    const result = await run(pr)
    expect(result.code).toBe(1)
    expect(result.outputs.errors).toBe('400')
    const [check] = fake.checkRuns
    expect(check.annotations).toHaveLength(200)
    expect(check.requests).toBe(4)
    expect(fake.requests.filter((r) => r.path.includes('/check-runs')).map((r) => [r.method, r.status])).toEqual([['POST', 201], ['PATCH', 200], ['PATCH', 200], ['PATCH', 200]])
    // Worst first and in order: the first 200 of 400 rows.
    expect(check.annotations.map((a) => a.start_line)).toEqual([...check.annotations.map((a) => a.start_line)].sort((a, b) => a - b))
    expect(check.output.summary!.length).toBeLessThanOrEqual(65535)
    expect(check.output.summary).toContain('Annotated on their lines: the 200 worst of 400 findings (`max-annotations`).')
    const body = fake.comments[0].body
    expect(body.length).toBeLessThanOrEqual(65536)
    expect(body).toContain("Cut to fit GitHub's limit: 400 finding(s) in all.")
    expect(body).toContain('[job summary](https://github.com/acme/shop/actions/runs/4242)')
    // The job summary has room for all 400.
    expect(result.summary.split('\n').filter((l) => l.startsWith('| ❌ error'))).toHaveLength(400)
  })

  it('compares with the merge base when the base branch moved on: no false findings', async () => {
    const repo = TestRepo.create()
    const config = 'version: 1\nfiles:\n  - locales/{locale}/*.json\n'
    const json = (o: object) => `${JSON.stringify(o, null, 2)}\n`
    // Keys far enough apart that git merges the two branches without a conflict.
    const filler = Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f'].map((k) => [`item_${k}`, k.toUpperCase()]))
    const b0 = repo.commit('main', 'App', {
      files: {
        '.github/translation-quality.yml': config,
        'locales/en/app.json': json({ help: 'Help', ...filler, home: 'Home' }),
        'locales/de/app.json': json({ help: 'Help', ...filler, home: 'Start' }),
      },
    })
    const head = repo.commit('cart', 'Cart strings', {
      from: b0,
      files: {
        'locales/en/app.json': json({ help: 'Help', ...filler, home: 'Home', cart: 'Cart', count: '{{count}} items' }),
        'locales/de/app.json': json({ help: 'Help', ...filler, home: 'Start', cart: 'Warenkorb', count: 'Artikel' }),
      },
    })
    const b1 = repo.commit('main', 'Translate help, add about', {
      files: {
        'locales/en/app.json': json({ about: 'About', help: 'Help', ...filler, home: 'Home' }),
        'locales/de/app.json': json({ about: 'Über', help: 'Hilfe', ...filler, home: 'Start' }),
      },
    })
    const fake = await fakeGitHub(repo)
    open.push({ repo, fake })
    const pr = openPr(repo, fake, 3, { ref: 'main', sha: b1 }, { ref: 'cart', sha: head })
    const result = await run(pr)
    expect(result.code).toBe(1)
    const findings = JSON.parse(readFileSync(result.outputs['report-file'], 'utf8')).segments.flatMap((s: { key: string; issues: Array<{ r: number }> }) => s.issues.map((i) => [s.key, i.r]))
    expect(findings).toEqual([['count', 1061]])
    expect(fake.checkRuns[0].annotations.map((a) => [a.path, a.start_line])).toEqual([['locales/de/app.json', 11]])
    expect(result.stdout).toContain(`merge base ${b0.slice(0, 7)}`)

    // The trap is real: against the base branch's tip, the untouched "Help" looks changed.
    const tip = commitChanges(repo.origin, b1, head, { base: 'tip', head: 'head', description: 'tip → head' })
    const settings = resolveSettings({ inputs: { files: 'locales/{locale}/*.json' }, origin: (n) => n })
    const report = await runPipeline(settings, { changes: tip, scorers: [], cache: new MemoryScoreCache(), log: silentLogger })
    tip.close?.()
    expect(report.findings.map((f) => [f.key, f.issue.r])).toContainEqual(['help', 1006])
  })

  it('under pull_request_target reads the config from the base commit, never from the PR', async () => {
    const repo = TestRepo.create()
    const json = (o: object) => `${JSON.stringify(o, null, 2)}\n`
    const base = repo.commit('main', 'App', {
      files: {
        '.github/translation-quality.yml': 'version: 1\nfiles:\n  - locales/{locale}/*.json\nfail-on: [error]\n',
        'locales/en/app.json': json({ title: 'Hello {{name}}' }),
        'locales/de/app.json': json({ title: 'Hallo {{name}}' }),
      },
    })
    const head = repo.commit('fork', 'Relax the gate', {
      from: base,
      files: {
        '.github/translation-quality.yml': 'version: 1\nfiles:\n  - locales/{locale}/*.json\nfail-on: [never]\n',
        'locales/de/app.json': json({ title: 'Hallo' }),
      },
    })
    const merge = repo.mergeCommit(5, base, head)
    const fake = await fakeGitHub(repo)
    open.push({ repo, fake })
    fake.addPull({ number: 5, base: { ref: 'main', sha: base }, head: { ref: 'fork', sha: head }, headRepo: 'mallory/shop' })
    const payload = payloadOf(5, { ref: 'main', sha: base }, { ref: 'fork', sha: head }, 'mallory/shop')
    // pull_request_target checks out the base branch.
    const target: Pr = { repo, fake, base, head, merge, workspace: repo.checkout(base), payload }
    const trusted = await run(target, {}, { eventName: 'pull_request_target' })
    expect(trusted.code).toBe(1)
    expect(trusted.stdout).toContain(`.github/translation-quality.yml (the base commit ${base.slice(0, 7)})`)
    expect(fake.checkRuns[0]).toMatchObject({ head_sha: head, conclusion: 'failure' })

    // Under pull_request the PR's own config applies (and the PR's code runs anyway).
    const untrusted = await run({ ...target, workspace: repo.checkout(merge) }, {}, { eventName: 'pull_request' })
    expect(untrusted.code).toBe(0)
    expect(untrusted.outputs).toMatchObject({ passed: 'true', errors: '1' })
  })

  it("under pull_request_target detects the locale files from the base commit's .phrase.yml, not the PR's", async () => {
    const repo = TestRepo.create()
    const json = (o: object) => `${JSON.stringify(o, null, 2)}\n`
    const phrase = (dir: string) => `phrase:\n  pull:\n    targets:\n      - file: ${dir}/<locale_name>.json\n`
    const base = repo.commit('main', 'App', {
      files: { '.phrase.yml': phrase('strings'), 'strings/en.json': json({ title: 'Hello {{name}}' }), 'strings/de.json': json({ title: 'Hallo {{name}}' }) },
    })
    // The PR breaks a placeholder and points detection somewhere else, so that nothing is checked.
    const head = repo.commit('fork', 'Translations', { from: base, files: { '.phrase.yml': phrase('nowhere'), 'strings/de.json': json({ title: 'Hallo' }) } })
    const merge = repo.mergeCommit(6, base, head)
    const fake = await fakeGitHub(repo)
    open.push({ repo, fake })
    fake.addPull({ number: 6, base: { ref: 'main', sha: base }, head: { ref: 'fork', sha: head }, headRepo: 'mallory/shop' })
    const payload = payloadOf(6, { ref: 'main', sha: base }, { ref: 'fork', sha: head }, 'mallory/shop')
    const result = await run({ repo, fake, base, head, merge, workspace: repo.checkout(base), payload }, {}, { eventName: 'pull_request_target' })
    expect(result.outputs).toMatchObject({ passed: 'false', segments: '1', errors: '1' })
    expect(result.code).toBe(1)
  })

  it('on a push compares the two commits, with a check run and no comment; RUNNER_DEBUG logs the requests', async () => {
    const pr = await examplesPr()
    pr.fake.allowHead(pr.head)
    const payload = { ref: 'refs/heads/translations', before: pr.base, after: pr.head, repository: { full_name: 'acme/shop' } }
    const result = await run({ ...pr, workspace: pr.repo.checkout(pr.head) }, { comment: 'both' }, { eventName: 'push', payload, env: { RUNNER_DEBUG: '1' } })
    expect(result.code).toBe(1)
    expect(pr.fake.checkRuns).toHaveLength(1)
    expect(pr.fake.checkRuns[0]).toMatchObject({ head_sha: pr.head, conclusion: 'failure' })
    expect(pr.fake.comments).toEqual([])
    expect(pr.fake.reviews).toEqual([])
    expect(result.stdout).toContain(`::debug::GitHub API GET /repos/acme/shop/compare/${pr.base}...${pr.head} -> 200`)
    expect(result.stdout).toContain('::debug::GitHub API POST /repos/acme/shop/check-runs -> 201')
  })

  it.each([
    ['created the branch', (_pr: Pr) => '0'.repeat(40), 'The push created translations, so there is no earlier commit to compare with.'],
    [
      'was forced and the commit before it is gone',
      (pr: Pr) => {
        // The branch as it was before the force push: pushed, then replaced and pruned from origin.
        const old = pr.repo.commit('old-translations', 'Earlier sync', { from: pr.base, files: { 'locales/de/common.json': '{}\n' } })
        git(pr.repo.origin, ['update-ref', '-d', 'refs/heads/old-translations'])
        pr.repo.pruneOrigin()
        return old
      },
      'cannot be found (was the branch force-pushed?)',
    ],
  ])('on a push that %s compares with the merge base with the default branch, says so, and finds every planted defect', async (_name, before, notice) => {
    const pr = await examplesPr()
    pr.fake.allowHead(pr.head)
    const payload = { ref: 'refs/heads/translations', before: before(pr), after: pr.head, forced: true, repository: { full_name: 'acme/shop', default_branch: 'main' } }
    const result = await run({ ...pr, workspace: pr.repo.checkout(pr.head) }, {}, { eventName: 'push', payload })
    expect(result.code).toBe(1)
    const notices = result.stdout.split('\n').filter((l) => l.startsWith('::notice::'))
    expect(notices).toHaveLength(1)
    expect(notices[0]).toContain(notice)
    expect(notices[0]).toContain(`Compared ${pr.head.slice(0, 7)} with the merge base ${pr.base.slice(0, 7)} with main instead.`)
    expect(pr.fake.checkRuns).toHaveLength(1)
    const annotations = annotationsOn(pr.fake.checkRuns[0])
    for (const [file, line, rule] of PLANTED) expect(annotations.some(([p, l, title]) => p === file && l === line && title.includes(`(${rule})`))).toBe(true)
    expect(result.summary).toContain(`against the merge base ${pr.base.slice(0, 7)} with main`)
  })

  it('says why and exits 0 on an event it cannot check, without touching the API', async () => {
    const pr = await examplesPr()
    const result = await run(pr, {}, { eventName: 'issues', payload: { action: 'opened' } })
    expect(result.code).toBe(0)
    expect(result.stdout).toContain("::notice::Translation quality: nothing to check, because the 'issues' event has no changes to compare")
    expect(pr.fake.requests).toEqual([])
  })

  it('writes nothing to the PR when its head moved on during the run, and keeps the verdict', async () => {
    const pr = await examplesPr()
    const newer = pr.repo.commit('translations', 'Fix German', { files: { 'locales/de/common.json': '{}\n' } })
    pr.fake.addPull({ number: 7, base: { ref: 'main', sha: pr.base }, head: { ref: 'translations', sha: newer } })
    const result = await run(pr)
    expect(result.code).toBe(1)
    expect(pr.fake.checkRuns).toEqual([])
    expect(pr.fake.comments).toEqual([])
    expect(result.stdout).toContain(`::warning::Nothing written to the pull request: the pull request's head moved from ${pr.head.slice(0, 7)} to ${newer.slice(0, 7)}`)
    expect(result.summary).toContain('Nothing was written to the pull request')
  })

  it('fails with a message naming the input and the expected form on a bad input', async () => {
    const pr = await examplesPr()
    const result = await run(pr, { threshold: 'high' })
    expect(result.code).toBe(1)
    expect(result.stdout).toContain("::error::Invalid input 'threshold': 'high'. Expected a number from 0 to 1.")
    expect(pr.fake.requests).toEqual([])
  })

  it.each([
    ['broken', '[\n  {"file": "locales/fr/common.json", "key": "a", "score": 0.5},\n  {"file": "x" "key": "b", "score": 1}\n]\n', `Invalid scores-file examples/scores.json:3:15: Missing ',' after the value of "file". Expected JSON: a list of`],
    ['missing', null, "Invalid scores-file: 'examples/scores.json' cannot be read (examples/scores.json not found in the workspace). Expected the path of a JSON file."],
  ])('fails the step on a %s scores file with a settings message naming it, and writes nothing', async (_name, text, message) => {
    const repo = TestRepo.create()
    const files = { ...SUPPORT, 'examples/scores.json': text }
    const base = repo.commit('main', 'App with translations', { tree: 'examples/base', files })
    const head = repo.commit('translations', 'Sync translations from the TMS', { from: base, tree: 'examples/head', files })
    const fake = await fakeGitHub(repo)
    open.push({ repo, fake })
    const result = await run(openPr(repo, fake, 9, { ref: 'main', sha: base }, { ref: 'translations', sha: head }))
    expect(result.code).toBe(1)
    const errors = result.stdout.split('\n').filter((l) => l.startsWith('::error'))
    expect(errors).toHaveLength(1)
    expect(errors[0].startsWith(`::error::${message}`)).toBe(true)
    expect(fake.checkRuns).toEqual([])
    expect(fake.comments).toEqual([])
  })

  it('runs the same on Node 24 (the npm registry node package)', async () => {
    const pr = await examplesPr()
    const result = await run(pr, {}, { node: [node24()] })
    expect(result.stdout).toMatch(/on Node v24\./)
    expect(result.code).toBe(1)
    expect(result.outputs).toMatchObject({ passed: 'false', errors: '6', warnings: '4' })
    const annotations = annotationsOn(pr.fake.checkRuns[0])
    for (const [file, line, rule] of PLANTED) expect(annotations.some(([p, l, title]) => p === file && l === line && title.includes(`(${rule})`))).toBe(true)
    expect(pr.fake.comments).toHaveLength(1)
  })
})
