// Cost per 100 segments of Custom.MT QE and the LLM scorer, measured against the local
// fakes of test/emulators/: requests sent, texts sent, and the characters billed (Custom.MT)
// or of the LLM prompts (real: what a server would receive). Token counts come from the
// fakes and are synthetic (about four characters per token), so they are printed beside
// the real character counts. The segments are app strings over two files of one pair
// (en→de), `--repeats` of them repeating a string of the other file (every third with
// another translation). The LLM is measured at several batch sizes.
//
//   npm run build && node bench/providers.mjs [--segments 100] [--repeats 15] [--da 10,20,40] [--mqm 5,10,20]
import { execFileSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({
  options: {
    segments: { type: 'string', default: '100' },
    repeats: { type: 'string', default: '15' },
    da: { type: 'string', default: '10,20,40' },
    mqm: { type: 'string', default: '5,10,20' },
  },
})
const n = Number(values.segments)
const sizes = (list) => list.split(',').map(Number)

execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', join(root, 'tsconfig.emulators.json')], { stdio: 'inherit' })
const { CustomMtFake } = await import(join(root, 'lib/demo/test/emulators/custommt.js'))
const { OpenAiFake } = await import(join(root, 'lib/demo/test/emulators/openai.js'))
const { appSegments, appStrings } = await import(join(root, 'lib/demo/test/emulators/app-strings.js'))
const { ServiceClient } = await import(join(root, 'lib/scorers/http.js'))
const { customMtScorer } = await import(join(root, 'lib/scorers/custommt.js'))
const { openAiScorer, requestHeaders } = await import(join(root, 'lib/scorers/openai.js'))
const { scoreSegments } = await import(join(root, 'lib/scoring.js'))
const { MemoryScoreCache } = await import(join(root, 'lib/scorers/cache.js'))
const { silentLogger } = await import(join(root, 'lib/log.js'))

const strings = appStrings(n, Number(values.repeats))
const distinct = (f) => new Set(strings.map(f)).size

const run = (scorer, cache) => scoreSegments(appSegments(strings), [scorer], { timeBudget: 300, cache, log: silentLogger, threshold: () => undefined, defaultThreshold: 0.7 })

const client = (service, baseUrl, headers) => new ServiceClient({ service, baseUrl, headers, log: silentLogger })
const per100 = (x) => Math.round((x * 100) / n)
const rows = []

{
  const token = 'bench-token'
  const fake = await CustomMtFake.start({
    token,
    templates: [{ name: 'EN-DE', source: 'en', target: 'de' }],
    translations: { 'EN-DE': Object.fromEntries(strings.map((s) => [s.source, { target: `DE ${s.source}`, score: 0.9 }])) },
  })
  const cache = new MemoryScoreCache()
  const make = () => customMtScorer({ client: client('Custom.MT', fake.server.url, { token }), templates: [{ target: 'de', template: 'EN-DE' }], locales: ['de'], paths: [] })
  const result = await run(make(), cache)
  const u = result.usage.custommt
  const qe = Object.entries(u).filter(([k]) => k.startsWith('qe-prompt-tokens')).reduce((t, [, v]) => t + v, 0)
  const texts = fake.server.requests.reduce((t, r) => t + (r.body?.text?.length ?? 0), 0)
  const sent = fake.server.requests.length
  await run(make(), cache)
  rows.push(['Custom.MT QE (25 per request)', per100(sent), per100(texts), `${per100(u.symbols)} source characters billed as MT; QE prompt tokens (synthetic) ${per100(qe)}`, fake.server.requests.length - sent])
  await fake.close()
}

for (const [mode, batchSizes] of [
  ['da', sizes(values.da)],
  ['mqm', sizes(values.mqm)],
]) {
  for (const batchSize of batchSizes) {
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
    const texts = bodies.reduce((t, b) => t + JSON.parse(b.messages[1].content).segments.length, 0)
    const sent = fake.server.requests.length
    await run(make(), cache)
    rows.push([
      `LLM ${mode.toUpperCase()} (${batchSize} per request)`,
      per100(sent),
      per100(texts),
      `prompt ${per100(chars)} characters (system prompt ${system} per request, ${Math.round((chars - system * bodies.length) / texts)} per segment sent, ${Math.round(chars / texts)} in all per segment sent); tokens (synthetic) prompt ${per100(u['prompt-tokens'])}, completion ${per100(u['completion-tokens'])}`,
      fake.server.requests.length - sent,
    ])
    await fake.close()
  }
}

const average = Math.round(strings.reduce((t, s) => t + s.source.length, 0) / n)
console.log(
  `Per 100 segments of one language pair (measured with ${n} over two files, average source ${average} characters; ${n - distinct((s) => s.source)} repeat a source, ${n - distinct((s) => `${s.source}\u0000${s.target}`)} a source and its translation):`,
)
for (const [name, requests, texts, detail, rerun] of rows) console.log(`- ${name}: ${requests} requests, ${texts} segments sent; ${detail}; unchanged re-run with the cache: ${rerun} requests`)
