// Mechanical fixes of the real rules' issues: what each fixes, what it refuses to guess.
import { describe, expect, it } from '@jest/globals'
import { defaultCheckOptions } from '../src/checks/check.js'
import { runChecks } from '../src/checks/engine.js'
import { checks } from '../src/checks/index.js'
import { fixedTarget, isFixable } from '../src/fixes.js'
import type { CheckedSegment } from '../src/model.js'
import { ruleSettings } from '../src/rule-settings.js'
import { segment } from './helpers/segments.js'

function checkedSegment(source: string, target: string, locale = 'de'): CheckedSegment {
  return runChecks([segment(source, target, { locale })], checks, defaultCheckOptions, ruleSettings({}))[0]
}

/** The target with the fixable issues of the checked segment fixed, and the rules fixed. */
function fixAll(source: string, target: string, locale?: string): { rules: number[]; fixed: string | undefined } {
  const s = checkedSegment(source, target, locale)
  const fixable = s.issues.filter((i) => isFixable(i, s))
  return { rules: fixable.map((i) => i.r), fixed: fixedTarget(fixable, s) }
}

describe('fixedTarget', () => {
  it.each([
    // source, target, locale, rules fixed, corrected target
    ['Welcome back, {{name}}!', 'Willkommen zurück, {{name}}! ', 'de', [1302], 'Willkommen zurück, {{name}}!'],
    ['Name: ', 'Name:', 'de', [1302], 'Name: '],
    [' of %d', 'von %d', 'de', [1301], ' von %d'],
    ['Total:\t', 'Summe:  ', 'de', [1302], 'Summe:\t'],
    ['Save the file', 'Datei  speichern', 'de', [1303], 'Datei speichern'],
    ['Save the file', 'Die  Datei   speichern', 'de', [1303], 'Die Datei speichern'],
    ['Remove {{item}} from the cart?', 'Retirer {{article}} du panier ?', 'fr', [1063], 'Retirer {{item}} du panier ?'],
    ['Hello %{name}', 'Hallo %{nom}', 'de', [1083], 'Hallo %{name}'],
    ['Save', 'Spei\u200bchern', 'de', [1307], 'Speichern'],
    // A BOM is white space to the leading-whitespace rule as well: both fixes agree.
    ['Save', '\ufeffSpei\u200bch\u200bern', 'de', [1301, 1307, 1307], 'Speichern'],
    // Removing an invisible character between two spaces leaves one space, not a double space (found by fuzzing).
    ['Save the file', 'Datei \u200b speichern', 'de', [1307], 'Datei speichern'],
    ['Lace your shoes.', 'Lacez \u2060  vos chaussures.', 'fr', [1303, 1307], 'Lacez vos chaussures.'],
    ['Due on {0}', 'F\u00e4llig\u00a0\u200b am {0}', 'de', [1307], 'F\u00e4llig\u00a0am {0}'],
    // A space the invisible character hid at the end, which the source has too, stays.
    ['Name: ', 'Name: \u200b', 'de', [1302, 1307], 'Name: '],
    // Spaces that start a line are indentation, to the rule and to its fix.
    ['Error:\n   {0} failed', 'Fehler:\n   {0}  fehlgeschlagen', 'de', [1303], 'Fehler:\n   {0} fehlgeschlagen'],
    // Several fixes on one text, applied in turn.
    ['Remove {{item}}', ' Retirer  {{article}}\u200b ', 'fr', [1063, 1301, 1302, 1303, 1307], 'Retirer {{item}}'],
  ])('%j -> %j (%s) fixes %j as %j', (source, target, locale, rules, expected) => {
    const { rules: fixed, fixed: text } = fixAll(source, target, locale)
    expect([...fixed].sort()).toEqual([...rules].sort())
    expect(text).toBe(expected)
  })

  it.each([
    // No single right answer, or nothing a machine should do.
    ['double spaces in the source too', 'Name:  Value here', 'Name:  Wert   hier', 'de'],
    ['a replacement character: the text is lost', 'Café', 'Caf\ufffd', 'de'],
    ['mis-decoded UTF-8', 'Café', 'CafÃ©', 'fr'],
    ['a placeholder missing, not renamed', 'You have {{count}} items', 'Sie haben Artikel', 'de'],
    ['an ICU plural renamed: its texts are no token to put back', '{count, plural, one {# item} other {# items}}', '{n, plural, one {# article} other {# articles}}', 'fr'],
    ['two placeholders renamed: which is which is a guess', 'From {{a}} to {{b}}', 'Von {{x}} bis {{y}}', 'de'],
    // The invisible character hid a space at an end from the whitespace rules: removing it alone would leave a space the source lacks.
    ['a space before an invisible character at the end', 'Save', 'Speichern \u200b', 'de'],
    ['a space after an invisible character at the start', 'Save', '\u200b Speichern', 'de'],
    ['an invisible character the source has too', 'Spl\u200bit', 'Ge\u200bteilt\u200b', 'de'],
  ])('%s: no fix', (_label, source, target, locale) => {
    const s = checkedSegment(source, target, locale)
    const fixable = s.issues.filter((i) => isFixable(i, s))
    expect(s.issues.length).toBeGreaterThan(0)
    expect(fixedTarget(fixable, s)).toBeUndefined()
  })

  it('refuses a fix that no longer applies where it must, and composes the ones that do', () => {
    // The rule reports {{article}} for {{item}} once, but it is written twice: which to rename is a guess.
    const twice = checkedSegment('Remove {{item}}', 'Retirer {{article}} {{article}}', 'fr')
    expect(twice.issues.map((i) => i.d)).toEqual(['Placeholder {{item}} became {{article}}'])
    expect(fixedTarget(twice.issues, twice)).toBeUndefined()
    const t = checkedSegment('Welcome', 'Willkommen\u200b ', 'de')
    const issues = t.issues.filter((i) => isFixable(i, t))
    expect(issues.map((i) => i.r).sort()).toEqual([1302, 1307])
    expect(fixedTarget(issues, t)).toBe('Willkommen')
  })

  it('gives nothing for an issue without a fix, or when nothing would change', () => {
    const s = checkedSegment('You have {{count}} items', 'Sie haben Artikel')
    expect(s.issues.some((i) => isFixable(i, s))).toBe(false)
    expect(fixedTarget([], s)).toBeUndefined()
  })
})
