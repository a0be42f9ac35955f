import { describe, expect, it } from '@jest/globals'
import { parseResx, resx } from '../../src/formats/resx.js'
import { runPr } from '../helpers/pr.js'
import { expectPlanted } from '../helpers/planted.js'
import { fixture, positioned } from '../helpers/units.js'

const read = (text: string) => positioned(parseResx(text), text)
const wrap = (body: string) => `<?xml version="1.0" encoding="utf-8"?>\n<root>\n${body}\n</root>\n`

describe('.NET .resx', () => {
  const source = read(fixture('resx/Resources.resx'))

  it.each([
    ['AppTitle', 'Invoice Manager', 37, undefined],
    ['InvoiceTotal', 'Total: {0:C2} for {1} items', 40, '{0} is the amount, {1} the number of line items'],
    ['DueDate', 'Due on {0:d}', 44, undefined],
    ['ConfirmDelete', 'Delete invoice "{0}"?\nThis cannot be undone.', 47, undefined],
    ['Escaped', 'Terms & Conditions <v2>', 51, undefined],
  ])('Resources.resx: %s', (key, value, line, comment) => {
    expect(source.units.find((u) => u.key === key)).toEqual({ key, value, line, syntax: ['dotnet'], ...(comment && { comment }) })
  })

  it('skips headers, the schema, and non-string resources (ResXFileRef, base64 images)', () => {
    expect(source.units.map((u) => u.key)).toEqual(['AppTitle', 'InvoiceTotal', 'DueDate', 'ConfirmDelete', 'Escaped'])
    expect(source.problems).toEqual([])
  })

  it.each([
    ['Resources.de.resx', 'ConfirmDelete', 'Rechnung „{0}“ löschen?\nDies kann nicht rückgängig gemacht werden.', 47],
    ['Resources.he-IL.resx', 'InvoiceTotal', 'סה״כ: {0:C2} עבור {1} פריטים', 40],
    ['Resources.he-IL.resx', 'DueDate', 'לתשלום עד {0:d}', 43],
  ])('%s: %s', (path, key, value, line) => {
    const { units, problems } = read(fixture(`resx/${path}`))
    expect(units.find((u) => u.key === key)).toMatchObject({ value, line })
    expect(problems).toEqual([])
  })

  it.each([
    ['<data name="a"><value>x</value></data>\n<data name="a"><value>y</value></data>', 4, 1003, 1, 'Duplicate data "a": this one is read, the earlier one is ignored'],
    ['<data><value>x</value></data>', 3, 1001, 2, '<data> without a name attribute'],
    ['<data name="a">\n  <value>Tom &amp Jerry</value>\n</data>', 4, 1001, 2, "Invalid XML: char '&' is not expected."],
  ])('reports %j at its line', (body, line, rule, severity, message) => {
    expect(read(wrap(body)).problems).toEqual([{ line, rule, severity, message }])
  })

  it('reads a string typed as System.String and a data element without a value as empty', () => {
    const { units } = read(wrap('<data name="a" type="System.String, mscorlib"><value>x</value></data>\n<data name="b" />'))
    expect(units).toEqual([
      { key: 'a', value: 'x', line: 3, syntax: ['dotnet'] },
      { key: 'b', value: '', line: 4, syntax: ['dotnet'] },
    ])
  })

  it.each([
    ['Properties/Resources.resx', true],
    ['Properties/Resources.de-DE.RESX', true],
    ['Properties/Resources.Designer.cs', false],
  ])('handles %s: %s', (path, expected) => {
    expect(resx.handles(path)).toBe(expected)
  })
})

describe('tqg on a .resx pull request', () => {
  it('finds each planted defect at its line', async () => {
    const { code, issues } = await runPr('resx/pr', 'src/Billing/Properties/Resources{.locale}.resx')
    const de = 'src/Billing/Properties/Resources.de.resx'
    expectPlanted(issues, [
      [de, 37, 1005], // AppTitle emptied
      [de, 43, 1302], // DueDate lost its trailing space
      [de, 49, 1006], // ExportButton left in English
      [de, 52, 1004], // LegacyLabel is not in Resources.resx
      [de, 54, 1003], // <data name="Escaped"> twice
      ['src/Billing/Properties/Resources.he.resx', 46, 1001], // <value> never closed
    ])
    expect(code).toBe(1)
  })
})
