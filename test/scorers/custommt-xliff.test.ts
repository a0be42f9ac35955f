// Custom.MT decisions in a copy of an XLIFF 1.2 file, end to end through tqg and the XLIFF
// reader (decision lines are the lines of the targets, like every finding).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CustomMtFake } from '../emulators/custommt.js'
import { tqg } from '../helpers/cli.js'

const pr = 'test/fixtures/xliff-decisions/pr'
describe('Custom.MT decisions in XLIFF 1.2 (tqg)', () => {
  let fake: CustomMtFake
  let out: string
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'tqg-xliff-'))
    fake = await CustomMtFake.start({
      token: 't',
      templates: [{ name: 'Mail EN-DE', source: 'en', target: 'de', successScore: 0.8, lockScore: 0.95 }],
      translations: {
        'Mail EN-DE': {
          'Archive all': { target: 'Alle archivieren', score: 0.97 },
          'Mark as read': { target: 'Als gelesen markieren', score: 0.86 },
          'Delete conversation': { target: 'Unterhaltung löschen', score: 0.9 },
        },
      },
    })
  })
  afterAll(async () => {
    await fake.close()
    await rm(out, { recursive: true, force: true })
  })

  it('writes approved/translate into a copy of the file, lists them in the report, and leaves the original alone', async () => {
    const original = await readFile(`${pr}/head/src/locale/messages.de.xlf`, 'utf8')
    const config = join(out, 'tq.yml')
    await writeFile(config, 'version: 1\ncustommt:\n  paths: ["src/locale/*.xlf"]\n')
    const report = join(out, 'report/report.json')
    const { stdout } = await tqg([`${pr}/base`, `${pr}/head`, '--files', 'src/locale/messages{.locale}.xlf', '--config', config, '--cache-dir', 'off', '--report-file', report, '--custommt-token', 't', '--custommt-template', 'Mail EN-DE', '--custommt-api-url', fake.url])
    const copy = await readFile(join(out, 'report/custommt-decisions/src/locale/messages.de.xlf'), 'utf8')
    expect(copy).toBe(
      original
        .replace('<trans-unit id="inbox.archive" datatype="html">', '<trans-unit id="inbox.archive" datatype="html" approved="yes" translate="no">')
        .replace('<trans-unit id="inbox.markRead" datatype="html" approved="no">', '<trans-unit id="inbox.markRead" datatype="html" approved="yes">'),
    )
    expect(await readFile(`${pr}/head/src/locale/messages.de.xlf`, 'utf8')).toBe(original)
    const json = JSON.parse(await readFile(report, 'utf8'))
    expect(json.decisions).toEqual([
      {
        file: 'src/locale/messages.de.xlf',
        output: expect.stringMatching(/custommt-decisions\/src\/locale\/messages\.de\.xlf$/),
        decisions: [
          { key: 'inbox.archive', locale: 'de', line: 16, unit: 'inbox.archive', attributes: { approved: 'yes', translate: 'no' } },
          { key: 'inbox.markRead', locale: 'de', line: 21, unit: 'inbox.markRead', attributes: { approved: 'yes' } },
        ],
      },
    ])
    expect(stdout).toContain('Custom.MT decisions for src/locale/messages.de.xlf: approved="yes" on 2, translate="no" on 1 trans-unit(s), written to ')
    expect(fake.translateRequests).toHaveLength(1)
  })
})
