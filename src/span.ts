// The one place where UTF-16 offsets become 1-based lines and columns.
import type { Position } from './model.js'

export class LineIndex {
  private readonly starts: number[]

  constructor(text: string) {
    this.starts = [0]
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      // CRLF counts once; a lone CR is a line end too (old Mac files).
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1)
    }
  }

  /** 1-based line and column of an offset; offsets past the end clamp to the last line. */
  position(offset: number): Position {
    let lo = 0
    let hi = this.starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (this.starts[mid] <= offset) lo = mid
      else hi = mid - 1
    }
    return { line: lo + 1, column: Math.max(0, offset - this.starts[lo]) + 1 }
  }

  get lineCount(): number {
    return this.starts.length
  }
}
