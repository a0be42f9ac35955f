import { describe, expect, it } from '@jest/globals'
import { defaultCheckOptions } from '../../src/checks/check.js'
import { runChecks } from '../../src/checks/engine.js'
import { checks } from '../../src/checks/index.js'
import { ruleSettings } from '../../src/rule-settings.js'
import { segment } from '../helpers/segments.js'

describe('the rule engine', () => {
  const ids = (source: string, target: string) => runChecks([segment(source, target)], checks, defaultCheckOptions, ruleSettings({})).flatMap((r) => r.issues.map((i) => i.r))

  it.each([
    ['markup and numbers', 'Open the <a>3 new</a> files.'],
    ['placeholders', 'Saved {{count}} files to {{folder}}.'],
    ['surrounding spaces', ' Next: '],
  ])('reports an empty translation once, not every part of the source it lacks (%s)', (_, source) => {
    expect(ids(source, '')).toEqual([1005])
    expect(ids(source, '   ')).toEqual([1005])
  })

  it('still compares a translation that has text', () => {
    expect(ids('Open the <a>3 new</a> files.', 'Öffne die Dateien.')).toEqual(expect.arrayContaining([1201, 1501]))
  })
})
