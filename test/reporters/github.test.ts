// The GitHub reporters and the API client against the fake GitHub API.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { GitHubApi, isPermissionError, rateLimitWait } from '../../src/github-api.js'
import { memoryLogger } from '../../src/log.js'
import { ANNOTATIONS_PER_REQUEST, checkTitle, publishCheckRun } from '../../src/reporters/check-run.js'
import { commentMarker, upsertStickyComment } from '../../src/reporters/comment.js'
import { fingerprint, planReview, postReview, REVIEW_COMMENTS_MAX } from '../../src/reporters/review.js'
import { pickWorkflowAnnotations } from '../../src/reporters/workflow.js'
import { FakeGitHub } from '../emulators/github.js'
import { TestRepo } from '../helpers/git-repo.js'
import { missingPlaceholder, reportOf } from '../helpers/report.js'

const repoId = { owner: 'acme', repo: 'shop' }
let repo: TestRepo
let fake: FakeGitHub
let head: string

beforeAll(async () => {
  repo = TestRepo.create()
  const base = repo.commit('main', 'base', { files: { 'locales/de/app.json': '{}\n' } })
  const lines = Array.from({ length: 60 }, (_, i) => `  "k${i}": "v"`)
  head = repo.commit('topic', 'head', { from: base, files: { 'locales/de/app.json': `{\n${lines.join(',\n')}\n}\n` } })
  fake = await FakeGitHub.start(repo.origin)
  fake.addPull({ number: 1, base: { ref: 'main', sha: base }, head: { ref: 'topic', sha: head } })
})

afterAll(async () => {
  await fake.close()
  repo.remove()
})

/** Added lines whose text does not matter to the test. */
const lines = (...numbers: number[]) => new Map(numbers.map((n) => [n, '']))

const api = (log = memoryLogger()) => new GitHubApi({ token: fake.token, baseUrl: fake.url, log, debug: true })

