// A small seeded PRNG for the fuzz suite: the same seed always gives the same cases, so a
// failure names the seed and case that reproduce it.

/** mulberry32: 32-bit state, good enough spread for picking mutations. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** FNV-1a of a string: a per-case seed from names, independent of the order cases run in. */
export function hashSeed(...parts: Array<string | number>): number {
  let h = 0x811c9dc5
  for (const c of parts.join('\u0000')) {
    h ^= c.codePointAt(0)!
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

export class Rng {
  private readonly next: () => number

  constructor(seed: number) {
    this.next = mulberry32(seed)
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n)
  }

  /** An integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1)
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]
  }
}

const envCases = Number(process.env.TQG_FUZZ_CASES)
/** Cases per format reader: 500 by default (the suite stays within seconds), `TQG_FUZZ_CASES` for longer local runs. */
export const FORMAT_CASES = Number.isInteger(envCases) && envCases > 0 ? envCases : 500

/** A slower fuzzer's number of cases: a share of FORMAT_CASES, so TQG_FUZZ_CASES scales every fuzzer. */
export function caseCount(share = 1): number {
  return Math.max(1, Math.round(FORMAT_CASES * share))
}

/** The base seed: `TQG_FUZZ_SEED` explores other cases; the default keeps CI reproducible. */
export const BASE_SEED = Number.isInteger(Number(process.env.TQG_FUZZ_SEED)) && process.env.TQG_FUZZ_SEED ? Number(process.env.TQG_FUZZ_SEED) : 20240601
