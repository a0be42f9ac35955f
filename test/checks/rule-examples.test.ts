// Every format-string and plural rule's documented examples are true: the failing pair is
// flagged by that rule, the passing pair is not.
import { describe, expect, it } from '@jest/globals'
import { isSetCheck, type Check, type CheckInput } from '../../src/checks/check.js'
import { icuMessageRules } from '../../src/checks/icu-messages.js'
import { javaApostrophe } from '../../src/checks/java-apostrophes.js'
import { placeholderRules } from '../../src/checks/placeholders.js'
import { pluralFormRules } from '../../src/checks/plural-forms.js'
import type { PlaceholderSyntax } from '../../src/model.js'
import { syntaxes } from '../../src/placeholders/index.js'
import { input } from '../helpers/segments.js'

function syntaxOf(check: Check): PlaceholderSyntax {
  if (check.id.startsWith('java-messageformat')) return 'java-messageformat'
  if (check.family === 'completeness' || check.id.startsWith('icu-')) return 'icu'
  // Longest prefix first: `python-format-…` before a shorter id could match.
  const def = [...syntaxes].sort((a, b) => b.syntax.length - a.syntax.length).find((s) => check.id.startsWith(`${s.syntax}-`))
  return def!.syntax
}

function hits(check: Check, [source, target]: [string, string], locale: string): string[] {
  const i: CheckInput = input(source, target, { locale, syntaxes: [syntaxOf(check)] })
  if (isSetCheck(check)) return check.checkSet([i]).map((h) => h.hit.d)
  return check.check(i).map((h) => h.d)
}

const rules: Check[] = [...placeholderRules, ...icuMessageRules, javaApostrophe, ...pluralFormRules]

describe('rule examples', () => {
  it.each(rules.map((r) => [r.rule, r.id, r] as const))('%i %s flags its failing example and accepts its passing one', (_n, _id, rule) => {
    const locale = rule.examples.locale ?? 'de'
    expect(hits(rule, rule.examples.fail, locale)).not.toEqual([])
    expect(hits(rule, rule.examples.pass, locale)).toEqual([])
  })
})
