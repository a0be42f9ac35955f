// The one place where UTF-16 offsets become 1-based lines and columns.
import type { Position } from './model.js'

/** Offsets at which lines start. CRLF counts once; a lone CR is a line end too (old Mac files). */
function lineStarts(text: string): number[] {
  const starts = [0]
  // indexOf finds line ends far faster than a loop over every character.
  let lf = text.indexOf('\n')
  let cr = text.indexOf('\r')
  while (lf >= 0 || cr >= 0) {
    if (cr >= 0 && (lf < 0 || cr < lf)) {
      if (text.charCodeAt(cr + 1) !== 10) starts.push(cr + 1)
      cr = text.indexOf('\r', cr + 1)
    } else {
      starts.push(lf + 1)
      lf = text.indexOf('\n', lf + 1)
    }
  }
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
