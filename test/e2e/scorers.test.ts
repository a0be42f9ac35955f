// Every quality service end to end through the bundled action (dist/index.js) run as the
// runner runs it: a real git workspace at the PR's merge commit, the inputs as INPUT_*
// variables, the fake GitHub API, and each service's local fake (test/emulators/) behind
// its URL input. One repository holds two PRs: #11 (a TMS sync with one weak German
// translation and an Angular XLIFF file) and #12 (good translations only), on which the
// faults are injected into all four services at once.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { FakeCheckRun, FakeGitHub } from '../emulators/github.js'
import { CustomMtFake } from '../emulators/custommt.js'
import { startDemoFakes, type DemoFakes } from '../emulators/demo.js'
import { judgementKey, OpenAiFake } from '../emulators/openai.js'
import { PhraseFake, phraseFixture } from '../emulators/phrase.js'
import type { Fault, FakeServer } from '../emulators/server.js'
import { WordbeeFake } from '../emulators/wordbee.js'
import { fakeGitHub, GITHUB_TOKEN, node24, openPr, runOn, type Pr } from '../helpers/action-pr.js'
import { TestRepo } from '../helpers/git-repo.js'
import type { RunnerResult } from '../helpers/runner.js'

const json = (o: object) => `${JSON.stringify(o, null, 2)}\n`

const CONFIG = `version: 1
files:
  - locales/{locale}/app.json
  - src/locale/messages{.locale}.xlf
source-locale: en
threshold: 0.7
custommt:
  locales: [de]
  templates:
    - { source: en, target: de, template: Shop EN-DE }
openai:
  mode: da
`

const EN = {
  nav: { home: 'Home', orders: 'Your orders' },
  cart: { title: 'Shopping cart', empty: 'Your cart is empty.', checkout: 'Proceed to checkout', items_one: '{{count}} item', items_other: '{{count}} items' },
  account: { delete: 'Delete your account? This cannot be undone.' },
}
const DE_BASE = { nav: { home: 'Startseite', orders: 'Ihre Bestellungen' }, cart: { title: 'Warenkorb' } }
const DE_CART = { ...DE_BASE.cart, empty: 'Ihr Warenkorb ist leer.', checkout: 'Zur Kasse', items_one: '{{count}} Artikel', items_other: '{{count}} Artikel' }
/** PR #11: the cart, and a deletion warning that lost its second sentence. */
const DE_SYNC = { ...DE_BASE, cart: DE_CART, account: { delete: 'Konto entfernen?' } }
/** PR #12: the cart only, all good. */
const DE_GOOD = { ...DE_BASE, cart: DE_CART }
const WEAK = { source: EN.account.delete, target: DE_SYNC.account.delete }
const WEAK_LINE = json(DE_SYNC).split('\n').findIndex((l) => l.includes('"delete"')) + 1

const xliff = (side: 'base' | 'head', file: string) => readFileSync(`test/fixtures/xliff-decisions/pr/${side}/src/locale/${file}`, 'utf8')

const SECRETS = {
  'phrase-token': 'phr_e2e_7c2b9f4d1a8e3306',
  'custommt-token': 'cmt_e2e_5d1f0a9b2c7e',
  'openai-api-key': 'sk-e2e-proj-A1b2C3d4E5f6Zq7W',
  'wordbee-api-key': 'wb_e2e_key_0f9e8d7c',
}
/** Credentials that look right and are not. */
const WRONG = {
  'phrase-token': 'phr_e2e_0000wrong0000',
  'custommt-token': 'cmt_e2e_0000wrong',
  'openai-api-key': 'sk-e2e-proj-WRONGkey0000Yx8V',
  'wordbee-api-key': 'wb_e2e_key_wrong',
}

const SERVICES = ['phrase', 'custommt', 'openai', 'wordbee'] as const
type Service = (typeof SERVICES)[number]

interface Kit {
  /** The service's row in the job summary. */
  name: string
  /** How the service names itself in errors. */
  label: string
  server: FakeServer
  /** Inputs that point the action at the fake (secrets included). */
  inputs: Record<string, string>
  /** A 429 with the service's own headers. */
  tooMany(): Fault
  serverError: { status: number; fault: Fault }
  /** What a wrong credential's message must name. */
  credentials: string
  /** The finding on the weak translation of PR #11: rule and description. */
  weak: { rule: number; description: string }
}

