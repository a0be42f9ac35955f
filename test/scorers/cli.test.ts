// End to end through the tqg CLI (in-process) against the Phrase and Wordbee fakes, on a
// small i18next base/head pair: scores and issues on the PR's lines, the cache across runs,
// and that nothing that failed passes.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PhraseFake, phraseFixture } from '../emulators/phrase.js'
import { WordbeeFake } from '../emulators/wordbee.js'
import { tqg } from '../helpers/cli.js'

const EN = {
  cart: { title: 'Cart', empty: 'Your cart is empty', items_one: '{{count}} item', items_other: '{{count}} items' },
  checkout: { pay: 'Pay now', terms: 'I accept the terms' },
}
const DE_BASE = { cart: { title: 'Warenkorb', empty: 'Dein Warenkorb ist leer' }, checkout: { terms: 'Ich akzeptiere die AGB' } }
const DE_HEAD = {
  // items_other drops {{count}}: one of our rules reports it (and it is pushed to Wordbee).
  cart: { title: 'Warenkorb', empty: 'Ihr Warenkorb ist leer', items_one: '{{count}} Artikel', items_other: 'Artikel' },
  checkout: { pay: 'Jetzt bezahlen', terms: 'Ich akzeptiere die AGB' },
}

let dir: string
let base: string
let head: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tqg-scorers-cli-'))
  base = join(dir, 'base')
  head = join(dir, 'head')
  for (const [root, de] of [
    [base, DE_BASE],
    [head, DE_HEAD],
  ] as const) {
    await mkdir(join(root, 'locales/en'), { recursive: true })
    await mkdir(join(root, 'locales/de'), { recursive: true })
    await writeFile(join(root, 'locales/en/app.json'), `${JSON.stringify(EN, null, 2)}\n`)
    await writeFile(join(root, 'locales/de/app.json'), `${JSON.stringify(de, null, 2)}\n`)
  }
})
afterAll(() => rm(dir, { recursive: true, force: true }))

const fakes: Array<{ close(): Promise<void> }> = []
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()))
})

/** Phrase holds the PR's texts, except an older text for checkout.pay. */
async function phrase() {
  const fake = await PhraseFake.start(
    phraseFixture(
      {
        de: { 'cart.title': 'Warenkorb', 'cart.empty': 'Ihr Warenkorb ist leer', 'cart.items': { one: '{{count}} Artikel', other: 'Artikel' }, 'checkout.pay': 'Jetzt zahlen', 'checkout.terms': 'Ich akzeptiere die AGB' },
        en: { 'cart.title': 'Cart' },
      },
      { scores: { 'Ihr Warenkorb ist leer': 0.93 } },
    ),
  )
  fakes.push(fake)
  return fake
}

const phraseArgs = (fake: PhraseFake, cacheDir: string, failOn = 'below-threshold') =>
  [base, head, '--files', 'locales/{locale}/app.json', '--format', 'json', '--phrase-api-url', fake.url, '--phrase-project-id', fake.fixture.projectId, '--cache-dir', cacheDir, '--fail-on', failOn]

interface JsonSegment {
  key: string
  line: number
  scores: Array<{ provider: string; state: string; score?: number; reason?: string }>
  issues: Array<{ s: number; r: number; d: string; x?: boolean; c?: string }>
}

