import { describe, expect, it } from '@jest/globals'
import { parseConfig } from '../src/config/index.js'
import { resolveSettings, secretValues, SettingsError } from '../src/settings.js'

const origin = (n: string) => `input '${n}'`
const resolve = (inputs: Record<string, string> = {}, configText?: string) =>
  resolveSettings({ inputs, origin, config: configText === undefined ? undefined : parseConfig(configText, 'tq.yml'), configLabel: 'tq.yml' })

describe('settings', () => {
  it('uses the built-in defaults', () => {
    const s = resolve()
    expect(s).toMatchObject({
      name: 'Translation quality',
      groups: [{ files: [], sourceLocale: 'en' }],
      threshold: 0.7,
      failOn: ['error', 'below-threshold'],
      comment: 'summary',
      annotations: 'check',
      maxAnnotations: 200,
      timeBudget: 300,
      maxFileSize: 10 * 1024 * 1024,
      phrase: { apiUrl: 'https://api.phrase.com/v2' },
      wordbee: { push: false },
    })
    expect(s.maxSegments).toBeUndefined()
  })

  it('lets an input win over the config file, which wins over the default', () => {
    const config = 'version: 1\nthreshold: 0.8\nsource-locale: de\nfail-on: [warning]\n'
    expect(resolve({}, config)).toMatchObject({ threshold: 0.8, groups: [{ sourceLocale: 'de' }], failOn: ['warning'] })
    expect(resolve({ threshold: '0.5', 'fail-on': 'never' }, config)).toMatchObject({ threshold: 0.5, failOn: [] })
    // An empty input counts as unset, as the runner passes every declared input.
    expect(resolve({ threshold: '' }, config).threshold).toBe(0.8)
  })

  it('reads lists from newline or comma separated inputs', () => {
    expect(resolve({ files: 'locales/{locale}/*.json\n\nconfig/locales/{locale}.yml\n' }).groups).toEqual([
      { files: ['locales/{locale}/*.json', 'config/locales/{locale}.yml'], sourceLocale: 'en' },
    ])
    expect(resolve({ 'fail-on': 'error, warning' }).failOn).toEqual(['error', 'warning'])
  })

  it('takes groups from the config unless files are given as an input', () => {
    const config = 'version: 1\ngroups:\n  - files: [\'web/locales/{locale}.json\']\n  - files:\n      - app/res/values{-locale}/strings.xml\n    source-locale: en-US\n'
    expect(resolve({}, config).groups).toEqual([
      { files: ['web/locales/{locale}.json'], sourceLocale: 'en' },
      { files: ['app/res/values{-locale}/strings.xml'], sourceLocale: 'en-US' },
    ])
    expect(resolve({ files: 'x/{locale}.json' }, config).groups).toEqual([{ files: ['x/{locale}.json'], sourceLocale: 'en' }])
  })

  it.each([
    [{ threshold: '1.5' }, "Invalid input 'threshold': '1.5'. Expected a number from 0 to 1."],
    [{ threshold: 'high' }, "Invalid input 'threshold': 'high'. Expected a number from 0 to 1."],
    [{ 'fail-on': 'errors' }, "Invalid input 'fail-on': 'errors'. Expected a comma- or newline-separated list of error, warning, below-threshold, not-scored, never."],
    [{ 'fail-on': 'never,error' }, "Invalid input 'fail-on': 'never' cannot be combined with other values."],
    [{ comment: 'yes' }, "Invalid input 'comment': 'yes'. Expected one of summary, review, both, off."],
    [{ 'max-file-size': 'huge' }, "Invalid input 'max-file-size': 'huge'. Expected a size in bytes, or with KB or MB (e.g. 10MB)."],
    [{ 'phrase-api-url': 'ftp://x' }, "Invalid input 'phrase-api-url': 'ftp://x'. Expected 'eu', 'us' or an http(s) URL."],
    [{ 'max-annotations': '2.5' }, "Invalid input 'max-annotations': '2.5'. Expected a whole number of at least 0."],
  ])('rejects %j with a message naming the setting and the expected form', (inputs, message) => {
    expect(() => resolve(inputs)).toThrow(new SettingsError(message))
  })

  it('accepts size units and the Phrase server names', () => {
    expect(resolve({ 'max-file-size': '512KB' }).maxFileSize).toBe(512 * 1024)
    expect(resolve({ 'phrase-api-url': 'us' }).phrase.apiUrl).toBe('https://api.us.app.phrase.com/v2')
    expect(resolve({ 'phrase-api-url': 'http://127.0.0.1:9/v2/' }).phrase.apiUrl).toBe('http://127.0.0.1:9/v2')
  })

  it.each([
    [{ 'phrase-token': ' p-123 ', threshold: '0.5' }, ['p-123']],
    [{ 'openai-headers': 'api-key: az-secret-1\n# team gateway\nX-Team:  l10n \n' }, ['api-key: az-secret-1\n# team gateway\nX-Team:  l10n', 'az-secret-1', 'l10n']],
    // Before validation: a line that is not a header still masks the whole input.
    [{ 'openai-headers': 'not a header', 'custommt-token': 'cmt-1' }, ['cmt-1', 'not a header']],
  ])('secretValues(%j) -> %j', (inputs, expected) => {
    expect(secretValues(inputs).sort()).toEqual([...expected].sort())
  })

  it('collects secrets so the edges can mask them', () => {
    expect(resolve({ 'phrase-token': 'p-123', 'openai-api-key': 'sk-1' }).secrets.sort()).toEqual(['p-123', 'sk-1'])
  })

  it('reads extra LLM headers and query parameters, and masks each header value', () => {
    const s = resolve({ 'openai-api-key': 'sk-1', 'openai-headers': 'api-key: az-secret-1\n# team gateway\nX-Team:  l10n \n', 'openai-query': 'api-version=2024-10-21&deployment-tier=std' })
    expect(s.openai.headers).toEqual({ 'api-key': 'az-secret-1', 'x-team': 'l10n' })
    expect(s.openai.query).toEqual({ 'api-version': '2024-10-21', 'deployment-tier': 'std' })
    expect(s.secrets).toEqual(expect.arrayContaining(['sk-1', 'az-secret-1', 'l10n']))
    expect(resolve({ 'openai-query': 'api-version=2024-10-21\nx=1' }).openai.query).toEqual({ 'api-version': '2024-10-21', x: '1' })
  })

  it.each([
    [{ 'openai-headers': 'api-key az-secret-1' }, "Invalid input 'openai-headers': line 1 is not a header. Expected lines 'Name: value'."],
    [{ 'openai-headers': 'X-Team: l10n\nBad Name: az-secret-1' }, "Invalid input 'openai-headers': line 2 is not a header. Expected lines 'Name: value'."],
    [{ 'openai-headers': 'api-key:' }, "Invalid input 'openai-headers': line 1 is not a header. Expected lines 'Name: value'."],
    [{ 'openai-query': 'api-version' }, "Invalid input 'openai-query': 'api-version'. Expected name=value pairs, e.g. api-version=2024-10-21."],
  ])('rejects %j without echoing a header value', (inputs, message) => {
    expect(() => resolve(inputs)).toThrow(new SettingsError(message))
  })
})

