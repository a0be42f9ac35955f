// A position-aware, tolerant JSON reader shared by the JSON-based formats (JSON, ARB,
// Chrome messages.json, xcstrings). It keeps every key and value with its offset, keeps
// duplicate keys (the formats decide what they mean), never builds a plain object (so
// `__proto__` is an ordinary key), and reports the first syntax error at its offset
// instead of throwing. Comments and trailing commas are read but reported, because the
// app's own JSON.parse would reject them.
import type { ParseProblem } from '../model.js'

export type JsonNode = JsonObject | JsonArray | JsonString | JsonScalar

export interface JsonObject {
  type: 'object'
  start: number
  entries: JsonEntry[]
}
export interface JsonEntry {
  key: string
  keyStart: number
  value: JsonNode
}
export interface JsonArray {
  type: 'array'
  start: number
  items: JsonNode[]
}
export interface JsonString {
  type: 'string'
  start: number
  value: string
}
export interface JsonScalar {
  type: 'number' | 'boolean' | 'null'
  start: number
  raw: string
}

export interface JsonParseResult {
  root?: JsonNode
  problems: ParseProblem[]
}

const MAX_DEPTH = 256

class SyntaxFailure extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message)
  }
}

class Reader {
  pos = 0
  /** End of the last complete value: a missing comma is reported there, not at the next token. */
  private lastEnd = 0
  readonly problems: ParseProblem[] = []
  private depth = 0

  constructor(private readonly text: string) {}

  parse(): JsonParseResult {
    try {
      this.skipSpace()
      if (this.pos >= this.text.length) throw new SyntaxFailure('The file is empty; expected a JSON value', 0)
      const root = this.value()
      this.skipSpace()
      if (this.pos < this.text.length) throw new SyntaxFailure(`Unexpected ${this.describe()} after the JSON value`, this.pos)
      return { root, problems: this.problems }
    } catch (e) {
      if (!(e instanceof SyntaxFailure)) throw e
      return { problems: [...this.problems, { message: `Invalid JSON: ${e.message}`, offset: e.offset }] }
    }
  }

  private describe(): string {
    const c = this.text[this.pos]
    if (c === undefined) return 'end of file'
    return `character ${JSON.stringify(c)}`
  }

  private skipSpace(): void {
    const t = this.text
    for (;;) {
      const c = t.charCodeAt(this.pos)
      if (c === 32 || c === 9 || c === 10 || c === 13) this.pos++
      else if (c === 47 /* / */ && (t[this.pos + 1] === '/' || t[this.pos + 1] === '*')) this.comment()
      else if (c === 0xfeff && this.pos === 0) this.pos++
      else return
    }
  }

  private comment(): void {
    const start = this.pos
    if (this.text[this.pos + 1] === '/') {
      const end = this.text.indexOf('\n', this.pos)
      this.pos = end < 0 ? this.text.length : end
    } else {
      const end = this.text.indexOf('*/', this.pos + 2)
      if (end < 0) throw new SyntaxFailure('Unterminated /* comment', start)
      this.pos = end + 2
    }
    this.problems.push({ message: 'JSON does not allow comments; JSON.parse will reject this file', offset: start })
  }

  private value(): JsonNode {
    const c = this.text[this.pos]
    if (c === '{') return this.object()
    if (c === '[') return this.array()
    if (c === '"') {
      const start = this.pos
      return { type: 'string', start, value: this.string() }
    }
    if (c === '-' || (c >= '0' && c <= '9')) return this.number()
    for (const word of ['true', 'false', 'null'] as const) {
      if (this.text.startsWith(word, this.pos)) {
        const start = this.pos
        this.pos += word.length
        return { type: word === 'null' ? 'null' : 'boolean', start, raw: word }
      }
    }
    if (c === "'") throw new SyntaxFailure('Strings must use double quotes', this.pos)
    throw new SyntaxFailure(`Unexpected ${this.describe()}; expected a value`, this.pos)
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw new SyntaxFailure(`Nesting deeper than ${MAX_DEPTH} levels`, this.pos)
  }

  private object(): JsonObject {
    const node: JsonObject = { type: 'object', start: this.pos, entries: [] }
    this.enter()
    this.pos++
    this.skipSpace()
    if (this.text[this.pos] === '}') {
      this.pos++
      this.depth--
      return node
    }
    for (;;) {
      this.skipSpace()
      if (this.text[this.pos] !== '"') {
        if (this.text[this.pos] === '}' && node.entries.length > 0) {
          this.problems.push({ message: 'Trailing comma before }; JSON.parse will reject this file', offset: this.pos })
          this.pos++
          this.depth--
          return node
        }
        throw new SyntaxFailure(`Expected a "quoted" key, found ${this.describe()}`, this.pos)
      }
      const keyStart = this.pos
      const key = this.string()
      this.skipSpace()
      if (this.text[this.pos] !== ':') throw new SyntaxFailure(`Expected ':' after key ${JSON.stringify(key)}, found ${this.describe()}`, this.pos)
      this.pos++
      this.skipSpace()
      node.entries.push({ key, keyStart, value: this.value() })
      this.lastEnd = this.pos
      this.skipSpace()
      const c = this.text[this.pos]
      if (c === ',') {
        this.pos++
        continue
      }
      if (c === '}') {
        this.pos++
        this.depth--
        return node
      }
      if (c === '"') throw new SyntaxFailure(`Missing ',' after the value of ${JSON.stringify(key)}`, this.lastEnd)
      throw new SyntaxFailure(`Expected ',' or '}' after the value of ${JSON.stringify(key)}, found ${this.describe()}`, this.pos)
    }
  }

