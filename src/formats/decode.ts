// Bytes to text: BOMs, UTF-16 where a format allows it, and invalid UTF-8 reported at its
// line instead of silently mangled.
import type { ParseProblem } from '../model.js'
import { RULE } from '../rule-numbers.js'

export interface Decoded {
  text: string
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'iso-8859-1'
  problems: ParseProblem[]
}

export interface DecodeOptions {
  allowUtf16?: boolean
  /** Read text that is not valid UTF-8 in this encoding (with a warning) instead of reporting it. */
  legacyEncoding?: 'iso-8859-1'
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true })

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes: Uint8Array, from = 0): number {
  let i = from
  while (i < bytes.length) {
    const b = bytes[i]
    if (b < 0x80) {
      i++
      continue
    }
    let need: number
    let min: number
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80]
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800]
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000]
    else return i
    if (i + need >= bytes.length) return i // truncated sequence at the end
    let cp = b & (0x3f >> need)
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined || (c & 0xc0) !== 0x80) return i
      cp = (cp << 6) | (c & 0x3f)
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i
    i += need + 1
  }
  return -1
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', skip: number): Decoded {
  return { text: new TextDecoder(encoding).decode(bytes.subarray(skip)), encoding, problems: [] }
}

/**
 * Decodes a file. A UTF-8 BOM is dropped; UTF-16 (with a BOM, or without one when
 * `allowUtf16` and the bytes look like it) is decoded where the format allows it.
 */
export function decode(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return withUtf16Check(utf16(bytes, 'utf-16le', 2), options)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return withUtf16Check(utf16(bytes, 'utf-16be', 2), options)
  if (options.allowUtf16 && bytes.length >= 4 && bytes.length % 2 === 0) {
    if (bytes[0] !== 0 && bytes[1] === 0 && bytes[3] === 0) return utf16(bytes, 'utf-16le', 0)
    if (bytes[0] === 0 && bytes[1] !== 0 && bytes[2] === 0) return utf16(bytes, 'utf-16be', 0)
  }
  const skip = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  const body = bytes.subarray(skip)
  // Valid UTF-8, the usual case, is checked by the native decoder; only a bad file is scanned here.
  try {
    return { text: STRICT_UTF8.decode(body), encoding: 'utf-8', problems: [] }
  } catch {
    // reported below
  }
  const bad = firstInvalidUtf8(body)
  const text = new TextDecoder('utf-8').decode(body)
  if (bad < 0) return { text, encoding: 'utf-8', problems: [] }
  const shown = Array.from(body.subarray(bad, bad + 4), (b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`)
  if (options.legacyEncoding) {
    return {
      text: latin1(body),
      encoding: 'iso-8859-1',
      problems: [
        {
          message: `The file is not valid UTF-8 (bytes ${shown.join(' ')}), so it was read as ISO-8859-1. Save it as UTF-8, or write non-ASCII characters as \\uXXXX escapes, so every tool reads the same text.`,
          offset: bad,
          rule: RULE.encoding,
          severity: 1,
        },
      ],
    }
  }
  const offset = new TextDecoder('utf-8').decode(body.subarray(0, bad)).length
  return {
    text,
    encoding: 'utf-8',
    problems: [
      {
        message: `Invalid UTF-8 (bytes ${shown.join(' ')}); the file must be saved as UTF-8. Invalid bytes are read as U+FFFD.`,
        offset,
        rule: RULE.encoding,
        severity: 2,
      },
    ],
  }
}

/** ISO-8859-1 maps each byte to the code point of the same value (TextDecoder's 'latin1' is windows-1252). */
function latin1(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return out
}

function withUtf16Check(decoded: Decoded, options: DecodeOptions): Decoded {
  if (options.allowUtf16) return decoded
  return {
    ...decoded,
    problems: [
      {
        message: `The file is ${decoded.encoding.toUpperCase()}; this format is expected in UTF-8.`,
        offset: 0,
        rule: RULE.encoding,
        severity: 1,
      },
    ],
  }
}
