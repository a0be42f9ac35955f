// Whitespace and escapes: leading and trailing whitespace, double spaces, tabs and line
// breaks that differ from the source, escape sequences, and invisible characters.
import type { CheckHit, SegmentCheck } from './check.js'
import { difference, leadingSpace, showWhitespace, trailingSpace } from './text.js'
import { writingOf } from './writing-systems.js'

export const leadingWhitespace: SegmentCheck = {
  id: 'leading-whitespace',
  rule: 1301,
  severity: 1,
  family: 'whitespace',
  title: 'Leading whitespace differs',
  description: 'The translation starts with different whitespace than the source (spaces, newlines, tabs); layout often depends on it.',
  examples: { fail: [' of %d', 'von %d'], pass: [' of %d', ' von %d'] },
  check({ source, target }) {
    if (target.trim() === '') return []
    const s = leadingSpace(source)
    const t = leadingSpace(target)
    return s === t ? [] : [{ d: `Leading whitespace differs: the source starts with ${showWhitespace(s)}, the translation with ${showWhitespace(t)}`, span: { start: 0, end: Math.max(1, t.length) } }]
  },
}

// Fullwidth punctuation carries its own spacing: "Limit: " is rightly "限制：" in Chinese.
const FULLWIDTH_END = /[\u3000-\u303f\uff00-\uffef]$/

export const trailingWhitespace: SegmentCheck = {
  id: 'trailing-whitespace',
  rule: 1302,
  severity: 1,
  family: 'whitespace',
  title: 'Trailing whitespace differs',
  description: 'The translation ends with different whitespace than the source; strings joined in code then run together or gain a gap. A trailing space may go after fullwidth punctuation (`：` in Chinese), which carries its own spacing.',
  examples: { fail: ['Name: ', 'Name:'], pass: ['Name: ', 'Name: '] },
  check({ source, target }) {
    if (target.trim() === '') return []
    const s = trailingSpace(source)
    const t = trailingSpace(target)
    if (s === t || (t === '' && /^ +$/.test(s) && FULLWIDTH_END.test(target))) return []
    return [{ d: `Trailing whitespace differs: the source ends with ${showWhitespace(s)}, the translation with ${showWhitespace(t)}`, span: { start: target.length - t.length, end: target.length } }]
  },
}

// Not at the start of a line: "Error:\n   {0}" indents, it does not double a space.
const DOUBLE_SPACE = /(?<![\r\n \u00a0])[ \u00a0]{2,}/g

export const doubleSpace: SegmentCheck = {
  id: 'double-space',
  rule: 1303,
  severity: 1,
  family: 'whitespace',
  title: 'Double space',
  description: 'The translation has two or more spaces in a row inside the text where the source has none (a typo, or a word left out between them). Spaces that start a line are indentation.',
  examples: { fail: ['Save the file', 'Datei  speichern'], pass: ['Save the file', 'Datei speichern'] },
  check({ source, target }) {
    const runs = (s: string) => s.trim().match(DOUBLE_SPACE)?.length ?? 0
    if (runs(target) <= runs(source)) return []
    const offset = target.length - target.trimStart().length
    const m = new RegExp(DOUBLE_SPACE.source).exec(target.trim())!
    return [{ d: 'Double space in the translation', span: { start: offset + m.index, end: offset + m.index + m[0].length } }]
  },
}

const count = (s: string, re: RegExp) => s.match(re)?.length ?? 0

export const tabs: SegmentCheck = {
  id: 'tabs',
  rule: 1304,
  severity: 1,
  family: 'whitespace',
  title: 'Tabs differ',
  description: 'The translation has another number of tab characters inside the text than the source (tabs at the ends are leading- and trailing-whitespace). Tabs often separate columns.',
  examples: { fail: ['Name\tSize', 'Name Größe'], pass: ['Name\tSize', 'Name\tGröße'] },
  check({ source, target }) {
    const s = count(source.trim(), /\t/g)
    const t = count(target.trim(), /\t/g)
    return s === t || target.trim() === '' ? [] : [{ d: `The source has ${s} tab(s) inside the text, the translation ${t}` }]
  },
}

const HTML_TEXT = /^\s*<html[\s>]/i
const HTML_BREAK = /<br\s*\/?>/gi

