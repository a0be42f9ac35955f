// xmllint (libxml2, installed by .ci/run) proves the XML fixtures well-formed, and the ones
// planted as broken really broken, so the format tests do not rest on our own reader alone.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { fixturesDir } from '../helpers/units.js'

const XML_FILE = /\.(?:xml|xlf|xliff|resx|stringsdict)$/

// Broken on purpose: the pull-request fixtures' unreadable files.
const BROKEN = new Set([
  'android/pr/head/app/src/main/res/values-ru/strings.xml',
  'xliff/pr/head/src/locale/messages.es.xlf',
  'resx/pr/head/src/Billing/Properties/Resources.he.resx',
  'stringsdict/pr/head/Trailhead/ru.lproj/Localizable.stringsdict',
  'stringsdict/pr/head/Trailhead/Base.lproj/Localizable.stringsdict',
])

const files = (readdirSync(fixturesDir, { recursive: true }) as string[])
  .map((p) => p.split('\\').join('/'))
  .filter((p) => XML_FILE.test(p))
  .sort()

const hasXmllint = spawnSync('xmllint', ['--version']).error === undefined
const xmllint = (path: string) => spawnSync('xmllint', ['--noout', '--nonet', `${fixturesDir}${path}`], { encoding: 'utf8' })

describe('XML fixtures checked by xmllint', () => {
  it('finds the fixtures, including every one planted as broken', () => {
    expect(files.length).toBeGreaterThan(30)
    for (const broken of BROKEN) expect(files).toContain(broken)
  })

  if (!hasXmllint) {
    console.warn('xmllint is not installed (Debian: apt-get install libxml2-utils): the XML fixtures were NOT checked by it')
    it.skip('xmllint is not installed: fixtures not checked', () => {})
    return
  }

  it.each(files.filter((f) => !BROKEN.has(f)))('%s is well-formed', (path) => {
    const result = xmllint(path)
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
  })

  it.each([...BROKEN])('%s is rejected, as planted', (path) => {
    expect(xmllint(path).status).not.toBe(0)
  })
})