  private array(): JsonArray {
    const node: JsonArray = { type: 'array', start: this.pos, items: [] }
    this.enter()
    this.pos++
    this.skipSpace()
    if (this.text[this.pos] === ']') {
      this.pos++
      this.depth--
      return node
    }
    for (;;) {
      this.skipSpace()
      if (this.text[this.pos] === ']' && node.items.length > 0) {
        this.problems.push({ message: 'Trailing comma before ]; JSON.parse will reject this file', offset: this.pos })
        this.pos++
        this.depth--
        return node
      }
      node.items.push(this.value())
      this.lastEnd = this.pos
      this.skipSpace()
      const c = this.text[this.pos]
      if (c === ',') {
        this.pos++
        continue
      }
      if (c === ']') {
        this.pos++
        this.depth--
        return node
      }
      if (c === '"' || c === '{' || c === '[') throw new SyntaxFailure(`Missing ',' between array items`, this.lastEnd)
      throw new SyntaxFailure(`Expected ',' or ']' in the array, found ${this.describe()}`, this.pos)
    }
  }

  private string(): string {
    const t = this.text
    const start = this.pos
    this.pos++
    let out = ''
    let chunk = this.pos
    for (;;) {
      const c = t.charCodeAt(this.pos)
      if (Number.isNaN(c)) throw new SyntaxFailure('Unterminated string', start)
      if (c === 34 /* " */) {
        out += t.slice(chunk, this.pos)
        this.pos++
        return out
      }
      if (c === 10 || c === 13) throw new SyntaxFailure('Unterminated string (line break inside a string)', start)
      if (c < 0x20) throw new SyntaxFailure(`Control character U+${c.toString(16).padStart(4, '0').toUpperCase()} inside a string must be escaped`, this.pos)
      if (c === 92 /* \ */) {
        out += t.slice(chunk, this.pos)
        out += this.escape()
        chunk = this.pos
        continue
      }
      this.pos++
    }
  }

  private escape(): string {
    const at = this.pos
    const c = this.text[this.pos + 1]
    this.pos += 2
    switch (c) {
      case '"':
        return '"'
      case '\\':
        return '\\'
      case '/':
        return '/'
      case 'b':
        return '\b'
      case 'f':
        return '\f'
      case 'n':
        return '\n'
      case 'r':
        return '\r'
      case 't':
        return '\t'
      case 'u': {
        const hex = this.text.slice(this.pos, this.pos + 4)
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new SyntaxFailure(`Bad unicode escape \\u${hex}`, at)
        this.pos += 4
        return String.fromCharCode(parseInt(hex, 16))
      }
      default:
        throw new SyntaxFailure(`Bad escape \\${c ?? ''} inside a string`, at)
    }
  }

  private number(): JsonScalar {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.text.slice(this.pos, this.pos + 400))
    if (!m) throw new SyntaxFailure(`Invalid number`, this.pos)
    const start = this.pos
    this.pos += m[0].length
    return { type: 'number', start, raw: m[0] }
  }
}

export function parseJsonTree(text: string): JsonParseResult {
  return new Reader(text).parse()
}

/** The value of `key` in an object: the last one, as JSON.parse keeps. */
export function member(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (node?.type !== 'object') return undefined
  for (let i = node.entries.length - 1; i >= 0; i--) if (node.entries[i].key === key) return node.entries[i].value
  return undefined
}

/**
 * An object's entries as JSON.parse sees them: one per key, the last value winning, in the
 * order of those last values. Each earlier duplicate is reported at its repetition.
 */
export function lastEntries(node: JsonObject, problems: ParseProblem[], rule: number, same: (key: string) => string = (k) => k): JsonEntry[] {
  const last = new Map<string, JsonEntry>()
  for (const entry of node.entries) {
    const id = same(entry.key)
    const before = last.get(id)
    if (before) {
      problems.push({ message: `Duplicate key ${JSON.stringify(entry.key)}: the last value wins, the earlier one is ignored`, offset: entry.keyStart, rule, severity: 1 })
      last.delete(id)
    }
    last.set(id, entry)
  }
  return [...last.values()]
}

/** "an object", "a string"...: what a node is, for messages. */
export function describeNode(node: JsonNode): string {
  return node.type === 'object' || node.type === 'array' ? `an ${node.type}` : node.type === 'null' ? 'null' : `a ${node.type}`
}
