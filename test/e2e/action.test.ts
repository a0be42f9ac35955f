// The bundled action (dist/index.js, as committed) run as the runner runs it, against the
// fake GitHub API and a real git repository checked out at the PR's merge commit.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { FakeGitHub, type FakeCheckRun } from '../emulators/github.js'
import { TestRepo } from '../helpers/git-repo.js'
import { runAction, type RunnerResult } from '../helpers/runner.js'

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
]

const TOKEN = 'ghs_e2eTokenThatMustNeverBePrinted42'

interface Pr {
  repo: TestRepo
  fake: FakeGitHub
  base: string
  head: string
  merge: string
  workspace: string
  payload: unknown
}

function payloadOf(number: number, base: { ref: string; sha: string }, head: { ref: string; sha: string }, headRepo = 'acme/shop'): unknown {
  return {
    action: 'synchronize',
    number,
    pull_request: { number, base: { ...base, repo: { full_name: 'acme/shop' } }, head: { ...head, repo: { full_name: headRepo } } },
    repository: { full_name: 'acme/shop', default_branch: 'main' },
  }
}

const open: Array<{ repo: TestRepo; fake: FakeGitHub }> = []

async function examplesPr(number = 7): Promise<Pr> {
  const repo = TestRepo.create()
  const base = repo.commit('main', 'App with translations', { tree: 'examples/base', files: SUPPORT })
  const head = repo.commit('translations', 'Sync translations from the TMS', { from: base, tree: 'examples/head', files: SUPPORT })
  const merge = repo.mergeCommit(number, base, head)
  const fake = await FakeGitHub.start(repo.origin)
  fake.token = TOKEN
  fake.addPull({ number, base: { ref: 'main', sha: base }, head: { ref: 'translations', sha: head } })
  open.push({ repo, fake })
  return { repo, fake, base, head, merge, workspace: repo.checkout(merge), payload: payloadOf(number, { ref: 'main', sha: base }, { ref: 'translations', sha: head }) }
}

function run(pr: Pr, inputs: Record<string, string> = {}, extra: { node?: string[]; env?: Record<string, string>; eventName?: string; payload?: unknown } = {}): Promise<RunnerResult> {
  return runAction({
    dir: pr.repo.root,
    workspace: pr.workspace,
    apiUrl: pr.fake.url,
    eventName: extra.eventName ?? 'pull_request',
    payload: extra.payload ?? pr.payload,
    inputs: { 'github-token': TOKEN, ...inputs },
    node: extra.node,
    env: extra.env,
  })
}

function annotationsOn(run: FakeCheckRun): Array<[string, number, string]> {
  return run.annotations.map((a) => [a.path, a.start_line, a.title ?? ''])
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