let repo: TestRepo
let github: FakeGitHub
let sync: Pr
let good: Pr
let kits: Record<Service, Kit>
let fakes: { phrase: PhraseFake; custommt: CustomMtFake; openai: OpenAiFake; wordbee: WordbeeFake }

beforeAll(async () => {
  repo = TestRepo.create()
  const base = repo.commit('main', 'Shop with German', {
    files: {
      '.github/translation-quality.yml': CONFIG,
      'locales/en/app.json': json(EN),
      'locales/de/app.json': json(DE_BASE),
      'src/locale/messages.xlf': xliff('base', 'messages.xlf'),
      'src/locale/messages.de.xlf': xliff('base', 'messages.de.xlf'),
    },
  })
  const syncHead = repo.commit('l10n_main', 'New translations from the TMS', {
    from: base,
    files: { 'locales/de/app.json': json(DE_SYNC), 'src/locale/messages.xlf': xliff('head', 'messages.xlf'), 'src/locale/messages.de.xlf': xliff('head', 'messages.de.xlf') },
  })
  const goodHead = repo.commit('cart-de', 'German cart', { from: base, files: { 'locales/de/app.json': json(DE_GOOD) } })
  github = await fakeGitHub(repo)
  sync = openPr(repo, github, 11, { ref: 'main', sha: base }, { ref: 'l10n_main', sha: syncHead })
  good = openPr(repo, github, 12, { ref: 'main', sha: base }, { ref: 'cart-de', sha: goodHead })

  const phrase = await PhraseFake.start(
    phraseFixture(
      { de: { 'cart.empty': DE_CART.empty, 'cart.checkout': DE_CART.checkout, 'cart.items': { one: DE_CART.items_one, other: DE_CART.items_other }, 'account.delete': WEAK.target } },
      { token: SECRETS['phrase-token'], projectId: 'shop-app', scores: { [WEAK.target]: 0.35 } },
    ),
  )
  const custommt = await CustomMtFake.start({
    token: SECRETS['custommt-token'],
    templates: [{ name: 'Shop EN-DE', source: 'en', target: 'de', successScore: 0.7 }],
    translations: {
      'Shop EN-DE': {
        [EN.cart.empty]: { target: DE_CART.empty, score: 0.96 },
        [EN.cart.checkout]: { target: DE_CART.checkout, score: 0.9 },
        [EN.cart.items_one]: { target: DE_CART.items_one, score: 0.9 },
        [EN.cart.items_other]: { target: DE_CART.items_other, score: 0.88 },
        [WEAK.source]: { target: WEAK.target, score: 0.41 },
        'Archive all': { target: 'Alle archivieren', score: 0.97 },
        'Mark as read': { target: 'Als gelesen markieren', score: 0.86 },
        'Delete conversation': { target: 'Unterhaltung löschen', score: 0.9 },
      },
    },
  })
  const openai = await OpenAiFake.start({
    apiKey: SECRETS['openai-api-key'],
    models: ['gpt-4o-mini'],
    judgements: { [judgementKey(WEAK.source, WEAK.target)]: { score: 30 } },
  })
  const wordbee = await WordbeeFake.start({
    accountId: 'acme',
    apiKey: SECRETS['wordbee-api-key'],
    projectId: 812,
    segments: [
      { sid: 9001, key: 'account.delete', texts: { en: { val: WEAK.source }, de: { val: WEAK.target, issues: [{ s: 2, d: 'Omission: "This cannot be undone" is not translated', r: 21 }] } } },
      {
        sid: 9002,
        key: 'cart.checkout',
        texts: {
          en: { val: EN.cart.checkout },
          de: {
            val: DE_CART.checkout,
            issues: [
              { s: 1, d: 'Style: prefer "Zur Kasse gehen"', r: 40, x: true, c: 'Short form fits the button' },
              { s: 0, d: 'Terminology: "Kasse" is a glossary term', r: 30 },
            ],
          },
        },
      },
    ],
  })
  fakes = { phrase, custommt, openai, wordbee }
  kits = {
    phrase: {
      name: 'Phrase QPS',
      label: 'Phrase',
      server: phrase.server,
      inputs: { 'phrase-token': SECRETS['phrase-token'], 'phrase-project-id': 'shop-app', 'phrase-api-url': phrase.url },
      tooMany: () => ({
        kind: 'reply',
        reply: {
          status: 429,
          headers: { 'x-rate-limit-limit': '1000', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(Math.floor(Date.now() / 1000) + 1) },
          json: { message: 'Rate limit exceeded', documentation_url: 'https://developers.phrase.com/api/#rate-limit' },
        },
      }),
      serverError: { status: 504, fault: { kind: 'reply', reply: { status: 504, headers: { 'content-type': 'text/html' }, raw: '<html><body><h1>504 Gateway Time-out</h1></body></html>' } } },
      credentials: 'Check phrase-token',
      weak: { rule: 1901, description: 'Quality score 0.35 is below the threshold 0.70 (phrase qe_v4)' },
    },
    custommt: {
      name: 'Custom.MT QE',
      label: 'Custom.MT',
      server: custommt.server,
      inputs: { 'custommt-token': SECRETS['custommt-token'], 'custommt-api-url': custommt.url },
      tooMany: () => CustomMtFake.tooManyRequests(1),
      serverError: { status: 502, fault: CustomMtFake.serverError(502) },
      credentials: 'Check custommt-token',
      weak: { rule: 1901, description: 'Quality score 0.41 is below the threshold 0.70 (custommt Shop EN-DE)' },
    },
    openai: {
      name: 'LLM QE',
      label: 'OpenAI-compatible LLM',
      server: openai.server,
      inputs: { 'openai-api-key': SECRETS['openai-api-key'], 'openai-base-url': openai.baseUrl() },
      tooMany: () => OpenAiFake.tooManyRequests(1),
      serverError: { status: 503, fault: OpenAiFake.serverError(503) },
      credentials: 'Check openai-api-key',
      weak: { rule: 1901, description: 'Quality score 0.30 is below the threshold 0.70 (openai gpt-4o-mini)' },
    },
    wordbee: {
      name: 'Wordbee QA',
      label: 'Wordbee',
      server: wordbee.server,
      inputs: { 'wordbee-api-key': SECRETS['wordbee-api-key'], 'wordbee-account-id': 'acme', 'wordbee-project-id': '812', 'wordbee-api-url': wordbee.url },
      // Wordbee documents no rate-limit headers: Retry-After is assumed, with its {reason} body.
      tooMany: () => ({ kind: 'reply', reply: { status: 429, headers: { 'retry-after': '1' }, json: { reason: 'Too many requests' } } }),
      serverError: { status: 500, fault: { kind: 'reply', reply: { status: 500, json: { reason: 'Internal server error' } } } },
      credentials: 'Check wordbee-account-id and wordbee-api-key',
      // Wordbee holds QA issues, not scores: its issue on the line is its finding.
      weak: { rule: 21, description: 'Omission: "This cannot be undone" is not translated' },
    },
  }
})

