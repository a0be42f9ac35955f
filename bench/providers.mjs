// Cost per 100 segments of Custom.MT QE and the LLM scorer, measured against the local
// fakes of test/emulators/: requests sent, and the characters of the LLM prompts (real:
// what a server would receive). Token counts come from the fakes and are synthetic (about
// four characters per token), so they are printed beside the real character counts.
//
//   npm run build && node bench/providers.mjs [--segments 100]
import { execFileSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({ options: { segments: { type: 'string', default: '100' } } })
const n = Number(values.segments)

execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', join(root, 'tsconfig.emulators.json')], { stdio: 'inherit' })
const { CustomMtFake } = await import(join(root, 'lib/demo/test/emulators/custommt.js'))
const { OpenAiFake } = await import(join(root, 'lib/demo/test/emulators/openai.js'))
const { ServiceClient } = await import(join(root, 'lib/scorers/http.js'))
const { customMtScorer } = await import(join(root, 'lib/scorers/custommt.js'))
const { openAiScorer, requestHeaders } = await import(join(root, 'lib/scorers/openai.js'))
const { scoreSegments } = await import(join(root, 'lib/scoring.js'))
const { MemoryScoreCache } = await import(join(root, 'lib/scorers/cache.js'))
const { silentLogger } = await import(join(root, 'lib/log.js'))

// App strings of typical length (UI labels, messages with placeholders, sentences).
const WORDS = 'order cart item price delivery address payment review message settings profile invoice account password coupon'.split(' ')
const SHAPES = [
  (a) => `Save ${a}`,
  (a, b) => `You have {count} new ${a}s in your ${b}`,
  (a, b) => `Remove this ${a} from your ${b}?`,
  (a, b) => `Your ${a} was updated on {date}. Check your ${b} for details.`,
  (a) => `We could not load your ${a}. Please try again in a few minutes.`,
]
const pairs = Array.from({ length: n }, (_, i) => {
  const source = SHAPES[i % SHAPES.length](WORDS[i % WORDS.length], WORDS[(i * 7 + 3) % WORDS.length]) + (i >= SHAPES.length * WORDS.length ? ` (${i})` : '')
  return { source, target: `DE ${source}` }
})

function segments() {
  return pairs.map(({ source, target }, i) => ({
    id: `locales/de/app.json#k${i}`,
    file: 'locales/de/app.json',
    key: `k${i}`,
    line: i + 2,
    column: 3,
    locale: 'de',
    sourceLocale: 'en',
    source,
    target,
    status: 'new',
    format: 'json',
    unit: { key: `k${i}`, value: target, span: { start: 0, end: 0 } },
    issues: [],
    scores: [],
  }))
}

const run = (scorer, cache) => scoreSegments(segments(), [scorer], { timeBudget: 300, cache, log: silentLogger, threshold: () => undefined, defaultThreshold: 0.7 })

const client = (service, baseUrl, headers) => new ServiceClient({ service, baseUrl, headers, log: silentLogger })
const per100 = (x) => Math.round((x * 100) / n)
const rows = []

{
  const token = 'bench-token'
  const fake = await CustomMtFake.start({
    token,
    templates: [{ name: 'EN-DE', source: 'en', target: 'de' }],
    translations: { 'EN-DE': Object.fromEntries(pairs.map((p) => [p.source, { target: p.target, score: 0.9 }])) },
  })
  const cache = new MemoryScoreCache()
  const http = client('Custom.MT', fake.server.url, { token })
  const result = await run(customMtScorer({ client: http, templates: [{ target: 'de', template: 'EN-DE' }], locales: ['de'], paths: [] }), cache)
  const u = result.usage.custommt
  const qe = Object.entries(u).filter(([k]) => k.startsWith('qe-prompt-tokens')).reduce((t, [, v]) => t + v, 0)
  const sent = fake.server.requests.length
  await run(customMtScorer({ client: client('Custom.MT', fake.server.url, { token }), templates: [{ target: 'de', template: 'EN-DE' }], locales: ['de'], paths: [] }), cache)
  rows.push(['Custom.MT QE (25 per request)', per100(sent), `${per100(u.symbols)} source characters billed as MT; QE prompt tokens (synthetic) ${per100(qe)}`, fake.server.requests.length - sent])
  await http.close()
  await fake.close()
}

for (const [mode, batchSize] of [
  ['da', 20],
  ['mqm', 10],
]) {
  const apiKey = 'sk-bench'
  const fake = await OpenAiFake.start({ apiKey, models: ['gpt-4o-mini'] })
  const cache = new MemoryScoreCache()
  const make = () =>
    openAiScorer({ client: client('LLM', fake.baseUrl(), requestHeaders({ apiKey, baseUrl: fake.baseUrl(), headers: {}, query: {} })), model: 'gpt-4o-mini', mode, batchSize })
  const result = await run(make(), cache)
  const u = result.usage.openai
  const bodies = fake.completionRequests.map((r) => r.body)
  const chars = bodies.reduce((t, b) => t + b.messages.reduce((c, m) => c + m.content.length, 0), 0)
  const system = bodies[0].messages[0].content.length
  const sent = fake.server.requests.length
  await run(make(), cache)
  rows.push([
    `LLM ${mode.toUpperCase()} (${batchSize} per request)`,
    per100(sent),
    `prompt ${per100(chars)} characters (system prompt ${system} per request, ${Math.round((chars - system * bodies.length) / n)} per segment); tokens (synthetic) prompt ${per100(u['prompt-tokens'])}, completion ${per100(u['completion-tokens'])}`,
    fake.server.requests.length - sent,
  ])
  await fake.close()
}

console.log(`Per 100 segments of one language pair (measured with ${n}, average source ${Math.round(pairs.reduce((t, p) => t + p.source.length, 0) / n)} characters):`)
for (const [name, requests, detail, rerun] of rows) console.log(`- ${name}: ${requests} requests; ${detail}; unchanged re-run with the cache: ${rerun} requests`)
