// What keeps a custom rule's regular expression from hanging a run. JavaScript's regex
// engine backtracks, and a pattern like (a+)+$ takes exponential time on a text of a's that
// ends otherwise: one hostile translation would stop the whole run. Two defences:
// - a conservative static check, at config validation, that refuses the two shapes that go
//   exponential: a repeated group holding a repetition of variable length ((a+)+, (\w+\s?)*,
//   (a{1,3})+), and a repeated group whose alternatives (or those of a group inside it) may
//   start with the same character ((a|ab)+, (\w|-)*, (?:(\w|\d) )+); it may refuse a
//   pattern that would have been safe, never the reverse for these shapes (nor one whose
//   groups nest deeper than the check reads);
// - for what is left (polynomial: .*a.*b takes seconds on 2,000 crafted characters,
//   a*a*a*b far longer), a cap on the text a custom rule reads (CUSTOM_RULE_MAX_TEXT), and a
//   pattern with two or more unbounded repetitions runs in a worker where a match that takes
//   too long is stopped (isolated-regex.ts, custom.ts), with a time budget per rule and run.

/** Longest text (UTF-16 units) a custom rule's pattern is run on; a longer one is not checked, and said so. */
export const CUSTOM_RULE_MAX_TEXT = 2000

interface Term {
  atom: Atom
  min: number
  max: number
  /** Where the term is in the pattern, quantifier included. */
  start: number
  end: number
}

type Atom = { kind: 'char'; char: string } | { kind: 'other' } | { kind: 'group'; alternatives: Term[][] }

/** Deepest nesting of groups read: what people write is far shallower, and a deeper pattern would take the reader past the call stack. */
const MAX_GROUP_DEPTH = 32

class TooDeep extends Error {}

/** Reads a pattern that compiles in Unicode mode (validation checked that first) into terms. */
class PatternReader {
  pos = 0
  private depth = 0

  constructor(private readonly source: string) {}

  alternatives(): Term[][] {
    const out: Term[][] = [[]]
    while (this.pos < this.source.length && this.source[this.pos] !== ')') {
      if (this.source[this.pos] === '|') {
        this.pos++
        out.push([])
        continue
      }
      out[out.length - 1].push(this.term())
    }
    return out
  }

  private term(): Term {
    const start = this.pos
    const atom = this.atom()
    const [min, max] = this.quantifier()
    return { atom, min, max, start, end: this.pos }
  }

  private atom(): Atom {
    const s = this.source
    const c = s[this.pos++]
    if (c === '(') {
      if (++this.depth > MAX_GROUP_DEPTH) throw new TooDeep()
      if (s[this.pos] === '?') {
        // On to where the body starts: (?: (?= (?! (?<= (?<! (?<name> and modifiers (?i:
        const next = s[this.pos + 1]
        const lookbehind = next === '<' && (s[this.pos + 2] === '=' || s[this.pos + 2] === '!')
        if (next === '<' && !lookbehind) this.pos = s.indexOf('>', this.pos) + 1
        else if (lookbehind) this.pos += 3
        else if (next === ':' || next === '=' || next === '!') this.pos += 2
        else this.pos = s.indexOf(':', this.pos) + 1
      }
      const alternatives = this.alternatives()
      this.pos++
      this.depth--
      return { kind: 'group', alternatives }
    }
    if (c === '[') {
      for (; this.pos < s.length && s[this.pos] !== ']'; this.pos++) if (s[this.pos] === '\\') this.pos++
      this.pos++
      return { kind: 'other' }
    }
    if (c === '\\') {
      const e = s[this.pos++]
      if (e === 'u' && s[this.pos] === '{') this.pos = s.indexOf('}', this.pos) + 1
      else if (e === 'u') this.pos += 4
      else if (e === 'x') this.pos += 2
      else if (e === 'c') this.pos++
      else if ((e === 'p' || e === 'P') && s[this.pos] === '{') this.pos = s.indexOf('}', this.pos) + 1
      else if (e === 'k') this.pos = s.indexOf('>', this.pos) + 1
      else if (/[1-9]/.test(e)) while (/[0-9]/.test(s[this.pos] ?? '')) this.pos++
      // An escaped punctuator is that character; \d, \w, \p{...}, \b... match (or test) more than one.
      return /[\^$\\.*+?()[\]{}|/-]/.test(e) ? { kind: 'char', char: e } : { kind: 'other' }
    }
    return c === '.' || c === '^' || c === '$' ? { kind: 'other' } : { kind: 'char', char: c }
  }