afterAll(async () => {
  await Promise.all([github?.close(), ...Object.values(fakes ?? {}).map((f) => f.close())])
  repo?.remove()
})

function resetFakes(): void {
  for (const kit of Object.values(kits)) kit.server.reset()
}

const allInputs = (values: Partial<Record<string, string>> = {}) => Object.assign({}, ...SERVICES.map((s) => kits[s].inputs), values) as Record<string, string>

// Each run scores afresh unless a test keeps the cache.
const run = (pr: Pr, inputs: Record<string, string>, extra?: Parameters<typeof runOn>[2]) => runOn(pr, { 'cache-dir': 'off', ...inputs }, extra)

interface JsonReport {
  passed: boolean
  summary: { scored: number; notScored: number }
  segments: Array<{ file: string; key: string; line: number; scores: Array<{ provider: string; state: string; score?: number; reason?: string }>; issues: Array<{ r: number; d: string; s: number; x?: boolean; c?: string }> }>
  usage: Record<string, Record<string, number>>
  decisions?: Array<{ file: string; output?: string; decisions: Array<{ key: string; attributes: Record<string, string> }> }>
}

const reportOf = (result: RunnerResult): JsonReport => JSON.parse(readFileSync(result.outputs['report-file'], 'utf8'))

function checkRunOf(pr: Pr): FakeCheckRun {
  const run = pr.fake.checkRuns.filter((r) => r.head_sha === pr.head).at(-1)
  if (!run) throw new Error(`no check run on ${pr.head}`)
  return run
}

