// Apple .strings files (old-style property list of `"key" = "value";` pairs), UTF-8 or
// UTF-16. The comment right before an entry is its comment (Xcode writes the developer's
// note there). A broken entry is reported on its line and reading resumes on the next line.
import type { ParseProblem, ParseResult, Unit } from '../model.js'
import { unescape, type EscapeRules } from './escapes.js'
import type { Format } from './format.js'
import { RULE } from '../rule-numbers.js'

const PLIST_ESCAPES: EscapeRules = {
  simple: { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\', "'": "'", a: '\u0007', b: '\b', f: '\f', v: '\v' },
  unicode: ['U', 'u'],
  octal: true,
  unknown: 'error',
  label: '.strings value',
}

// Xcode's placeholder when the developer wrote no comment: not worth showing to anyone.
const NO_COMMENT = 'No comment provided by engineer.'

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v' || c === '\ufeff'
// Characters of an unquoted plist string.
const WORD = /[A-Za-z0-9_$+/:.-]*/y

interface Token {
  value: string
  start: number
  end: number
  /** A quoted string running over a line break: often a missing closing quote. */
  multiline: boolean
}

class BadEntry extends Error {
  constructor(
    readonly problem: ParseProblem,
    /** Where reading resumes. */
    readonly resume: number,
  ) {
    super(problem.message)
  }
}

class StringsReader {
  pos = 0
  comment?: string
  readonly problems: ParseProblem[] = []

  constructor(private readonly src: string) {}

  private nextLine(from: number): number {
    const nl = this.src.indexOf('\n', from)
    return nl < 0 ? this.src.length : nl + 1
  }

  /** Skips whitespace and comments, keeping the last comment's text. */
  skip(): void {
    const src = this.src
    for (;;) {
      while (isSpace(src[this.pos])) this.pos++
      if (src.startsWith('/*', this.pos)) {
        const end = src.indexOf('*/', this.pos + 2)
        if (end < 0) throw new BadEntry({ message: 'Unclosed /* comment', offset: this.pos }, src.length)
        this.comment = src.slice(this.pos + 2, end).trim()
        this.pos = end + 2
      } else if (src.startsWith('//', this.pos)) {
        const end = this.nextLine(this.pos)
        this.comment = src.slice(this.pos + 2, end).trim()
        this.pos = end
      } else return
    }
  }

  /** A "quoted" or unquoted string at the current position. */
  token(what: string): Token {
    const src = this.src
    const start = this.pos
    if (src[start] === '"') {
      let close = start + 1
      let multiline = false
      while (close < src.length && src[close] !== '"') {
        if (src[close] === '\n') multiline = true
        close += src[close] === '\\' ? 2 : 1
      }
      if (close >= src.length) throw new BadEntry({ message: `Unclosed quote: the ${what} that starts here never ends`, offset: start }, src.length)
      this.pos = close + 1
      return { value: unescape(src.slice(start + 1, close), start + 1, PLIST_ESCAPES, this.problems), start, end: close + 1, multiline }
    }
    WORD.lastIndex = start
    const end = start + WORD.exec(src)![0].length
    if (end === start) {
      const found = src[start] === undefined ? 'the end of the file' : JSON.stringify(src[start])
      throw this.badEntry(`Expected a "quoted" ${what}, found ${found}`, start, start)
    }
    this.pos = end
    return { value: src.slice(start, end), start, end, multiline: false }
  }

  /** After a token: which of the expected characters follows (consumed), or undefined. */
  after(token: Token, what: string, ...chars: string[]): string | undefined {
    this.skip()
    const c = this.src[this.pos]
    if (c !== undefined && chars.includes(c)) {
      this.pos++
      return c
    }
    if (token.multiline) {
      throw new BadEntry({ message: `Unclosed quote: the ${what} that starts here runs past the end of its line`, offset: token.start }, this.nextLine(token.start))
    }
    return undefined
  }

  badEntry(message: string, offset: number, lineOf: number): BadEntry {
    return new BadEntry({ message, offset }, this.nextLine(lineOf))
  }
}

export function parseStrings(src: string): ParseResult {
  const r = new StringsReader(src)
  const units = new Map<string, Unit>()
  for (;;) {
    const entryStart = r.pos
    try {
      r.skip()
      if (r.pos >= src.length) break
      const comment = r.comment
      r.comment = undefined
      const key = r.token('key')
      let value = key
      const next = r.after(key, 'key', ';', '=')
      if (next === undefined) throw r.badEntry(`Expected '=' after the key ${JSON.stringify(key.value)}`, r.pos, key.start)
      if (next === '=') {
        r.skip()
        value = r.token('value')
        if (r.after(value, 'value', ';') === undefined) r.problems.push({ message: `Missing ';' after the value of ${JSON.stringify(key.value)}`, offset: value.end })
      }
      if (units.has(key.value)) {
        r.problems.push({ message: `Duplicate key ${JSON.stringify(key.value)}: the last value wins, the earlier one is ignored`, offset: key.start, rule: RULE.duplicateKey, severity: 1 })
        units.delete(key.value)
      }
      units.set(key.value, {
        key: key.value,
        value: value.value,
        span: { start: value.start, end: value.start + 1 },
        ...(comment && comment !== NO_COMMENT && { comment }),
      })
    } catch (e) {
      if (!(e instanceof BadEntry)) throw e
      r.problems.push(e.problem)
      r.comment = undefined
      // Resuming may go back over a string that swallowed the next lines, but always
      // past where this entry began, so a broken file cannot loop.
      r.pos = Math.max(e.resume, entryStart + 1)
    }
  }
  return { units: [...units.values()], problems: r.problems }
}

export const strings: Format = {
  id: 'strings',
  label: 'Apple .strings',
  handles: (path) => /\.strings$/i.test(path),
  allowUtf16: true,
  syntax: ['printf'],
  parse: (src) => parseStrings(src),
  layouts: ['**/{locale}.lproj/*.strings'],
}
