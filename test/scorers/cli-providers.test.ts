// Custom.MT and the LLM scorer end to end: the tqg CLI in-process, pointed at the fakes.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CustomMtFake } from '../emulators/custommt.js'
import { judgementKey, OpenAiFake } from '../emulators/openai.js'
import { tqg } from '../helpers/cli.js'

const CMT_TOKEN = 'cmt_live_8c1d2e3f4a5b6c'
const OPENAI_KEY = 'sk-proj-e2eKEY7788990011'

const en = { cart: { empty: 'Your cart is empty.', checkout: 'Proceed to checkout', items_one: '{{count}} item', items_other: '{{count}} items' } }
const de = { cart: { empty: 'Ihr Warenkorb ist leer.', checkout: 'Zur Kasse', items_one: 'Ein Artikel', items_other: '{{count}} Artikel' } }
const fr = { cart: { empty: 'Votre panier est vide.', checkout: 'Passer la commande', items_one: '{{count}} article', items_other: '{{count}} articles' } }

const config = `version: 1
files: ['locales/{locale}/shop.json']
custommt:
  templates:
    - { source: en, target: de, template: Shop EN-DE }
  locales: [de]
openai:
  mode: da
`

let dir: string
let base: string
let head: string
let custommt: CustomMtFake
let openai: OpenAiFake

async function write(root: string, files: Record<string, unknown>) {
  for (const [path, value] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true })
    await writeFile(join(root, path), typeof value === 'string' ? value : `${JSON.stringify(value, null, 2)}\n`)
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tqg-providers-'))
  base = join(dir, 'base')
  head = join(dir, 'head')
  await write(base, { 'locales/en/shop.json': { cart: {} }, 'locales/de/shop.json': { cart: {} }, 'locales/fr/shop.json': { cart: {} } })
  await write(head, { 'locales/en/shop.json': en, 'locales/de/shop.json': de, 'locales/fr/shop.json': fr })
  await write(dir, { 'quality.yml': config })
  custommt = await CustomMtFake.start({
    token: CMT_TOKEN,
    templates: [{ name: 'Shop EN-DE', source: 'en', target: 'de', successScore: 0.8 }],
    translations: {
      'Shop EN-DE': {
        'Your cart is empty.': { target: 'Ihr Warenkorb ist leer.', score: 0.96 },
        'Proceed to checkout': { target: 'Weiter zur Kasse', score: 0.9 },
        '{{count}} item': { target: '{{count}} Artikel', score: 0.9 },
        '{{count}} items': { target: '{{count}} Artikel', score: 0.62 },
      },
    },
  })
  openai = await OpenAiFake.start({
    apiKey: OPENAI_KEY,
    models: ['gpt-4o-mini'],
    judgements: { [judgementKey('{{count}} item', 'Ein Artikel')]: { score: 55 } },
  })
})
afterAll(async () => {
  await Promise.all([custommt.close(), openai.close()])
  await rm(dir, { recursive: true, force: true })
})

let runs = 0
/** Each run gets its own score cache, so that one run's scores do not answer the next. */
const args = (extra: string[], cache = join(dir, `cache-${++runs}`)) => [base, head, '--config', join(dir, 'quality.yml'), '--cache-dir', cache, '--custommt-api-url', custommt.url, '--openai-base-url', openai.baseUrl(), ...extra]