/** A service's row of the job summary's table, by column. */
function serviceRow(summary: string, name: string): Record<string, string> {
  const line = summary.split('\n').find((l) => l.startsWith(`| ${name} |`))
  if (!line) throw new Error(`no row for ${name} in the job summary`)
  const [, scored, average, notApplicable, skipped, failed, requests, usage] = line.split(' | ').map((c) => c.replace(/^\| | \|$/g, ''))
  return { scored, average, notApplicable, skipped, failed, requests, usage }
}

function commentOf(number: number): string {
  const comment = github.comments.find((c) => c.issue === number)
  if (!comment) throw new Error(`no comment on #${number}`)
  return comment.body
}

/** Secrets reach the runner once each, to be masked; no other line shows them. */
function expectSecretsKept(result: RunnerResult, secrets: string[]): void {
  const lines = `${result.stdout}\n${result.stderr}`.split('\n')
  for (const secret of [GITHUB_TOKEN, ...secrets]) expect(lines.filter((l) => l.includes(secret))).toEqual([`::add-mask::${secret}`])
}

/** What is particular to each service, checked on its run on PR #11. */
const PARTICULAR: Record<Service, { title: string; check(result: RunnerResult, report: JsonReport): void }> = {
  phrase: {
    title: 'scores only the translations Phrase holds, with at most 4 requests in flight',
    check(_result, report) {
      const phrase = (key: string) => report.segments.find((s) => s.key === key)!.scores.find((s) => s.provider === 'phrase')!
      expect(phrase('cart.empty')).toMatchObject({ state: 'scored', score: 0.9 })
      expect(phrase('inbox.archive')).toMatchObject({ state: 'not-applicable', reason: "key 'inbox.archive' is not in the Phrase project" })
      expect(fakes.phrase.qpsCalls).toHaveLength(1)
      expect(fakes.phrase.server.maxInFlight).toBeLessThanOrEqual(4)
    },
  },
  custommt: {
    title: 'writes the QE decisions into a copy of the XLIFF file next to the report, and lists it in the job summary',
    check(result, report) {
      const dir = join(dirname(result.outputs['report-file']), 'custommt-decisions')
      const copy = readFileSync(join(dir, 'src/locale/messages.de.xlf'), 'utf8')
      expect(copy).toContain('<trans-unit id="inbox.archive" datatype="html" approved="yes" translate="no">')
      expect(copy).toContain('<trans-unit id="inbox.markRead" datatype="html" approved="yes">')
      expect(copy).toContain('<trans-unit id="inbox.delete" datatype="html">')
      expect(readFileSync(join(sync.workspace, 'src/locale/messages.de.xlf'), 'utf8')).toBe(xliff('head', 'messages.de.xlf'))
      expect(report.decisions).toEqual([
        {
          file: 'src/locale/messages.de.xlf',
          output: join(dir, 'src/locale/messages.de.xlf'),
          decisions: [expect.objectContaining({ key: 'inbox.archive', attributes: { approved: 'yes', translate: 'no' } }), expect.objectContaining({ key: 'inbox.markRead', attributes: { approved: 'yes' } })],
        },
      ])
      expect(result.summary).toContain(`written into copies of 1 XLIFF file(s) under \`${dir}\`: \`src/locale/messages.de.xlf\` (2)`)
      expect(result.stdout).toContain(`Custom.MT decisions for src/locale/messages.de.xlf: approved="yes" on 2, translate="no" on 1 trans-unit(s), written to ${join(dir, 'src/locale/messages.de.xlf')}`)
      // One language pair, eight segments: one request.
      expect(fakes.custommt.translateRequests).toHaveLength(1)
      const row = serviceRow(result.summary, 'Custom.MT QE')
      expect(row).toMatchObject({ scored: '7', notApplicable: '1', requests: '1' })
      expect(row.usage).toMatch(/^8 segments sent, [\d,]+ characters translated, [\d,]+ QE prompt tokens \(gpt-4o-2024-11-20\)/)
    },
  },
  openai: {
    title: 'scores every segment in one request and shows the tokens',
    check(result, report) {
      expect(report.segments.every((s) => s.scores.find((sc) => sc.provider === 'openai')?.state === 'scored')).toBe(true)
      expect(fakes.openai.completionRequests).toHaveLength(1)
      expect(serviceRow(result.summary, 'LLM QE').usage).toMatch(/^8 segments sent, [\d,]+ prompt tokens, [\d,]+ completion tokens$/)
    },
  },
  wordbee: {
    title: 'keeps the dismissal and the comment a reviewer made in Wordbee',
    check() {
      const dismissed = checkRunOf(sync).annotations.find((a) => a.title?.startsWith('Dismissed: wordbee (40)'))
      expect(dismissed).toMatchObject({ annotation_level: 'notice', path: 'locales/de/app.json' })
      expect(dismissed!.message).toContain('Dismissed: Short form fits the button')
    },
  },
}

