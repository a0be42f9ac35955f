// The changes of a PR read with git (fetching what a shallow checkout lacks) and through the
// API: both must see the same files, bytes, changes and diff lines.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync } from 'node:fs'
import { join } from 'node:path'
import { repoChanges, type CompareRequest } from '../../src/changes/github.js'
import { fetchCommits } from '../../src/changes/git.js'
import { GitHubApi } from '../../src/github-api.js'
import { memoryLogger } from '../../src/log.js'
import { FakeGitHub } from '../emulators/github.js'
import { git, TestRepo } from '../helpers/git-repo.js'

let repo: TestRepo
let fake: FakeGitHub
let base: string
let head: string
let merge: string

const odd = 'locales/de/:(glob)*odd name -- "x".json'
const SHOP = (pay: string) => `{\n  "cart": "Warenkorb",\n  "empty": "Leer",\n  "pay": "${pay}",\n  "total": "Summe",\n  "tax": "MwSt.",\n  "ship": "Versand"\n}\n`

beforeAll(async () => {
  repo = TestRepo.create()
  base = repo.commit('main', 'base', { files: { 'locales/en/app.json': '{\n  "a": "A",\n  "b": "B"\n}\n', 'locales/de/app.json': '{\n  "a": "A-de"\n}\n', 'locales/de/shop.json': SHOP('Bezahlen'), 'node_modules/x/en.json': '{}' } })
  const many = Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`docs/page${i}.md`, `page ${i}\n`]))
  head = repo.commit('topic', 'head', {
    from: base,
    // shop.json is renamed with one line changed: GitHub's diff shows that line only.
    files: { 'locales/de/app.json': '{\n  "a": "A-de",\n  "b": "B-de"\n}\n', [odd]: '{"x": "ü"}\n', 'locales/fr/app.json': '\uFEFF{"a": "A-fr"}\n', 'locales/de/shop.json': null, 'locales/de/checkout.json': SHOP('Jetzt bezahlen'), ...many },
  })
  merge = repo.mergeCommit(2, base, head)
  fake = await FakeGitHub.start(repo.origin)
  fake.addPull({ number: 2, base: { ref: 'main', sha: base }, head: { ref: 'topic', sha: head } })
})

afterAll(async () => {
  await fake.close()
  repo.remove()
})

function request(workspace: string | undefined, log = memoryLogger()): CompareRequest {
  return {
    workspace,
    api: new GitHubApi({ token: fake.token, baseUrl: fake.url, log }),
    repo: { owner: 'acme', repo: 'shop' },
    base,
    head,
    pull: 2,
    labels: { base: 'merge base', head: 'head', description: 'test' },
    log,
  }
}

async function snapshot(req: CompareRequest) {
  const changes = await repoChanges(req)
  try {
    const paths = await changes.head.list()
    const locale = paths.filter((p) => p.startsWith('locales/'))
    return {
      via: changes.via,
      base: (await changes.base.list()).filter((p) => p.startsWith('locales/')),
      head: locale,
      bytes: await Promise.all(locale.map(async (p) => Buffer.from((await changes.head.read(p))!).toString('base64'))),
      sizes: await Promise.all(locale.map((p) => changes.head.size(p))),
      changed: await Promise.all(locale.map((p) => changes.changed(p))),
      ignored: paths.some((p) => p.startsWith('node_modules/')),
      added: Object.fromEntries(await changes.addedLines(['locales/de/app.json', odd, 'locales/en/app.json', 'locales/de/checkout.json', 'docs/page119.md'])),
    }
  } finally {
    changes.close?.()
  }
}

describe('repoChanges', () => {
  it('reads the same files, bytes, changes and diff lines with git and through the API', async () => {
    const workspace = repo.checkout(merge)
    const viaGit = await snapshot(request(workspace))
    const before = fake.requests.length
    const viaApi = await snapshot(request(undefined))
    const used = fake.requests.slice(before)
    expect(viaGit.via).toBe('git')
    expect(viaApi.via).toBe('api')
    expect({ ...viaApi, via: 'git' }).toEqual(viaGit)
    expect(viaGit.head).toEqual(['locales/de/:(glob)*odd name -- "x".json', 'locales/de/app.json', 'locales/de/checkout.json', 'locales/en/app.json', 'locales/fr/app.json'])
    expect(viaGit.changed).toEqual([true, true, true, false, true])
    expect(viaGit.ignored).toBe(false)
    // The renamed file anchors only its changed line, as in GitHub's diff; each line comes with its text (suggested changes rewrite it).
    expect(viaGit.added).toEqual({
      'locales/de/app.json': new Map([
        [2, '  "a": "A-de",'],
        [3, '  "b": "B-de"'],
      ]),
      [odd]: new Map([[1, '{"x": "ü"}']]),
      'locales/de/checkout.json': new Map([[4, '  "pay": "Jetzt bezahlen",']]),
      'docs/page119.md': new Map([[1, 'page 119']]),
    })
    // Two listings, one blob per file read, and the PR's file list in two pages of 100.
    expect(used.filter((r) => r.path.includes('/git/trees/'))).toHaveLength(2)
    expect(used.filter((r) => r.path.includes('/git/blobs/'))).toHaveLength(5)
    expect(used.filter((r) => r.path.endsWith('/pulls/2/files'))).toHaveLength(2)
  })

  it('falls back to the API, saying why, when git cannot fetch the commits', async () => {
    const workspace = repo.checkout(merge)
    git(workspace, ['remote', 'set-url', 'origin', join(repo.root, 'missing.git')])
    const log = memoryLogger()
    const changes = await repoChanges(request(workspace, log))
    expect(changes.via).toBe('api')
    expect(log.lines.find((l) => l.startsWith('warning: git could not fetch the commits to compare'))).toBeDefined()
    expect(await changes.head.list()).toContain('locales/fr/app.json')
  })

  it('uses the API when the workspace is not a checkout', async () => {
    const log = memoryLogger()
    const changes = await repoChanges(request(mkdtempSync(join(repo.root, 'empty-')), log))
    expect(changes.via).toBe('api')
    expect(log.lines[0]).toContain('not a git checkout')
  })
})

describe('fetchCommits', () => {
  it('fetches what a shallow checkout lacks, one commit deep', async () => {
    const workspace = repo.checkout(merge)
    await fetchCommits(workspace, [base, head])
    expect(git(workspace, ['cat-file', '-t', base])).toBe('commit')
    expect(git(workspace, ['rev-parse', '--is-shallow-repository'])).toBe('true')
  })

  it('leaves a full clone whole', async () => {
    const clone = mkdtempSync(join(repo.root, 'full-'))
    git(clone, ['clone', '-q', repo.origin, '.'])
    await fetchCommits(clone, [base, head])
    expect(git(clone, ['rev-parse', '--is-shallow-repository'])).toBe('false')
  })

  it.each(['HEAD', '--upload-pack=evil', 'a'.repeat(39)])('refuses %j as a commit id', async (bad) => {
    await expect(fetchCommits(repo.origin, [bad])).rejects.toThrow(`Invalid commit id '${bad}'`)
  })
})