  private quantifier(): [number, number] {
    const s = this.source
    let bounds: [number, number] = [1, 1]
    const c = s[this.pos]
    if (c === '*') bounds = [0, Infinity]
    else if (c === '+') bounds = [1, Infinity]
    else if (c === '?') bounds = [0, 1]
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(s.slice(this.pos))!
      this.pos += m[0].length - 1
      bounds = [Number(m[1]), m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3])]
    } else return bounds
    this.pos++
    if (s[this.pos] === '?') this.pos++
    return bounds
  }
}

const repeats = (t: Term) => t.max > 1
/** A repetition whose length varies: the engine can split the same text between iterations in many ways. */
const varies = (t: Term) => t.max > 1 && t.min !== t.max

function* terms(alternatives: Term[][]): Generator<Term> {
  for (const alternative of alternatives) {
    for (const t of alternative) {
      yield t
      if (t.atom.kind === 'group') yield* terms(t.atom.alternatives)
    }
  }
}

/** The character every match of an alternative starts with, when that is one literal character. */
function firstChar(alternative: Term[]): string | undefined {
  const first = alternative[0]
  return first && first.min > 0 && first.atom.kind === 'char' ? first.atom.char.toLowerCase() : undefined
}

/**
 * Why a pattern can take exponential time on some text, naming the part of the pattern, or
 * undefined when it has neither shape this module refuses.
 */
export function exponentialRisk(pattern: string): string | undefined {
  const part = (t: Term) => pattern.slice(t.start, t.end)
  let top: Term[][]
  try {
    top = new PatternReader(pattern).alternatives()
  } catch (e) {
    if (e instanceof TooDeep) return `its groups are nested more than ${MAX_GROUP_DEPTH} deep, deeper than this check reads (write fewer groups inside each other)`
    throw e
  }
  for (const t of terms(top)) {
    if (t.atom.kind !== 'group' || !repeats(t)) continue
    const inner = [...terms(t.atom.alternatives)].find(varies)
    if (inner) return `the repeated group ${part(t)} holds the repetition ${part(inner)}, so a text can be split between them in exponentially many ways (write ${part(inner)} once, e.g. a+ for (a+)+)`
    // A choice between overlapping alternatives, in the group or in a group inside it, is made again in every iteration.
    const choice = [t, ...terms(t.atom.alternatives)].find(overlaps)
    if (!choice) continue
    const which = choice === t ? `the repeated group ${part(t)} has alternatives that` : `the repeated group ${part(t)} holds the group ${part(choice)}, whose alternatives`
    return `${which} can match the same text, so a text can be matched in exponentially many ways (use a character class, e.g. [ab]+ for (a|b)+, or alternatives that start with different characters)`
  }
  return undefined
}

/**
 * How many repetitions without an upper bound (`*`, `+`, `{n,}`) a pattern holds. With two
 * or more, a match can take polynomial time of a high degree on a crafted text (.*a.*b,
 * a*a*a*b), so custom rules run such a pattern where a match can be stopped.
 */
export function unboundedRepetitions(pattern: string): number {
  try {
    let n = 0
    for (const t of terms(new PatternReader(pattern).alternatives())) if (t.max === Infinity) n++
    return n
  } catch (e) {
    if (e instanceof TooDeep) return Infinity
    throw e
  }
}

/** A group with alternatives that may start with the same character, so may match the same text. */
function overlaps(t: Term): boolean {
  if (t.atom.kind !== 'group' || t.atom.alternatives.length < 2) return false
  const starts = t.atom.alternatives.map(firstChar)
  return starts.some((c) => c === undefined) || new Set(starts).size < starts.length
}
