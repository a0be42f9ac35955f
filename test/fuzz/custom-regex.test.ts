// Seeded fuzzing of the check that refuses custom-rule patterns which can take exponential
// time: on any source that compiles it answers (never throws, whatever the nesting), and it
// refuses every pattern built with one of the exponential shapes. Whether the patterns it
// accepts really run fast is timed in bench/regex-risk.mjs, not here.
import { describe, expect, it } from '@jest/globals'
import { exponentialRisk } from '../../src/checks/custom-regex.js'
import { exponentialSource, randomSource, rng } from '../../bench/regex-sources.mjs'
import { BASE_SEED, caseCount, hashSeed } from './random.js'

const CASES = caseCount(4)

const compiles = (source: string) => {
  try {
    new RegExp(source, 'u')
    return true
  } catch {
    return false
  }
}

describe('exponentialRisk under fuzzing', () => {
  it(`answers on ${CASES} random sources that compile (seed ${BASE_SEED})`, () => {
    const thrown: Array<[string, string]> = []
    let valid = 0
    let refused = 0
    for (let i = 0; i < CASES && thrown.length < 5; i++) {
      const source = randomSource(rng(hashSeed(BASE_SEED, 'regex', i)))
      if (!compiles(source)) continue
      valid++
      try {
        const risk = exponentialRisk(source)
        if (risk !== undefined) refused++
        expect(risk === undefined || (typeof risk === 'string' && risk.length > 0)).toBe(true)
      } catch (e) {
        thrown.push([source, String(e)])
      }
    }
    expect(thrown).toEqual([])
    // The sources reach both answers.
    expect(valid).toBeGreaterThan(CASES * 0.2)
    expect(refused).toBeGreaterThan(valid * 0.05)
    expect(refused).toBeLessThan(valid)
  })

  it(`refuses ${CASES} sources with an exponential shape (seed ${BASE_SEED})`, () => {
    const accepted: string[] = []
    let valid = 0
    for (let i = 0; i < CASES && accepted.length < 5; i++) {
      const source = exponentialSource(rng(hashSeed(BASE_SEED, 'exponential', i)))
      if (!compiles(source)) continue
      valid++
      if (exponentialRisk(source) === undefined) accepted.push(source)
    }
    expect(accepted).toEqual([])
    expect(valid).toBeGreaterThan(CASES * 0.5)
  })
})
