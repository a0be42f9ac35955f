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

/** What `checks` say about a pair read in the syntax of `rule`. */
function hits(rule: Check, checks: Check[], [source, target]: [string, string], locale: string): string[] {
  const i: CheckInput = input(source, target, { locale, syntaxes: [syntaxOf(rule)] })
  return checks.flatMap((c) => (isSetCheck(c) ? c.checkSet([i]).map((h) => h.hit.d) : c.check(i).map((h) => h.d)).map((d) => `${c.rule} ${d}`))
}

const rules: Check[] = [...placeholderRules, ...icuMessageRules, javaApostrophe, ...pluralFormRules]

describe('rule examples', () => {
  it.each(rules.map((r) => [r.rule, r.id, r] as const))('%i %s flags its failing example; no format-string or plural rule flags its passing one', (_n, _id, rule) => {
    const locale = rule.examples!.locale ?? 'de'
    expect(hits(rule, [rule], rule.examples!.fail, locale)).not.toEqual([])
    expect(hits(rule, rules, rule.examples!.pass, locale)).toEqual([])
  })
})