describe.each(SERVICES)('%s on a pull request, through the bundled action', (service) => {
  let result: RunnerResult
  let report: JsonReport
  let requests: number
  beforeAll(async () => {
    resetFakes()
    result = await run(sync, kits[service].inputs)
    report = reportOf(result)
    requests = kits[service].server.requests.length
  })

  it('reports the weak translation on its line, and fails', () => {
    const kit = kits[service]
    expect(result.code).toBe(1)
    expect(result.outputs.passed).toBe('false')
    const check = checkRunOf(sync)
    expect(check.conclusion).toBe('failure')
    const weak = check.annotations.filter((a) => a.path === 'locales/de/app.json' && a.start_line === WEAK_LINE && a.title?.includes(`(${kit.weak.rule})`))
    expect(weak).toHaveLength(1)
    expect(weak[0]).toMatchObject({ annotation_level: 'failure' })
    expect(weak[0].message.split('\n')[0]).toBe(kit.weak.description)
    // Only the weak translation is reported: the others passed the service.
    expect(check.annotations.filter((a) => a.annotation_level === 'failure')).toHaveLength(1)
    expect(report.segments.every((s) => s.scores.some((sc) => sc.provider === service && (sc.state === 'scored' || sc.state === 'not-applicable')))).toBe(true)
  })

  it('shows its counts, requests and usage in the job summary and the comment', () => {
    const kit = kits[service]
    const row = serviceRow(result.summary, kit.name)
    expect(row.requests).toBe(String(requests))
    expect(report.usage[service]).toMatchObject({ requests, retries: 0 })
    expect(row).toMatchObject({ failed: '0', skipped: '0' })
    expect(Number(row.scored) + Number(row.notApplicable)).toBe(report.segments.length)
    expect(commentOf(11)).toContain(`Quality services: ${kit.name}: ${row.scored} scored`)
    expect(commentOf(11)).toContain(`; ${requests} request${requests === 1 ? '' : 's'}`)
    expectSecretsKept(result, Object.values(kit.inputs).filter((v) => Object.values(SECRETS).includes(v)))
  })

  it(PARTICULAR[service].title, () => PARTICULAR[service].check(result, report))
})


