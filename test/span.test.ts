import { describe, expect, it } from '@jest/globals'
import { decode } from '../src/formats/decode.js'
import { LineIndex } from '../src/span.js'

describe('LineIndex', () => {
  it.each([
    ['a\nbc\nd', 0, 1, 1],
    ['a\nbc\nd', 3, 2, 2],
    ['a\nbc\nd', 5, 3, 1],
    ['a\r\nb', 3, 2, 1],
    // Lines as git and GitHub count them (diffs, annotations, review comments): a lone CR ends no line.
    ['a\rb', 2, 1, 3],
    ['a\rb\nc', 4, 2, 1],
    ['', 0, 1, 1],
  ])('%j offset %d is line %d column %d', (text, offset, line, column) => {
    expect(new LineIndex(text).position(offset)).toEqual({ line, column })
  })
})

describe('decode', () => {
  const bytes = (...b: number[]) => new Uint8Array(b)

  it('drops a UTF-8 BOM', () => {
    expect(decode(bytes(0xef, 0xbb, 0xbf, 0x61))).toEqual({ text: 'a', encoding: 'utf-8', problems: [] })
  })

  it('decodes UTF-16 with a BOM where the format allows it, and warns where it does not', () => {
    const le = bytes(0xff, 0xfe, 0x61, 0x00, 0xe9, 0x00)
    expect(decode(le, { allowUtf16: true })).toEqual({ text: 'aé', encoding: 'utf-16le', problems: [] })
    expect(decode(le).problems).toEqual([{ message: 'The file is UTF-16LE; this format is expected in UTF-8.', offset: 0, rule: 1008, severity: 1 }])
    expect(decode(bytes(0x00, 0x61, 0x00, 0x62), { allowUtf16: true }).text).toBe('ab')
  })

  it('reports the first invalid UTF-8 byte at its character offset', () => {
    // "ok\n" then a Latin-1 "é" (0xE9) inside "caf_"
    const result = decode(bytes(0x6f, 0x6b, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x0a))
    expect(result.text).toBe('ok\ncaf\ufffd\n')
    expect(result.problems).toEqual([
      { message: 'Invalid UTF-8 (bytes 0xE9 0x0A); the file must be saved as UTF-8. Invalid bytes are read as U+FFFD.', offset: 6, rule: 1008, severity: 2 },
    ])
    expect(new LineIndex(result.text).position(6)).toEqual({ line: 2, column: 4 })
  })

  it.each([
    [[0xc0, 0x80], 'overlong'],
    [[0xed, 0xa0, 0x80], 'surrogate'],
    [[0xe2, 0x82], 'truncated'],
    [[0xf8, 0x88, 0x80, 0x80], 'invalid lead byte'],
  ])('rejects %j (%s)', (b) => {
    expect(decode(bytes(...b)).problems).toHaveLength(1)
  })

  it('accepts multi-byte text', () => {
    expect(decode(new TextEncoder().encode('日本語 العربية 😀'))).toEqual({ text: '日本語 العربية 😀', encoding: 'utf-8', problems: [] })
  })
})
