import { afterEach, describe, expect, it } from '@jest/globals'
import { memoryLogger } from '../../src/log.js'
import type { CheckedSegment, Issue, Report } from '../../src/model.js'
import { decide } from '../../src/policy.js'
import { writeBack } from '../../src/write-back.js'
import { ruleSettings } from '../../src/rule-settings.js'
import { MemoryScoreCache } from '../../src/scorers/cache.js'
import { toIssue, WordbeeScorer, WORDBEE_TAKE, type WordbeeOptions } from '../../src/scorers/wordbee.js'
import { scoreSegments } from '../../src/scoring.js'
import { WordbeeFake, type FakeSegment, type WordbeeFixture } from '../emulators/wordbee.js'
import { segment } from '../helpers/segments.js'

const API_KEY = 'wb-api-key-0123456789'
const fakes: WordbeeFake[] = []
const scorers: WordbeeScorer[] = []
afterEach(async () => {
  await Promise.all(scorers.splice(0).map((s) => s.close()))
  await Promise.all(fakes.splice(0).map((f) => f.close()))
})

async function start(segments: FakeSegment[], extra: Partial<WordbeeFixture> = {}) {
  const fake = await WordbeeFake.start({ accountId: 'acme', apiKey: API_KEY, projectId: 42, segments, ...extra })
  fakes.push(fake)
  return fake
}

function scorer(fake: WordbeeFake, extra: Partial<WordbeeOptions> = {}) {
  const log = memoryLogger()
  const s = new WordbeeScorer({ accountId: 'acme', apiKey: API_KEY, apiUrl: fake.url, projectId: 42, push: false, log, ...extra, http: { backoffMs: 1, ...extra.http } })
  scorers.push(s)
  return { scorer: s, log }
}

type Seg = [key: string, target: string, issues?: Issue[], locale?: string, source?: string]
const segs = (list: Seg[]): CheckedSegment[] =>
  list.map(([key, target, issues = [], locale = 'de', source = `Source of ${key}`]) => ({ ...segment(source, target, { id: `locales/${locale}/app.json#${key}`, key, locale, file: `locales/${locale}/app.json` }), issues, scores: [] }))

async function score(s: WordbeeScorer, segments: CheckedSegment[]) {
  const log = memoryLogger()
  await scoreSegments(segments, [s], { timeBudget: 60, cache: new MemoryScoreCache(), log, threshold: () => undefined, defaultThreshold: 0.7 })
  return segments.map((x) => x.scores[0])
}

/** Scores, decides and writes back, as runPipeline does. */
async function fullRun(s: WordbeeScorer, segments: CheckedSegment[]): Promise<Report> {
  const log = memoryLogger()
  const scoring = await scoreSegments(segments, [s], { timeBudget: 60, cache: new MemoryScoreCache(), log, threshold: () => undefined, defaultThreshold: 0.7 })
  const decided = decide(segments, [], { failOn: ['error'], rules: ruleSettings({}), dismissals: [], reportFilter: {} })
  const report: Report = { ...decided, usage: scoring.usage }
  await writeBack(report, [s], log)
  return report
}

const grammar: Issue = { s: 2, d: 'Grammatical error', r: 10, c: 'For your info' }
const spaces: Issue = { s: 1, d: 'The translation contains double spaces which are not present in the source text', r: 20, x: true }
const trailing: Issue = { s: 1, d: 'Trailing whitespace differs: the source ends with nothing, the translation with " "', r: 1302 }

