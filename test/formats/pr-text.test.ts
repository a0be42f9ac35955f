// The CLI, run in-process on a base/head pair of each text and JSON format with planted
// defects: every defect is found at its exact line, and the rules under test report nothing
// else (other rules may add their own findings).
import { describe, expect, it } from '@jest/globals'
import { main } from '../../src/cli/main.js'
import { fixturesDir } from '../helpers/units.js'

interface Found {
  file: string
  line: number
  rule: number
}

async function runCli(dir: string, pattern: string): Promise<{ code: number; found: Found[]; report: { segments: Array<{ file: string; line: number; key: string; locale: string; source: string | null; target: string }> } }> {
  let out = ''
  let err = ''
  const code = await main({
    argv: [`${fixturesDir}${dir}/pr/base`, `${fixturesDir}${dir}/pr/head`, '--files', pattern, '--format', 'json'],
    env: {},
    cwd: fixturesDir,
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
  })
  if (!out) throw new Error(`tqg printed no report (exit ${code}): ${err}`)
  const report = JSON.parse(out)
  const found: Found[] = [
    ...report.segments.flatMap((s: { file: string; line: number; issues: Array<{ r: number }> }) => s.issues.map((i) => ({ file: s.file, line: s.line, rule: i.r }))),
    ...report.fileFindings.map((f: { file: string; line: number; issue: { r: number } }) => ({ file: f.file, line: f.line, rule: f.issue.r })),
  ]
  return { code, found, report }
}

const byPosition = (a: Found, b: Found) => a.file.localeCompare(b.file) || a.line - b.line || a.rule - b.rule

describe.each<[format: string, pattern: string, planted: Array<[file: string, line: number, rule: number]>]>([
  [
    'po',
    'po/{locale}.po',
    [
      ['po/de.po', 33, 1071], // c-format: %d dropped from a plural form
      ['po/de.po', 37, 1302], // trailing space lost
      ['po/de.po', 47, 1701], // #, fuzzy
      ['po/de.po', 51, 1006], // msgstr is the msgid
      ['po/de.po', 55, 1005], // msgstr ""
      ['po/fr.po', 33, 1001], // bad escape \e
      ['po/fr.po', 36, 1003], // duplicate msgid
    ],
  ],
  [
    'strings',
    'App/{locale}.lproj/Localizable.strings',
    [
      ['App/ar.lproj/Localizable.strings', 8, 1072], // UTF-16 file: %3$@ not in the source
      ['App/de.lproj/Localizable.strings', 5, 1071], // %@ dropped
      ['App/de.lproj/Localizable.strings', 8, 1302], // trailing space lost
      ['App/de.lproj/Localizable.strings', 14, 1005], // empty
      ['App/de.lproj/Localizable.strings', 15, 1001], // missing ;
      ['App/de.lproj/Localizable.strings', 15, 1006], // English left in
      ['App/de.lproj/Localizable.strings', 16, 1004], // key not in en.lproj
    ],
  ],
  [
    'xcstrings',
    'App/Localizable.xcstrings',
    [
      ['App/Localizable.xcstrings', 20, 1071], // de plural "other": %lld dropped
      ['App/Localizable.xcstrings', 88, 1005], // fr empty
      ['App/Localizable.xcstrings', 104, 1301], // de leading space
      ['App/Localizable.xcstrings', 131, 1003], // "Inbox" twice after a merge
      ['App/Localizable.xcstrings', 159, 1701], // de state needs_review
      ['App/Localizable.xcstrings', 165, 1006], // fr left in English
    ],
  ],
  [
    'arb',
    'lib/l10n/app_{locale}.arb',
    [
      ['lib/l10n/app_ar.arb', 5, 1006], // English left in
      ['lib/l10n/app_de.arb', 4, 1051], // {userName} dropped
      ['lib/l10n/app_de.arb', 5, 1302], // trailing space lost
      ['lib/l10n/app_de.arb', 8, 1005], // empty
      ['lib/l10n/app_de.arb', 9, 1004], // not in app_en.arb
      ['lib/l10n/app_de.arb', 10, 1003], // appTitle twice
    ],
  ],
  [
    'chrome',
    'extension/_locales/{locale}/messages.json',
    [
      ['extension/_locales/de/messages.json', 21, 1006], // English left in
      ['extension/_locales/de/messages.json', 29, 1005], // empty
      ['extension/_locales/de/messages.json', 32, 1004], // not in _locales/en
      ['extension/_locales/he/messages.json', 16, 1302], // trailing space added
      ['extension/_locales/pt_BR/messages.json', 8, 1001], // "mesage": no message
      ['extension/_locales/pt_BR/messages.json', 15, 1003], // EXTNAME is extName
    ],
  ],
  [
    'properties',
    '**/*{_locale}.properties',
    [
      ['src/main/resources/i18n/messages_de.properties', 4, 1005], // empty
      ['src/main/resources/i18n/messages_de.properties', 7, 1006], // English left in
      ['src/main/resources/i18n/messages_de.properties', 9, 1001], // bad \u escape on a continuation line
      ['src/main/resources/i18n/messages_de.properties', 11, 1004], // not in messages.properties
      ['src/main/resources/i18n/messages_de.properties', 12, 1003], // cart.title twice
      ['src/main/resources/i18n/messages_fr.properties', 1, 1008], // ISO-8859-1, read with a warning
      ['src/main/resources/i18n/messages_pt_BR.properties', 3, 1302], // trailing space lost
    ],
  ],
])('tqg on a %s pull request', (format, pattern, planted) => {
  it(`finds each planted defect at its line (--files ${pattern})`, async () => {
    const { code, found } = await runCli(format, pattern)
    const rules = new Set(planted.map(([, , rule]) => rule))
    const expected = planted.map(([file, line, rule]) => ({ file, line, rule })).sort(byPosition)
    expect(found.filter((f) => rules.has(f.rule)).sort(byPosition)).toEqual(expected)
    expect(code).toBe(1)
  })
})

describe('what the JSON report says about bilingual and multi-locale segments', () => {
  it('a String Catalog: each segment has its own locale and the catalog source text', async () => {
    const { report } = await runCli('xcstrings', 'App/Localizable.xcstrings')
    const at = (line: number) => report.segments.find((s) => s.line === line)
    expect(at(20)).toMatchObject({ locale: 'de', key: '%lld unread messages[plural=other]', source: '%lld unread messages', target: 'Ungelesene Nachrichten' })
    expect(at(165)).toMatchObject({ locale: 'fr', key: 'Mark all as read', source: 'Mark all as read' })
    // The source language is not a translation; unchanged Japanese strings are not segments.
    expect(report.segments.filter((s) => s.locale === 'en' || s.locale === 'ja').map((s) => [s.locale, s.key])).toEqual([['ja', 'Mark all as read']])
  })

  it('a PO file: the source is the msgid, the locale from the header', async () => {
    const { report } = await runCli('po', 'po/{locale}.po')
    expect(report.segments.find((s) => s.line === 33)).toMatchObject({ locale: 'de', key: '%d task[1]', source: '%d tasks', target: 'Aufgaben' })
  })
})
