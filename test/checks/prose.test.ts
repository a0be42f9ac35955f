import { describe, expect, it } from '@jest/globals'
import { MASK, proseOf } from '../../src/checks/prose.js'
import { difference } from '../../src/checks/text.js'
import { asciiDigits, writingOf } from '../../src/checks/writing-systems.js'
import type { PlaceholderSyntax } from '../../src/model.js'

const show = (text: string, syntaxes: PlaceholderSyntax[] = []) => proseOf(text, syntaxes).replace(new RegExp(`${MASK}+`, 'g'), '▢')

describe('prose', () => {
  it.each([
    ['Hello {name}, you have {count} messages', ['icu'], 'Hello ▢, you have ▢ messages'],
    ['{count, plural, one {# file deleted.} other {# files deleted.}}', ['icu'], '▢ file deleted.▢ files deleted.▢'],
    ["It's {name}'s file", ['icu'], "It's ▢'s file"],
    ['{{count}} items and {{count}} more', ['i18next'], '▢ items and ▢ more'],
    ['%1$s of %2$d', ['printf'], '▢ of ▢'],
    ['Read the <a href="/terms">terms</a> &amp; rules', [], 'Read the ▢terms▢ ▢ rules'],
    ['See [the guide](https://acme.example/guide).', [], 'See [the guide]▢.'],
    ['Visit https://acme.example/help, or write to help@acme.example.', [], 'Visit ▢, or write to ▢.'],
    ['{ broken', ['icu'], '{ broken'],
  ] as Array<[string, PlaceholderSyntax[], string]>)('%j', (text, syntaxes, expected) => {
    expect(show(text, syntaxes)).toBe(expected)
    expect(proseOf(text, syntaxes)).toHaveLength(text.length)
  })
})

describe('text helpers', () => {
  it('computes multiset differences in order', () => {
    expect(difference(['a', 'a', 'b'], ['a', 'c', 'c'], (x) => x)).toEqual({ missing: ['a', 'b'], extra: ['c', 'c'] })
    expect(difference(['', 'x'], ['', 'x'], (x) => x)).toEqual({ missing: [], extra: [] })
  })
})

describe('writing systems', () => {
  it('knows scripts, directions and number separators from ICU', () => {
    expect(writingOf('ja')).toMatchObject({ language: 'ja', script: 'Jpan', rtl: false, known: true })
    expect(writingOf('fa')).toMatchObject({ script: 'Arab', rtl: true })
    expect(writingOf('de')).toMatchObject({ group: '.', decimal: ',' })
    expect(writingOf('pt_BR')).toMatchObject({ locale: 'pt-BR', language: 'pt' })
    expect(writingOf('und').known).toBe(false)
  })

  it('maps digits of every numbering system to ASCII', () => {
    expect(asciiDigits('١٢٣ ۴۵۶ १२३ ১২৩ ๑๒๓ 789')).toBe('123 456 123 123 123 789')
  })
})
