// Results of pure functions of a text, kept for a while. A pull request's source text comes
// back once per target locale, a locale's segments apart: reading it once instead of once
// per locale saves most of the work. The oldest results go first once the keys held add up
// to `maxChars`, so a huge or hostile file cannot make the memory grow with it.
export class TextMemo<T> {
  private readonly entries = new Map<string, T>()
  private chars = 0
  private readonly maxChars: number

  /** Each result is assumed to take no more memory than its key (a text, or a reading of it). */
  constructor(maxChars = 4_000_000) {
    this.maxChars = maxChars
  }

  get(key: string, compute: (key: string) => T): T {
    const found = this.entries.get(key)
    if (found !== undefined || this.entries.has(key)) return found as T
    const value = compute(key)
    if (key.length > this.maxChars) return value
    this.entries.set(key, value)
    this.chars += key.length
    if (this.chars <= this.maxChars) return value
    for (const oldest of this.entries.keys()) {
      this.entries.delete(oldest)
      this.chars -= oldest.length
      if (this.chars <= this.maxChars) break
    }
    return value
  }
}