describe('config file', () => {
  const problems = (text: string) => {
    try {
      parseConfig(text, 'tq.yml')
      return []
    } catch (e) {
      return (e as Error).message.split('\n').slice(1).map((l) => l.trim())
    }
  }

  it('accepts a complete file', () => {
    const text = [
      'version: 1',
      'files:',
      '  - locales/{locale}/*.json',
      'threshold: 0.75',
      'max-file-size: 2MB',
      'rules:',
      '  untranslated: off',
      '  1302: { severity: error, locales: { ja: off } }',
      'terms:',
      '  do-not-translate: [Acme]',
      'thresholds:',
      '  locales: { de: 0.8 }',
      '  scorers: { openai: 0.6 }',
      'report-filter: { dismissed: false, severity: [1, 2] }',
      'dismissals:',
      '  - { file: locales/de/app.json, key: nav.home, locale: de, rule: untranslated, target: Home, comment: "Home is English in our German UI" }',
      'custommt:',
      '  locales: [de, fr]',
      '  paths: ["src/locale/*.xlf"]',
      '  templates:',
      '    - { source: en, target: de, template: Acme EN-DE }',
      'openai: { mode: mqm, batch-size: 10 }',
    ].join('\n')
    expect(problems(text)).toEqual([])
  })

  it.each([
    ['version: 1\nthresold: 0.5\n', "tq.yml:2:1: Unknown key thresold; did you mean 'threshold'?"],
    ['version: 1\nthreshold: "high"\n', 'tq.yml:2:12: threshold is "high"; expected a number from 0 to 1'],
    ['version: 1\ncomment: sumary\n', "tq.yml:2:10: comment is \"sumary\"; expected one of 'summary', 'review', 'both', 'off' (did you mean 'summary'?)"],
    ['threshold: 0.5\n', 'tq.yml:1:1: version is required'],
    ['version: 2\n', 'tq.yml:1:10: version is 2; expected a whole number from 1 to 1'],
    ['version: 1\nphrase-token: abc\n', 'tq.yml:2:1: phrase-token cannot be set in the config file: secrets come only from the action\'s inputs or the CLI\'s flags and environment (PHRASE_TOKEN), so that a pull request cannot send them elsewhere'],
    ['version: 1\nfiles: [locales/{locale}/*.json]\n', "tq.yml:2:17: Invalid YAML: Missing , or : between flow sequence items (quote patterns inside [ ] lists: there '{' starts a YAML map)"],
    ['version: 1\nrules:\n  untranslated: never\n', "tq.yml:3:17: rules.untranslated is \"never\"; expected one of 'error', 'warning', 'info', 'off', or a map with keys severity, locales"],
    ['version: 1\ngroups:\n  - source-locale: en\n', 'tq.yml:3:5: groups[0].files is required'],
    ['version: 1\nfiles: [a\n', 'tq.yml:3:1: Invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ['- 1\n', 'tq.yml:1:1: The config file is a list; expected a map with keys'],
    [`version: 1\nterms:\n  do-not-translate:\n    - ${'x'.repeat(50_000)}\n`, 'tq.yml:4:7: terms.do-not-translate[0] is 50,000 characters long; expected at most 200'],
    ['version: 1\ncustommt:\n  templates: [{ target: de }]\n', 'tq.yml:3:15: custommt.templates[0].template is required'],
    ['version: 1\ncustommt:\n  locale: [de]\n', "tq.yml:3:3: Unknown key custommt.locale; did you mean 'locales'?"],
    ['version: 1\nopenai: { mode: gemba }\n', "tq.yml:2:17: openai.mode is \"gemba\"; expected one of 'da', 'mqm'"],
    ['version: 1\nopenai: { batch-size: 500 }\n', 'tq.yml:2:23: openai.batch-size is 500; expected a whole number from 1 to 50'],
  ])('reports %j with its line', (text, message) => {
    expect(problems(text)[0]).toContain(message)
  })

  it('never takes a service URL or a secret from the config file', () => {
    for (const key of ['phrase-api-url', 'openai-base-url', 'openai-api-key', 'openai-headers', 'openai-query', 'wordbee-api-url', 'custommt-token', 'custommt-api-url', 'github-token']) {
      expect(problems(`version: 1\n${key}: http://attacker.example\n`)[0]).toMatch(new RegExp(`^tq\\.yml:2:1: ${key} cannot be set in the config file`))
    }
  })
})
