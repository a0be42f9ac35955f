// Hostile strings (long runs that trip naive regular expressions, thousands of tags or
// numbers) go through every rule without throwing, in time linear in their length, and a
// rule reports at most ten problems per segment plus a count of the rest.
import { describe, expect, it } from '@jest/globals'
import { defaultCheckOptions } from '../../src/checks/check.js'
import { runChecks } from '../../src/checks/engine.js'
import { checks } from '../../src/checks/index.js'
import { ruleSettings } from '../../src/rule-settings.js'
import { segment } from '../helpers/segments.js'

const N = 30_000

const HOSTILE: Record<string, string> = {
  'an unclosed tag with spaces': `<a${' '.repeat(N)}`,
  'a long run before @': `${'a'.repeat(N)}@`,
  'unclosed comments': '<!--'.repeat(N / 4),
  'unclosed processing instructions': '<?'.repeat(N / 2),
  'thousands of tags': '<b>'.repeat(N / 3),
  'thousands of grouped numbers': '1 000 '.repeat(N / 6),
  'a long URL ending in punctuation': `https://${'a'.repeat(N)}${'!'.repeat(10)}`,
  'a long path': 'a/'.repeat(N / 2),
  'many opening braces': '{'.repeat(N),
  'mixed markup, URLs and numbers': 'Hello {name}, <b>see</b> https://x.y/z 1,000.5 '.repeat(N / 50),
}

describe('hostile strings', () => {
  it.each(Object.entries(HOSTILE))('%s', (_, text) => {
    const segments = [segment(text, text, { locale: 'fr' }), segment('Save <b>now</b> 1', text, { locale: 'fr', key: 'b', id: 'b' }), segment(text, 'Speichern', { key: 'c', id: 'c' })]
    const results = runChecks(segments, checks, defaultCheckOptions, ruleSettings({}))
    for (const r of results) {
      const perRule = new Map<number, number>()
      for (const i of r.issues) perRule.set(i.r, (perRule.get(i.r) ?? 0) + 1)
      expect(Math.max(0, ...perRule.values())).toBeLessThanOrEqual(11)
    }
  })

  it('summarises what it leaves out', () => {
    // 50 <i>: one is read as <b> renamed, 49 are extra, ten are listed.
    const [r] = runChecks([segment('<b>x</b>', '<i>'.repeat(50), { locale: 'de' })], checks, defaultCheckOptions, ruleSettings({}))
    expect(r.issues.filter((i) => i.r === 1202).map((i) => i.d).slice(-2)).toEqual(['Tag <i> is not in the source', '…and 39 more like this'])
  })
})
