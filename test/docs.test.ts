// Generated files must match the registries they come from (run `npm run docs`).
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { actionYml, configJsonSchema, outputsTable, replaceBetween, rulesMarkdown, settingsTable } from '../src/docs/generate.js'
import { allRules } from '../src/rules.js'

const read = (path: string) => readFileSync(path, 'utf8')

describe('generated files are up to date (npm run docs)', () => {
  it.each([
    ['docs/rules.md', rulesMarkdown],
    ['schema/config.schema.json', configJsonSchema],
    ['action.yml', actionYml],
  ])('%s', (path, generate) => expect(read(path)).toBe(generate()))

  it("README's settings and outputs tables", () => {
    const readme = read('README.md')
    expect(readme).toBe(replaceBetween(replaceBetween(readme, 'settings', settingsTable()), 'outputs', outputsTable()))
  })
})

describe('rule ids', () => {
  const blocks: Array<[number, number, string[]]> = [
    [1001, 1049, ['file', 'completeness']],
    [1050, 1199, ['placeholders']],
    [1200, 1299, ['markup']],
    [1300, 1399, ['whitespace']],
    [1400, 1499, ['punctuation']],
    [1500, 1599, ['tokens']],
    [1600, 1699, ['length']],
    [1700, 1799, ['consistency', 'completeness']],
    [1800, 1899, ['custom']],
    [1900, 1999, ['quality']],
  ]

  it('are unique, and each id and number sits in its family block', () => {
    const rules = allRules()
    expect(new Set(rules.map((r) => r.rule)).size).toBe(rules.length)
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length)
    for (const r of rules) {
      const block = blocks.find(([lo, hi]) => r.rule >= lo && r.rule <= hi)
      expect([r.id, block?.[2].includes(r.family)]).toEqual([r.id, true])
      expect(r.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    }
  })
})
