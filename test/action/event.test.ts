import { describe, expect, it } from '@jest/globals'
import { readEvent } from '../../src/action/event.js'

const A = 'a'.repeat(40)
const B = 'b'.repeat(40)
const pr = (head: object = {}) => ({ pull_request: { number: 4, base: { ref: 'main', sha: A, repo: { full_name: 'acme/shop' } }, head: { ref: 'x', sha: B, repo: { full_name: 'acme/shop' }, ...head } } })

describe('readEvent', () => {
  it.each([
    ['pull_request', pr(), { kind: 'pull-request', event: 'pull_request', number: 4, baseSha: A, baseRef: 'main', headSha: B, fork: false }],
    ['pull_request_target', pr({ repo: { full_name: 'mallory/shop' } }), { kind: 'pull-request', event: 'pull_request_target', number: 4, headSha: B, fork: true }],
    ['merge_group', { merge_group: { base_sha: A, head_sha: B, head_ref: 'gh-readonly-queue/main/pr-4' } }, { kind: 'commits', event: 'merge_group', base: A, head: B, ref: 'gh-readonly-queue/main/pr-4' }],
    ['push', { before: A, after: B, ref: 'refs/heads/main' }, { kind: 'commits', event: 'push', base: A, head: B, ref: 'refs/heads/main' }],
    // A force push: `before` may be gone; the default branch is the fallback (action/compare.ts).
    ['push', { before: A, after: B, ref: 'refs/heads/x', forced: true, repository: { default_branch: 'main' } }, { kind: 'commits', event: 'push', base: A, head: B, ref: 'refs/heads/x', defaultBranch: 'main' }],
    ['push', { before: '0'.repeat(40), after: B, ref: 'refs/heads/x', created: true, repository: { default_branch: 'main' } }, { kind: 'commits', event: 'push', head: B, ref: 'refs/heads/x', defaultBranch: 'main' }],
  ])('%s is checked', (name, payload, expected) => {
    expect(readEvent(name, payload)).toMatchObject(expected)
  })

  it.each([
    ['workflow_dispatch', {}, "the 'workflow_dispatch' event has no changes to compare"],
    ['push', { before: '0'.repeat(40), after: B }, 'the push created a branch and the event payload names no default branch to compare it with'],
    ['push', { before: '0'.repeat(40), after: B, ref: 'refs/heads/main', repository: { default_branch: 'main' } }, 'the push created the default branch main, so there is no earlier commit'],
    ['push', { before: 'main', after: B, repository: { default_branch: 'main' } }, 'no before and after commits'],
    ['push', { before: A, after: '0'.repeat(40), deleted: true }, 'the push deleted a branch'],
    ['pull_request', { pull_request: { number: 4, base: { sha: 'main' }, head: { sha: B } } }, 'no pull request with base and head commits'],
    ['pull_request', null, 'no pull request with base and head commits'],
    ['merge_group', { merge_group: {} }, 'no merge group base and head commits'],
  ])('%s with %j is not checked: %s', (name, payload, reason) => {
    const target = readEvent(name, payload)
    expect(target.kind).toBe('none')
    expect(target.kind === 'none' && target.reason).toContain(reason)
  })
})
