import { describe, expect, it } from '@jest/globals'
import { terminalSafe } from '../src/text-safety.js'

describe('terminalSafe', () => {
  it.each([
    ['plain text', 'plain text'],
    ['Grüße, 日本語, العربية', 'Grüße, 日本語, العربية'],
    ['two\nlines', 'two\\nlines'],
    ['tab\there\r', 'tab\\there\\r'],
    ['\u001b[31mred', '\\u001B[31mred'],
    ['\u009bC1', '\\u009BC1'],
    ['a\u202eb', 'a\\u202Eb'],
    ['zero\u200bwidth', 'zero\\u200Bwidth'],
    ['\ufeffBOM', '\\uFEFFBOM'],
    ['line\u2028sep', 'line\\u2028sep'],
  ])('%j -> %j', (text, expected) => expect(terminalSafe(text)).toBe(expected))
})
