// java.text.MessageFormat: `{0}`, `{0,number,integer}`, `{1,date,short}`,
// `{0,choice,0#none|1#one|1<{0} more}`. Unlike ICU, every single apostrophe starts or ends
// quoted text: `''` is an apostrophe, and "l'{0}" quotes the placeholder, which is then
// shown as text. Never inferred: only the format or a gettext flag says a string is Java's.
import type { Extracted, Placeholder, Severity, SyntaxDef } from './syntax.js'

const TYPES = new Set(['number', 'date', 'time', 'choice'])
const ELEMENT = /^\s*(\d+)\s*(?:,\s*([A-Za-z]+)\s*(?:,([\s\S]*))?)?$/

export interface JavaPattern {
  placeholders: Placeholder[]
  /** Offsets of the single apostrophes that open or close quoted text. */
  quotes: number[]
  /** Placeholders inside quoted text, shown literally. */
  quoted: Placeholder[]
  error?: { message: string; offset: number }
}

// A choice limit: a number (or ∞) then #, < or ≤ (Java also reads \u2264 as ≤).
const CHOICE_LIMIT = /^\s*(-?\u221E|[^#<\u2264]*?)\s*([#<\u2264])/

/**
 * A choice style's limits (`0#|1#|1<`): its texts are translated like any other, so only the
 * limits are the format. Splits at top-level `|`, as a text may hold a nested `{0,number}`.
 */
function choiceLimits(style: string): string {
  const limits: string[] = []
  let depth = 0
  let from = 0
  for (let k = 0; k <= style.length; k++) {
    const c = style[k]
    if (c === '{') depth++
    else if (c === '}') depth--
    else if ((c === '|' && depth === 0) || k === style.length) {
      const m = CHOICE_LIMIT.exec(style.slice(from, k))
      limits.push(m ? `${m[1]}${m[2]}` : style.slice(from, k).trim())
      from = k + 1
    }
  }
  return limits.join('|')
}

const QUOTED_ELEMENT = /\{\s*\d+\s*(?:,[^{}]*)?\}/g

export function scanJavaPattern(text: string): JavaPattern {
  const placeholders: Placeholder[] = []
  const quotes: number[] = []
  const quoted: Placeholder[] = []
  const quoteText = (from: number, to: number) => {
    for (const m of text.slice(from, to).matchAll(QUOTED_ELEMENT)) {
      const id = /\d+/.exec(m[0])![0]
      quoted.push({ text: m[0], id: String(Number(id)), start: from + m.index, end: from + m.index + m[0].length })
    }
  }
  let i = 0
  while (i < text.length) {
    const c = text[i]
    if (c === "'") {
      if (text[i + 1] === "'") {
        i += 2
        continue
      }
      // Quoted text runs to the next single apostrophe ('' inside it is an apostrophe), or to the end.
      quotes.push(i)
      let j = i + 1
      while (j < text.length && !(text[j] === "'" && text[j + 1] !== "'")) j += text[j] === "'" ? 2 : 1
      quoteText(i + 1, j)
      if (j < text.length) quotes.push(j)
      i = j + 1
      continue
    }
    if (c !== '{') {
      i++
      continue
    }
    let depth = 1
    let inQuote = false
    let j = i + 1
    for (; j < text.length && depth > 0; j++) {
      if (text[j] === "'") inQuote = !inQuote
      else if (!inQuote && text[j] === '{') depth++
      else if (!inQuote && text[j] === '}') depth--
    }
    if (depth > 0) return { placeholders, quotes, quoted, error: { message: "'{' is not closed (a literal brace is written '{')", offset: i } }
    const body = text.slice(i + 1, j - 1)
    const m = ELEMENT.exec(body)
    if (!m) return { placeholders, quotes, quoted, error: { message: `{${body}} is not a format element: expected {index}, {index,type} or {index,type,style}`, offset: i } }
    const type = m[2]?.toLowerCase()
    if (type !== undefined && !TYPES.has(type)) return { placeholders, quotes, quoted, error: { message: `unknown format type "${m[2]}": expected number, date, time or choice`, offset: i } }
    const style = m[3]?.trim()
    placeholders.push({
      text: text.slice(i, j),
      id: String(Number(m[1])),
      start: i,
      end: j,
      type: type ?? 'plain',
      format: [type ?? 'plain', type === 'choice' && style !== undefined ? choiceLimits(style) : style].filter((s) => s !== undefined).join(','),
      position: Number(m[1]),
    })
    i = j
  }
  return { placeholders, quotes, quoted }
}

export function extractJavaMessageFormat(text: string): Extracted {
  const { placeholders, quoted, error } = scanJavaPattern(text)
  return { placeholders, quoted, error, arguments: Math.max(0, ...placeholders.map((p) => (p.position ?? -1) + 1)) }
}

/** `{0}` formats numbers and dates with the default style, so plain <-> typed only changes the format. */
function javaTypeChange(source: Placeholder, target: Placeholder): Severity | undefined {
  if (source.type === 'plain' || target.type === 'plain' || source.type === target.type) return undefined
  return 2
}

export const javaMessageFormat: SyntaxDef = {
  syntax: 'java-messageformat',
  label: 'Java MessageFormat',
  about: 'Reads `{0}`, `{0,number,integer}`, `{1,date,short}`, `{0,choice,…}`. A single apostrophe quotes text (`\'\'` is an apostrophe): a placeholder inside quotes is shown as text and reported as missing, with the reason.',
  ruleBase: 1110,
  example: {
    source: '{0} files in {1}',
    good: '{0} fichiers dans {1}',
    missing: 'fichiers dans {1}',
    extra: '{0} fichiers dans {1} de {2}',
    renamed: '{0} fichiers dans {2}',
    invalid: ['{0} files in {1}', '{0} fichiers dans {1', '{0} fichiers dans {1}'],
    type: ['{0,number} files', '{0,date} fichiers', '{0,number} fichiers'],
    format: ['{0,number,integer} files', '{0,number,percent} fichiers', '{0,number,integer} fichiers'],
  },
  detect: () => false,
  extract: extractJavaMessageFormat,
  validates: true,
  typeChange: javaTypeChange,
  formatName: 'format type or style',
}