describe('Wordbee QA issues', () => {
  it('merges the issues of the segments matched by key or text, keeping x and c, and scores nothing', async () => {
    const fake = await start([
      { sid: 1, key: 'cart.title', texts: { de: { val: 'Warenkorb', issues: [grammar, spaces] }, en: { val: 'Cart' } } },
      { sid: 2, texts: { de: { val: 'Dokumenttext', issues: [{ s: 0, d: 'Terminology', r: 30 }] }, en: { val: 'Document text' } } },
      { sid: 3, key: 'cart.old', texts: { de: { val: 'Alter Text', issues: [grammar] } } },
      { sid: 4, key: 'cart.clean', texts: { de: { val: 'Sauber' } } },
    ])
    const { scorer: s } = scorer(fake)
    const scores = await score(
      s,
      segs([
        ['cart.title', 'Warenkorb'],
        ['doc.1', 'Dokumenttext'],
        ['cart.old', 'Neuer Text'],
        ['cart.clean', 'Sauber'],
      ]),
    )
    expect(scores).toEqual([
      { provider: 'wordbee', engine: 'qa', state: 'not-applicable', reason: 'Wordbee segment 1 holds QA issues, not a score', issues: [grammar, spaces] },
      { provider: 'wordbee', engine: 'qa', state: 'not-applicable', reason: 'Wordbee segment 2 holds QA issues, not a score', issues: [{ s: 0, d: 'Terminology', r: 30 }] },
      { provider: 'wordbee', engine: 'qa', state: 'not-applicable', reason: 'Wordbee segment 3 holds another text: "Alter Text"; its issues are not about this translation' },
      { provider: 'wordbee', engine: 'qa', state: 'not-applicable', reason: 'no Wordbee segment with QA issues has this key or text' },
    ])
    expect(fake.requests.map((r) => r.path)).toEqual(['/api/auth/token', '/api/resources/segments/search'])
    const [auth, search] = fake.requests
    expect(auth.body).toEqual({ accountid: 'acme', key: API_KEY })
    expect(search.headers['x-auth-accountid']).toBe('acme')
    expect(search.headers['x-auth-token']).toMatch(/^wb-token-1-/)
    expect(search.body).toEqual({ scope: { type: 'Project', projectid: 42 }, query: { languages: [{ locs: ['de'], qa: {} }, { locs: ['en'] }], skip: 0, take: WORDBEE_TAKE } })
  })

  it('applies the configured qa filter and Wordbee locale codes', async () => {
    const fake = await start([
      { sid: 1, key: 'a', texts: { 'de-DE': { val: 'Eins', issues: [grammar] } } },
      { sid: 2, key: 'b', texts: { 'de-DE': { val: 'Zwei', issues: [{ s: 1, d: 'Warning', r: 11 }] } } },
    ])
    const { scorer: s } = scorer(fake, { qa: { severity: [2] }, locales: { de: 'de-DE' } })
    const scores = await score(
      s,
      segs([
        ['a', 'Eins'],
        ['b', 'Zwei'],
      ]),
    )
    expect(scores.map((x) => x.issues)).toEqual([[grammar], undefined])
    expect((fake.requests[1].body as { query: unknown }).query).toMatchObject({ languages: [{ locs: ['de-DE'], qa: { severity: [2] } }, { locs: ['en'] }] })
  })

  it('pages through the results with skip and take', async () => {
    const fake = await start(Array.from({ length: 250 }, (_, i): FakeSegment => ({ sid: i + 1, key: `k${i}`, texts: { de: { val: `T${i}`, issues: [grammar] } } })))
    const { scorer: s } = scorer(fake)
    const scores = await score(s, segs([['k249', 'T249']]))
    expect(scores[0].issues).toEqual([grammar])
    expect(fake.calls('/api/resources/segments/search').map((r) => (r.body as { query: { skip: number } }).query.skip)).toEqual([0, 100, 200])
  })

  it('signs in again once when the session token expires', async () => {
    const fake = await start(Array.from({ length: 250 }, (_, i): FakeSegment => ({ sid: i + 1, key: `k${i}`, texts: { de: { val: `T${i}`, issues: [grammar] } } })))
    fake.tokenLifetime = 2
    const { scorer: s, log } = scorer(fake)
    const scores = await score(s, segs([['k249', 'T249']]))
    expect(scores[0].issues).toEqual([grammar])
    expect(fake.requests.map((r) => r.path.replace('/api/', ''))).toEqual(['auth/token', 'resources/segments/search', 'resources/segments/search', 'resources/segments/search', 'auth/token', 'resources/segments/search'])
    expect(log.lines).toContain('Wordbee: session expired; signing in again')
  })

  it.each([
    ['wrong credentials', { apiKey: 'not-the-key-000' }, 'Wordbee: POST /api/auth/token answered HTTP 401: Invalid account id or API key. Check wordbee-account-id and wordbee-api-key.'],
    ['a wrong project', { projectId: 7 }, 'Wordbee: POST /api/resources/segments/search answered HTTP 404: Project 7 not found or not accessible'],
  ])('fails every segment on %s, never as passed', async (_name, extra, reason) => {
    const fake = await start([{ sid: 1, key: 'a', texts: { de: { val: 'Eins', issues: [grammar] } } }])
    const { scorer: s, log } = scorer(fake, extra)
    const segments = segs([
      ['a', 'Eins'],
      ['b', 'Zwei'],
    ])
    const report = await fullRun(s, segments)
    expect(segments.map((x) => [x.scores[0].state, x.scores[0].reason])).toEqual([
      ['failed', reason],
      ['failed', reason],
    ])
    expect(report.summary.notScored).toBe(2)
    expect(segments[0].issues).toContainEqual({ s: 1, r: 1902, d: `Not scored by wordbee qa: ${reason}` })
    expect(log.lines.join('\n')).not.toContain(API_KEY)
    expect(reason).not.toContain('not-the-key-000')
  })

  it('fails when a renewed token is refused too', async () => {
    const fake = await start([{ sid: 1, key: 'a', texts: { de: { val: 'Eins', issues: [grammar] } } }])
    fake.tokenLifetime = 0
    const { scorer: s } = scorer(fake)
    const [result] = await score(s, segs([['a', 'Eins']]))
    expect(result).toMatchObject({ state: 'failed', reason: 'Wordbee: POST /api/resources/segments/search answered HTTP 401: Authentication token expired' })
    expect(fake.calls('/api/auth/token')).toHaveLength(2)
  })

  it.each([
    ['a 503', { kind: 'reply', reply: { status: 503, json: { reason: 'Maintenance' } } }],
    ['a 429 with Retry-After', { kind: 'reply', reply: { status: 429, headers: { 'retry-after': '0' }, json: { reason: 'Too many requests' } } }],
    ['a reset connection', { kind: 'reset' }],
  ] as const)('retries the search after %s', async (_name, fault) => {
    const fake = await start([{ sid: 1, key: 'a', texts: { de: { val: 'Eins', issues: [grammar] } } }])
    fake.server.inject(fault, { match: (r) => r.path.endsWith('/segments/search') })
    const { scorer: s } = scorer(fake)
    const [result] = await score(s, segs([['a', 'Eins']]))
    expect(result.issues).toEqual([grammar])
    expect(fake.calls('/api/resources/segments/search')).toHaveLength(2)
  })

  it('fails on malformed JSON and on a service that stays down', async () => {
    const fake = await start([{ sid: 1, key: 'a', texts: { de: { val: 'Eins', issues: [grammar] } } }])
    fake.server.inject({ kind: 'malformed' }, { match: (r) => r.path.endsWith('/segments/search') })
    const [first] = await score(scorer(fake).scorer, segs([['a', 'Eins']]))
    expect(first.state).toBe('failed')
    expect(first.reason).toMatch(/^Wordbee: POST \/api\/resources\/segments\/search answered HTTP 200 with invalid JSON/)
    fake.server.inject({ kind: 'reply', reply: { status: 502, raw: '<html>Bad Gateway</html>' } }, { times: 10 })
    const [second] = await score(scorer(fake, { http: { retries: 2 } }).scorer, segs([['a', 'Eins']]))
    expect(second).toMatchObject({ state: 'failed', reason: 'Wordbee: POST /api/auth/token answered HTTP 502: <html>Bad Gateway</html> (after 3 attempts)' })
  })
})

