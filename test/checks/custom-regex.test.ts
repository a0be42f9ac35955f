// The static check that keeps a custom rule's pattern from hanging a run: the shapes that
// backtrack exponentially are refused, the patterns people write for translations are not.
// (No timing here: a refused pattern is never run; bench/ is for speed.)
import { describe, expect, it } from '@jest/globals'
import { exponentialRisk, unboundedRepetitions } from '../../src/checks/custom-regex.js'

describe('exponentialRisk', () => {
  it.each([
    ['(a+)+$', 'the repeated group (a+)+ holds the repetition a+'],
    ['(a*)*b', 'the repeated group (a*)* holds the repetition a*'],
    ['^(\\w+\\s?)*$', 'the repeated group (\\w+\\s?)* holds the repetition \\w+'],
    ['(?:x+x+)+y', 'the repeated group (?:x+x+)+ holds the repetition x+'],
    ['(a{1,3})+!', 'the repeated group (a{1,3})+ holds the repetition a{1,3}'],
    ['(.*a){12}', 'the repeated group (.*a){12} holds the repetition .*'],
    ['((ab)+c)*', 'the repeated group ((ab)+c)* holds the repetition (ab)+'],
    ['(?<word>[a-z]+ ?)+$', 'the repeated group (?<word>[a-z]+ ?)+ holds the repetition [a-z]+'],
    ['(?:(?=a+)b)+', 'the repeated group (?:(?=a+)b)+ holds the repetition a+'],
    ['(a|aa)+$', 'the repeated group (a|aa)+ has alternatives that can match the same text'],
    ['(a|A)+$', 'the repeated group (a|A)+ has alternatives'],
    ['(\\w|-)*!', 'the repeated group (\\w|-)* has alternatives'],
    ['(?:\\s|,)+$', 'the repeated group (?:\\s|,)+ has alternatives'],
    ['(|a)+', 'the repeated group (|a)+ has alternatives'],
    ['(a?b|a)+', 'the repeated group (a?b|a)+ has alternatives'],
    // The overlapping alternatives sit in a group inside the repeated one: still one choice per iteration.
    ['^(?:(?:\\d|\\d\\d)[.:])+$', 'the repeated group (?:(?:\\d|\\d\\d)[.:])+ holds the group (?:\\d|\\d\\d), whose alternatives can match the same text'],
    ['(?:(\\w|\\d) )+$', 'the repeated group (?:(\\w|\\d) )+ holds the group (\\w|\\d), whose alternatives'],
  ])('refuses %s', (pattern, reason) => {
    expect(new RegExp(pattern, 'u')).toBeInstanceOf(RegExp)
    expect(exponentialRisk(pattern)).toContain(reason)
  })

  it.each([
    ['groups nested deeper than the check reads', `${'(?:'.repeat(40)}a${')'.repeat(40)}`],
    // Deeper than the call stack: refused, not a crash.
    ['groups nested thousands deep', `${'('.repeat(5000)}a${')'.repeat(5000)}`],
  ])('refuses %s', (_, pattern) => {
    expect(new RegExp(pattern, 'u')).toBeInstanceOf(RegExp)
    expect(exponentialRisk(pattern)).toMatch(/^its groups are nested more than 32 deep/)
  })

  it('reads groups nested 32 deep', () => expect(exponentialRisk(`${'(?:'.repeat(32)}a${')'.repeat(32)}`)).toBeUndefined())

  it.each([
    '!',
    '\\b(du|dich|dein|deine)\\b',
    '\\s{2,}',
    '^\\s+|\\s+$',
    '(\\d{3})+',
    '(?:foo|bar)+',
    '(a|b)*c',
    '(?:\\.\\.\\.|…)+',
    '(a+)?',
    '[(+*]+',
    '\\(a+\\)+',
    '\\p{Lu}{3,}',
    '(?<=\\d)\\s+(?=%)',
    '(["\'])(?:(?!\\1).)*\\1',
    '\\u{1F600}+|\\x41{2}',
  ])('accepts %s', (pattern) => {
    expect(new RegExp(pattern, 'u')).toBeInstanceOf(RegExp)
    expect(exponentialRisk(pattern)).toBeUndefined()
  })
})

describe('unboundedRepetitions', () => {
  it.each([
    ['lorem', 0],
    ['\\d{1,3}%', 0],
    ['https?://\\S+', 1],
    ['.*a.*b', 2],
    ['a*a*a*b', 3],
    ['(ab)+c{2,}', 2],
    ['[*+]{3}', 0],
    ['\\*+', 1],
  ])('%s has %d', (pattern, n) => expect(unboundedRepetitions(pattern)).toBe(n))
})
