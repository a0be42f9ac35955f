import { describe, expect, it } from '@jest/globals'
import { fuzzy } from '../../src/checks/state.js'
import { input } from '../helpers/segments.js'

describe('fuzzy', () => {
  it.each([
    [['fuzzy', 'c-format'], ['The translation is marked fuzzy: it needs review, and msgfmt leaves it out until then']],
    [['state:needs_review'], ['The translation is marked as needing review (needs_review)']],
    [['state:needs-review-translation'], ['The translation is marked as needing review (needs-review-translation)']],
    [['state:initial'], ['The translation is not final (state initial): it needs review']],
    [['state:new'], ['The translation is not final (state new): it needs review']],
    [['state:needs-translation'], ['The translation is not final (state needs-translation): it needs review']],
    [['state:reviewed'], []],
    [['state:final'], []],
    [['state:signed-off', 'approved'], []],
    [['c-format'], []],
    [['state:translated'], []],
    [undefined, []],
  ])('flags %j', (flags, expected) => {
    expect(fuzzy.check(input('Move', 'Verschieben', { unit: { flags } })).map((h) => h.d)).toEqual(expected)
  })
})
