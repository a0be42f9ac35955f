// The writes to GitHub and their fallback, in process against the fake API, with the
// workflow commands captured from standard output.
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { publish, type PublishRequest } from '../../src/action/publish.js'
import { GitHubApi } from '../../src/github-api.js'
import { memoryLogger } from '../../src/log.js'
import { resolveSettings } from '../../src/settings.js'
import { FakeGitHub } from '../emulators/github.js'
import { TestRepo } from '../helpers/git-repo.js'
import { missingPlaceholder, reportOf } from '../helpers/report.js'

let repo: TestRepo
let fake: FakeGitHub
let head: string

beforeAll(async () => {
  repo = TestRepo.create()
  const base = repo.commit('main', 'base', { files: { 'a.json': '{}\n' } })
  head = repo.commit('topic', 'head', { from: base, files: { 'a.json': '{"a": "b"}\n' } })
  fake = await FakeGitHub.start(repo.origin)
  fake.addPull({ number: 1, base: { ref: 'main', sha: base }, head: { ref: 'topic', sha: head } })
})

afterAll(async () => {
  await fake.close()
  repo.remove()
})

afterEach(() => {
  fake.readOnly = false
  fake.token = 'ghs_fake_workflow_token'
})

const HOSTILE_FILE = 'locales/de/a,b::c%0A\n.json'

async function publishWith(inputs: Record<string, string>, token: string | undefined = fake.token, extra: { findings?: Parameters<typeof reportOf>[0]; warned?: number } = {}) {
  const log = memoryLogger()
  const written: string[] = []
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    written.push(String(chunk))
    return true
  })
  const report = reportOf(
    extra.findings ?? [
      { file: HOSTILE_FILE, key: 'k\n::error::fake', target: '@acme/team', issues: [missingPlaceholder] },
      { file: 'a.json', key: 'x', issues: [{ s: 1, r: 1006, d: 'Untranslated' }] },
    ],
  )
  const request: PublishRequest = {
    api: new GitHubApi({ token, baseUrl: fake.url, log }),
    repo: { owner: 'acme', repo: 'shop' },
    target: { kind: 'pull-request', event: 'pull_request', number: 1, baseSha: head, baseRef: 'main', headSha: head, fork: true },
    headSha: head,
    settings: resolveSettings({ inputs, origin: (n) => n }),
    report,
    link: () => 'https://github.com/acme/shop/blob/x/a.json#L1',
    context: 'test',
    addedLines: async () => new Map(),
    log,
    ...(extra.warned !== undefined && { warned: () => extra.warned! }),
  }
  try {
    const outcome = await publish(request)
    return { outcome, log, stdout: written.join('').split('\n').filter(Boolean) }
  } finally {
    spy.mockRestore()
  }
}

describe('publish', () => {
  it('falls back to escaped workflow annotations and one warning when the token is read-only', async () => {
    fake.readOnly = true
    const { outcome, log, stdout } = await publishWith({ comment: 'both' })
    expect(outcome.missing).toEqual(['`checks: write`', '`pull-requests: write`'])
    expect(outcome.workflowAnnotations).toEqual({ shown: 2, hidden: 0 })
    const commands = stdout.filter((l) => l.startsWith('::'))
    expect(commands).toHaveLength(2)
    // The toolkit's escaping keeps the hostile name and key inside their properties.
    expect(commands[0]).toMatch(/^::error title=i18next-placeholder-missing \(1061\) · de k\\n%3A%3Aerror%3A%3Afake,file=locales\/de\/a%2Cb%3A%3Ac%250A%0A\.json,line=1::Placeholder/)
    expect(commands[1]).toMatch(/^::warning title=untranslated \(1006\) · de x,file=a\.json,line=2::Untranslated/)
    const warnings = log.lines.filter((l) => l.startsWith('warning:'))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('Pull requests from forks get a read-only token.')
  })

  it("counts the step's earlier warnings against GitHub's 10 warning annotations per step", async () => {
    fake.readOnly = true
    const findings = Array.from({ length: 12 }, (_, i) => ({ file: 'a.json', line: i + 1, key: `k${i}`, issues: [{ s: 1 as const, r: 1006, d: 'Untranslated' }] }))
    // Three warnings already shown (a failing quality service...), and the one saying why the findings are here.
    const { outcome, log, stdout } = await publishWith({ comment: 'off' }, fake.token, { findings, warned: 3 })
    const annotated = stdout.filter((l) => l.startsWith('::warning '))
    const ours = log.lines.filter((l) => l.startsWith('warning:'))
    expect(annotated.length + ours.length + 3).toBe(10)
    expect(outcome.workflowAnnotations).toEqual({ shown: annotated.length, hidden: 12 - annotated.length })
  })

  it('names a missing or bad token as such', async () => {
    fake.token = 'ghs_other'
    const { outcome, log } = await publishWith({}, 'ghs_wrong')
    expect(outcome.missing).toEqual(['a valid `github-token`'])
    expect(log.lines.filter((l) => l.startsWith('warning:'))[0]).toContain('The token lacks a valid `github-token`')
  })

  it('writes the check run and the comment when it may, and nothing else to the log', async () => {
    const { outcome, stdout, log } = await publishWith({})
    expect(outcome).toMatchObject({ missing: [], failures: [], checkRun: { annotations: 2 }, comment: { action: 'created' } })
    expect(stdout.filter((l) => l.startsWith('::error') || l.startsWith('::warning'))).toEqual([])
    expect(log.lines.filter((l) => l.startsWith('warning:'))).toEqual([])
  })

  it('annotates from the step with `annotations: workflow`, and writes no check run', async () => {
    const before = fake.checkRuns.length
    const { outcome, stdout } = await publishWith({ annotations: 'workflow', comment: 'off' })
    expect(fake.checkRuns).toHaveLength(before)
    expect(outcome.workflowAnnotations?.shown).toBe(2)
    expect(stdout.filter((l) => /^::(error|warning) /.test(l))).toHaveLength(2)
  })
})
