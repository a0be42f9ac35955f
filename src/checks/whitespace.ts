// Whitespace: leading and trailing whitespace that differs from the source.
import type { SegmentCheck } from './check.js'
import { leadingSpace, showWhitespace, trailingSpace } from './text.js'

export const leadingWhitespace: SegmentCheck = {
  id: 'leading-whitespace',
  rule: 1301,
  severity: 1,
  family: 'whitespace',
  title: 'Leading whitespace differs',
  description: 'The translation starts with different whitespace than the source (spaces, newlines, tabs); layout often depends on it.',
  examples: { fail: [' of %d', 'von %d'], pass: [' of %d', ' von %d'] },
  check({ source, target }) {
    if (target.trim() === '') return []
    const s = leadingSpace(source)
    const t = leadingSpace(target)
    return s === t ? [] : [{ d: `Leading whitespace differs: the source starts with ${showWhitespace(s)}, the translation with ${showWhitespace(t)}`, span: { start: 0, end: Math.max(1, t.length) } }]
  },
}

export const trailingWhitespace: SegmentCheck = {
  id: 'trailing-whitespace',
  rule: 1302,
  severity: 1,
  family: 'whitespace',
  title: 'Trailing whitespace differs',
  description: 'The translation ends with different whitespace than the source; strings joined in code then run together or gain a gap.',
  examples: { fail: ['Name: ', 'Name:'], pass: ['Name: ', 'Name: '] },
  check({ source, target }) {
    if (target.trim() === '') return []
    const s = trailingSpace(source)
    const t = trailingSpace(target)
    return s === t ? [] : [{ d: `Trailing whitespace differs: the source ends with ${showWhitespace(s)}, the translation with ${showWhitespace(t)}`, span: { start: target.length - t.length, end: target.length } }]
  },
}

export const whitespaceRules = [leadingWhitespace, trailingWhitespace]
