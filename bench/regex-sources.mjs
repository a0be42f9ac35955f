// Random regular expression sources for fuzzing the custom-rule pattern check
// (src/checks/custom-regex.ts): patterns as people write them, random punctuation soup, and
// the two shapes that go exponential, wrapped in random context. Shared by the fuzz test
// (test/fuzz/custom-regex.test.ts) and the timing run (bench/regex-risk.mjs).

const ATOMS = ['a', 'b', 'x', ' ', '-', ':', '.', '\\d', '\\w', '\\s', '\\S', '[ab]', '[^a]', '[a-z]', '\\.', '\\(', '\\u0041', '\\u{1F600}', '\\p{L}', '\\P{Lu}', '\\x41', '\\b', '^', '$', '\\n', '\\-']
const QUANTIFIERS = ['', '', '', '*', '+', '?', '{2}', '{1,3}', '{2,}', '{0,1}', '*?', '+?']
const OPENERS = ['(', '(?:', '(?=', '(?!', '(?<=', '(?<!', '(?<g>']
const SOUP = '()[]{}|*+?\\^$.,:-ab0<>=!'

/** mulberry32, seeded: the same seed gives the same patterns. */
export function rng(seed) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n) => Math.floor(next() * n)
  return { int, pick: (items) => items[int(items.length)], chance: (p) => next() < p }
}

function sequence(r, depth) {
  let out = ''
  for (let n = 1 + r.int(4); n > 0; n--) {
    // A group's name must be unique in the pattern: number them.
    const atom = depth < 4 && r.chance(0.3) ? `${r.pick(OPENERS)}${alternatives(r, depth + 1)})`.replace('(?<g>', `(?<g${r.int(1e9)}>`) : r.pick(ATOMS)
    out += atom + r.pick(QUANTIFIERS)
  }
  return out
}

function alternatives(r, depth) {
  return Array.from({ length: 1 + (r.chance(0.3) ? r.int(3) : 0) }, () => sequence(r, depth)).join('|')
}

/** A random source: mostly structured, sometimes punctuation soup; it may not compile. */
export function randomSource(r) {
  if (r.chance(0.2)) return Array.from({ length: 1 + r.int(16) }, () => r.pick([...SOUP])).join('')
  return alternatives(r, 0)
}

/** A source with one of the exponential shapes: a repeated group holding a variable repetition, or overlapping alternatives. */
export function exponentialSource(r) {
  const atom = () => r.pick(['a', '\\w', '\\d', '[a-z]', '.', '\\s', 'x'])
  const variable = `${atom()}${r.pick(['+', '*', '{1,3}', '{2,}', '+?'])}`
  const fixed = () => (r.chance(0.5) ? `${atom()}${r.pick(['', '?', '{2}'])}` : '')
  const c = atom()
  const inner = r.chance(0.5)
    ? `${fixed()}${r.chance(0.5) ? `(?:${variable})` : variable}${fixed()}`
    : r.pick([`${c}|${c}${atom()}`, `${atom()}|\\w`, `${c}${atom()}|${c}`, `(?:${c}|${c}b)x`, `|${atom()}`, `${c}?b|${c}`])
  const group = `${r.pick(['(', '(?:', '(?<n>'])}${inner})${r.pick(['+', '*', '{2,}', '{1,5}', '+?'])}`
  const context = () => (r.chance(0.5) ? sequence(r, 4) : '')
  return `${context()}${group}${context()}`
}
