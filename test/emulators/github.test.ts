// The fake GitHub API enforces the limits the reporters must respect: if it did not, the
// action's tests could pass while GitHub would refuse the same requests.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { TestRepo } from '../helpers/git-repo.js'
import { FakeGitHub } from './github.js'

let repo: TestRepo
let fake: FakeGitHub
let base: string
let head: string

beforeAll(async () => {
  repo = TestRepo.create()
  const lines = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`)
  base = repo.commit('main', 'base', { files: { 'a.txt': `${lines.join('\n')}\n` } })
  lines[19] = 'changed line 20'
  head = repo.commit('topic', 'head', { from: base, files: { 'a.txt': `${lines.join('\n')}\n`, ...Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`many/f${i}.txt`, `${i}\n`])) } })
  fake = await FakeGitHub.start(repo.origin)
  fake.addPull({ number: 1, base: { ref: 'main', sha: base }, head: { ref: 'topic', sha: head } })
})

afterAll(async () => {
  await fake.close()
  repo.remove()
})

async function call(method: string, path: string, body?: unknown, token: string | null | undefined = fake.token) {
  const res = await fetch(`${fake.url}/repos/acme/shop${path}`, {
    method,
    headers: { ...(token && { authorization: `token ${token}` }), 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, link: res.headers.get('link'), json: (await res.json()) as Record<string, unknown> & { errors?: Array<{ message: string }> } }
}

const annotation = (line: number) => ({ path: 'a.txt', start_line: line, end_line: line, annotation_level: 'failure', message: 'bad' })
const output = (annotations: unknown[], extra: object = {}) => ({ title: 't', summary: 's', annotations, ...extra })

describe('the fake GitHub API', () => {
  it('answers 401 without a token or with a wrong one', async () => {
    expect((await call('GET', '/pulls/1', undefined, null)).json.message).toBe('Requires authentication')
    expect((await call('GET', '/pulls/1', undefined, 'ghs_wrong')).status).toBe(401)
  })

  it('answers 403 on writes in read-only mode (a fork PR token), and still serves reads', async () => {
    fake.readOnly = true
    try {
      const res = await call('POST', '/issues/1/comments', { body: 'hi' })
      expect(res).toMatchObject({ status: 403, json: { message: 'Resource not accessible by integration' } })
      expect((await call('GET', '/pulls/1')).status).toBe(200)
    } finally {
      fake.readOnly = false
    }
  })

  it.each([
    ['51 annotations in one request', { output: output(Array.from({ length: 51 }, (_, i) => annotation(i + 1))) }, 'Only 50 annotations are allowed per request; 51 were supplied.'],
    ['a summary over 65,535 characters', { output: output([], { summary: 'x'.repeat(65536) }) }, 'Only 65535 characters are allowed; 65536 were supplied.'],
    ['an annotation title over 255 characters', { output: output([{ ...annotation(1), title: 't'.repeat(256) }]) }, 'annotation title is longer than 255 characters'],
    ['an unknown level', { output: output([{ ...annotation(1), annotation_level: 'error' }]) }, "annotation_level 'error' is not notice, warning or failure"],
    ['a commit that is not the head of a PR', 'BASE', 'No commit found for SHA: BASE (not the head of a pull request)'],
  ])('refuses a check run with %s (422)', async (_label, change, message) => {
    // The base commit exists only once the repository is made.
    const fields: object = change === 'BASE' ? { head_sha: base } : (change as object)
    const res = await call('POST', '/check-runs', { name: 'Q', head_sha: head, status: 'completed', conclusion: 'success', ...fields })
    expect(res.status).toBe(422)
    expect(res.json.errors?.[0].message).toBe(message.replace('BASE', base))
  })

  it('accepts 50 annotations per request and appends those of updates', async () => {
    const created = await call('POST', '/check-runs', { name: 'Q', head_sha: head, status: 'completed', conclusion: 'failure', output: output(Array.from({ length: 50 }, (_, i) => annotation(i + 1))) })
    expect(created.status).toBe(201)
    expect((await call('PATCH', `/check-runs/${created.json.id}`, { output: output([annotation(1)]) })).status).toBe(200)
    expect(fake.checkRuns.find((r) => r.id === created.json.id)?.annotations).toHaveLength(51)
  })

  it('refuses a comment body over 65,536 characters (422) and accepts one of exactly 65,536', async () => {
    const res = await call('POST', '/issues/1/comments', { body: 'x'.repeat(65537) })
    expect(res.status).toBe(422)
    expect(res.json.errors?.[0].message).toBe('Body is too long (maximum is 65536 characters)')
    expect((await call('POST', '/issues/1/comments', { body: 'x'.repeat(65536) })).status).toBe(201)
  })

  it('pages lists with Link headers, at most 100 per page', async () => {
    const first = await call('GET', '/pulls/1/files?per_page=500')
    expect((first.json as unknown as unknown[]).length).toBe(100)
    expect(first.link).toMatch(/<[^>]+[?&]page=2[^>]*>; rel="next"/)
    const second = await call('GET', '/pulls/1/files?per_page=100&page=2')
    expect((second.json as unknown as unknown[]).length).toBe(51)
    expect(second.link).not.toContain('rel="next"')
  })

  it.each([
    ['a line outside the diff', { path: 'a.txt', line: 2, side: 'RIGHT', body: 'x' }, 'Pull request review thread line must be part of the diff'],
    ['the deprecated position', { path: 'a.txt', position: 3, body: 'x' }, 'position is deprecated; use line and side'],
  ])('refuses a whole review with %s (422)', async (_label, comment, message) => {
    const ok = { path: 'a.txt', line: 20, side: 'RIGHT', body: 'fine' }
    const res = await call('POST', '/pulls/1/reviews', { commit_id: head, event: 'COMMENT', body: 'b', comments: [ok, comment] })
    expect(res.status).toBe(422)
    expect(res.json.errors?.[0].message).toBe(message)
    expect(fake.reviews).toEqual([])
  })

  it('takes review comments on diff lines, context lines included, only on the head commit', async () => {
    expect((await call('POST', '/pulls/1/reviews', { commit_id: base, event: 'COMMENT', body: 'b', comments: [] })).status).toBe(422)
    const res = await call('POST', '/pulls/1/reviews', { commit_id: head, event: 'COMMENT', body: 'b', comments: [{ path: 'a.txt', line: 20, side: 'RIGHT', body: 'x' }, { path: 'a.txt', line: 17, side: 'RIGHT', body: 'context' }] })
    expect(res.status).toBe(200)
    expect(fake.reviewComments.map((c) => c.line)).toEqual([20, 17])
  })

  it('asks to retry after a secondary rate limit', async () => {
    fake.secondaryLimits = 1
    fake.retryAfter = '7'
    const res = await fetch(`${fake.url}/repos/acme/shop/issues/1/comments`, { method: 'POST', headers: { authorization: `token ${fake.token}` }, body: JSON.stringify({ body: 'x' }) })
    expect(res.status).toBe(403)
    expect(res.headers.get('retry-after')).toBe('7')
    fake.retryAfter = '0'
  })
})
