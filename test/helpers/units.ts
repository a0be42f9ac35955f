// Reads locale files for format tests: units and problems with 1-based lines and columns.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { readUnits, type Format } from '../../src/formats/index.js'
import type { ParseResult, Unit } from '../../src/model.js'
import { LineIndex } from '../../src/span.js'

export const fixturesDir = fileURLToPath(new URL('../fixtures/', import.meta.url))

export function fixture(path: string): string {
  return readFileSync(`${fixturesDir}${path}`, 'utf8')
}

/** A fixture's bytes, for files whose encoding is part of the test (UTF-16, ISO-8859-1, BOMs). */
export function fixtureBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(`${fixturesDir}${path}`))
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

export interface ReadUnit extends Unit {
  line: number
  column: number
  sourceLine?: number
}

export interface Read {
  units: ReadUnit[]
  problems: Array<{ line: number; column: number; rule: number; severity: number; message: string }>
  locale?: string
  sourceLocale?: string
  text: string
}

/**
 * Reads bytes or text the way the pipeline does (decode, then the format's parser, which
 * never throws) and positions units and problems, with columns.
 */
export function read(format: Format, input: string | Uint8Array, context: { path?: string; locale?: string; sourceLocale?: string } = {}): Read {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input
  const result = readUnits(format, bytes, { path: context.path ?? 'file', locale: context.locale ?? '', sourceLocale: context.sourceLocale ?? 'en' })
  const lines = new LineIndex(result.text)
  return {
    units: result.units.map((u) => ({ ...u, ...lines.position(u.span.start), ...(u.sourceSpan && { sourceLine: lines.position(u.sourceSpan.start).line }) })),
    problems: [...result.problems]
      .sort((a, b) => a.offset - b.offset)
      .map((p) => ({ ...lines.position(p.offset), rule: p.rule ?? 1001, severity: p.severity ?? 2, message: p.message })),
    locale: result.locale,
    sourceLocale: result.sourceLocale,
    text: result.text,
  }
}

/** Key, value and line of each unit: the triple most format tests assert. */
export function keyValueLine(r: Read): Array<[string, string, number]> {
  return r.units.map((u) => [u.key, u.value, u.line])
}
