// The rules' configuration, from the YAML config file through the pipeline: severities per
// rule and locale, terms, length limits, custom rules, dismissals and the report filter.
import { describe, expect, it } from '@jest/globals'
import { customChecks } from '../src/checks/custom.js'
import { parseConfig } from '../src/config/index.js'
import { IsolatedRegex } from '../src/isolated-regex.js'
import { silentLogger } from '../src/log.js'
import { targetHash } from '../src/policy.js'
import { allRules } from '../src/rules.js'
import { runPipeline } from '../src/run.js'
import { MemoryScoreCache } from '../src/scorers/cache.js'
import { resolveSettings, SettingsError } from '../src/settings.js'
import { memoryChanges } from './helpers/trees.js'

const origin = (n: string) => `input '${n}'`
const settingsFrom = (config: string) => resolveSettings({ inputs: { files: 'locales/{locale}/app.json' }, origin, config: parseConfig(config, 'tq.yml'), configLabel: 'tq.yml' })

const json = (o: unknown) => `${JSON.stringify(o, null, 2)}\n`
const en = { save: 'Save', signIn: 'Sign in', promo: 'Try Acme Cloud today', button: { ok: 'Confirm' } }

/** A pull request that changes the German and Japanese files. */
function pr(de: Record<string, unknown>, ja: Record<string, unknown>) {
  const base = { 'locales/en/app.json': json(en), 'locales/de/app.json': json({}), 'locales/ja/app.json': json({}) }
  return memoryChanges(base, { ...base, 'locales/de/app.json': json(de), 'locales/ja/app.json': json(ja) })
}

async function issues(config: string, de: Record<string, unknown>, ja: Record<string, unknown> = { save: '保存' }) {
  const report = await runPipeline(settingsFrom(config), { changes: pr(de, ja), scorers: [], cache: new MemoryScoreCache(), log: silentLogger })
  return {
    report,
    list: report.segments.flatMap((s) => s.issues.map((i) => `${s.locale} ${s.key} ${i.r} s${i.s}${i.x ? ' dismissed' : ''}`)),
  }
}

const good = { save: 'Speichern', signIn: 'Anmelden', promo: 'Testen Sie Acme Cloud noch heute', button: { ok: 'Bestätigen' } }

describe('config: rules, terms, limits', () => {
  it('changes severities per rule and per locale, and switches rules off', async () => {
    const spaced = { ...good, save: 'Speichern ' }
    expect((await issues('version: 1\n', spaced, { save: '保存 ' })).list).toEqual(['de save 1302 s1', 'ja save 1302 s1'])
    const { list } = await issues('version: 1\nrules:\n  trailing-whitespace:\n    severity: error\n    locales: {ja: off}\n', spaced, { save: '保存 ' })
    expect(list).toEqual(['de save 1302 s2'])
    const off = await issues('version: 1\nrules:\n  1302: off\n', spaced)
    expect(off.list).toEqual([])
  })

  it('checks do-not-translate and forbidden terms (per locale, with a suggestion)', async () => {
    const config = `version: 1
terms:
  do-not-translate: [Acme Cloud]
  forbidden:
    - Einloggen
    - {term: Login, locales: [de], instead: Anmelden}
`
    const { report, list } = await issues(config, { ...good, signIn: 'Login', promo: 'Testen Sie Acme Wolke noch heute' }, { save: '保存', signIn: 'Login' })
    expect(list.filter((l) => / 151\d /.test(l))).toEqual(['de signIn 1511 s2', 'de promo 1510 s1'])
    expect(report.segments.find((s) => s.key === 'signIn' && s.locale === 'de')!.issues[0].d).toBe('Forbidden term "Login": use "Anmelden"')
  })

  it('applies max-length by key pattern', async () => {
    const { list } = await issues("version: 1\nmax-length:\n  - {key: 'button.*', max: 8}\n", { ...good, button: { ok: 'Bestätigen und fortfahren' } })
    expect(list).toContain('de button.ok 1601 s2')
  })
})

