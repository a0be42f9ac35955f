// Structured mutations of locale files, byte level: what a bad merge, a broken export, a
// hostile contributor or a wrong editor setting does to a file. Each mutation is named so a
// failing case says what was done to the seed.
import type { Rng } from './random.js'

const utf8 = (s: string) => new TextEncoder().encode(s)

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

function insert(bytes: Uint8Array, at: number, piece: Uint8Array): Uint8Array {
  return concat(bytes.subarray(0, at), piece, bytes.subarray(at))
}

/** Characters and snippets that mean something to at least one format's syntax. */
export const SIGNIFICANT: readonly string[] = [
  '"', "'", '`', '{', '}', '[', ']', '(', ')', '<', '>', '/', '&', '\\', '%', '#', '$', '@', ':', '=', ',', ';', '!', '?', '*', '|', '~', '-', ' ', '\t',
  '\n', '\r', '\r\n', '\n\n', '\u0000', '\u0001', '\u001b[31m', '\u007f', '\u0085', '\u2028', '\u2029', '\ufeff', '\ufffe', '\uffff', '\u202e', '\u200b', '😀', 'ي', '\u0301',
  // Escapes and references, valid and broken
  '\\"', '\\\\', '\\n', '\\u', '\\u12', '\\uD800', '\\uDC00', '\\U0001F600', '\\x', '\\x41', '\\0', '\\777', '\\e', '\\\n', '\\\r\n',
  '&amp;', '&lt;', '&#0;', '&#x0;', '&#xD800;', '&#55296;', '&#x110000;', '&#99999999999;', '&nbsp;', '&bogus;', '&;', '&#;', '&#x;',
  // Comments and markup
  '/*', '*/', '//', '<!--', '-->', '<![CDATA[', ']]>', '<?', '?>', '<!DOCTYPE r [<!ENTITY a "aaaa">]>', '<!ENTITY x SYSTEM "file:///etc/passwd">', '</', '/>', '<a>', '</a>', '<b/>',
  '<x id="INTERPOLATION" equiv-text="{{ n }}"/>', '<g id="1">', '</g>', '<ph id="1">', '<bpt id="1">', '<ept id="1">', '<xliff:g id="n">', '</xliff:g>',
  '<string name="x">', '</string>', '<plurals name="p">', '<item quantity="one">', '<item quantity="bogus">', '</item>', '<trans-unit id="t">', '<trans-unit>', '<source>', '</source>', '<target>', '</target>',
  '<unit id="u">', '<segment id="1">', '<data name="d">', '<value>', '</value>', '<key>', '</key>', '<dict>', '</dict>', '<string>', 'xmlns:x="urn:x"', ' name="n"', ' translatable="false"',
  // Placeholders
  '%s', '%d', '%1$@', '%2$s', '%#@var@', '%lld', '%%', '{0}', '{0,number}', '{count}', '{{count}}', '{count, plural, one {# x} other {# y}}', '$NAME$', '$1', "''", '{', '}}',
  // Keys and structure
  '__proto__', 'constructor', 'msgid "', 'msgstr "', 'msgstr[0] "', 'msgstr[99] "', 'msgctxt "', 'msgid_plural "', '#~ ', '#, fuzzy', '#, c-format', '"Plural-Forms: nplurals=0; plural=;\\n"',
  '"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"', '"Plural-Forms: nplurals=2; plural=((((((((n))))))));\\n"', '"Language: xx\\n"',
  '"@@locale": "zz",', '"@@locale": 5,', '"message": 1,', '"stringUnit": {"state": "translated", "value": 5}', '"variations": {"plural": {"one": 1}}', '"sourceLanguage": []',
  '---\n', '...\n', '&anchor ', '*anchor', '*nope', '<<: *anchor\n', '- ', '? ', '!!binary ', '!!str ', '|\n', '>-\n', 'de:\n', 'true', 'null', '~', '1e999', '-0', '0x1F',
  'key=value\n', 'key:value\n', 'key value\\\n', '"k" = "v";\n', '"k" = v;\n', 'k = "v"\n',
]

