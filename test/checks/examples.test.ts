// Every rule's documented examples (docs/rules.md) must be true: the rule flags the
// failing pair and accepts the passing one.
import { describe, expect, it } from '@jest/globals'
import { isSetCheck, type Check } from '../../src/checks/check.js'
import { checks } from '../../src/checks/index.js'
import { input } from '../helpers/segments.js'

// Examples that describe more than one pair (consistency), a missing source or file flags cannot run as one input.
const ILLUSTRATIVE = new Set(['inconsistent-translation', 'key-not-in-source', 'fuzzy'])

function hits(check: Check, [source, target]: [string, string], locale: string, options: NonNullable<Check['examples']>['options']): string[] {
  const i = input(source, target, { locale, check: options })
  return (isSetCheck(check) ? check.checkSet([i]).map((h) => h.hit) : check.check(i)).map((h) => h.d)
}

describe('rule examples', () => {
  // Format-string rules need their syntax named: rule-examples.test.ts runs those.
  const documented = checks.filter((c) => c.examples && !ILLUSTRATIVE.has(c.id) && c.family !== 'placeholders')

  it('every built-in rule has examples', () => {
    expect(checks.filter((c) => !c.examples).map((c) => c.id)).toEqual([])
  })

  it.each(documented.map((c) => [c.id, c] as const))('%s flags its failing example and accepts its passing one', (_, check) => {
    const { fail, pass, locale = 'de', options } = check.examples!
    expect(hits(check, fail, locale, options)).not.toEqual([])
    expect(hits(check, pass, locale, options)).toEqual([])
  })
})
