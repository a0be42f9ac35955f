// Seeded fuzzing of every format reader: realistic fixtures, mutated the way files really
// break (and the way a hostile contributor breaks them), read as a run reads them. Any
// violation names the seed file and the mutations, and reproduces with the same
// TQG_FUZZ_SEED; TQG_FUZZ_CASES raises the number of cases for longer local runs.
import { describe, expect, it } from '@jest/globals'
import { formats } from '../../src/formats/index.js'
import { check } from './invariants.js'
import { mutate } from './mutate.js'
import { BASE_SEED, caseCount, hashSeed, Rng } from './random.js'
import { seedsOf } from './seeds.js'

const CASES = caseCount()
// Every tenth case is read twice, to check that reading is deterministic.
const TWICE_EVERY = 10
const MAX_REPORTED = 5

const seeds = new Map(formats.map((f) => [f.id, seedsOf(f)]))
const donors = [...seeds.values()].flat().map((s) => s.bytes)

interface Failure {
  case: number
  seed: string
  steps: string[]
  violations: string[]
}

describe.each(formats.map((f) => [f.id, f] as const))('the %s reader under fuzzing', (id, format) => {
  const own = seeds.get(id)!

  it('has realistic seed files, which read cleanly of invariants', () => {
    expect(own.length).toBeGreaterThan(0)
    for (const seed of own) expect([seed.path, check(format, seed.bytes, seed.context, true).violations]).toEqual([seed.path, []])
  })

  it(`keeps its invariants on ${CASES} mutated files (seed ${BASE_SEED})`, () => {
    const failures: Failure[] = []
    let withProblems = 0
    let withUnits = 0
    for (let i = 0; i < CASES && failures.length < MAX_REPORTED; i++) {
      const rng = new Rng(hashSeed(BASE_SEED, id, i))
      const seed = rng.pick(own)
      const { bytes, steps } = mutate(seed.bytes, rng, donors)
      const { read, violations } = check(format, bytes, seed.context, i % TWICE_EVERY === 0)
      if (violations.length > 0) failures.push({ case: i, seed: seed.path, steps, violations: violations.slice(0, 3) })
      if (read?.problems.length) withProblems++
      if (read?.units.length) withUnits++
    }
    expect(failures).toEqual([])
    // The mutations reach both the error paths and the reading of (partly) good files.
    expect(withProblems).toBeGreaterThan(CASES * 0.1)
    expect(withUnits).toBeGreaterThan(CASES * 0.1)
  })
})
