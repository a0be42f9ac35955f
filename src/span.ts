// The one place where UTF-16 offsets become 1-based lines and columns.
import type { Position } from './model.js'

/**
 * Offsets at which lines start, counted as git and GitHub count them (diff hunks,
 * annotations and review comments are anchored on these lines): after each LF. A lone CR
 * (a stray one in a value, or an old Mac file) ends no line, or every later finding would
 * be a line off on GitHub.
 */
function lineStarts(text: string): number[] {
  const starts = [0]
  // indexOf finds line ends far faster than a loop over every character.
  for (let lf = text.indexOf('\n'); lf >= 0; lf = text.indexOf('\n', lf + 1)) starts.push(lf + 1)
  return starts
}

export class LineIndex {
  /** Found on first use: most files (every base version) are never asked for a line. */
  private starts?: number[]

  constructor(private readonly text: string) {}

  /** 1-based line and column of an offset; offsets past the end clamp to the last line. */
  position(offset: number): Position {
    const starts = (this.starts ??= lineStarts(this.text))
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid] <= offset) lo = mid
      else hi = mid - 1
    }
    return { line: lo + 1, column: Math.max(0, offset - starts[lo]) + 1 }
  }

  get lineCount(): number {
    return (this.starts ??= lineStarts(this.text)).length
  }
}
