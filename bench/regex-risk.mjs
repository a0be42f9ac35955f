// Timing run for the custom-rule pattern check (src/checks/custom-regex.ts): random patterns
// it accepts are run, in a worker with a time limit, on texts of the longest length a
// custom rule reads (CUSTOM_RULE_MAX_TEXT) shaped to make a backtracking engine work: one
// character repeated, or two alternating, then a character that fails the match. Lists the
// accepted patterns slower than the limit. Needs the build (npm run build).
//
//   node bench/regex-risk.mjs [--cases 300] [--seed 1] [--limit-ms 1000]
import { Worker } from 'node:worker_threads'
import { parseArgs } from 'node:util'
import { exponentialSource, randomSource, rng } from './regex-sources.mjs'

const { values } = parseArgs({ options: { cases: { type: 'string', default: '300' }, seed: { type: 'string', default: '1' }, 'limit-ms': { type: 'string', default: '1000' } } })
const { exponentialRisk, CUSTOM_RULE_MAX_TEXT } = await import('../lib/checks/custom-regex.js')
const limit = Number(values['limit-ms'])

const compiles = (source) => {
  try {
    new RegExp(source, 'u')
    return true
  } catch {
    return false
  }
}

const r = rng(Number(values.seed))
const accepted = []
for (let i = 0; i < Number(values.cases); i++) {
  const source = i % 4 === 0 ? exponentialSource(r) : randomSource(r)
  if (compiles(source) && exponentialRisk(source) === undefined) accepted.push(source)
}

const texts = ['a', ' ', '0', 'x', '-', 'ab', 'a ', '0.'].map((unit) => unit.repeat(Math.floor(CUSTOM_RULE_MAX_TEXT / unit.length)) + '\u0000!')
const workerCode = `
const { parentPort, workerData } = require('node:worker_threads')
parentPort.on('message', (source) => {
  const re = new RegExp(source, 'u')
  for (const text of workerData) re.test(text)
  parentPort.postMessage('done')
})`

function timed(worker, source) {
  return new Promise((resolve) => {
    const started = performance.now()
    const timer = setTimeout(() => resolve(undefined), limit)
    worker.once('message', () => {
      clearTimeout(timer)
      resolve(performance.now() - started)
    })
    worker.postMessage(source)
  })
}

const slow = []
let worker = new Worker(workerCode, { eval: true, workerData: texts })
for (const source of accepted) {
  const ms = await timed(worker, source)
  if (ms === undefined) {
    slow.push(source)
    await worker.terminate()
    worker = new Worker(workerCode, { eval: true, workerData: texts })
  }
}
await worker.terminate()
console.log(`${accepted.length} accepted patterns of ${values.cases} (seed ${values.seed}) run on ${texts.length} texts of ${CUSTOM_RULE_MAX_TEXT} characters: ${slow.length} over ${limit} ms`)
for (const source of slow) console.log(`  ${source}`)
