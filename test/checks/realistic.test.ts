// Every rule together on real-looking app strings: correct translations raise nothing.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { defaultCheckOptions } from '../../src/checks/check.js'
import { runChecks } from '../../src/checks/engine.js'
import { checks } from '../../src/checks/index.js'
import { ruleSettings } from '../../src/rule-settings.js'
import { segment } from '../helpers/segments.js'

const strings = JSON.parse(readFileSync(new URL('../fixtures/language/ui-strings.json', import.meta.url), 'utf8')) as Record<string, string[]>

describe('all rules on correct translations', () => {
  it('raise no issue on 360 app strings in nine languages', () => {
    const segments = Object.keys(strings)
      .filter((l) => l !== 'en')
      .flatMap((locale) => strings[locale].map((target, i) => segment(strings.en[i], target, { locale, key: `k${i}`, id: `${locale}#k${i}`, file: `locales/${locale}/app.json` })))
    const found = runChecks(segments, checks, defaultCheckOptions, ruleSettings({})).flatMap((s) => s.issues.map((i) => `${s.locale} ${JSON.stringify(s.target)}: ${i.r} ${i.d}`))
    expect(found).toEqual([])
  })
})