describe('config: custom rules', () => {
  const config = `version: 1
custom-rules:
  - id: no-exclamation
    pattern: '!'
    message: Our style avoids exclamation marks
  - id: formal-german
    rule: 1810
    pattern: '\\b(du|dich|dein|deine)\\b'
    ignore-case: true
    message: Use the formal Sie
    severity: error
    locales: [de]
rules:
  no-exclamation: info
`
  it('flags matches with the configured number, severity and locales, and can be tuned in rules', async () => {
    const { report, list } = await issues(config, { ...good, save: 'Speichern!', signIn: 'Melde dich an' }, { save: '保存!' })
    expect(list.filter((l) => / 18\d\d /.test(l))).toEqual(['de save 1801 s0', 'de signIn 1810 s2', 'ja save 1801 s0'])
    expect(report.segments.find((s) => s.key === 'signIn' && s.locale === 'de')!.issues.find((i) => i.r === 1810)!.d).toBe('Use the formal Sie ("dich")')
  })

  it('reports an invalid pattern as a config error with its line', () => {
    expect(() => parseConfig("version: 1\ncustom-rules:\n  - id: broken\n    pattern: '(unclosed'\n    message: x\n", 'tq.yml')).toThrow(
      /tq\.yml:4:14: custom-rules\[0\]\.pattern is not a valid regular expression: \/\(unclosed\/u?: Unterminated group/,
    )
  })

  it('refuses a pattern that can backtrack exponentially, naming the rule, the pattern and why, at its line', () => {
    const text = "version: 1\ncustom-rules:\n  - id: fine\n    pattern: '!'\n    message: x\n  - id: hostile\n    pattern: '(a+)+$'\n    message: y\n"
    expect(() => parseConfig(text, 'tq.yml')).toThrow(
      new SettingsError(
        'Invalid config file tq.yml:\n  tq.yml:7:14: custom-rules[1].pattern "(a+)+$" can take exponential time on some texts and is refused: the repeated group (a+)+ holds the repetition a+, so a text can be split between them in exponentially many ways (write a+ once, e.g. a+ for (a+)+)',
      ),
    )
  })

  it('says a text longer than custom rules read is not checked, rather than passing it or matching a cut text', async () => {
    const rules = "version: 1\ncustom-rules:\n  - {id: no-trailing-space, pattern: ' $', message: Trailing space}\n"
    const long = `${'Sehr langer Text. '.repeat(120)}`
    const { report } = await issues(rules, { ...good, save: long, signIn: 'Anmelden ' })
    const of = (key: string) => report.segments.find((s) => s.key === key && s.locale === 'de')!.issues.filter((i) => i.r === 1801)
    expect(long.length).toBeGreaterThan(2000)
    expect(of('save')).toEqual([{ s: 0, r: 1801, d: 'Not checked for "Trailing space": the target has 2,160 characters, and custom rules read at most 2,000' }])
    expect(of('signIn')).toEqual([{ s: 1, r: 1801, d: 'Trailing space (" ")' }])
  })

  it('stops a custom rule that used its matching time in the run, and says so on each segment it no longer reads', () => {
    // A clock that advances 4 s per match: a slow pattern on crafted texts, without timing anything.
    let clock = 0
    const [check] = customChecks([{ id: 'slow', pattern: 'a.*b.*c', message: 'Slow' }], allRules(), { now: () => (clock += 4000), budgetMs: 10_000 })
    const run = (target: string) => check.check({ source: 'x', target, locale: 'de', sourceLocale: 'en', unit: { key: 'k', value: target, line: 1, column: 1 } } as unknown as Parameters<typeof check.check>[0])
    expect(run('abc')).toEqual([{ d: 'Slow ("abc")', span: { start: 0, end: 3 } }])
    expect(run('none')).toEqual([])
    expect(run('a b c')).toEqual([{ d: 'Slow ("a b c")', span: { start: 0, end: 5 } }])
    expect(run('abc')).toEqual([{ s: 0, d: 'Not checked for "Slow": this custom rule used its 10 s of matching time in this run (its pattern is slow on some texts; bound its repetitions, e.g. .{0,100} for .*)' }])
  })

  it('stops a match that takes too long on a crafted text, and says so on that segment only', () => {
    const [check] = customChecks([{ id: 'polynomial', pattern: 'a*a*a*a*a*b', message: 'Polynomial' }], allRules(), { matchTimeoutMs: 100, isolate: (source, flags) => new IsolatedRegex(source, flags) })
    const run = (target: string) => check.check({ source: 'x', target, locale: 'de', sourceLocale: 'en' } as unknown as Parameters<typeof check.check>[0])
    // Without a b, every split of the a's between the five repetitions is tried: far more than 100 ms.
    expect(run('a'.repeat(1500))).toEqual([{ s: 0, d: 'Not checked for "Polynomial": its pattern took more than 0.1 s on this target and was stopped (bound its repetitions, e.g. .{0,100} for .*)' }])
    expect(run('xaab')).toEqual([{ d: 'Polynomial ("aab")', span: { start: 1, end: 4 } }])
    expect(run('none')).toEqual([])
  })

  it.each([
    ['a pattern run here', 'lorem', 'Lorem ipsum, lorem', true],
    ['a pattern run in a worker', '\\s+\\d+\\s*%', 'Rabatt: 10 % heute', false],
    ['a pattern run in a worker, ignoring case', 'LOREM.*IPSUM', 'Text lorem und ipsum', true],
  ])('matches %s as the regex does', (_name, pattern, target, ignoreCase) => {
    const [check] = customChecks([{ id: 'r', pattern, message: 'M', 'ignore-case': ignoreCase }], allRules(), { isolate: (source, flags) => new IsolatedRegex(source, flags) })
    const m = new RegExp(pattern, ignoreCase ? 'iu' : 'u').exec(target)!
    expect(check.check({ source: 'x', target, locale: 'de', sourceLocale: 'en' } as unknown as Parameters<typeof check.check>[0])).toEqual([{ d: `M ("${m[0]}")`, span: { start: m.index, end: m.index + m[0].length } }])
  })

  it.each([
    ['an id taken by a built-in rule', "  - {id: untranslated, pattern: x, message: m}\n", "Invalid custom-rules[0] in the config file: the id 'untranslated' is already taken by another rule. Expected a new kebab-case id."],
    ['a number used twice', "  - {id: a, rule: 1805, pattern: x, message: m}\n  - {id: b, rule: 1805, pattern: y, message: m}\n", 'Invalid custom-rules[1] in the config file: rule number 1805 is already taken. Expected a number from 1801 to 1899 used once.'],
    [
      'a default number taken by an earlier rule',
      "  - {id: a, rule: 1802, pattern: x, message: m}\n  - {id: b, pattern: y, message: m}\n",
      'Invalid custom-rules[1] in the config file: rule number 1802, its default from its place in the list, is already taken. Expected a number from 1801 to 1899 used once: give this entry a rule.',
    ],
  ])('rejects %s', async (_, rules, message) => {
    await expect(issues(`version: 1\ncustom-rules:\n${rules}`, good)).rejects.toThrow(new SettingsError(message))
  })

  it('rejects a number outside 1801-1899 and an id that is not kebab-case in the schema', () => {
    expect(() => parseConfig('version: 1\ncustom-rules:\n  - {id: Bad_Id, rule: 1700, pattern: x, message: m}\n', 'tq.yml')).toThrow(/custom-rules\[0\]\.id is "Bad_Id"; expected a string[\s\S]*custom-rules\[0\]\.rule is 1700; expected a whole number from 1801 to 1899/)
  })
})

describe('config: dismissals', () => {
  const issue = { ...good, save: 'Speichern ' } // a trailing space the source lacks: 1302

  it('dismiss an issue for the translation they name (target), which stops it failing the gate', async () => {
    const config = `version: 1
fail-on: [error, warning]
dismissals:
  - {file: locales/de/app.json, key: save, locale: de, rule: trailing-whitespace, target: 'Speichern ', comment: The label is joined with a count}
`
    const { report, list } = await issues(config, issue)
    expect(list).toEqual(['de save 1302 s1 dismissed'])
    expect(report.segments.find((s) => s.key === 'save' && s.locale === 'de')!.issues[0]).toMatchObject({ x: true, c: 'The label is joined with a count' })
    expect(report.verdict.passed).toBe(true)
  })

  it('name the translation by a SHA-256 prefix instead, and lapse when the text changes', async () => {
    const hash = targetHash('Speichern ').slice(0, 12)
    const config = (h: string) => `version: 1\nfail-on: [warning]\ndismissals:\n  - {file: locales/de/app.json, key: save, rule: 1302, target-hash: '${h}', comment: ok}\n`
    expect((await issues(config(hash), issue)).report.verdict.passed).toBe(true)
    const changed = await issues(config(hash), { ...issue, save: 'Sichern ' })
    expect(changed.list).toEqual(['de save 1302 s1'])
    expect(changed.report.verdict.passed).toBe(false)
    expect(changed.report.notes).toContain(`Dismissal of rule 1302 for locales/de/app.json save lapsed: the translation changed since it was dismissed (its target-hash is now ${targetHash('Sichern ').slice(0, 12)})`)
  })

  it('must name the translation they were made for, and a rule that exists', async () => {
    expect(() => parseConfig('version: 1\ndismissals:\n  - {file: a.json, key: k, rule: 1302, comment: c}\n', 'tq.yml')).toThrow('tq.yml:3:5: dismissals[0] needs one of target, target-hash')
    await expect(issues('version: 1\ndismissals:\n  - {file: a.json, key: k, rule: trailing-whitespaces, target: x, comment: c}\n', good)).rejects.toThrow(
      new SettingsError("Unknown rule 'trailing-whitespaces' in dismissals[0] of the config file. Expected a rule number or id from docs/rules.md."),
    )
  })

  it.each([
    ['stale-translation', 1007],
    [1003, 1003],
  ])('cannot name a rule reported on files rather than on a translation (%j): it would dismiss nothing', async (rule, number) => {
    await expect(issues(`version: 1\ndismissals:\n  - {file: locales/en/app.json, key: save, rule: ${rule}, target: Save, comment: c}\n`, good)).rejects.toThrow(
      new SettingsError(`Rule ${number} in dismissals[0] of the config file is reported on files, not on one translation, so it cannot be dismissed. Expected a rule of a translation; switch this one off or change its severity under rules.`),
    )
  })

  it('may name custom rules by id', async () => {
    const config = `version: 1
custom-rules:
  - {id: no-exclamation, pattern: '!', message: No exclamation marks}
dismissals:
  - {file: locales/de/app.json, key: save, rule: no-exclamation, target: 'Speichern!', comment: Brand voice}
`
    expect((await issues(config, { ...good, save: 'Speichern!' })).list).toEqual(['de save 1401 s1', 'de save 1801 s1 dismissed'])
  })
})

describe('config: report filter', () => {
  it("keeps the findings Wordbee's qa filter selects, without changing the verdict", async () => {
    const de = { ...good, save: 'Speichern ', signIn: 'Anmelden!' }
    const all = await issues('version: 1\n', de)
    expect(all.report.findings.map((f) => f.issue.r).sort()).toEqual([1302, 1401])
    const bySeverity = await issues('version: 1\nreport-filter: {severity: [1], rules: [1401]}\n', de)
    expect(bySeverity.report.findings.map((f) => f.issue.r)).toEqual([1401])
    expect(bySeverity.report.verdict).toEqual(all.report.verdict)
    const dismissedOnly = await issues(
      "version: 1\nreport-filter: {dismissed: true}\ndismissals:\n  - {file: locales/de/app.json, key: save, rule: 1302, target: 'Speichern ', comment: ok}\n",
      de,
    )
    expect(dismissedOnly.report.findings.map((f) => [f.issue.r, f.issue.x])).toEqual([[1302, true]])
  })

  it('rejects a severity outside 0-2 with its line', () => {
    expect(() => parseConfig('version: 1\nreport-filter:\n  severity: [3]\n', 'tq.yml')).toThrow('tq.yml:3:14: report-filter.severity[0] is 3; expected a whole number from 0 to 2')
  })
})
