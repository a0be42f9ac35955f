// A directory as a tree: the CLI's two directories, and the action's workspace where the
// config and scores files are read. A file in it may be a symbolic link (git checks links
// out as links): one that leads out of the directory is not read, like a path with `..`.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DirTree } from '../../src/changes/dirs.js'

let dir: string
let root: string

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tqg-dirs-'))
  root = join(dir, 'workspace')
  mkdirSync(join(root, '.github'), { recursive: true })
  mkdirSync(join(root, 'locales'))
  writeFileSync(join(dir, 'outside.txt'), 'ACTIONS_RUNTIME_TOKEN=secret\n')
  writeFileSync(join(root, 'locales/en.json'), '{"a": "A"}\n')
  symlinkSync(join(dir, 'outside.txt'), join(root, '.github/translation-quality.yml'))
  symlinkSync('../../outside.txt', join(root, 'locales/relative.json'))
  symlinkSync(dir, join(root, 'up'))
  symlinkSync('en.json', join(root, 'locales/alias.json'))
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('DirTree', () => {
  it.each([
    ['.github/translation-quality.yml', undefined],
    ['locales/relative.json', undefined],
    ['up/outside.txt', undefined],
    ['../outside.txt', undefined],
    ['locales/alias.json', '{"a": "A"}\n'],
    ['locales/en.json', '{"a": "A"}\n'],
    ['locales/missing.json', undefined],
  ])('reads %j as %j', async (path, text) => {
    const tree = new DirTree(root)
    const bytes = await tree.read(path)
    expect(bytes && Buffer.from(bytes).toString('utf8')).toBe(text)
    expect(await tree.size(path)).toBe(text === undefined ? undefined : Buffer.byteLength(text))
  })

  it('lists regular files only', async () => {
    expect(await new DirTree(root).list()).toEqual(['locales/en.json'])
  })
})
