// Small text helpers the rules share.

/** Whitespace made visible for messages: "␣", "\n", "\t". */
export function showWhitespace(s: string): string {
  if (s === '') return 'none'
  return `"${s.replace(/ /g, '␣').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t').replace(/\u00a0/g, '⍽')}"`
}

export function leadingSpace(s: string): string {
  return /^\s*/.exec(s)![0]
}

export function trailingSpace(s: string): string {
  return /\s*$/.exec(s)![0]
}

const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"']+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/gi
const TAG_RE = /<\/?[A-Za-z][^<>]*>|&(?:#\d+|#x[\da-f]+|\w+);/gi

/** The text with URLs, e-mail addresses and markup removed (placeholders are removed by callers). */
export function withoutTokens(s: string): string {
  return s.replace(URL_RE, ' ').replace(TAG_RE, ' ')
}

/** Words of letters (any script). */
export function words(s: string): string[] {
  return s.match(/[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu) ?? []
}
