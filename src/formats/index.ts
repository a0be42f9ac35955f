// The format registry. A new format is one module plus one line here; formats are asked in
// this order, so a specific one (Chrome messages.json) goes before a general one (JSON).
import type { ParseResult } from '../model.js'
import { android } from './android.js'
import { arb } from './arb.js'
import { chrome } from './chrome.js'
import { decode } from './decode.js'
import type { Format, ParseContext } from './format.js'
import { json } from './json.js'
import { po } from './po.js'
import { properties } from './properties.js'
import { resx } from './resx.js'
import { strings } from './strings.js'
import { stringsdict } from './stringsdict.js'
import { xcstrings } from './xcstrings.js'
import { xliff } from './xliff.js'
import { yaml } from './yaml.js'

export type { Format, ParseContext } from './format.js'

export const formats: readonly Format[] = [xliff, android, resx, stringsdict, po, strings, xcstrings, arb, chrome, properties, json, yaml]

export function formatForPath(path: string): Format | undefined {
  return formats.find((f) => f.handles(path))
}

export function formatById(id: string): Format | undefined {
  return formats.find((f) => f.id === id)
}

/** Decodes and parses one file; never throws on bad input. */
export function readUnits(format: Format, bytes: Uint8Array, context: ParseContext): ParseResult & { text: string } {
  const decoded = decode(bytes, { allowUtf16: format.allowUtf16, legacyEncoding: format.legacyEncoding })
  let parsed: ParseResult
  try {
    parsed = format.parse(decoded.text, context)
  } catch (e) {
    // A parser bug must not sink the run: report it on the file like any unreadable file.
    parsed = { units: [], problems: [{ message: `The ${format.label} reader failed on this file: ${e instanceof Error ? e.message : String(e)}`, offset: 0 }] }
  }
  return { ...parsed, problems: [...decoded.problems, ...parsed.problems], text: decoded.text }
}
