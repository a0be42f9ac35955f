import { describe, expect, it, jest } from '@jest/globals'
import type { Tree } from '../../src/changes/tree.js'

const inputs: Record<string, string> = {}
const calls: string[] = []
jest.unstable_mockModule('@actions/core', () => ({
  getInput: (name: string) => {
    calls.push(`get ${name}`)
    return inputs[name] ?? ''
  },
  setSecret: (value: string) => void calls.push(`mask ${value}`),
}))
const { checkInputs, loadSettings, readInputs } = await import('../../src/action/inputs.js')

function tree(files: Record<string, string>, label = 'the base commit 1234567'): Tree {
  return {
    label,
    list: async () => Object.keys(files),
    size: async (p) => (p in files ? files[p].length : undefined),
    read: async (p) => (p in files ? new TextEncoder().encode(files[p]) : undefined),
  }
}

describe('action inputs', () => {
  it('reads every action input by its name and masks the secrets before reading anything else', () => {
    Object.assign(inputs, { 'github-token': 'ghs_secret_token', threshold: '0.8', 'phrase-token': 'phrase_secret', files: 'locales/{locale}.json\n' })
    calls.length = 0
    const raw = readInputs()
    expect(raw).toMatchObject({ 'github-token': 'ghs_secret_token', threshold: '0.8', 'phrase-token': 'phrase_secret', files: 'locales/{locale}.json\n', comment: undefined })
    const firstPlain = calls.indexOf('get threshold')
    expect(calls.indexOf('mask ghs_secret_token')).toBeLessThan(firstPlain)
    expect(calls.indexOf('mask phrase_secret')).toBeLessThan(firstPlain)
    expect(calls.filter((c) => c.startsWith('mask'))).toEqual(['mask ghs_secret_token', 'mask phrase_secret'])
    for (const key of Object.keys(inputs)) delete inputs[key]
  })

  it('masks each header value of a multi-line openai-headers input on its own', () => {
    Object.assign(inputs, { 'openai-headers': 'api-key: az-secret-1\nX-Gateway-Token:  gw-secret-2 \n' })
    calls.length = 0
    readInputs()
    const masked = calls.filter((c) => c.startsWith('mask')).map((c) => c.slice(5))
    // The runner masks what it is given, as one value: a line showing only one header's value would show it.
    expect(masked).toEqual(expect.arrayContaining(['az-secret-1', 'gw-secret-2']))
    expect(calls.indexOf('mask gw-secret-2')).toBeLessThan(calls.indexOf('get threshold'))
    for (const key of Object.keys(inputs)) delete inputs[key]
  })

  it.each([
    [{ threshold: 'high' }, "Invalid input 'threshold': 'high'. Expected a number from 0 to 1."],
    [{ comment: 'yes' }, "Invalid input 'comment': 'yes'. Expected one of summary, review, both, off."],
    [{ 'fail-on': 'error,sometimes' }, "Invalid input 'fail-on': 'sometimes'. Expected a comma- or newline-separated list of error, warning, below-threshold, not-scored, never."],
    [{ 'max-annotations': '-1' }, "Invalid input 'max-annotations': '-1'. Expected a whole number of at least 0."],
  ])('refuses %j naming the input and the expected form', (raw, message) => {
    expect(() => checkInputs(raw)).toThrow(message)
  })
})

describe('settings from the trusted tree', () => {
  const config = 'version: 1\nthreshold: 0.9\nfiles:\n  - app/{locale}.json\n'

  it('reads the config file of the tree, and a non-empty input wins over it', async () => {
    const { settings, configLabel } = await loadSettings({ threshold: '0.5' }, tree({ '.github/translation-quality.yml': config }))
    expect(configLabel).toBe('.github/translation-quality.yml (the base commit 1234567)')
    expect(settings.threshold).toBe(0.5)
    expect(settings.groups).toEqual([{ files: ['app/{locale}.json'], sourceLocale: 'en' }])
  })

  it('uses the defaults when the default config file is absent', async () => {
    const { settings, configLabel } = await loadSettings({}, tree({}))
    expect(configLabel).toBeUndefined()
    expect(settings).toMatchObject({ threshold: 0.7, comment: 'summary', annotations: 'check', maxAnnotations: 200, name: 'Translation quality' })
  })

  it.each([
    [{ config: 'ci/quality.yml' }, "Invalid input 'config': 'ci/quality.yml' does not exist in the base commit 1234567. Expected the path of a YAML config file in the repository."],
    [{ config: '../../etc/passwd' }, "Invalid input 'config': '../../etc/passwd'. Expected a path inside the repository."],
    [{ config: '/etc/passwd' }, "Invalid input 'config': '/etc/passwd'. Expected a path inside the repository."],
  ])('refuses %j', async (raw, message) => {
    await expect(loadSettings(raw, tree({}))).rejects.toThrow(message)
  })

  it('names the file, its origin and the line of a config error', async () => {
    await expect(loadSettings({}, tree({ '.github/translation-quality.yml': 'version: 1\nthreshhold: 0.9\n' }))).rejects.toThrow(
      /\.github\/translation-quality\.yml \(the base commit 1234567\):2:1: .*threshhold.*threshold/,
    )
  })
})