// Bytes that are not UTF-8 text: a lone continuation byte, overlong forms, a surrogate half
// encoded as UTF-8 (CESU), a truncated sequence, values past U+10FFFF, UTF-16 and UTF-8 BOMs.
const BAD_BYTES: readonly number[][] = [[0xff], [0xfe], [0x80], [0xc0, 0x80], [0xc1, 0xbf], [0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf], [0xe2, 0x82], [0xf4, 0x90, 0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbb, 0xbf], [0x00, 0x00]]

/** Openers and closers for deep nesting, in the syntax of some format. */
const NESTING: ReadonlyArray<[open: string, close: string]> = [
  ['{"a":', '}'],
  ['[', ']'],
  ['<a>', '</a>'],
  ['<g id="1">', '</g>'],
  ['<dict><key>k</key>', '</dict>'],
  ['{n, plural, other {', '}}'],
  ['{', '}'],
  ['(', ')'],
]

const LONG_RUNS: readonly string[] = ['x', 'é', '語', '😀', '\\', '&', '%', '"', '<', '{', '#', ' ', '\t', '\r', '\n', '\\u', '&#', '<a', '%1$', '{{', ']]>', '-->', '\\\n']

export interface Mutated {
  bytes: Uint8Array
  /** What was done, in order: reproduces the case in a failure message. */
  steps: string[]
}

type Mutation = (bytes: Uint8Array, rng: Rng, donors: readonly Uint8Array[]) => [Uint8Array, string]

/** A range of at most `max` bytes inside `bytes`. */
function range(bytes: Uint8Array, rng: Rng, max: number): [number, number] {
  const start = rng.int(bytes.length + 1)
  return [start, Math.min(bytes.length, start + rng.int(max + 1))]
}

const at = (bytes: Uint8Array, rng: Rng) => rng.int(bytes.length + 1)

