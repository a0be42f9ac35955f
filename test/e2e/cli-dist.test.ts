// The bundled CLI (dist/cli.js, what `npx tqg` runs) on a base/head pair of each format,
// as a user runs it: a separate node process, on Node 20 and on Node 24.
import { describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve as resolvePath } from 'node:path'
import { gitIn } from '../helpers/cli.js'

function run(cmd: string, args: string[], cwd?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, env: { ...process.env, NODE_OPTIONS: '' }, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr })
    })
  })
}

const common = ['examples/base', 'examples/head', '--format', 'json', '--scores-file', 'examples/scores.json']
const lines = (stdout: string) => {
  const report = JSON.parse(stdout)
  return report.segments.flatMap((s: { file: string; line: number; issues: { r: number }[] }) => s.issues.map((i) => `${s.file}:${s.line} ${i.r}`))
}

describe('dist/cli.js', () => {
  it('checks a JSON pair', async () => {
    const { code, stdout } = await run('node', ['dist/cli.js', ...common, '--files', 'locales/{locale}/*.json'])
    expect(code).toBe(1)
    expect(lines(stdout)).toEqual(
      expect.arrayContaining(['locales/de/common.json:16 1061', 'locales/de/common.json:17 1005', 'locales/fr/common.json:14 1063', 'locales/fr/common.json:20 1901']),
    )
    expect(JSON.parse(stdout).fileFindings).toEqual([
      expect.objectContaining({ file: 'locales/it/common.json', line: 13, issue: expect.objectContaining({ r: 1001 }) }),
      expect.objectContaining({ file: 'locales/en/common.json', line: 13, locales: ['de'], issue: expect.objectContaining({ r: 1007 }) }),
    ])
  })

  it('checks a YAML pair', async () => {
    const { code, stdout } = await run('node', ['dist/cli.js', ...common, '--files', 'config/locales/{locale}.yml'])
    expect(code).toBe(1)
    expect(lines(stdout)).toEqual(['config/locales/de.yml:8 1081', 'config/locales/es.yml:6 1011'])
    expect(JSON.parse(stdout).fileFindings).toEqual([expect.objectContaining({ file: 'config/locales/es.yml', line: 1, issue: expect.objectContaining({ r: 1009 }) })])
  })

  it('says what git could not read and exits 2, never crashing with exit 1 (the gate failed)', async () => {
    const repo = await mkdtemp(join(tmpdir(), 'tqg-broken-'))
    try {
      const git = gitIn(repo)
      await git('init', '-q', '-b', 'main')
      await writeFile(join(repo, 'en.json'), '{}\n')
      await git('add', '.')
      await git('commit', '-q', '-m', 'base')
      await git('checkout', '-q', '-b', 'topic')
      // The base commit's tree is missing (a damaged clone): listing and diffing it both fail.
      const tree = (await git('rev-parse', 'main^{tree}')).trim()
      await rm(join(repo, '.git/objects', tree.slice(0, 2), tree.slice(2)))
      const { code, stdout, stderr } = await run('node', [resolvePath('dist/cli.js'), '--base', 'main', '--files', 'l/{locale}.json', '--cache-dir', 'off'], repo)
      expect(stdout).toBe('')
      expect(stderr).toMatch(/^tqg: git ls-tree failed: fatal: not a tree object/)
      expect(code).toBe(2)
    } finally {
      await rm(repo, { recursive: true, force: true })
    }
  })

  it('runs on Node 24 with the same result', async () => {
    const args = ['dist/cli.js', ...common, '--files', 'config/locales/{locale}.yml']
    const [node20, node24] = await Promise.all([run('node', args), run('npx', ['-y', '-p', 'node@24', 'node', ...args])])
    expect(node24.stderr).not.toMatch(/Error/)
    expect(node24.code).toBe(1)
    expect(node24.stdout).toBe(node20.stdout)
    const version = await run('npx', ['-y', '-p', 'node@24', 'node', '--version'])
    expect(version.stdout).toMatch(/^v24\./)
  })
})
