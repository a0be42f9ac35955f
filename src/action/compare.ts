// Which commit the head is compared with: the merge base of the event's base and its head.
// A push that created its branch has no earlier commit, and a force push may name one that
// no longer exists: both are compared with their merge base with the default branch, and
// the run says so. Asked of the compare API first, then of git in the checkout (fetching
// what it lacks with the checkout's credentials).
import { fetchCommits, mergeBase, remoteBranchCommit } from '../changes/git.js'
import { ChangesError, checkoutRoot } from '../changes/github.js'
import { apiMessage, type GitHubApi, type RepoId } from '../github-api.js'
import type { Logger } from '../log.js'
import type { Target } from './event.js'

export interface CompareContext {
  api: GitHubApi
  repo: RepoId
  workspace?: string
  log: Logger
}

export interface Comparison {
  /** The merge base: the commit the head is compared with. */
  base: string
  head: string
  /** The base as the summary names it: "the merge base 1a2b3c4", "the merge base 1a2b3c4 with main". */
  against: string
  /** Why the comparison is not the one the event names, or that there is nothing to compare: said once, as a notice. */
  notice?: string
}

const COMMIT_ID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/
const short = (rev: string) => (COMMIT_ID.test(rev) ? rev.slice(0, 7) : rev)

/** The merge base of `base` (a commit, or a branch of the repository) and the commit `head`. */
export async function findMergeBase(ctx: CompareContext, base: string, head: string): Promise<string> {
  const { api, repo, workspace, log } = ctx
  let apiFailure: string
  try {
    const { data } = await api.octokit.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: `${base}...${head}`, per_page: 1 })
    return data.merge_base_commit.sha
  } catch (e) {
    apiFailure = apiMessage(e)
    log.info(`The compare API did not give the merge base of ${short(base)} and ${short(head)} (${apiFailure}); asking git`)
  }
  const what = `the merge base of ${short(base)} and ${short(head)}`
  const top = workspace ? await checkoutRoot(workspace) : undefined
  if (!top) throw new ChangesError(`Cannot find ${what}: the compare API answered '${apiFailure}', and the workspace is not a git checkout. Give the token \`contents: read\`, or check the repository out with actions/checkout.`)
  try {
    const baseCommit = COMMIT_ID.test(base) ? base : await remoteBranchCommit(top, base)
    if (!baseCommit) throw new Error(`origin has no branch ${base}`)
    await fetchCommits(top, [baseCommit, head])
    return await mergeBase(top, baseCommit, head)
  } catch (e) {
    throw new ChangesError(`Cannot find ${what}: the compare API answered '${apiFailure}', and git: ${(e as Error).message}. Give the token \`contents: read\`, or check out with fetch-depth: 0.`)
  }
}

/** What the event's head is compared with. */
export async function compareTarget(target: Exclude<Target, { kind: 'none' }>, ctx: CompareContext): Promise<Comparison> {
  const [base, head] = target.kind === 'pull-request' ? [target.baseSha, target.headSha] : [target.base, target.head]
  let why: string
  if (base !== undefined) {
    try {
      const found = await findMergeBase(ctx, base, head)
      return { base: found, head, against: `the merge base ${short(found)}` }
    } catch (e) {
      // Only a push's earlier commit can vanish (a force push); a pull request's or a merge queue's base cannot.
      if (!(e instanceof ChangesError) || target.kind !== 'commits' || target.event !== 'push' || !target.defaultBranch) throw e
      why = `The commit before the push, ${short(base)}, cannot be found (was the branch force-pushed?): ${e.message.replace(/^Cannot find [^:]*: /, '')}`
    }
  } else why = `The push created ${target.kind === 'commits' ? target.ref.replace(/^refs\/heads\//, '') : 'the branch'}, so there is no earlier commit to compare with.`
  const branch = target.kind === 'commits' ? target.defaultBranch : undefined
  if (!branch) throw new ChangesError(`${why} The event names no default branch to compare with instead.`)
  const found = await findMergeBase(ctx, branch, head)
  const against = `the merge base ${short(found)} with ${branch}`
  const outcome = found === head ? `${short(head)} is already on ${branch}: there is nothing new to check.` : `Compared ${short(head)} with ${against} instead.`
  return { base: found, head, against, notice: `${why} ${outcome}` }
}
