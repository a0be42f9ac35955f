// A fast reader for what nearly every YAML locale file is: nested block maps of plain keys,
// each value a one-line scalar (plain, 'single' or "double" quoted). It builds the same
// nodes the yaml library would, at a fraction of its time and memory, and gives up (returns
// undefined) at the first line outside that subset: sequences, block scalars, flow
// collections, anchors, aliases, tags, merge keys, multi-line or non-string keys, directives,
// tabs, anything the library might read differently or report as an error. The caller then
// reads the file with the library, which stays the reference (tests compare both).
import { Pair, Scalar, YAMLMap } from 'yaml'

// YAML 1.2 core schema: plain scalars that are not strings (yaml's core tags, same tests).
const NOT_A_STRING = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
]

function isString(plain: string): boolean {
  return !NOT_A_STRING.some((re) => re.test(plain))
}

// `key:` then the rest of the line. A key starts with a letter, digit or `_` and holds no
// space, colon, `#` or flow indicator; a key that would not be a string is left to yaml.
const ENTRY = /([\p{L}\p{N}_][^\s:#,[\]{}]*):(?=[ \r\n]|$)/uy
// yaml refuses longer implicit keys.
const MAX_KEY = 1024

const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
}
const HEX_LENGTH: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 }

/** A scalar's value and where it ends, or undefined when the line is outside the subset. */
interface Read {
  value: string | null
  end: number
}

/** `"..."` from `at` (the quote) within the line ending at `eol`. */
function doubleQuoted(text: string, at: number, eol: number): Read | undefined {
  let out = ''
  let run = at + 1
  for (let i = at + 1; i < eol; i++) {
    const c = text[i]
    if (c === '"') return { value: out + text.slice(run, i), end: i + 1 }
    if (c !== '\\') continue
    out += text.slice(run, i)
    const next = text[i + 1]
    if (Object.hasOwn(ESCAPES, next)) {
      out += ESCAPES[next]
      i++
    } else if (Object.hasOwn(HEX_LENGTH, next)) {
      const hex = text.slice(i + 2, i + 2 + HEX_LENGTH[next])
      if (hex.length !== HEX_LENGTH[next] || !/^[0-9a-fA-F]+$/.test(hex) || Number.parseInt(hex, 16) > 0x10ffff) return undefined
      out += String.fromCodePoint(Number.parseInt(hex, 16))
      i += 1 + hex.length
    } else return undefined
    run = i + 1
  }
  return undefined
}

/** `'...'` from `at` (the quote); `''` is a quote. */
function singleQuoted(text: string, at: number, eol: number): Read | undefined {
  for (let i = at + 1; i < eol; i++) {
    if (text[i] !== "'") continue
    if (text[i + 1] === "'") {
      i++
      continue
    }
    return { value: text.slice(at + 1, i).replace(/''/g, "'"), end: i + 1 }
  }
  return undefined
}

/** A plain scalar from `at` to a comment or the line's end, trailing spaces dropped. */
function plain(text: string, at: number, eol: number): Read | undefined {
  // Indicators; `-`, `?` and `:` start a plain scalar only when text follows them.
  if (/[,[\]{}#&*!|>'"%@`]/.test(text[at]) || (/[-?:]/.test(text[at]) && (at + 1 >= eol || text[at + 1] === ' '))) return undefined
  let end = at
  while (end < eol && !(text[end] === '#' && text[end - 1] === ' ')) end++
  while (end > at && text[end - 1] === ' ') end--
  const raw = text.slice(at, end)
  // `a: b: c` and a value ending in `:` are errors (or maps) to yaml.
  if (raw.includes(': ') || raw.endsWith(':')) return undefined
  return { value: isString(raw) ? raw : null, end }
}

interface Level {
  indent: number
  map: YAMLMap
}

/**
 * The top-level map of `text` (null for a file of comments and blank lines), or undefined
 * when the file is outside the subset this reader is sure to read as yaml does.
 */
export function readSimpleYaml(text: string): YAMLMap | null | undefined {
  // A lone CR is a line break to YAML; tabs are indentation errors or text yaml may fold.
  if (text.includes('\t') || /\r(?!\n)/.test(text)) return undefined
  const levels: Level[] = []
  let root: YAMLMap | null = null
  /** A `key:` without a value: a map follows if the next entry is indented deeper. */
  let open: { pair: Pair; indent: number; at: number } | undefined
  for (let start = 0; start < text.length; ) {
    let eol = text.indexOf('\n', start)
    if (eol < 0) eol = text.length
    const next = eol + 1
    if (text[eol - 1] === '\r') eol--
    let at = start
    while (at < eol && text[at] === ' ') at++
    const indent = at - start
    if (at === eol || text[at] === '#') {
      start = next
      continue
    }
    // Directives and document markers, in the first column.
    if (indent === 0 && (text[at] === '%' || text.startsWith('---', at) || text.startsWith('...', at))) return undefined
    ENTRY.lastIndex = at
    const entry = ENTRY.exec(text)
    if (!entry || entry[1].length > MAX_KEY || !isString(entry[1])) return undefined
    if (open) {
      if (indent > open.indent) {
        const map = new YAMLMap()
        map.range = [at, at, at]
        open.pair.value = map
        levels.push({ indent, map })
      } else open.pair.value = nullScalar(open.at)
      open = undefined
    }
    while (levels.length > 0 && indent < levels[levels.length - 1].indent) levels.pop()
    if (levels.length === 0) {
      if (root) return undefined // a second root, or less indented than the first key
      root = new YAMLMap()
      root.range = [at, at, at]
      levels.push({ indent, map: root })
    }
    const level = levels[levels.length - 1]
    if (indent !== level.indent) return undefined
    const key = new Scalar(entry[1])
    key.range = [at, at + entry[1].length, at + entry[1].length]
    const pair = new Pair(key)
    level.map.items.push(pair)
    let v = at + entry[0].length
    while (v < eol && text[v] === ' ') v++
    if (v === eol || text[v] === '#') {
      open = { pair, indent, at: v }
      start = next
      continue
    }
    const read = text[v] === '"' ? doubleQuoted(text, v, eol) : text[v] === "'" ? singleQuoted(text, v, eol) : plain(text, v, eol)
    if (!read) return undefined
    // After a quoted value only a comment may follow.
    let rest = read.end
    while (rest < eol && text[rest] === ' ') rest++
    if (rest < eol && (text[rest] !== '#' || rest === read.end)) return undefined
    const scalar = new Scalar(read.value)
    scalar.range = [v, read.end, read.end]
    pair.value = scalar
    start = next
  }
  if (open) open.pair.value = nullScalar(open.at)
  return root
}

function nullScalar(at: number): Scalar {
  const scalar = new Scalar(null)
  scalar.range = [at, at, at]
  return scalar
}