describe('Wordbee push', () => {
  const fixture = (): FakeSegment[] => [
    { sid: 1, key: 'cart.title', texts: { de: { val: 'Warenkorb ', issues: [grammar] } } },
    { sid: 2, key: 'cart.empty', texts: { de: { val: 'Leer' } } },
  ]

  it('writes our issues to the matched segments, and a re-run neither duplicates nor re-sends them', async () => {
    const fake = await start(fixture())
    const first = await fullRun(
      scorer(fake, { push: true }).scorer,
      segs([
        ['cart.title', 'Warenkorb ', [trailing]],
        ['cart.empty', 'Leer'],
      ]),
    )
    expect(first.notes).toContain('Wordbee: QA issues written to 1 segment(s) (1 command(s))')
    const update = fake.calls('/api/resources/qa/issues/update')
    expect(update).toHaveLength(1)
    expect(update[0].body).toEqual({ scope: { type: 'Project', projectid: 42 }, commands: [{ sid: 1, locale: 'de', action: 'Add', severity: 1, description: trailing.d, ruleId: 1302, dismissed: false, comments: '' }] })
    expect(fake.segment(1)!.texts.de.issues).toEqual([grammar, trailing])
    // Pushing reads every segment, not only those with issues.
    expect((fake.calls('/api/resources/segments/search')[0].body as { query: { languages: unknown } }).query.languages).toEqual([{ locs: ['de'] }, { locs: ['en'] }])

    const segments = segs([
      ['cart.title', 'Warenkorb ', [trailing]],
      ['cart.empty', 'Leer'],
    ])
    const second = await fullRun(scorer(fake, { push: true }).scorer, segments)
    expect(second.notes).toContain('Wordbee: the QA issues of the matched segments are up to date')
    expect(fake.calls('/api/resources/qa/issues/update')).toHaveLength(1)
    // Our pushed copy is not reported a second time next to our own finding.
    expect(segments[0].issues.filter((i) => i.r === 1302)).toHaveLength(1)
    expect(segments[0].issues).toContainEqual(grammar)
  })

  it('removes the issues an earlier run wrote once they are fixed, and keeps Wordbee dismissals', async () => {
    const fake = await start([
      { sid: 1, key: 'a', texts: { de: { val: 'Eins', issues: [grammar, { ...trailing, d: 'old finding' }] } } },
      { sid: 2, key: 'b', texts: { de: { val: 'Zwei ', issues: [{ ...trailing, x: true, c: 'intended' }] } } },
    ])
    const report = await fullRun(
      scorer(fake, { push: true }).scorer,
      segs([
        ['a', 'Eins'],
        ['b', 'Zwei ', [trailing]],
      ]),
    )
    expect(report.notes).toContain('Wordbee: QA issues written to 1 segment(s) (1 command(s))')
    expect(fake.calls('/api/resources/qa/issues/update')[0].body).toMatchObject({ commands: [{ sid: 1, action: 'Delete', index: 1 }] })
    expect(fake.segment(1)!.texts.de.issues).toEqual([grammar])
    expect(fake.segment(2)!.texts.de.issues).toEqual([{ ...trailing, x: true, c: 'intended' }])
  })

  it('notes a failed write-back without retrying it or failing the run', async () => {
    const fake = await start(fixture())
    fake.server.inject({ kind: 'reply', reply: { status: 503, json: { reason: 'Maintenance' } } }, { match: (r) => r.path.endsWith('/issues/update') })
    const report = await fullRun(scorer(fake, { push: true }).scorer, segs([['cart.title', 'Warenkorb ', [trailing]]]))
    expect(report.notes).toContain('wordbee: results not written back: Wordbee: POST /api/resources/qa/issues/update answered HTTP 503: Maintenance')
    expect(fake.calls('/api/resources/qa/issues/update')).toHaveLength(1)
    expect(report.usage.wordbee).toMatchObject({ requests: 3, 'issues-pushed': 0 })
  })
})

describe('toIssue', () => {
  it.each([
    [{ s: 2, d: 'x', r: 10 }, { s: 2, d: 'x', r: 10 }],
    [{ s: 1, d: 'x', r: 10, x: 1, c: 'why' }, { s: 1, d: 'x', r: 10, x: true, c: 'why' }],
    [{ s: 0, d: 'x', r: 10, x: false, c: '' }, { s: 0, d: 'x', r: 10 }],
  ])('%j -> %j', (raw, issue) => expect(toIssue(raw)).toEqual(issue))
})
