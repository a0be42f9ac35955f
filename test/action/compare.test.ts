// What the head is compared with, on a real repository behind the fake GitHub API: pull
// requests and pushes, a push that created its branch, and force pushes whose earlier
// commit is still fetchable or gone for good.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync } from 'node:fs'
import { join } from 'node:path'
import { compareTarget, findMergeBase, type CompareContext } from '../../src/action/compare.js'
import type { CommitsTarget } from '../../src/action/event.js'
import { ChangesError } from '../../src/changes/github.js'
import { GitHubApi } from '../../src/github-api.js'
import { memoryLogger } from '../../src/log.js'
import { FakeGitHub } from '../emulators/github.js'
import { git, TestRepo } from '../helpers/git-repo.js'

let repo: TestRepo
let fake: FakeGitHub
let main: string
/** The branch `topic` as first pushed, then force-pushed away and pruned from origin. */
let gone: string
/** The branch `kept` as first pushed, then force-pushed away but still reachable (from refs/keep). */
let kept: string
let topic: string
let rewritten: string

beforeAll(async () => {
  repo = TestRepo.create()
  main = repo.commit('main', 'App', { files: { 'locales/en/app.json': '{"a": "A"}\n' } })
  gone = repo.commit('topic', 'German', { from: main, files: { 'locales/de/app.json': '{"a": "A-de"}\n' } })
  topic = repo.forcePush('topic', 'German, rebased', { from: main, files: { 'locales/de/app.json': '{"a": "Ah-de"}\n' } })
  kept = repo.commit('kept', 'French', { from: main, files: { 'locales/fr/app.json': '{"a": "A-fr"}\n' } })
  git(repo.origin, ['update-ref', 'refs/keep/french', kept])
  rewritten = repo.forcePush('kept', 'French, rebased', { from: main, files: { 'locales/fr/app.json': '{"a": "Ah-fr"}\n' } })
  repo.pruneOrigin()
  fake = await FakeGitHub.start(repo.origin)
})

afterAll(async () => {
  await fake.close()
  repo.remove()
})

function context(options: { workspace?: string; token?: string } = {}): CompareContext & { log: ReturnType<typeof memoryLogger> } {
  const log = memoryLogger()
  return { api: new GitHubApi({ token: options.token ?? fake.token, baseUrl: fake.url, log }), repo: { owner: 'acme', repo: 'shop' }, workspace: options.workspace, log }
}

const push = (base: string | undefined, head: string, extra: Partial<CommitsTarget> = {}): CommitsTarget => ({ kind: 'commits', event: 'push', ...(base && { base }), head, ref: 'refs/heads/topic', defaultBranch: 'main', ...extra })

describe('compareTarget', () => {
  it('compares a pull request with its merge base, without a notice', async () => {
    const found = await compareTarget({ kind: 'pull-request', event: 'pull_request', number: 1, baseSha: main, baseRef: 'main', headSha: topic, fork: false }, context())
    expect(found).toEqual({ base: main, head: topic, against: `the merge base ${main.slice(0, 7)}` })
  })

  it('compares a push that created its branch with its merge base with the default branch, and says so', async () => {
    const found = await compareTarget(push(undefined, topic), context())
    expect(found.base).toBe(main)
    expect(found.against).toBe(`the merge base ${main.slice(0, 7)} with main`)
    expect(found.notice).toBe(`The push created topic, so there is no earlier commit to compare with. Compared ${topic.slice(0, 7)} with the merge base ${main.slice(0, 7)} with main instead.`)
  })

  it('falls back to the default branch when a force push left no trace of the commit before it, and says why', async () => {
    const ctx = context({ workspace: repo.checkout(topic) })
    const found = await compareTarget(push(gone, topic), ctx)
    expect(found.base).toBe(main)
    expect(found.notice).toContain(`The commit before the push, ${gone.slice(0, 7)}, cannot be found (was the branch force-pushed?): the compare API answered 'No commit found for SHA: ${gone}', and git:`)
    expect(found.notice).toContain(`Compared ${topic.slice(0, 7)} with the merge base ${main.slice(0, 7)} with main instead.`)
    expect(ctx.log.lines.some((l) => l.includes('The compare API did not give the merge base'))).toBe(true)
  })

  it('fetches the commit before a force push with git when the API cannot compare, and uses it', async () => {
    // A full clone (fetch-depth: 0) has the rewritten branch but not the commit it replaced.
    const full = mkdtempSync(join(repo.root, 'full-'))
    // file:// as a server would: a local clone would copy every object, the replaced commit too.
    git(full, ['clone', '-q', '--no-tags', '--single-branch', '--branch', 'kept', `file://${repo.origin}`, '.'])
    expect(() => git(full, ['cat-file', '-e', `${kept}^{commit}`])).toThrow()
    const found = await compareTarget(push(kept, rewritten, { ref: 'refs/heads/kept' }), context({ workspace: full, token: 'a wrong token' }))
    expect(found).toEqual({ base: main, head: rewritten, against: `the merge base ${main.slice(0, 7)}` })
  })

  it('says there is nothing new to check when the fallback merge base is the head itself', async () => {
    const found = await compareTarget(push(gone, main, { ref: 'refs/heads/main' }), context())
    expect(found.base).toBe(main)
    expect(found.notice).toMatch(new RegExp(`${main.slice(0, 7)} is already on main: there is nothing new to check\\.$`))
  })

  it.each([
    // Functions: the commits exist only once beforeAll ran.
    ['no default branch to fall back on', () => push(gone, topic, { defaultBranch: undefined }), /^Cannot find the merge base of [0-9a-f]{7} and [0-9a-f]{7}: the compare API answered 'No commit found for SHA: [0-9a-f]{40}', and the workspace is not a git checkout/],
    ['a default branch that does not exist', () => push(undefined, topic, { defaultBranch: 'trunk' }), /^Cannot find the merge base of trunk and [0-9a-f]{7}: the compare API answered 'No commit found for SHA: trunk'/],
    ['a merge group whose base is gone', (): CommitsTarget => ({ kind: 'commits', event: 'merge_group', base: gone, head: topic, ref: 'gh-readonly-queue/main/pr-1', defaultBranch: 'main' }), /^Cannot find the merge base of [0-9a-f]{7} and/],
  ])('fails with a clear message on %s', async (_name, target, message) => {
    const failure = compareTarget(target(), context())
    await expect(failure).rejects.toThrow(ChangesError)
    await expect(failure).rejects.toThrow(message)
  })
})

describe('findMergeBase', () => {
  const clone = (branch: string) => {
    const dir = mkdtempSync(join(repo.root, 'full-'))
    git(dir, ['clone', '-q', '--no-tags', '--single-branch', '--branch', branch, repo.origin, '.'])
    return dir
  }

  it('reads a branch of origin with git when the compare API is refused', async () => {
    await expect(findMergeBase(context({ workspace: clone('topic'), token: 'a wrong token' }), 'main', topic)).resolves.toBe(main)
  })

  it.each([
    ['a branch origin lacks', () => clone('topic'), 'nowhere', /the compare API answered 'Bad credentials', and git: origin has no branch nowhere\. Give the token `contents: read`/],
    ['a checkout one commit deep', () => repo.checkout(topic), 'main', /the compare API answered 'Bad credentials', and git: No merge base of [0-9a-f]{12} and [0-9a-f]{12}: the history is too shallow/],
  ])('says what git lacked: %s', async (_name, workspace, base, message) => {
    await expect(findMergeBase(context({ workspace: workspace(), token: 'a wrong token' }), base, topic)).rejects.toThrow(message)
  })
})