describe('the GitHub API client', () => {
  it('waits out a secondary rate limit as asked, counts every request, and logs them without the token', async () => {
    fake.secondaryLimits = 2
    const log = memoryLogger()
    const client = api(log)
    const waits: number[] = []
    const slept = new GitHubApi({ token: fake.token, baseUrl: fake.url, log, debug: true, sleep: async (ms) => void waits.push(ms) })
    fake.retryAfter = '3'
    const { data } = await slept.octokit.rest.issues.createComment({ ...repoId, issue_number: 1, body: 'after the limit' })
    fake.retryAfter = '0'
    expect(data.body).toBe('after the limit')
    expect(waits).toEqual([3000, 3000])
    expect(slept.requests).toBe(3)
    expect(slept.usage()).toMatch(/^3 GitHub API requests \(\d+ of the hourly budget left\)$/)
    expect(log.lines.filter((l) => l.startsWith('debug: GitHub API POST /repos/acme/shop/issues/1/comments'))).toEqual([
      'debug: GitHub API POST /repos/acme/shop/issues/1/comments -> 403: You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      'debug: GitHub API POST /repos/acme/shop/issues/1/comments -> 403: You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      'debug: GitHub API POST /repos/acme/shop/issues/1/comments -> 201',
    ])
    expect(log.lines.join('\n')).not.toContain(fake.token!)
    expect(client.requests).toBe(0)
  })

  it.each([
    [{ status: 403, response: { headers: { 'retry-after': '5' } } }, 5000],
    [{ status: 429, response: { headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1010' } } }, 10_000],
    [{ status: 403, response: { headers: {}, data: { message: 'You have exceeded a secondary rate limit' } } }, 60_000],
    [{ status: 403, response: { headers: {}, data: { message: 'Resource not accessible by integration' } } }, undefined],
    [{ status: 422, response: { headers: { 'retry-after': '5' } } }, undefined],
  ])('rate limit wait of %j is %j ms', (error, wait) => {
    expect(rateLimitWait(error, 1_000_000)).toBe(wait)
  })

  it.each([
    [403, 'Resource not accessible by integration', true],
    [404, 'Not Found', true],
    [401, 'Bad credentials', true],
    [422, 'Validation Failed', false],
    [500, 'Server Error', false],
  ])('a %d "%s" is a permission problem: %j', (status, message, expected) => {
    expect(isPermissionError({ status, response: { headers: {}, data: { message } } })).toBe(expected)
  })
})

describe('the check run', () => {
  it('sends 50 annotations per request, worst first, on the head commit, with the verdict as conclusion', async () => {
    const specs = Array.from({ length: 120 }, (_, i) => ({ key: `k${i}`, line: i + 2, issues: [i % 3 === 0 ? missingPlaceholder : { s: 1 as const, r: 1006, d: 'Untranslated' }] }))
    const report = reportOf(specs)
    const before = fake.requests.length
    const result = await publishCheckRun({ api: api(), repo: repoId, name: 'Translation quality', headSha: head, report, summary: 'summary', maxAnnotations: 110 })
    const run = fake.checkRuns.find((r) => r.id === result.id)!
    expect(fake.requests.slice(before).map((r) => `${r.method} ${r.status}`)).toEqual(['POST 201', 'PATCH 200', 'PATCH 200'])
    expect(run).toMatchObject({ status: 'completed', conclusion: 'failure', head_sha: head })
    expect(run.annotations).toHaveLength(110)
    expect(Math.ceil(110 / ANNOTATIONS_PER_REQUEST)).toBe(run.requests)
    const levels = run.annotations.map((a) => a.annotation_level)
    expect(levels.slice(0, 40).every((l) => l === 'failure')).toBe(true)
    expect(levels.slice(40).every((l) => l === 'warning')).toBe(true)
    expect(run.output.title).toBe('Failed: 40 errors, 80 warnings in 120 segments')
  })

  it('keeps titles of hostile, very long keys within 255 characters', async () => {
    const report = reportOf([{ key: `${'k'.repeat(400)}\u202E\n`, target: 'x'.repeat(10_000), issues: [missingPlaceholder] }])
    const result = await publishCheckRun({ api: api(), repo: repoId, name: 'Q', headSha: head, report, summary: 's', maxAnnotations: 10 })
    const [annotation] = fake.checkRuns.find((r) => r.id === result.id)!.annotations
    expect(annotation.title!.length).toBeLessThanOrEqual(255)
    expect(annotation.title).not.toMatch(/[\u202E\n]/)
    expect(annotation.message.length).toBeLessThanOrEqual(4000)
  })

  it('succeeds when the gate passed, whatever the findings', async () => {
    const report = reportOf([{ issues: [{ s: 1, r: 1006, d: 'Untranslated' }] }])
    expect(checkTitle(report)).toBe('Passed: 0 errors, 1 warning in 1 segment')
    const result = await publishCheckRun({ api: api(), repo: repoId, name: 'Q', headSha: head, report, summary: 's', maxAnnotations: 10 })
    expect(fake.checkRuns.find((r) => r.id === result.id)?.conclusion).toBe('success')
  })
})

describe('the sticky comment', () => {
  it('finds its own comment past the first pages, ignores quotes of its marker, and keeps names apart', async () => {
    for (let i = 0; i < 230; i++) fake.comments.push({ id: 50_000 + i, issue: 1, body: `comment ${i}`, user: { login: 'dev', type: 'User' }, edits: 0 })
    fake.comments.push({ id: 60_000, issue: 1, body: `Quoting the bot:\n${commentMarker('Translation quality')}`, user: { login: 'dev', type: 'User' }, edits: 0 })
    const client = api()
    const first = await upsertStickyComment({ api: client, repo: repoId, number: 1, name: 'Translation quality', body: `${commentMarker('Translation quality')}\nfirst` })
    expect(first.action).toBe('created')
    const second = await upsertStickyComment({ api: client, repo: repoId, number: 1, name: 'Translation quality', body: `${commentMarker('Translation quality')}\nsecond` })
    expect(second).toMatchObject({ action: 'updated', id: first.id })
    const other = await upsertStickyComment({ api: client, repo: repoId, number: 1, name: 'Translation quality (docs)', body: `${commentMarker('Translation quality (docs)')}\nother` })
    expect(other.action).toBe('created')
    const ours = fake.comments.filter((c) => c.body.startsWith('<!-- translation-quality-gate'))
    expect(ours.map((c) => [c.id, c.body.split('\n')[1], c.edits])).toEqual([
      [first.id, 'second', 1],
      [other.id, 'other', 0],
    ])
    expect(fake.comments.find((c) => c.id === 60_000)?.edits).toBe(0)
  })

  it('never takes over a comment someone else opened with its marker', async () => {
    // Anyone can comment with the marker before the first run, hoping the bot writes its
    // report there: the report would show under their name, and they could edit it to pass.
    const marker = commentMarker('Hijack test')
    fake.comments.push({ id: 70_000, issue: 1, body: `${marker}\n✅ all good`, user: { login: 'mallory', type: 'User' }, edits: 0 })
    const first = await upsertStickyComment({ api: api(), repo: repoId, number: 1, name: 'Hijack test', body: `${marker}\n❌ failed` })
    expect(first.action).toBe('created')
    expect(fake.comments.find((c) => c.id === first.id)?.user.login).toBe('github-actions[bot]')
    expect(await upsertStickyComment({ api: api(), repo: repoId, number: 1, name: 'Hijack test', body: `${marker}\n❌ still failed` })).toMatchObject({ action: 'updated', id: first.id })
    expect(fake.comments.find((c) => c.id === 70_000)).toMatchObject({ body: `${marker}\n✅ all good`, edits: 0 })
  })

  it("with a personal token, edits that user's own comment and no one else's", async () => {
    const marker = commentMarker('PAT test')
    fake.comments.push({ id: 70_001, issue: 1, body: `${marker}\nfake`, user: { login: 'mallory', type: 'User' }, edits: 0 })
    fake.user = { login: 'release-bot', type: 'User' }
    try {
      const first = await upsertStickyComment({ api: api(), repo: repoId, number: 1, name: 'PAT test', body: `${marker}\none` })
      expect(first.action).toBe('created')
      expect(await upsertStickyComment({ api: api(), repo: repoId, number: 1, name: 'PAT test', body: `${marker}\ntwo` })).toMatchObject({ action: 'updated', id: first.id })
      expect(fake.comments.find((c) => c.id === 70_001)?.edits).toBe(0)
    } finally {
      fake.user = { login: 'github-actions[bot]', type: 'Bot' }
    }
  })

  it.each([
    ['Translation quality', '<!-- translation-quality-gate name=Translation%20quality -->'],
    ['x --> <script>', '<!-- translation-quality-gate name=x%20%2D%2D%3E%20%3Cscript%3E -->'],
  ])('marks the comment of %j as %j', (name, marker) => {
    expect(commentMarker(name)).toBe(marker)
  })
})

describe('the review', () => {
  const on = (file: string, line: number, s: 0 | 1 | 2 = 2, d = 'Placeholder {{count}} is missing') => ({ file, line, key: `k${line}`, issues: [{ s, r: 1061, d }] })

  it('anchors only findings on added lines, skips notices, dismissed and repeated ones, and caps a review at 30', () => {
    const specs = [...Array.from({ length: 35 }, (_, i) => on('a.json', i + 1)), on('a.json', 99), on('b.json', 1, 0)]
    const report = reportOf(specs)
    const added = new Map([['a.json', lines(...Array.from({ length: 40 }, (_, i) => i + 1))]])
    const posted = new Set([fingerprint(report.findings.find((f) => f.line === 1)!)])
    const plan = planReview(report.findings, added, posted, 'Q')
    expect(plan.comments).toHaveLength(REVIEW_COMMENTS_MAX)
    expect(plan.comments[0]).toMatchObject({ path: 'a.json', line: 2, side: 'RIGHT' })
    expect(plan.rest.map((f) => f.line)).toEqual([32, 33, 34, 35])
    expect(plan).toMatchObject({ outside: 1, repeated: 1 })
  })

  it('puts several findings of one line in one comment', () => {
    const report = reportOf([{ file: 'a.json', line: 3, key: 'k', issues: [missingPlaceholder, { s: 1, r: 1302, d: 'Trailing whitespace' }] }])
    const plan = planReview(report.findings, new Map([['a.json', lines(3)]]), new Set(), 'Q')
    expect(plan.comments).toHaveLength(1)
    expect(plan.comments[0].body).toContain('<br>Placeholder {{count}} is missing<br>')
    expect(plan.comments[0].body).toContain('Trailing whitespace')
  })

  it('keeps the marker of a comment cut to fit, so the next run does not post it again', () => {
    const long = 'x'.repeat(70_000)
    const report = reportOf([{ file: 'a.json', line: 3, key: 'k', issues: [{ s: 2, r: 1061, d: long }] }])
    const plan = planReview(report.findings, new Map([['a.json', lines(3)]]), new Set(), 'Q')
    expect(plan.comments[0].body.length).toBeLessThanOrEqual(65_536)
    expect(plan.comments[0].body).toContain('*Cut to fit GitHub')
    expect(plan.comments[0].body.startsWith(`<!-- translation-quality-gate review name=Q ids=${fingerprint(report.findings[0])} -->`)).toBe(true)
  })

  it('posts one review on the head commit, then repeats nothing but what moved out of date', async () => {
    const report = reportOf(Array.from({ length: 3 }, (_, i) => on('locales/de/app.json', i + 2)))
    const request = { api: api(), repo: repoId, number: 1, headSha: head, name: 'Review test', findings: report.findings, addedLines: async () => new Map([['locales/de/app.json', lines(2, 3, 4)]]), link: () => 'https://x', rules: report }
    const first = await postReview(request)
    expect(first).toMatchObject({ comments: 3, rest: 0, repeated: 0 })
    const again = await postReview(request)
    expect(again).toMatchObject({ comments: 0, repeated: 3 })
    expect(again.id).toBeUndefined()
    // GitHub clears `line` when a later push changes the commented line.
    fake.reviewComments.filter((c) => c.body.includes('name=Review%20test')).forEach((c, i) => i === 0 && (c.line = null))
    expect(await postReview(request)).toMatchObject({ comments: 1, repeated: 2 })
  })

  it("does not count someone else's copy of its marker as already commented", async () => {
    const report = reportOf([on('locales/de/app.json', 5)])
    const request = { api: api(), repo: repoId, number: 1, headSha: head, name: 'Copied marker', findings: report.findings, addedLines: async () => new Map([['locales/de/app.json', lines(5)]]), link: () => 'https://x', rules: report }
    const copied = `<!-- translation-quality-gate review name=Copied%20marker ids=${fingerprint(report.findings[0])} -->\nnothing to see`
    fake.reviewComments.push({ id: 80_000, pull: 1, review: 1, path: 'locales/de/app.json', line: 5, side: 'RIGHT', body: copied, commit_id: head, user: { login: 'mallory', type: 'User' } })
    expect(await postReview(request)).toMatchObject({ comments: 1, repeated: 0 })
  })
})

describe('workflow-command annotations', () => {
  it('shows at most 10 per level, worst first, within the limit, keeping slots for the step', () => {
    const specs = [
      ...Array.from({ length: 15 }, (_, i) => ({ key: `e${i}`, issues: [missingPlaceholder] })),
      ...Array.from({ length: 15 }, (_, i) => ({ key: `w${i}`, issues: [{ s: 1 as const, r: 1006, d: 'Untranslated' }] })),
      ...Array.from({ length: 3 }, (_, i) => ({ key: `n${i}`, issues: [{ s: 0 as const, r: 1400, d: 'Info' }] })),
    ]
    const { findings } = reportOf(specs)
    const picked = pickWorkflowAnnotations({ findings }, 100, { failure: 1, warning: 1 })
    expect(picked.shown.map((a) => a.level)).toEqual([...Array(9).fill('failure'), ...Array(9).fill('warning'), ...Array(3).fill('notice')])
    expect(picked.hidden).toBe(12)
    expect(pickWorkflowAnnotations({ findings }, 5).shown).toHaveLength(5)
  })
})