describe('tqg with Phrase QPS', () => {
  it('scores the changed segments, reports below-threshold on its line, and re-runs without a request', async () => {
    const fake = await phrase()
    fake.fixture.translations.find((t) => t.suffix === 'one')!.score = 0.41
    const cacheDir = join(dir, 'cache-phrase')
    const env = { PHRASE_TOKEN: fake.fixture.token }
    const first = await tqg(phraseArgs(fake, cacheDir), { env })
    expect(first.code).toBe(1)
    const report = JSON.parse(first.stdout) as { failedOn: string[]; segments: JsonSegment[]; usage: Record<string, Record<string, number>> }
    expect(report.failedOn).toEqual(['below-threshold'])
    const byKey = Object.fromEntries(report.segments.map((s) => [s.key, s]))
    expect(Object.keys(byKey).sort()).toEqual(['cart.empty', 'cart.items_one', 'cart.items_other', 'checkout.pay'])
    expect(byKey['cart.empty'].scores).toEqual([{ provider: 'phrase', engine: 'qe_v4', state: 'scored', score: 0.93, threshold: 0.7 }])
    expect(byKey['cart.items_one'].issues).toContainEqual({ s: 2, r: 1901, d: 'Quality score 0.41 is below the threshold 0.70 (phrase qe_v4)' })
    expect(byKey['cart.items_one'].line).toBe(5)
    expect(byKey['checkout.pay'].scores[0]).toMatchObject({ state: 'not-applicable', reason: expect.stringContaining('Phrase holds another text') })
    const sent = fake.requests.length
    expect(sent).toBe(report.usage.phrase.requests)
    expect(fake.requests.every((r) => r.headers.authorization === `token ${fake.fixture.token}`)).toBe(true)
    expect(first.stderr).not.toContain(fake.fixture.token)

    const second = await tqg(phraseArgs(fake, cacheDir), { env })
    expect(second.code).toBe(1)
    expect(fake.requests.length).toBe(sent)
    expect(JSON.parse(second.stdout).segments).toEqual(report.segments)
  })

  it('never passes what failed: a failed QPS call is not scored (exit 3, a service failure), and fails the gate with fail-on not-scored', async () => {
    const fake = await phrase()
    fake.wholeCallError = { message: 'Internal error', code: 'internal' }
    const env = { PHRASE_TOKEN: fake.fixture.token }
    const run = await tqg(phraseArgs(fake, 'off'), { env })
    // Without not-scored in fail-on the gate passes, with a 1902 warning on each segment; exit 3 says a service failed.
    expect(run.code).toBe(3)
    const report = JSON.parse(run.stdout) as { passed: boolean; summary: { notScored: number }; segments: JsonSegment[] }
    // checkout.pay is not-applicable (Phrase holds another text); the other three failed.
    expect(report.summary.notScored).toBe(3)
    const items = report.segments.find((s) => s.key === 'cart.items_one')!
    expect(items.issues).toContainEqual({ s: 1, r: 1902, d: 'Not scored by phrase qps: Phrase QPS failed for the whole batch: Internal error (internal)' })

    const gated = await tqg(phraseArgs(fake, 'off', 'not-scored'), { env })
    expect(gated.code).toBe(3)
    expect(JSON.parse(gated.stdout)).toMatchObject({ passed: false, failedOn: ['not-scored'] })
  })

  it('says once why Phrase is skipped without a token, and stops on a missing project id', async () => {
    const fake = await phrase()
    const skipped = await tqg([base, head, '--files', 'locales/{locale}/app.json', '--phrase-project-id', 'proj1', '--phrase-api-url', fake.url])
    expect(skipped.stdout).toContain('Phrase QPS skipped: phrase-project-id is set but phrase-token is empty (pull requests from forks get no secrets).')
    expect(fake.requests).toHaveLength(0)
    const bad = await tqg([base, head, '--files', 'locales/{locale}/app.json', '--phrase-api-url', fake.url], { env: { PHRASE_TOKEN: 'x-token-123' } })
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('phrase-token is set but phrase-project-id is not')
  })
})

describe('tqg with Wordbee', () => {
  it('reports Wordbee issues on the PR lines and pushes ours back', async () => {
    const fake = await WordbeeFake.start({
      accountId: 'acme',
      apiKey: 'wb-key-987654321',
      projectId: 7,
      segments: [
        { sid: 11, key: 'checkout.pay', texts: { de: { val: 'Jetzt bezahlen', issues: [{ s: 2, d: 'Inconsistent with glossary: "bezahlen" should be "zahlen"', r: 40, c: 'Glossary v3' }] }, en: { val: 'Pay now' } } },
        { sid: 12, key: 'cart.items_other', texts: { de: { val: 'Artikel' }, en: { val: '{{count}} items' } } },
      ],
    })
    fakes.push(fake)
    const run = await tqg(
      [base, head, '--files', 'locales/{locale}/app.json', '--format', 'json', '--wordbee-api-url', fake.url, '--wordbee-account-id', 'acme', '--wordbee-project-id', '7', '--wordbee-push', '--fail-on', 'error', '--cache-dir', 'off'],
      { env: { WORDBEE_API_KEY: 'wb-key-987654321' } },
    )
    const report = JSON.parse(run.stdout) as { failedOn: string[]; segments: JsonSegment[]; notes: string[] }
    expect(run.code).toBe(1)
    expect(report.failedOn).toEqual(['error'])
    const pay = report.segments.find((s) => s.key === 'checkout.pay')!
    expect(pay.issues).toContainEqual({ s: 2, d: 'Inconsistent with glossary: "bezahlen" should be "zahlen"', r: 40, c: 'Glossary v3' })
    expect(pay.scores).toMatchObject([{ provider: 'wordbee', engine: 'qa', state: 'not-applicable', reason: 'Wordbee segment 11 holds QA issues, not a score' }])
    const ours = report.segments.find((s) => s.key === 'cart.items_other')!.issues.filter((i) => i.r > 1000)
    expect(ours.map((i) => i.r)).toEqual([1061])
    expect(fake.segment(12)!.texts.de.issues).toEqual(ours)
    expect(report.notes).toContain('Wordbee: QA issues written to 1 segment(s) (1 command(s))')
    expect(run.stderr).not.toContain('wb-key-987654321')
  })
})