const MUTATIONS: ReadonlyArray<[weight: number, mutation: Mutation]> = [
  [3, (b, rng) => {
    const cut = at(b, rng)
    return [b.subarray(0, cut), `truncate at ${cut}`]
  }],
  [3, (b, rng) => {
    const [s, e] = range(b, rng, rng.chance(0.8) ? 16 : b.length)
    return [concat(b.subarray(0, s), b.subarray(e)), `delete ${s}..${e}`]
  }],
  [3, (b, rng) => {
    const [s, e] = range(b, rng, rng.chance(0.7) ? 80 : 2000)
    const to = at(b, rng)
    return [insert(b, to, b.slice(s, e)), `copy ${s}..${e} to ${to}`]
  }],
  [2, (b, rng) => {
    const [s1, e1] = range(b, rng, 200)
    const [s2, e2] = range(b, rng, 200)
    if (e1 > s2 && e2 > s1) return [b, 'swap (overlapping, skipped)']
    const [a, c] = s1 < s2 ? [[s1, e1], [s2, e2]] : [[s2, e2], [s1, e1]]
    return [concat(b.subarray(0, a[0]), b.subarray(c[0], c[1]), b.subarray(a[1], c[0]), b.subarray(a[0], a[1]), b.subarray(c[1])), `swap ${a[0]}..${a[1]} with ${c[0]}..${c[1]}`]
  }],
  [8, (b, rng) => {
    const token = rng.pick(SIGNIFICANT)
    const to = at(b, rng)
    return [insert(b, to, utf8(token)), `insert ${JSON.stringify(token)} at ${to}`]
  }],
  [3, (b, rng) => {
    const token = rng.pick(SIGNIFICANT)
    const [s, e] = range(b, rng, 8)
    return [concat(b.subarray(0, s), utf8(token), b.subarray(e)), `replace ${s}..${e} with ${JSON.stringify(token)}`]
  }],
  [3, (b, rng) => {
    const bad = rng.pick(BAD_BYTES)
    const to = rng.chance(0.1) ? 0 : at(b, rng)
    return [insert(b, to, new Uint8Array(bad)), `insert bytes ${bad.map((x) => x.toString(16)).join(' ')} at ${to}`]
  }],
  [2, (b, rng) => {
    if (b.length === 0) return [b, 'flip (empty, skipped)']
    const i = rng.int(b.length)
    const out = b.slice()
    out[i] = rng.int(256)
    return [out, `set byte ${i} to ${out[i].toString(16)}`]
  }],
  [2, (b, rng) => {
    const [s, e] = range(b, rng, 40)
    const times = rng.between(2, rng.chance(0.5) ? 50 : 1000)
    const piece = b.subarray(s, Math.max(e, s + 1))
    const to = at(b, rng)
    return [insert(b, to, utf8(new TextDecoder().decode(piece).repeat(times))), `repeat ${s}..${e} x${times} at ${to}`]
  }],
  [2, (b, rng) => {
    const [open, close] = rng.pick(NESTING)
    const depth = rng.pick([50, 101, 257, 1000])
    const to = at(b, rng)
    const closed = rng.chance(0.5)
    return [insert(b, to, utf8(open.repeat(depth) + (closed ? `x${close.repeat(depth)}` : ''))), `nest ${JSON.stringify(open)} x${depth}${closed ? ' closed' : ''} at ${to}`]
  }],
  [2, (b, rng) => {
    const run = rng.pick(LONG_RUNS)
    const length = rng.pick([1000, 10_000, 50_000])
    const to = at(b, rng)
    return [insert(b, to, utf8(run.repeat(Math.ceil(length / run.length)))), `insert ${JSON.stringify(run)} x${length} at ${to}`]
  }],
  [1, (b, rng) => {
    const ends = rng.pick(['\r\n', '\r', ''])
    return [utf8(new TextDecoder().decode(b).replace(/\r?\n/g, ends)), `line ends -> ${JSON.stringify(ends)}`]
  }],
  [1, (b, rng) => {
    const kind = rng.pick(['utf-16le BOM', 'utf-16be BOM', 'utf-16le', 'utf-8 BOM x2'] as const)
    const text = new TextDecoder().decode(b)
    if (kind === 'utf-8 BOM x2') return [concat(new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]), b), 'two UTF-8 BOMs']
    const le = Buffer.from(text, 'utf16le')
    if (kind === 'utf-16le') return [new Uint8Array(le), 'as UTF-16LE without BOM']
    if (kind === 'utf-16le BOM') return [concat(new Uint8Array([0xff, 0xfe]), new Uint8Array(le)), 'as UTF-16LE']
    return [concat(new Uint8Array([0xfe, 0xff]), new Uint8Array(Buffer.from(le).swap16())), 'as UTF-16BE']
  }],
  [2, (b, rng, donors) => {
    const donor = rng.pick(donors)
    const [s, e] = range(donor, rng, 400)
    const to = at(b, rng)
    return [insert(b, to, donor.slice(s, e)), `splice ${e - s} bytes of another seed at ${to}`]
  }],
]

const TOTAL = MUTATIONS.reduce((n, [w]) => n + w, 0)

function pickMutation(rng: Rng): Mutation {
  let r = rng.int(TOTAL)
  for (const [w, m] of MUTATIONS) {
    if (r < w) return m
    r -= w
  }
  return MUTATIONS[0][1]
}

/** One to four mutations of a seed file (one in half the cases, so most files stay partly readable); `donors` are other files whose pieces may be spliced in. */
export function mutate(seed: Uint8Array, rng: Rng, donors: readonly Uint8Array[]): Mutated {
  let bytes = seed
  const steps: string[] = []
  const n = rng.chance(0.5) ? 1 : rng.between(2, 4)
  for (let i = 0; i < n; i++) {
    const [out, step] = pickMutation(rng)(bytes, rng, donors)
    bytes = out
    steps.push(step)
  }
  return { bytes, steps }
}
