// A pull request as the bundled action meets it on GitHub: a real git repository with the
// PR's merge commit, a workspace checked out at it as actions/checkout leaves it, the fake
// GitHub API serving the PR, and the action run against them (./runner.ts).
import { execFileSync } from 'node:child_process'
import { FakeGitHub, type FakeCheckRun } from '../emulators/github.js'
import type { TestRepo } from './git-repo.js'
import { runAction, type RunnerResult } from './runner.js'

/** The workflow token the runs get; it must never be printed. */
export const GITHUB_TOKEN = 'ghs_e2eTokenThatMustNeverBePrinted42'

export interface Pr {
  repo: TestRepo
  fake: FakeGitHub
  base: string
  head: string
  merge: string
  workspace: string
  payload: unknown
}

export interface Ref {
  ref: string
  sha: string
}

export function payloadOf(number: number, base: Ref, head: Ref, headRepo = 'acme/shop'): unknown {
  return {
    action: 'synchronize',
    number,
    pull_request: { number, base: { ...base, repo: { full_name: 'acme/shop' } }, head: { ...head, repo: { full_name: headRepo } } },
    repository: { full_name: 'acme/shop', default_branch: 'main' },
  }
}

/** The fake GitHub API of a repository, answering to GITHUB_TOKEN. */
export async function fakeGitHub(repo: TestRepo): Promise<FakeGitHub> {
  const fake = await FakeGitHub.start(repo.origin)
  fake.token = GITHUB_TOKEN
  return fake
}

/** Opens PR `number` from `head` into `base`: its merge commit, the fake's pull, and a workspace at the merge commit. */
export function openPr(repo: TestRepo, fake: FakeGitHub, number: number, base: Ref, head: Ref): Pr {
  const merge = repo.mergeCommit(number, base.sha, head.sha)
  fake.addPull({ number, base, head })
  return { repo, fake, base: base.sha, head: head.sha, merge, workspace: repo.checkout(merge), payload: payloadOf(number, base, head) }
}

export interface RunExtra {
  /** The command that runs node (see node24()). */
  node?: string[]
  env?: Record<string, string>
  eventName?: string
  payload?: unknown
}

/** Runs dist/index.js on the PR as the runner would, with the workflow token and the inputs. */
export function runOn(pr: Pr, inputs: Record<string, string> = {}, extra: RunExtra = {}): Promise<RunnerResult> {
  return runAction({
    dir: pr.repo.root,
    workspace: pr.workspace,
    apiUrl: pr.fake.url,
    eventName: extra.eventName ?? 'pull_request',
    payload: extra.payload ?? pr.payload,
    inputs: { 'github-token': GITHUB_TOKEN, ...inputs },
    node: extra.node,
    env: extra.env,
  })
}

/** [path, line, title] of each annotation of a check run. */
export function annotationsOn(run: FakeCheckRun): Array<[string, number, string]> {
  return run.annotations.map((a) => [a.path, a.start_line, a.title ?? ''])
}

/**
 * The Node 24 binary of the npm registry's node package. The runner starts node itself;
 * through npx a shell would drop the INPUT_GITHUB-TOKEN variable (a dash is not valid in a
 * shell name), so npx only finds the binary.
 */
export function node24(): string {
  return execFileSync('npx', ['-y', '-p', 'node@24', 'node', '-p', 'process.execPath'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
}