describe('faults of every service at once (PR #12, good translations)', () => {
  it('waits as each service asks after a 429 and then scores: the run passes and the counts show the retry', async () => {
    resetFakes()
    for (const s of SERVICES) kits[s].server.inject(kits[s].tooMany())
    const result = await run(good, allInputs())
    expect(result.code).toBe(0)
    expect(result.outputs.passed).toBe('true')
    const report = reportOf(result)
    expect(report.summary.notScored).toBe(0)
    for (const s of SERVICES) {
      expect(report.usage[s]).toMatchObject({ retries: 1, requests: kits[s].server.requests.length })
      expect(kits[s].server.requests[0].path).toBe(kits[s].server.requests[1].path)
      expect(serviceRow(result.summary, kits[s].name)).toMatchObject({ failed: '0', requests: `${kits[s].server.requests.length} (1 retry)` })
    }
    expect(report.summary.scored).toBe(report.segments.length)
    expectSecretsKept(result, Object.values(SECRETS))
  })

  it('reports every segment as not scored (1902) when a service keeps answering 5xx, and fails only with fail-on: not-scored', async () => {
    const inject = () => {
      resetFakes()
      for (const s of SERVICES) kits[s].server.inject(kits[s].serverError.fault, { times: 100 })
    }
    inject()
    const lenient = await run(good, allInputs())
    expect(lenient.code).toBe(0)
    const report = reportOf(lenient)
    expect(report.summary).toMatchObject({ scored: 0, notScored: report.segments.length })
    for (const s of SERVICES) {
      const { label, server, serverError } = kits[s]
      // The first attempt and three retries, then the segments are failed, never passed.
      expect(server.requests).toHaveLength(4)
      for (const segment of report.segments) {
        expect(segment.scores.find((sc) => sc.provider === s)).toMatchObject({ state: 'failed' })
        expect(segment.issues.filter((i) => i.r === 1902 && i.d.startsWith(`Not scored by ${s}`))).toHaveLength(1)
      }
      expect(lenient.stdout.split('\n').filter((l) => l.startsWith('::warning::') && l.includes(`${label}: `) && l.includes(`HTTP ${serverError.status}`) && l.includes('(after 4 attempts)'))).toHaveLength(1)
      expect(serviceRow(lenient.summary, kits[s].name)).toMatchObject({ scored: '0', failed: String(report.segments.length), requests: '4 (3 retries)' })
    }
    expect(checkRunOf(good)).toMatchObject({ conclusion: 'success', output: { title: expect.stringContaining(`${report.segments.length} not scored`) } })
    expect(checkRunOf(good).annotations.filter((a) => a.title?.includes('(1902)'))).toHaveLength(report.segments.length * SERVICES.length)
    expectSecretsKept(lenient, Object.values(SECRETS))

    inject()
    const strict = await run(good, allInputs({ 'fail-on': 'error,below-threshold,not-scored' }))
    expect(strict.code).toBe(1)
    expect(strict.stdout).toContain('::error::FAILED on not-scored')
    expect(checkRunOf(good).conclusion).toBe('failure')
  })

  it('names the setting to check on wrong credentials, sends nothing more to that service, and scores nothing', async () => {
    resetFakes()
    const result = await run(good, allInputs(WRONG))
    const report = reportOf(result)
    expect(report.summary.scored).toBe(0)
    expect(result.outputs).toMatchObject({ scored: '0', 'average-score': '' })
    for (const s of SERVICES) {
      const { label, credentials, server } = kits[s]
      const warnings = result.stdout.split('\n').filter((l) => l.startsWith(`::warning::${s}: ${label}: `))
      expect(warnings).toHaveLength(1)
      expect(warnings[0]).toMatch(/answered HTTP 401/)
      expect(warnings[0]).toContain(credentials)
      expect(server.requests).toHaveLength(1)
      for (const segment of report.segments) expect(segment.scores.find((sc) => sc.provider === s)).toMatchObject({ state: 'failed', reason: expect.stringContaining(credentials) })
      expect(serviceRow(result.summary, kits[s].name)).toMatchObject({ scored: '0', failed: String(report.segments.length) })
    }
    expect(checkRunOf(good).output.title).toContain(`${report.segments.length} not scored`)
    // OpenAI quotes the start and end of a wrong key: none of it is shown.
    expect(result.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::') && l.includes(WRONG['openai-api-key'].slice(-4)))).toEqual([])
    expectSecretsKept(result, Object.values(WRONG))
  })
})

describe('all four services on the demo PR (examples/), like npm run demo:providers', () => {
  let demo: DemoFakes
  let examples: Pr
  let demoRepo: TestRepo
  beforeAll(async () => {
    demo = await startDemoFakes()
    demoRepo = TestRepo.create()
    const support = { '.github/translation-quality.yml': readFileSync('examples/providers.yml', 'utf8') }
    const base = demoRepo.commit('main', 'App with translations', { tree: 'examples/base', files: support })
    const head = demoRepo.commit('translations', 'Sync translations from the TMS', { from: base, tree: 'examples/head', files: support })
    examples = openPr(demoRepo, await fakeGitHub(demoRepo), 7, { ref: 'main', sha: base }, { ref: 'translations', sha: head })
  })
  afterAll(async () => {
    await Promise.all([demo?.close(), examples?.fake.close()])
    demoRepo?.remove()
  })

  it('scores with every service on Node 24, then re-runs on the same head from the kept cache without a scoring request', async () => {
    const inputs = { ...demo.settings, ...demo.secrets }
    // The default cache-dir (.tqg-cache), in the workspace, kept between the two runs.
    const first = await runOn(examples, inputs, { node: [node24()] })
    expect(first.stdout).toMatch(/on Node v24\./)
    expect(first.code).toBe(1)
    expect(existsSync(join(examples.workspace, '.tqg-cache', 'scores-v1.json'))).toBe(true)
    const check = checkRunOf(examples)
    const on = (file: string, line: number, rule: number) => check.annotations.filter((a) => a.path === file && a.start_line === line && a.title?.includes(`(${rule})`)).map((a) => a.message.split('\n')[0])
    expect(on('locales/de/common.json', 16, 1901)).toEqual(['Quality score 0.31 is below the threshold 0.70 (phrase qe_v4)', 'Quality score 0.35 is below the threshold 0.70 (openai gpt-4o-mini)'])
    expect(on('locales/fr/common.json', 16, 1901)).toEqual(['Quality score 0.74 is below the threshold 0.80 (custommt Acme Shop EN-FR)'])
    expect(on('locales/fr/common.json', 20, 30)).toEqual(['Terminology: "compte" should be "votre compte" (glossary)'])
    const requests = Object.fromEntries(demo.named.map(([name, fake]) => [name, fake.server.requests.length]))
    expect(Object.values(requests).every((n) => n > 0)).toBe(true)
    const rows = { phrase: serviceRow(first.summary, 'Phrase QPS'), custommt: serviceRow(first.summary, 'Custom.MT QE'), openai: serviceRow(first.summary, 'LLM QE'), wordbee: serviceRow(first.summary, 'Wordbee QA') }
    expect(rows.phrase.requests).toBe(String(requests.Phrase))
    expect(rows.custommt.requests).toBe(String(requests['Custom.MT']))
    expect(rows.openai.requests).toBe(String(requests['OpenAI-compatible LLM']))
    expect(rows.wordbee.requests).toBe(String(requests.Wordbee))
    expect(rows.openai.usage).toMatch(/[\d,]+ prompt tokens, [\d,]+ completion tokens/)
    expect(rows.custommt.usage).toMatch(/[\d,]+ characters translated/)
    expect(examples.fake.comments[0].body).toMatch(/Quality services: Phrase QPS: \d+ scored \(average [\d.]+\), \d+ not applicable; \d+ requests · Wordbee QA: .* · Custom\.MT QE: .*characters · LLM QE: .*tokens/)
    expectSecretsKept(first, Object.values(demo.secrets))

    for (const [, fake] of demo.named) fake.server.reset()
    const again = await runOn(examples, inputs)
    expect(again.code).toBe(1)
    expect(demo.phrase.requests).toEqual([])
    expect(demo.custommt.requests).toEqual([])
    expect(demo.openai.requests).toEqual([])
    // Wordbee's issues are live (a reviewer may dismiss one): read on every run, never cached.
    expect(demo.wordbee.requests).toHaveLength(requests.Wordbee)
    expect(serviceRow(again.summary, 'Phrase QPS')).toMatchObject({ requests: '0', scored: rows.phrase.scored })
    expect(serviceRow(again.summary, 'Custom.MT QE')).toMatchObject({ requests: '0', scored: rows.custommt.scored })
    expect(serviceRow(again.summary, 'LLM QE')).toMatchObject({ requests: '0', scored: rows.openai.scored })
    expect(checkRunOf(examples).annotations).toEqual(check.annotations)
  })
})
