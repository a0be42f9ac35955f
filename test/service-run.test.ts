// The wiring both entries share: services built from the settings, the score cache in
// `cache-dir` below the root, decision copies next to the report, usage read after close.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { dirChanges } from '../src/changes/dirs.js'
import { silentLogger } from '../src/log.js'
import { CACHE_FILE } from '../src/scorers/file-cache.js'
import { runWithServices, shownPath } from '../src/service-run.js'
import { resolveSettings } from '../src/settings.js'
import { CustomMtFake } from './emulators/custommt.js'
import { WordbeeFake } from './emulators/wordbee.js'

const pr = 'test/fixtures/xliff-decisions/pr'
const changes = () => dirChanges(`${pr}/base`, `${pr}/head`)

describe('shownPath', () => {
  it.each([
    ['/work/ws', '/work/ws/.tqg-cache/x.json', '.tqg-cache/x.json'],
    ['/work/ws', '/runner/temp/custommt-decisions/a.xlf', '/runner/temp/custommt-decisions/a.xlf'],
    ['/work/ws', '/work/ws-other/a.xlf', '/work/ws-other/a.xlf'],
    ['/work/ws', '/work/ws', '/work/ws'],
  ])('%s, %s -> %s', (root, path, shown) => {
    expect(shownPath(root, path)).toBe(shown)
  })
})

describe('runWithServices', () => {
  let root: string
  let custommt: CustomMtFake
  let wordbee: WordbeeFake
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'tqg-service-run-'))
    custommt = await CustomMtFake.start({
      token: 'cmt-token',
      templates: [{ name: 'Mail EN-DE', source: 'en', target: 'de', successScore: 0.8 }],
      translations: { 'Mail EN-DE': { 'Archive all': { target: 'Alle archivieren', score: 0.97 } } },
    })
    wordbee = await WordbeeFake.start({ accountId: 'acme', apiKey: 'wb-key-123', projectId: 7, segments: [] })
  })
  afterAll(async () => {
    await Promise.all([custommt.close(), wordbee.close()])
    await rm(root, { recursive: true, force: true })
  })

  const settings = (cacheDir: string) =>
    resolveSettings({
      inputs: {
        files: 'src/locale/messages{.locale}.xlf',
        'cache-dir': cacheDir,
        'custommt-token': 'cmt-token',
        'custommt-template': 'Mail EN-DE',
        'custommt-api-url': custommt.url,
        'wordbee-account-id': 'acme',
        'wordbee-api-key': 'wb-key-123',
        'wordbee-project-id': '7',
        'wordbee-api-url': wordbee.url,
      },
      origin: (n) => n,
      config: { version: 1, custommt: { paths: ['src/locale/*.xlf'] } },
    })

  it('keeps the cache below the root, writes the decision copies in the given directory, and counts every request', async () => {
    const report = await runWithServices(settings('cache'), { changes: changes(), log: silentLogger, root, readText: async () => '', decisionsDir: join(root, 'report') })
    expect(existsSync(join(root, 'cache', CACHE_FILE))).toBe(true)
    expect(report.decisions).toEqual([expect.objectContaining({ file: 'src/locale/messages.de.xlf', output: 'report/custommt-decisions/src/locale/messages.de.xlf' })])
    expect(await readFile(join(root, 'report/custommt-decisions/src/locale/messages.de.xlf'), 'utf8')).toContain('<trans-unit id="inbox.archive" datatype="html" approved="yes" translate="no">')
    expect(report.notes).toContainEqual(expect.stringContaining('written to report/custommt-decisions/src/locale/messages.de.xlf'))
    // Wordbee signs out when closed: that request is in the usage too.
    expect(wordbee.requests.map((r) => r.method)).toEqual(['POST', 'POST', 'DELETE'])
    expect(report.usage.wordbee.requests).toBe(3)
    expect(report.usage.custommt.requests).toBe(custommt.requests.length)
  })

  it('lists the decisions without a directory for the copies', async () => {
    const report = await runWithServices(settings('off'), { changes: changes(), log: silentLogger, root, readText: async () => '' })
    expect(report.decisions).toHaveLength(1)
    expect(report.decisions![0].output).toBeUndefined()
    expect(report.notes).toContainEqual(expect.stringContaining('set report-file to get a copy of the file with them'))
  })
})
