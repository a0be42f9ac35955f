// `npm run demo:providers`: the script starts the fakes and runs tqg on examples/ against them.
import { describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'

function demo(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['scripts/demo-providers.mjs', ...args], { env: { ...process.env, CUSTOMMT_TOKEN: '', OPENAI_API_KEY: '' } }, (e, stdout, stderr) =>
      resolve({ code: e ? ((e as { code?: number }).code ?? 3) : 0, stdout, stderr }),
    )
  })
}

describe('npm run demo:providers', () => {
  it('scores the demo PR through the service fakes and reports every score', async () => {
    const { code, stdout, stderr } = await demo('--format', 'json')
    const report = JSON.parse(stdout)
    const score = (file: string, key: string, provider: string) =>
      report.segments.find((s: { file: string; key: string }) => s.file === file && s.key === key).scores.find((s: { provider: string }) => s.provider === provider)
    expect(score('config/locales/de.yml', 'orders.count.one', 'custommt')).toEqual({ provider: 'custommt', engine: 'Acme Shop EN-DE', state: 'scored', score: 0.97, threshold: 0.8, confirm: true, lock: true })
    expect(score('locales/fr/common.json', 'cart.remove', 'custommt')).toMatchObject({ state: 'not-applicable', reason: "the target is not Custom.MT's translation" })
    expect(score('locales/de/common.json', 'cart.items_other', 'openai')).toMatchObject({ state: 'scored', score: 0.35 })
    expect(report.usage.custommt).toMatchObject({ requests: 2, retries: 0 })
    expect(report.usage.openai).toMatchObject({ requests: 3, retries: 0 })
    expect(report.summary.notScored).toBe(0)
    expect(score('locales/de/common.json', 'account.delete', 'phrase')).toMatchObject({ state: 'scored', score: 0.22 })
    expect(score('locales/fr/common.json', 'cart.remove', 'phrase')).toMatchObject({ state: 'not-applicable' })
    const issues = (file: string, key: string) => report.segments.find((s: { file: string; key: string }) => s.file === file && s.key === key).issues
    expect(issues('locales/fr/common.json', 'account.delete')).toContainEqual({ s: 1, d: 'Terminology: "compte" should be "votre compte" (glossary)', r: 30, c: 'Glossary entry ACC-12' })
    expect(stderr).toMatch(/Requests the fakes received: Phrase \d+, Custom\.MT 2, OpenAI-compatible LLM 3, Wordbee \d+; tqg exited 1/)
    expect(code).toBe(1)
  })
})
