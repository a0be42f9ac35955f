import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { memoryLogger } from '../../src/log.js'
import type { CheckedSegment } from '../../src/model.js'
import { decide } from '../../src/policy.js'
import { ruleSettings } from '../../src/rule-settings.js'
import { MemoryScoreCache } from '../../src/scorers/cache.js'
import { customMtScorer, type CustomMtOptions } from '../../src/scorers/custommt.js'
import { ServiceClient } from '../../src/scorers/http.js'
import { scoreSegments, type ScoringOptions } from '../../src/scoring.js'
import { CustomMtFake } from '../emulators/custommt.js'
import { segment } from '../helpers/segments.js'

const TOKEN = 'cmt_live_5f2b9c0e41d7a8'

/** German and French strings of a shop app, with what the engine makes of them. */
const strings = Array.from({ length: 60 }, (_, i) => ({ source: `Order #${i} has shipped`, de: `Bestellung Nr. ${i} wurde versandt`, fr: `La commande n° ${i} a été expédiée` }))

let fake: CustomMtFake
beforeAll(async () => {
  fake = await CustomMtFake.start({
    token: TOKEN,
    templates: [
      { name: 'Acme EN-DE', source: 'en', target: 'de', successScore: 0.75 },
      { name: 'Acme EN-FR', source: 'en', target: 'fr' },
    ],
    translations: {
      'Acme EN-DE': {
        ...Object.fromEntries(strings.map((s, i) => [s.source, { target: s.de, score: i === 1 ? 0.97 : 0.8 }])),
        'Delete account': { target: 'Konto löschen', qeError: 'QE model timed out' },
        'Your cart is empty.': { target: 'Ihr Warenkorb ist leer.', score: 0.42 },
      },
      'Acme EN-FR': Object.fromEntries(strings.map((s) => [s.source, { target: s.fr, score: 0.9 }])),
    },
  })
})
afterAll(() => fake.close())
beforeEach(() => fake.server.reset())

function checked(locale: string, pairs: [string, string][], file = `locales/${locale}/shop.json`): CheckedSegment[] {
  return pairs.map(([source, target], i) => ({ ...segment(source, target, { id: `${file}#k${i}`, key: `k${i}`, file, locale }), issues: [], scores: [] }))
}

/** A client whose waits are recorded instead of slept, with short timeouts. */
function scorerFor(options: Partial<CustomMtOptions> = {}, client: Partial<ConstructorParameters<typeof ServiceClient>[0]> = {}) {
  const waits: number[] = []
  const http = new ServiceClient({
    service: 'Custom.MT',
    baseUrl: fake.url,
    headers: { token: TOKEN },
    secrets: [TOKEN],
    timeoutMs: 1000,
    retries: 2,
    backoffMs: 1,
    log: memoryLogger(),
    clock: { now: () => Date.now(), sleep: async (ms) => void waits.push(ms) },
    ...client,
  })
  const scorer = customMtScorer({ client: http, templates: [{ source: 'en', target: 'de', template: 'Acme EN-DE' }, { target: 'fr', template: 'Acme EN-FR' }], locales: ['de', 'fr'], paths: [], ...options })
  return { scorer, waits, http }
}

const run = (segments: CheckedSegment[], scorer: ReturnType<typeof scorerFor>['scorer'], extra: Partial<ScoringOptions> = {}) =>
  scoreSegments(segments, [scorer], { timeBudget: 30, cache: new MemoryScoreCache(), log: memoryLogger(), threshold: () => undefined, defaultThreshold: 0.7, ...extra })

