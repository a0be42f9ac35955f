// The prose of a text: the text with its placeholders, markup, Markdown link targets, URLs
// and e-mail addresses replaced by a neutral mark of the same length. Rules about words,
// numbers and punctuation read prose, so they neither see code nor lose offsets.
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'
import type { PlaceholderSyntax } from '../model.js'
import { parseIcu } from '../placeholders/icu.js'
import { syntaxDef } from '../placeholders/index.js'
import { TextMemo } from '../placeholders/text-memo.js'
import type { CheckInput } from './check.js'
import { markupRanges } from './tags.js'
import { EMAIL_RE, mayHaveUrl, URL_RE } from './text.js'

/** U+FFFC OBJECT REPLACEMENT CHARACTER: "something that is not text stands here". */
export const MASK = '\uFFFC'

const MARKDOWN_TARGET = /\]\(([^()\s]+(?:\s+"[^"]*")?)\)/g

type Range = [number, number]

/** ICU: everything but the literal text (arguments, plural and select syntax, `#`). */
function icuCode(text: string): Range[] {
  if (!/[{}]/.test(text)) return []
  // Parsed once for the placeholder rules and this mask.
  const { elements } = parseIcu(text)
  if (!elements) return []
  const literal: Range[] = []
  const walk = (els: MessageFormatElement[]) => {
    for (const el of els) {
      if (el.type === TYPE.literal && el.location) literal.push([el.location.start.offset, el.location.end.offset])
      else if (el.type === TYPE.plural || el.type === TYPE.select) for (const option of Object.values(el.options)) walk(option.value)
      else if (el.type === TYPE.tag) walk(el.children)
    }
  }
  walk(elements)
  literal.sort((a, b) => a[0] - b[0])
  const code: Range[] = []
  let at = 0
  for (const [start, end] of literal) {
    if (start > at) code.push([at, start])
    at = Math.max(at, end)
  }
  if (at < text.length) code.push([at, text.length])
  return code
}

function placeholderRanges(text: string, syntaxes: readonly PlaceholderSyntax[]): Range[] {
  const ranges: Range[] = []
  for (const id of syntaxes) {
    if (id === 'icu') {
      ranges.push(...icuCode(text))
      continue
    }
    const def = syntaxDef(id)
    if (!def) continue
    // Syntaxes may list a repeated placeholder once: mask every occurrence of its text.
    for (const token of new Set(def.extract(text).placeholders.map((p) => p.text))) {
      for (let i = text.indexOf(token); i >= 0; i = text.indexOf(token, i + token.length)) ranges.push([i, i + token.length])
    }
  }
  return ranges
}

/** The text with every character inside a range (ranges may overlap) replaced by MASK. */
function mask(text: string, ranges: Range[]): string {
  if (ranges.length === 0) return text
  ranges.sort((a, b) => a[0] - b[0])
  let out = ''
  let at = 0
  for (const [start, end] of ranges) {
    const from = Math.max(start, at)
    const to = Math.min(end, text.length)
    if (to <= from) continue
    out += text.slice(at, from) + MASK.repeat(to - from)
    at = to
  }
  return out + text.slice(at)
}

function readProse(text: string, syntaxes: readonly PlaceholderSyntax[]): string {
  const ranges = [...placeholderRanges(text, syntaxes), ...markupRanges(text)]
  if (text.includes('](')) for (const m of text.matchAll(MARKDOWN_TARGET)) ranges.push([m.index + 1, m.index + m[0].length])
  if (mayHaveUrl(text)) for (const m of text.matchAll(URL_RE)) ranges.push([m.index, m.index + m[0].length])
  if (text.includes('@')) for (const m of text.matchAll(EMAIL_RE)) ranges.push([m.index, m.index + m[0].length])
  return mask(text, ranges)
}

// By text, then by syntaxes (a text is nearly always read with one set of them).
const read = new TextMemo<Map<string, string>>()

export function proseOf(text: string, syntaxes: readonly PlaceholderSyntax[]): string {
  const bySyntaxes = read.get(text, () => new Map())
  const key = syntaxes.join(' ')
  let result = bySyntaxes.get(key)
  if (result === undefined) bySyntaxes.set(key, (result = readProse(text, syntaxes)))
  return result
}

const memo = new WeakMap<CheckInput, { source?: string; target?: string }>()

/** The prose of a segment's source or target, computed once per segment. */
export function prose(input: CheckInput, side: 'source' | 'target'): string {
  let entry = memo.get(input)
  if (!entry) memo.set(input, (entry = {}))
  return (entry[side] ??= proseOf(input[side], input.syntaxes))
}

/** The prose with masks read as spaces, for word-level rules. */
export function plainProse(input: CheckInput, side: 'source' | 'target'): string {
  return prose(input, side).replaceAll(MASK, ' ')
}
