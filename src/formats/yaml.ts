// YAML locale files (Rails and friends): a root locale key (`de:`), nested maps joined
// with '.', anchors, aliases and `<<` merge keys, and plural maps (`one:`/`other:`).
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml'
import type { ParseProblem, ParseResult, Unit } from '../model.js'
import type { Format, ParseContext } from './format.js'
import { isPluralCategory, isPluralMap } from './plural.js'
import { isKnownLanguage, languageOf, normalizeLocale } from '../paths.js'
import { readSimpleYaml } from './yaml-simple.js'
import { RULE } from '../rule-numbers.js'

// Aliases let a small file describe a huge tree ("billion laughs"): stop well before that.
const MAX_UNITS = 500_000
const MAX_ALIASED_UNITS = 20_000
const MAX_DEPTH = 64

/** First line of a yaml error message, without the position the finding carries anyway. */
function shortMessage(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')
}

/** Offsets of the quotes that open a value and are not closed on its line, in file order. */
function unclosedQuotes(text: string): number[] {
  const out: number[] = []
  // The key starts with a non-space: quantifiers that could both take the indentation made
  // a long line of spaces quadratic.
  for (const m of text.matchAll(/^[^\S\n]*(?:-[^\S\n]+)?(?:[^\s:#][^\n:#]*)?:[^\S\n]+(['"])(.*)$/gm)) {
    const [, quote, rest] = m
    const closed = quote === "'" ? /^(?:[^']|'')*'/.test(rest) : /^(?:[^"\\]|\\.)*"/.test(rest)
    if (!closed) out.push(m.index + m[0].indexOf(quote, m[0].indexOf(':')))
  }
  return out
}

/**
 * yaml reports an unclosed quote where the file ends; the mistake is where the quoted value
 * starts: the last quote before that which opens a value and does not close on its line.
 * Found by binary search, so a file of thousands of such errors stays linear.
 */
function openingQuote(quotes: number[], before: number): number | undefined {
  let lo = 0
  let hi = quotes.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (quotes[mid] < before) lo = mid + 1
    else hi = mid
  }
  return lo > 0 ? quotes[lo - 1] : undefined
}

/**
 * Whether a file's single root key names its locale (Rails `de:`, `pt-BR:`) rather than a
 * namespace (`app:`, `nav:`): a known language of two letters, or the path's own language
 * (`fil:` in fil.yml). Three-letter namespaces are often language codes too (nav is Navajo).
 */
function namesLocale(key: string, pathLocale: string): boolean {
  if (!/^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/.test(key) || !isKnownLanguage(key)) return false
  return /^[a-z]{2}(?:[-_]|$)/.test(key) || (pathLocale !== '' && languageOf(key) === languageOf(pathLocale))
}

interface Walk {
  /** The parsed document, which resolves aliases; the fast reader reads none. */
  doc?: Document
  /** One per string; a flat key and a nested one that read alike are readUnits's to report. */
  units: Unit[]
  problems: ParseProblem[]
  active: Set<Node>
  stopped: boolean
  /** Strings reached through aliases and merge keys. */
  aliased: number
}

function scalarKey(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined
  if (typeof node.value === 'symbol') return '<<'
  return node.value === null ? '' : String(node.value)
}

/**
 * yaml builds a quoted value one character at a time: until V8 flattens that chain of
 * concatenations it costs ~30 bytes per character (20 times the text). Reading a character
 * flattens it.
 */
function flattened(value: string): string {
  value.charCodeAt(0)
  return value
}

type Plural = Pick<Unit, 'plural' | 'pluralGroup'>

/** A map whose keys are all CLDR categories, `other` among them, holds the forms of one message. */
function walk(w: Walk, node: Node | null | undefined, key: string, at: number, depth: number, plural: Plural = {}): void {
  if (!node || w.stopped) return
  if (depth > MAX_DEPTH) {
    w.problems.push({ message: `Nesting deeper than ${MAX_DEPTH} levels (or an alias cycle)`, offset: at })
    w.stopped = true
    return
  }
  if (isAlias(node)) {
    const target = (w.doc && node.resolve(w.doc)) as Node | undefined
    if (!target) {
      w.problems.push({ message: `Unknown alias *${node.source}`, offset: node.range?.[0] ?? at })
      return
    }
    if (w.active.has(target)) {
      w.problems.push({ message: `Alias *${node.source} refers to itself`, offset: node.range?.[0] ?? at })
      return
    }
    w.active.add(target)
    // A scalar alias is reported where it is used; a map keeps its own lines.
    walk(w, target, key, isScalar(target) ? (node.range?.[0] ?? at) : at, depth + 1, plural)
    w.active.delete(target)
    return
  }
  if (isScalar(node)) {
    if (typeof node.value !== 'string') return
    if (w.active.size > 0 && ++w.aliased > MAX_ALIASED_UNITS) {
      w.problems.push({ message: `Aliases expand to more than ${MAX_ALIASED_UNITS} strings; the rest are not checked`, offset: at })
      w.stopped = true
      return
    }
    if (w.units.length >= MAX_UNITS) {
      w.problems.push({ message: `More than ${MAX_UNITS} strings; the rest are not checked`, offset: at })
      w.stopped = true
      return
    }
    w.units.push({ key, value: flattened(node.value), span: { start: at, end: at + 1 }, ...plural })
    return
  }
  if (isSeq(node)) {
    node.items.forEach((item, i) => walk(w, item as Node, `${key}[${i}]`, (item as Node)?.range?.[0] ?? at, depth + 1))
    return
  }
  if (isMap(node)) {
    const seen = new Set<string>()
    const merges: Node[] = []
    const keys = node.items.map((p) => scalarKey(p.key))
    const pluralForms = isPluralMap(keys)
    const child = (k: string): Plural => (pluralForms && isPluralCategory(k) ? { plural: k, pluralGroup: key } : {})
    // Of a repeated key only the last value is loaded (a Ruby Hash keeps the last): the others give no strings.
    const last = new Map<string, number>()
    keys.forEach((k, i) => k !== undefined && last.set(k, i))
    for (let i = 0; i < node.items.length; i++) {
      const pair = node.items[i]
      const k = keys[i]
      const keyAt = (pair.key as Node | null)?.range?.[0] ?? at
      if (k === undefined) {
        w.problems.push({ message: 'Only plain keys are supported here; this complex key is ignored', offset: keyAt, severity: 1 })
        continue
      }
      if (k === '<<') {
        merges.push(pair.value as Node)
        continue
      }
      if (seen.has(k)) {
        w.problems.push({ message: `Duplicate key "${k}": the last value wins`, offset: keyAt, rule: RULE.duplicateKey, severity: 1 })
      }
      seen.add(k)
      if (last.get(k) !== i) continue
      walk(w, pair.value as Node, key ? `${key}.${k}` : k, (pair.value as Node | null)?.range?.[0] ?? keyAt, depth + 1, child(k))
    }
    // Merged keys fill in what the map does not set itself (YAML 1.1 merge semantics).
    for (const merge of merges) {
      const sources = isSeq(merge) ? (merge.items as Node[]) : [merge]
      for (const source of sources) {
        const resolved = (isAlias(source) ? w.doc && source.resolve(w.doc) : source) as Node | undefined
        if (!isMap(resolved)) continue
        if (w.active.has(resolved)) continue
        w.active.add(resolved)
        for (const pair of resolved.items) {
          const k = scalarKey(pair.key)
          if (k === undefined || k === '<<' || seen.has(k)) continue
          seen.add(k)
          walk(w, pair.value as Node, key ? `${key}.${k}` : k, (pair.value as Node | null)?.range?.[0] ?? at, depth + 1, child(k))
        }
        w.active.delete(resolved)
      }
    }
  }
}

// The yaml parser recurses once per level of nesting: around a thousand levels it overflows
// the stack, or reports that as an error at a place that depends on how much stack was left.
const MAX_PARSE_DEPTH = 200
// Where a quote can open a quoted scalar: after an indicator or a space that follows one.
const BEFORE_SCALAR = new Set(['', ':', '-', '?', '[', '{', ','])

/**
 * The offset where the file nests deeper than MAX_PARSE_DEPTH, or -1. Counted so that it is
 * never less than the real depth: indentation levels, the `- `, `? ` and `: ` indicators of
 * a line, and open flow brackets; quoted scalars and comments are skipped.
 */
function tooDeep(text: string): number {
  const indents: number[] = []
  let flow = 0
  let i = 0
  while (i < text.length) {
    let indent = 0
    while (text[i + indent] === ' ') indent++
    if (flow === 0 && text[i + indent] !== '\n' && text[i + indent] !== '#') {
      while (indents.length > 0 && indents.at(-1)! >= indent) indents.pop()
      indents.push(indent)
    }
    let inline = 0
    let previous = ''
    for (i += indent; i < text.length && text[i] !== '\n'; i++) {
      const c = text[i]
      if ((c === '"' || c === "'") && BEFORE_SCALAR.has(previous)) {
        // On to the closing quote, over line ends; `\"` and `''` do not close.
        for (i++; i < text.length; i++) {
          if (c === '"' && text[i] === '\\') i++
          else if (text[i] === c && !(c === "'" && text[i + 1] === "'")) break
          else if (text[i] === c) i++
        }
        previous = 'x'
        continue
      }
      if (c === '#' && (previous === '' || text[i - 1] === ' ' || text[i - 1] === '\t')) break
      const indicator = (c === '-' || c === '?' || c === ':') && (i + 1 === text.length || /\s/.test(text[i + 1]))
      if (c === '[' || c === '{') flow++
      else if ((c === ']' || c === '}') && flow > 0) flow--
      else if (indicator) inline++
      if (indents.length + inline + flow > MAX_PARSE_DEPTH) return i
      if (c !== ' ' && c !== '\t') previous = c === '[' || c === '{' || c === ',' || indicator ? c : 'x'
    }
    while (i < text.length && text[i] !== '\n') i++
    i++
  }
  return -1
}

const YAML_OPTIONS = { uniqueKeys: false, merge: true, prettyErrors: false, strict: false } as const

// A line indented with a tab (after any spaces) that holds more than a comment. One tab, then
// the rest: quantifiers that could both take a tab made a long line of tabs quadratic.
const TAB_INDENT = /^ *\t[ \t]*[^\s#]/m

/**
 * The first tab-indented line's error, when yaml confirms it from the text up to that line;
 * undefined when there is none (the tab is inside a quoted or block scalar, or no line
 * starts with one). yaml reports every such line and each error costs it an Error with a
 * stack: a tab-indented file of 2 MB took seconds. What comes after the line cannot change
 * how yaml reads the line itself, so its error is the file's, and the rest is not read.
 */
function tabIndentation(text: string): ParseProblem | undefined {
  const line = text.search(TAB_INDENT)
  if (line < 0) return undefined
  const newline = text.indexOf('\n', line)
  const end = newline < 0 ? text.length : newline + 1
  const errors = parseDocument(text.slice(0, end), YAML_OPTIONS).errors
  const first = errors.reduce<(typeof errors)[number] | undefined>((a, e) => (a === undefined || e.pos[0] < a.pos[0] ? e : a), undefined)
  if (first?.code !== 'TAB_AS_INDENT' || first.pos[0] < line) return undefined
  return { message: `Invalid YAML: ${shortMessage(first.message)}`, offset: first.pos[0] }
}

/** The file's top node: from the fast reader when the file is in its subset, else from yaml. */
function readTop(text: string): { root: Node | null; doc?: Document; problems: ParseProblem[] } {
  const simple = readSimpleYaml(text)
  if (simple !== undefined) return { root: simple, problems: [] }
  const tab = tabIndentation(text)
  if (tab) return { root: null, problems: [tab] }
  const doc = parseDocument(text, YAML_OPTIONS)
  let quotes: number[] | undefined
  const problems: ParseProblem[] = doc.errors.map((e) => ({
    message: `Invalid YAML: ${shortMessage(e.message)}`,
    offset: e.code === 'MISSING_CHAR' ? (openingQuote((quotes ??= unclosedQuotes(text)), e.pos[0]) ?? e.pos[0]) : e.pos[0],
  }))
  return { root: doc.contents, doc, problems }
}

export function parseYaml(text: string, context: Pick<ParseContext, 'locale'>): ParseResult {
  const deep = tooDeep(text)
  if (deep >= 0) return { units: [], problems: [{ message: `Invalid YAML: nested deeper than ${MAX_PARSE_DEPTH} levels; the file is not read`, offset: deep }] }
  const { root, doc, problems } = readTop(text)
  if (problems.length > 0) return { units: [], problems }
  if (root === null || (isScalar(root) && root.value === null)) return { units: [], problems }
  if (!isMap(root)) {
    return { units: [], problems: [{ message: 'Expected a map of translations at the top of the file', offset: root.range?.[0] ?? 0 }] }
  }
  const w: Walk = { doc, units: [], problems, active: new Set(), stopped: false, aliased: 0 }
  let locale: string | undefined
  const keys = root.items.map((p) => scalarKey(p.key))
  // Rails files: one root key naming the locale, everything else below it.
  if (root.items.length === 1 && keys[0] && namesLocale(keys[0], context.locale) && isMap(root.items[0].value)) {
    const named = keys[0]
    const keyNode = root.items[0].key as Node
    // A root key naming another locale is reported; the strings are still the path's locale's.
    if (context.locale && normalizeLocale(named) !== normalizeLocale(context.locale)) {
      problems.push({
        message: `The root key "${named}" does not match the file's locale "${context.locale}"; Rails will load these strings as ${named}`,
        offset: keyNode.range?.[0] ?? 0,
        rule: RULE.rootLocale,
        severity: 2,
      })
    } else locale = normalizeLocale(named)
    walk(w, root.items[0].value as Node, '', keyNode.range?.[0] ?? 0, 0)
  } else {
    walk(w, root, '', 0, 0)
  }
  return { units: w.units, problems, locale }
}

export const yaml: Format = {
  id: 'yaml',
  label: 'YAML (Rails i18n and similar)',
  handles: (path) => /\.ya?ml$/i.test(path),
  parse: (text, context) => parseYaml(text, context),
  runtimePluralForms: ['zero', 'one'],
  layouts: ['**/locales/{locale}.yml', '**/locales/**/*.{locale}.yml', '**/{locale}.yml', '**/{locale}.yaml', '**/{locale}/*.yml'],
}