export const lineBreaks: SegmentCheck = {
  id: 'line-breaks',
  rule: 1305,
  severity: 1,
  family: 'whitespace',
  title: 'Line breaks differ',
  description:
    'The translation has another number of line breaks inside the text than the source, or other line endings (CRLF, LF, CR). Line breaks at the ends are leading- and trailing-whitespace. In a text that is HTML (`<html>…`, as Java Swing shows it) a line break is `<br>` and a newline only spacing: two HTML texts are left to the tag rules, and where one side is HTML only line breaks of the plain side that its `<br>` tags do not match are reported (a `<br>` too many or too few is a tag rule\'s).',
  examples: { fail: ['File saved.\nRestart now?', 'Datei gespeichert. Jetzt neu starten?'], pass: ['File saved.\nRestart now?', 'Datei gespeichert.\nJetzt neu starten?'] },
  check({ source, target }) {
    const inner = (s: string) => s.trim()
    if (inner(target) === '') return []
    const html = (s: string) => HTML_TEXT.test(s)
    if (html(source) && html(target)) return []
    const breaks = (s: string) => (html(s) ? inner(s).match(HTML_BREAK) ?? [] : inner(s).match(/\r\n|\r|\n/g) ?? [])
    const s = breaks(source)
    const t = breaks(target)
    // A `<br>` one side has and the other lacks is already a missing or extra tag; only line breaks of the plain side can be lost unseen.
    if (html(source) || html(target)) return (html(source) ? t.length > s.length : s.length > t.length) ? [{ d: `The source has ${s.length} line break(s) inside the text, the translation ${t.length}` }] : []
    if (s.length !== t.length) return [{ d: `The source has ${s.length} line break(s) inside the text, the translation ${t.length}` }]
    const style = (list: string[]) => [...new Set(list)].map((b) => (b === '\r\n' ? 'CRLF' : b === '\r' ? 'CR' : 'LF')).join('+')
    return style(s) === style(t) ? [] : [{ d: `Line endings differ: ${style(s)} in the source, ${style(t)} in the translation` }]
  },
}

// Escape sequences as text: a `\n` typed where the app shows the two characters.
const ESCAPE = /\\(?:u[\da-fA-F]{4}|x[\da-fA-F]{2}|[nrtbfv0"'\\])/g
const ESCAPED_CHAR: Record<string, string> = { '\\n': '\n', '\\r': '\r', '\\t': '\t' }

function escapes(s: string): string[] {
  return s.includes('\\') ? (s.match(ESCAPE) ?? []) : []
}

export const escapeSequences: SegmentCheck = {
  id: 'escape-sequences',
  rule: 1306,
  severity: 1,
  family: 'whitespace',
  title: 'Escape sequences differ',
  description:
    'The translation has other backslash escapes (`\\n`, `\\t`, `\\"`, `\\\\`, `\\u00e9`) than the source. An error when the translation writes an escape as text where the source has the real character (or the reverse): the app would show `\\n` instead of a line break.',
  examples: { fail: ['Name:\\tSize', 'Name: Größe'], pass: ['Name:\\tSize', 'Name:\\tGröße'] },
  check({ source, target }) {
    const { missing, extra } = difference(escapes(source), escapes(target), (e) => e)
    const hits: CheckHit[] = []
    const literalVsReal = (e: string, other: string) => ESCAPED_CHAR[e] !== undefined && other.includes(ESCAPED_CHAR[e])
    for (const e of missing) hits.push({ d: `Escape ${e} is missing`, ...(literalVsReal(e, target) ? { s: 2 as const, d: `Escape ${e} became the character it stands for` } : {}) })
    for (const e of extra) hits.push({ d: `Escape ${e} is not in the source`, ...(literalVsReal(e, source) ? { s: 2 as const, d: `${e} is written as text where the source has the character itself` } : {}) })
    return hits
  },
}

// Invisible characters, by kind. Joiners are part of many scripts' spelling (Persian,
// Indic) and of emoji sequences; bidi marks and isolates are normal in right-to-left text.
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u061c\ufeff\ufffd]/g
const MOJIBAKE = /[ÃÂ][\u0080-\u00bf]|â€[\u0080-\u00bf™œž˜“”]/g
const INVISIBLE_OR_GARBLED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u061c\ufeff\ufffd]|[ÃÂ][\u0080-\u00bf]|â€/

