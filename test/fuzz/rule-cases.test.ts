// Inputs the reporter fuzzer found where a rule gave a range outside the text it is about.
import { describe, expect, it } from '@jest/globals'
import { endPunctuation } from '../../src/checks/punctuation.js'
import { input } from '../helpers/segments.js'

describe('end-punctuation: a translation without an end mark', () => {
  it.each([
    ['Delete this file?', 'Datei löschen', { start: 13, end: 13 }],
    ['Saved.', 'Gespeichert', { start: 11, end: 11 }],
    ['Delete this file', 'Datei löschen?', { start: 13, end: 14 }],
  ])('%j -> %j: the range %j is inside the translation', (source, target, span) => {
    expect(endPunctuation.check(input(source, target, { locale: 'de' })).map((h) => h.span)).toEqual([span])
  })
})
