// Reads locale files for format tests: units and problems with 1-based lines and columns.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { ParseResult } from '../../src/model.js'
import { LineIndex } from '../../src/span.js'

export const fixturesDir = fileURLToPath(new URL('../fixtures/', import.meta.url))

export function fixture(path: string): string {
  return readFileSync(`${fixturesDir}${path}`, 'utf8')
}

/** Units as `{key, value, line, ...}` (only the fields a unit has) and problems as `{line, rule, severity, message}`. */
export function positioned(result: ParseResult, text: string) {
  const lines = new LineIndex(text)
  return {
    units: result.units.map(({ span, sourceSpan, ...u }) => ({
      ...u,
      line: lines.position(span.start).line,
      ...(sourceSpan && { sourceLine: lines.position(sourceSpan.start).line }),
    })),
    problems: [...result.problems]
      .sort((a, b) => a.offset - b.offset)
      .map((p) => ({ line: lines.position(p.offset).line, rule: p.rule ?? 1001, severity: p.severity ?? 2, message: p.message })),
  }
}