function describeInvisible(ch: string): { name: string; s?: 0 | 1 | 2 } {
  const cp = ch.codePointAt(0)!
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`
  if (cp === 0xfffd) return { name: `replacement character ${hex} (text lost in a bad conversion)`, s: 2 }
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return { name: `control character ${hex}`, s: 2 }
  if (cp === 0x202d || cp === 0x202e) return { name: `bidi override ${hex}` }
  if ((cp >= 0x200e && cp <= 0x200f) || (cp >= 0x202a && cp <= 0x202c) || (cp >= 0x2066 && cp <= 0x2069) || cp === 0x061c) return { name: `bidi control ${hex}` }
  return { name: `zero-width character ${hex}` }
}

function allowedInvisible(ch: string, text: string, at: number, rtl: boolean): boolean {
  const cp = ch.codePointAt(0)!
  if (rtl && ((cp >= 0x200e && cp <= 0x200f) || (cp >= 0x202a && cp <= 0x202c) || (cp >= 0x2066 && cp <= 0x2069) || cp === 0x061c)) return true
  const around = text.slice(Math.max(0, at - 2), at) + text.slice(at + 1, at + 3)
  // Joiners between letters of a script other than Latin, or inside an emoji sequence.
  if (cp === 0x200c || cp === 0x200d) return /[\p{Extended_Pictographic}]|(?![\p{Script=Latin}])[\p{L}\p{M}]/u.test(around)
  // Zero-width spaces mark word breaks in scripts written without spaces.
  if (cp === 0x200b) return /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]/u.test(around)
  return false
}

export const invisibleCharacters: SegmentCheck = {
  id: 'invisible-characters',
  rule: 1307,
  severity: 1,
  family: 'whitespace',
  title: 'Invisible or broken characters',
  description:
    'The translation has characters the source does not and a reader cannot see: zero-width spaces and joiners (except where a script uses them: joiners in Persian or Indic words and emoji, zero-width spaces in Thai or Khmer), bidi controls (in left-to-right languages; overrides in any), byte-order marks; and, as errors, control characters, U+FFFD replacement characters and mis-decoded UTF-8 ("Ã©" for "é").',
  examples: { fail: ['Save', 'Spei\u200bchern'], pass: ['Save', 'Speichern'] },
  check({ source, target, locale }) {
    if (!INVISIBLE_OR_GARBLED.test(target)) return []
    const inSource = new Map<string, number>()
    for (const ch of source.match(INVISIBLE) ?? []) inSource.set(ch, (inSource.get(ch) ?? 0) + 1)
    const rtl = writingOf(locale).rtl
    // One hit per kind of character, at its first place.
    const found = new Map<string, { at: number; count: number }>()
    for (const m of target.matchAll(INVISIBLE)) {
      const ch = m[0]
      const left = inSource.get(ch) ?? 0
      if (left > 0) {
        inSource.set(ch, left - 1)
        continue
      }
      if (allowedInvisible(ch, target, m.index, rtl)) continue
      const f = found.get(ch)
      if (f) f.count++
      else found.set(ch, { at: m.index, count: 1 })
    }
    const hits: CheckHit[] = []
    for (const [ch, { at, count }] of found) {
      const { name, s } = describeInvisible(ch)
      hits.push({ d: `Invisible ${name} not in the source${count > 1 ? ` (${count} times)` : ''}`, span: { start: at, end: at + 1 }, ...(s !== undefined ? { s } : {}) })
    }
    const garbled = [...target.matchAll(MOJIBAKE)].filter((m) => !source.includes(m[0]))
    if (garbled.length > 0) hits.push({ d: `Mis-decoded UTF-8: "${garbled[0][0]}" (text saved in one encoding and read in another)`, span: { start: garbled[0].index, end: garbled[0].index + garbled[0][0].length }, s: 2 })
    return hits
  },
}

export const whitespaceRules = [leadingWhitespace, trailingWhitespace, doubleSpace, tabs, lineBreaks, escapeSequences, invisibleCharacters]
