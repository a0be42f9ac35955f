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

/**
 * URLs, without the sentence punctuation that may follow them. Chinese and Japanese put no
 * space after a URL, so a URL also ends at their punctuation and letters (`（https://…）并贡献！`).
 */
export const URL_RE = /\b(?:(?:https?|ftps?):\/\/|www\.)[^\s<>"'`«»\u3000-\u9fff\uff00-\uffef]*[^\s<>"'`«».,;:!?)\]}\u3000-\u9fff\uff00-\uffef]/gi
// Starts only at the start of a run of address characters, and a local part has at most 64
// (RFC 5321): a long run without `@` is then read once, not once per character.
export const EMAIL_RE = /(?<![\w.+-])[\w.+-]{1,64}@[\w-]+(?:\.[\w-]+)+/g

/** A cheap test before URL_RE, which is slow to fail on long texts. */
export function mayHaveUrl(text: string): boolean {
  return text.includes('://') || text.includes('www.')
}

/** Words of letters (any script). */
export function words(s: string): string[] {
  return s.match(/[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu) ?? []
}

/** Multiset difference by key: what the source has that the target lacks, and the reverse (in target order). */
export function difference<T>(source: readonly T[], target: readonly T[], key: (item: T) => string): { missing: T[]; extra: T[] } {
  const available = new Map<string, number>()
  for (const t of target) {
    const k = key(t)
    available.set(k, (available.get(k) ?? 0) + 1)
  }
  const missing: T[] = []
  const matched = new Map<string, number>()
  for (const s of source) {
    const k = key(s)
    const left = available.get(k) ?? 0
    if (left > 0) {
      available.set(k, left - 1)
      matched.set(k, (matched.get(k) ?? 0) + 1)
    } else missing.push(s)
  }
  // The first occurrences in the target are the matched ones; the rest are extra.
  const extra = target.filter((t) => {
    const k = key(t)
    const n = matched.get(k) ?? 0
    if (n > 0) {
      matched.set(k, n - 1)
      return false
    }
    return true
  })
  return { missing, extra }
}

/** A regex source matching `term` as a whole word (no letter, digit or underscore around it). */
export function wholeWord(term: string): string {
  return `(?<![\\p{L}\\p{N}_])${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}_])`
}
