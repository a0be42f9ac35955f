// What the triggering event asks to check: a pull request (its head against the merge base
// with its base branch), a push or a merge-queue entry (two commits), or nothing. Pure: the
// event name and the payload in, a target out.

export interface PullRequestTarget {
  kind: 'pull-request'
  event: 'pull_request' | 'pull_request_target'
  number: number
  /** The base branch's tip when the event fired (not the merge base). */
  baseSha: string
  baseRef: string
  /** `pull_request.head.sha`: the commit checked, annotated and linked (GITHUB_SHA is a merge commit). */
  headSha: string
  /** The head lives in a fork: the token is read-only unless the event is `pull_request_target`. */
  fork: boolean
}

export interface CommitsTarget {
  kind: 'commits'
  event: 'push' | 'merge_group'
  /** The queue's base, or the commit before the push; none when the push created the branch. */
  base?: string
  head: string
  ref: string
  /** The repository's default branch: what a new branch (or one whose earlier commit is gone) is compared with. */
  defaultBranch?: string
}

export interface NoTarget {
  kind: 'none'
  event: string
  reason: string
}

export type Target = PullRequestTarget | CommitsTarget | NoTarget

const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/
const NULL_SHA = /^0+$/

type Json = Record<string, unknown>
const obj = (v: unknown): Json => (v && typeof v === 'object' ? (v as Json) : {})
const str = (v: unknown): string => (typeof v === 'string' ? v : '')

export function readEvent(eventName: string, payload: unknown): Target {
  const p = obj(payload)
  if (eventName === 'pull_request' || eventName === 'pull_request_target') {
    const pr = obj(p.pull_request)
    const base = obj(pr.base)
    const head = obj(pr.head)
    const number = Number(pr.number)
    const baseSha = str(base.sha)
    const headSha = str(head.sha)
    if (!Number.isInteger(number) || !SHA.test(baseSha) || !SHA.test(headSha)) {
      return { kind: 'none', event: eventName, reason: 'the event payload has no pull request with base and head commits' }
    }
    const baseRepo = str(obj(base.repo).full_name)
    const headRepo = str(obj(head.repo).full_name)
    return { kind: 'pull-request', event: eventName, number, baseSha, baseRef: str(base.ref), headSha, fork: headRepo !== '' && headRepo !== baseRepo }
  }
  if (eventName === 'merge_group') {
    const group = obj(p.merge_group)
    const base = str(group.base_sha)
    const head = str(group.head_sha)
    if (!SHA.test(base) || !SHA.test(head)) return { kind: 'none', event: eventName, reason: 'the event payload has no merge group base and head commits' }
    return { kind: 'commits', event: eventName, base, head, ref: str(group.head_ref) }
  }
  if (eventName === 'push') {
    const base = str(p.before)
    const head = str(p.after)
    const ref = str(p.ref)
    if (p.deleted === true || NULL_SHA.test(head)) return { kind: 'none', event: eventName, reason: 'the push deleted a branch' }
    if (!SHA.test(head) || !(SHA.test(base) || NULL_SHA.test(base))) return { kind: 'none', event: eventName, reason: 'the event payload has no before and after commits' }
    const defaultBranch = str(obj(p.repository).default_branch) || undefined
    if (NULL_SHA.test(base)) {
      if (!defaultBranch) return { kind: 'none', event: eventName, reason: 'the push created a branch and the event payload names no default branch to compare it with' }
      if (ref === `refs/heads/${defaultBranch}`) return { kind: 'none', event: eventName, reason: `the push created the default branch ${defaultBranch}, so there is no earlier commit to compare with` }
      return { kind: 'commits', event: eventName, head, ref, defaultBranch }
    }
    return { kind: 'commits', event: eventName, base, head, ref, ...(defaultBranch && { defaultBranch }) }
  }
  return {
    kind: 'none',
    event: eventName,
    reason: `the '${eventName}' event has no changes to compare (use pull_request, pull_request_target, merge_group or push)`,
  }
}
