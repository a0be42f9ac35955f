// Backslash escapes of the text formats (C strings in PO, old-style plists in .strings, Java
// .properties). Each format declares its escapes as data; one reader decodes them and reports
// a bad escape at its offset in the file instead of guessing silently.
import type { ParseProblem } from '../model.js'

export interface EscapeRules {
  /** One-character escapes: `n` -> newline. */
  simple: Readonly<Record<string, string>>
  /** Letters that introduce exactly four hex digits: `u` (and `U` in Apple plists). */
  unicode?: readonly string[]
  /** `\xNN`: one or more hex digits (C). */
  hex?: boolean
  /** `\N`, `\NN`, `\NNN` octal (C, plists). */
  octal?: boolean
  /** An unknown escape is an error (C), or stands for the character itself (Java). */
  unknown: 'error' | 'literal'
  /** Names the format in messages: "PO string". */
  label: string
}

const HEX4 = /^[0-9a-fA-F]{4}$/

/**
 * Decodes `raw`, which starts at `offset` in the file. Problems point at the backslash of
 * the bad escape; the decoded text keeps the escaped character so the rest stays readable.
 */
export function unescape(raw: string, offset: number, rules: EscapeRules, problems: ParseProblem[]): string {
  let at = raw.indexOf('\\')
  if (at < 0) return raw
  let out = ''
  let chunk = 0
  while (at >= 0) {
    out += raw.slice(chunk, at)
    const c = raw[at + 1]
    let next = at + 2
    if (c === undefined) {
      problems.push({ message: `A ${rules.label} ends with a lone backslash`, offset: offset + at })
    } else if (c in rules.simple) {
      out += rules.simple[c]
    } else if (rules.unicode?.includes(c)) {
      const hex = raw.slice(at + 2, at + 6)
      if (HEX4.test(hex)) {
        out += String.fromCharCode(parseInt(hex, 16))
        next = at + 6
      } else {
        problems.push({ message: `Bad unicode escape \\${c}${hex.replace(/[^0-9a-zA-Z].*$/s, '')} in a ${rules.label}: expected four hex digits`, offset: offset + at })
        out += c
      }
    } else if (rules.hex && c === 'x') {
      const m = /^[0-9a-fA-F]+/.exec(raw.slice(at + 2, at + 10))
      if (m) {
        out += String.fromCodePoint(Math.min(parseInt(m[0], 16), 0xff))
        next = at + 2 + m[0].length
      } else {
        problems.push({ message: `Bad escape \\x in a ${rules.label}: expected hex digits`, offset: offset + at })
        out += c
      }
    } else if (rules.octal && c >= '0' && c <= '7') {
      const digits = /^[0-7]{1,3}/.exec(raw.slice(at + 1, at + 4))![0]
      out += String.fromCharCode(parseInt(digits, 8))
      next = at + 1 + digits.length
    } else if (rules.unknown === 'literal') {
      out += c
    } else {
      problems.push({ message: `Unknown escape \\${c} in a ${rules.label}`, offset: offset + at })
      out += c
    }
    chunk = next
    at = raw.indexOf('\\', next)
  }
  return out + raw.slice(chunk)
}
