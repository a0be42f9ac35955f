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

/** URLs, without the sentence punctuation that may follow them. */
export const URL_RE = /\b(?:(?:https?|ftps?):\/\/|www\.)[^\s<>"'`«»]*[^\s<>"'`«».,;:!?)\]}]/gi
export const EMAIL_RE = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g

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
  const pool = new Map<string, number[]>()
  target.forEach((t, i) => {
    const k = key(t)
    const list = pool.get(k)
    if (list) list.push(i)
    else pool.set(k, [i])
  })
  const missing: T[] = []
  for (const s of source) {
    const list = pool.get(key(s))
    if (list && list.length > 0) list.shift()
    else missing.push(s)
  }
  const left = new Set([...pool.values()].flat())
  return { missing, extra: target.filter((_, i) => left.has(i)) }
}

/** A regex source matching `term` as a whole word (no letter, digit or underscore around it). */
export function wholeWord(term: string): string {
  return `(?<![\\p{L}\\p{N}_])${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}_])`
}