describe('tqg with Custom.MT and an OpenAI-compatible LLM', () => {
  it('scores through both services and fails on the segments below threshold', async () => {
    custommt.server.reset()
    openai.server.reset()
    const { code, stdout, stderr } = await tqg(args(['--format', 'json']), { env: { CUSTOMMT_TOKEN: CMT_TOKEN, OPENAI_API_KEY: OPENAI_KEY } })
    const report = JSON.parse(stdout)
    const scores = Object.fromEntries(report.segments.map((s: { locale: string; key: string; scores: unknown[] }) => [`${s.locale} ${s.key}`, s.scores]))
    expect(scores['de cart.empty']).toEqual([
      { provider: 'custommt', engine: 'Shop EN-DE', state: 'scored', score: 0.96, threshold: 0.8, confirm: true, lock: true },
      { provider: 'openai', engine: 'gpt-4o-mini', state: 'scored', score: 0.88, threshold: 0.7 },
    ])
    expect(scores['de cart.checkout'][0]).toEqual({ provider: 'custommt', engine: 'Shop EN-DE', state: 'not-applicable', reason: "the target is not Custom.MT's translation" })
    expect(scores['de cart.items_other'][0]).toMatchObject({ provider: 'custommt', state: 'scored', score: 0.62, threshold: 0.8 })
    expect(scores['fr cart.empty'][0]).toMatchObject({ provider: 'custommt', state: 'not-applicable', reason: expect.stringMatching(/^not opted in/) })
    expect(scores['de cart.items_one'][1]).toMatchObject({ provider: 'openai', score: 0.55 })
    expect(report.summary).toMatchObject({ segments: 8, scored: 8, belowThreshold: 2, notScored: 0 })
    expect(report.usage.custommt).toMatchObject({ requests: 1, segments: 4 })
    expect(report.usage.openai).toMatchObject({ requests: 2, segments: 8 })
    expect(custommt.translateRequests).toHaveLength(1)
    expect(openai.completionRequests).toHaveLength(2)
    expect(code).toBe(1)
    expect(stdout + stderr).not.toContain(CMT_TOKEN)
    expect(stdout + stderr).not.toContain(OPENAI_KEY)
  })

  it('makes no scoring request when re-run on the same head with its cache', async () => {
    const cache = join(dir, 'cache-rerun')
    const run = () => tqg(args(['--format', 'json'], cache), { env: { CUSTOMMT_TOKEN: CMT_TOKEN, OPENAI_API_KEY: OPENAI_KEY } })
    const first = await run()
    custommt.server.reset()
    openai.server.reset()
    const second = await run()
    expect(custommt.requests).toHaveLength(0)
    expect(openai.requests).toHaveLength(0)
    expect(JSON.parse(second.stdout).segments).toEqual(JSON.parse(first.stdout).segments)
  })

  it('reports a service that fails as not scored, never as passed, and exits 3; the gate fails only with fail-on not-scored, as the action', async () => {
    const revoked = ['--custommt-token', 'cmt_live_revoked000000', '--openai-api-key', OPENAI_KEY, '--threshold', '0.5']
    const { code, stdout, stderr } = await tqg(args(revoked))
    expect(stdout).toContain('1902 not-scored')
    expect(stdout).toContain('Not scored by custommt Shop EN-DE: Custom.MT: POST /translation/text_translate_v2 answered HTTP 401: Invalid token. Check custommt-token.')
    expect(stdout).toMatch(/PASSED: 0 errors, 0 warnings, 0 below threshold, 4 not scored/)
    expect(stderr).toContain('warning: custommt: Custom.MT: POST /translation/text_translate_v2 answered HTTP 401')
    expect(stdout + stderr).not.toContain('cmt_live_revoked000000')
    expect(code).toBe(3)
    const gated = await tqg(args([...revoked, '--fail-on', 'error,below-threshold,not-scored']))
    expect(gated.stdout).toMatch(/FAILED on not-scored: 0 errors, 0 warnings, 0 below threshold, 4 not scored/)
    expect(gated.code).toBe(3)
  })

  it('says once why Custom.MT is not used without an opt-in', async () => {
    await write(dir, { 'no-opt-in.yml': 'version: 1\nfiles: ["locales/{locale}/shop.json"]\ncustommt:\n  templates: [{target: de, template: Shop EN-DE}]\n' })
    custommt.server.reset()
    const { stdout } = await tqg([base, head, '--config', join(dir, 'no-opt-in.yml'), '--cache-dir', join(dir, 'cache-no-opt-in'), '--custommt-api-url', custommt.url, '--custommt-token', CMT_TOKEN])
    expect(stdout.split('\n').filter((l) => l.includes('Custom.MT'))).toEqual([
      'Custom.MT QE skipped: no locale or path is opted in (custommt.locales or custommt.paths in the config file). Every Custom.MT request is billed machine translation, so nothing is sent unless asked.',
    ])
    expect(custommt.requests).toHaveLength(0)
  })

  it('rejects a config file that tries to set a service URL or query', async () => {
    await write(dir, { 'bad.yml': 'version: 1\nopenai-query: api-version=2024-10-21\n' })
    const { code, stderr } = await tqg([base, head, '--config', join(dir, 'bad.yml'), '--cache-dir', join(dir, 'cache-bad')])
    expect(stderr).toContain('openai-query cannot be set in the config file')
    expect(code).toBe(2)
  })
})