describe('Custom.MT QE against the fake', () => {
  it('sends ceil(n/25) requests for n segments of one pair, in the documented shape', async () => {
    const segments = checked('de', strings.map((s) => [s.source, s.de]))
    const { scorer } = scorerFor()
    const result = await run(segments, scorer)
    const requests = fake.translateRequests
    expect(requests).toHaveLength(Math.ceil(60 / 25))
    expect(requests.map((r) => (r.body as { text: string[] }).text.length)).toEqual([25, 25, 10])
    expect(requests[0].method).toBe('POST')
    expect(requests[0].headers.token).toBe(TOKEN)
    expect(requests[0].headers['content-type']).toMatch(/^application\/json/)
    expect(requests[0].body).toEqual({ text: strings.slice(0, 25).map((s) => s.source), template_name: 'Acme EN-DE', error_empty_result: false })
    expect(segments[0].scores).toEqual([{ provider: 'custommt', engine: 'Acme EN-DE', state: 'scored', score: 0.8, threshold: 0.75, confirm: true, lock: false }])
    expect(segments[1].scores[0]).toMatchObject({ score: 0.97, confirm: true, lock: true })
    expect(result.usage.custommt).toMatchObject({ requests: 3, segments: 60, symbols: strings.reduce((n, s) => n + s.source.length, 0) })
    expect(result.usage.custommt['qe-prompt-tokens gpt-4o-2024-11-20']).toBeGreaterThan(60 * 60)
  })

  it('makes no request on an unchanged re-run, nor for a target a push changed; one for a changed source', async () => {
    const cache = new MemoryScoreCache()
    await run(checked('de', strings.map((s) => [s.source, s.de])), scorerFor().scorer, { cache })
    fake.server.reset()
    await run(checked('de', strings.map((s) => [s.source, s.de])), scorerFor().scorer, { cache })
    expect(fake.requests).toHaveLength(0)
    // The translation of an unchanged source is remembered: an edited target is compared with it.
    const edited = checked('de', strings.map((s, i) => [s.source, i === 7 ? 'Bestellung 7 ist unterwegs' : s.de]))
    const { scorer } = scorerFor()
    await run(edited, scorer, { cache })
    expect(fake.requests).toHaveLength(0)
    expect(edited[7].scores[0]).toMatchObject({ state: 'not-applicable', reason: "the target is not Custom.MT's translation" })
    expect(scorer.usage!()).toMatchObject({ requests: 0, 'translations-reused': 1 })
    // Edited back to Custom.MT's translation, with a padding the comparison ignores: its remembered score.
    const reverted = checked('de', strings.map((s, i) => [s.source, i === 7 ? `${s.de} ` : s.de]))
    await run(reverted, scorerFor().scorer, { cache })
    expect(fake.requests).toHaveLength(0)
    expect(reverted[7].scores[0]).toEqual({ provider: 'custommt', engine: 'Acme EN-DE', state: 'scored', score: 0.8, threshold: 0.75, confirm: true, lock: false })
    const pushed = checked('de', strings.map((s, i) => (i === 7 ? ['Order #7 is on its way', 'Bestellung 7 ist unterwegs'] : [s.source, s.de])))
    await run(pushed, scorerFor().scorer, { cache })
    expect(fake.translateRequests.map((r) => r.body)).toEqual([{ text: ['Order #7 is on its way'], template_name: 'Acme EN-DE', error_empty_result: false }])
  })

  it('asks again for a remembered translation whose QE failed, when the target is that translation', async () => {
    const cache = new MemoryScoreCache()
    await run(checked('de', [['Delete account', 'Konto löschen']]), scorerFor().scorer, { cache })
    await run(checked('de', [['Delete account', 'Konto entfernen']]), scorerFor().scorer, { cache })
    expect(fake.translateRequests).toHaveLength(1)
    const again = checked('de', [['Delete account', 'Konto löschen']])
    await run(again, scorerFor().scorer, { cache })
    expect(fake.translateRequests).toHaveLength(2)
    expect(again[0].scores[0]).toMatchObject({ state: 'failed', reason: 'Custom.MT QE failed: QE model timed out' })
  })

  it('sends one language pair per request, with the template of that pair', async () => {
    const de = checked('de', strings.slice(0, 30).map((s) => [s.source, s.de]))
    const fr = checked('fr', strings.slice(0, 30).map((s) => [s.source, s.fr]))
    const interleaved = de.flatMap((s, i) => [s, fr[i]])
    await run(interleaved, scorerFor().scorer)
    const sent = fake.translateRequests.map((r) => [(r.body as { template_name: string }).template_name, (r.body as { text: string[] }).text.length])
    expect(sent).toEqual([
      ['Acme EN-DE', 25],
      ['Acme EN-DE', 5],
      ['Acme EN-FR', 25],
      ['Acme EN-FR', 5],
    ])
    expect(fr.every((s) => s.scores[0].state === 'scored' && s.scores[0].engine === 'Acme EN-FR')).toBe(true)
  })

  it('sends only the opted-in locales and paths; the rest is not applicable, with the reason', async () => {
    const de = checked('de', [[strings[0].source, strings[0].de]])
    const fr = checked('fr', [[strings[0].source, strings[0].fr]])
    const frApp = checked('fr', [[strings[1].source, strings[1].fr]], 'app/locales/fr/shop.json')
    await run([...de, ...fr, ...frApp], scorerFor({ locales: ['de-DE', 'de'], paths: ['app/**'] }).scorer)
    expect(fake.translateRequests.map((r) => (r.body as { text: string[] }).text)).toEqual([[strings[0].source], [strings[1].source]])
    expect(fr[0].scores).toEqual([{ provider: 'custommt', engine: 'Acme EN-DE+Acme EN-FR', state: 'not-applicable', reason: 'not opted in to Custom.MT (custommt.locales or custommt.paths in the config file)' }])
    expect(frApp[0].scores[0].state).toBe('scored')
  })

  it('does not pay for segments that cannot be its translation: empty target, no source', async () => {
    const segments = checked('de', [
      ['Apply coupon', ''],
      [strings[0].source, strings[0].de],
    ])
    segments.push({ ...segment(undefined, 'Nur heute: 10 % Rabatt', { id: 'x#promo', key: 'promo', locale: 'de' }), issues: [], scores: [] })
    await run(segments, scorerFor().scorer)
    expect(fake.translateRequests.map((r) => (r.body as { text: string[] }).text)).toEqual([[strings[0].source]])
    expect(segments.map((s) => s.scores[0].reason)).toEqual(['the translation is empty (the empty-translation rule reports it)', undefined, 'no source text for Custom.MT to translate'])
  })

  it('checks the pair of custommt-template once, and does not send the pairs it cannot translate', async () => {
    const { scorer } = scorerFor({ templates: [], template: 'Acme EN-DE' })
    const de = checked('de-AT', strings.slice(0, 30).map((s) => [s.source, s.de]))
    const fr = checked('fr', [[strings[0].source, strings[0].fr]])
    await run([...de, ...fr], scorer)
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /translation/get-templates-list', 'POST /translation/text_translate_v2', 'POST /translation/text_translate_v2'])
    expect(de.every((s) => s.scores[0].state === 'scored')).toBe(true)
    expect(fr[0].scores[0]).toMatchObject({
      state: 'not-applicable',
      reason: "Custom.MT template 'Acme EN-DE' translates en→de, not en→fr: add a template for en→fr to custommt.templates in the config file",
    })
  })

  it('fails (never passes) the segments of a custommt-template the account does not have', async () => {
    const de = checked('de', [[strings[0].source, strings[0].de]])
    await run(de, scorerFor({ templates: [], template: 'Acme EN-DE v2' }).scorer)
    expect(de[0].scores[0]).toMatchObject({ state: 'failed', reason: "custommt-template 'Acme EN-DE v2' is not one of this account's Custom.MT templates (Acme EN-DE, Acme EN-FR)" })
    expect(fake.translateRequests).toHaveLength(0)
  })

  it('fails only the item whose QE failed, with its error', async () => {
    const segments = checked('de', [
      ['Delete account', 'Konto löschen'],
      [strings[0].source, strings[0].de],
    ])
    await run(segments, scorerFor().scorer)
    expect(segments[0].scores).toEqual([{ provider: 'custommt', engine: 'Acme EN-DE', state: 'failed', reason: 'Custom.MT QE failed: QE model timed out' }])
    expect(segments[1].scores[0].state).toBe('scored')
  })

  it('waits as long as a 429 Retry-After asks, then scores', async () => {
    fake.inject(CustomMtFake.tooManyRequests(7))
    const { scorer, waits } = scorerFor()
    const segments = checked('de', [[strings[0].source, strings[0].de]])
    await run(segments, scorer)
    expect(waits).toEqual([7000])
    expect(fake.translateRequests).toHaveLength(2)
    expect(segments[0].scores[0].state).toBe('scored')
  })

  it.each([500, 502, 503, 504] as const)('retries a %d and scores', async (status) => {
    fake.inject(CustomMtFake.serverError(status))
    const segments = checked('de', [[strings[0].source, strings[0].de]])
    await run(segments, scorerFor().scorer)
    expect(fake.translateRequests).toHaveLength(2)
    expect(segments[0].scores[0].state).toBe('scored')
  })

  it.each([
    ['a 503 that persists', () => fake.inject(CustomMtFake.serverError(503), { times: 3 }), /^Custom\.MT: POST \/translation\/text_translate_v2 answered HTTP 503: Internal server error \(after 3 attempts\)$/, 3],
    ['no answer', () => fake.inject({ kind: 'hang' }, { times: 3 }), /^Custom\.MT: POST \/translation\/text_translate_v2 failed: no answer within 300 ms/, 3],
    ['a dropped connection', () => fake.inject({ kind: 'reset' }, { times: 3 }), /^Custom\.MT: POST \/translation\/text_translate_v2 failed: /, 3],
    ['malformed JSON', () => fake.inject({ kind: 'malformed' }), /answered HTTP 200 with invalid JSON/, 1],
  ])('fails the batch on %s, with a message naming the service and request', async (_, inject, message, requests) => {
    inject()
    const segments = checked('de', [[strings[0].source, strings[0].de], [strings[1].source, strings[1].de]])
    await run(segments, scorerFor({}, { timeoutMs: 300 }).scorer)
    expect(fake.translateRequests).toHaveLength(requests)
    for (const s of segments) {
      expect(s.scores[0].state).toBe('failed')
      expect(s.scores[0].reason).toMatch(message)
    }
  })

  it('answers a wrong token with Custom.MT own error, and never shows the token', async () => {
    const wrong = 'cmt_live_0000000000wrong'
    const segments = checked('de', [[strings[0].source, strings[0].de]])
    await run(segments, scorerFor({}, { headers: { token: wrong }, secrets: [wrong] }).scorer)
    expect(segments[0].scores[0]).toEqual({ provider: 'custommt', engine: 'Acme EN-DE+Acme EN-FR', state: 'failed', reason: 'Custom.MT: POST /translation/text_translate_v2 answered HTTP 401: Invalid token.' })
    expect(fake.translateRequests).toHaveLength(1)
  })

  it('reports a failed segment as not scored: it never passes', async () => {
    fake.inject(CustomMtFake.serverError(500), { times: 3 })
    const segments = checked('de', [[strings[0].source, strings[0].de]])
    await run(segments, scorerFor().scorer)
    const report = decide(segments, [], { failOn: ['error', 'below-threshold', 'not-scored'], rules: ruleSettings({}), dismissals: [], reportFilter: {} })
    expect(report.summary).toMatchObject({ scored: 0, notScored: 1 })
    expect(report.verdict).toEqual({ passed: false, reasons: ['not-scored'] })
    expect(segments[0].issues.map((i) => i.r)).toEqual([1902])
  })

  it('logs the fallback engine warning once', async () => {
    const warned = await CustomMtFake.start({ token: TOKEN, templates: [{ name: 'Acme EN-DE', source: 'en', target: 'de' }], warning: 'Primary provider failed; DeepL was used' })
    try {
      const log = memoryLogger()
      const { scorer } = scorerFor({}, { baseUrl: warned.url })
      await run(checked('de', strings.slice(0, 30).map((s) => [s.source, s.de])), scorer, { log })
      expect(log.lines.filter((l) => l.includes('DeepL'))).toEqual(['warning: Custom.MT (template Acme EN-DE): Primary provider failed; DeepL was used'])
    } finally {
      await warned.close()
    }
  })
})
