// The demo of the README: every defect planted in examples/head is reported on its line.
import { describe, expect, it } from '@jest/globals'
import { tqg } from './helpers/cli.js'

describe('examples/ (npm run demo)', () => {
  it('reports every planted defect with its file, line and rule, and fails the gate', async () => {
    const { code, stdout } = await tqg(['examples/base', 'examples/head', '--config', 'examples/translation-quality.yml', '--format', 'json'])
    const report = JSON.parse(stdout)
    const found = [
      ...report.segments.flatMap((s: { file: string; line: number; key: string; issues: { r: number }[] }) => s.issues.map((i) => `${s.file}:${s.line} ${s.key} ${i.r}`)),
      ...report.fileFindings.map((f: { file: string; line: number; key?: string; issue: { r: number } }) => `${f.file}:${f.line} ${f.key ?? '-'} ${f.issue.r}`),
    ].sort()
    expect(found).toEqual(
      [
        'config/locales/de.yml:8 orders.track 1081', // %{number} missing
        'config/locales/es.yml:1 - 1009', // root key en: in es.yml
        'config/locales/es.yml:6 orders.count.one 1011', // still Spanish: no count.many (for millions): information
        'locales/de/common.json:16 cart.items_other 1061', // {{count}} missing
        'locales/de/common.json:17 cart.coupon 1005', // empty
        'locales/de/common.json:18 cart.promo 1004', // not in the source
        'locales/de/common.json:21 account.delete 1006', // untranslated
        'locales/de/common.json:23 greeting 1302', // trailing space
        'locales/en/common.json:13 cart.checkout 1007', // source changed, de not updated
        'locales/fr/common.json:14 cart.remove 1063', // {{item}} renamed
        'locales/fr/common.json:15 cart.items_one 1011', // no items_many (French, for millions): information
        'locales/fr/common.json:20 account.delete 1901', // score 0.42 below 0.7
        'locales/it/common.json:13 - 1001', // missing comma
      ].sort(),
    )
    expect(report.passed).toBe(false)
    expect(code).toBe(1)
  })
})
