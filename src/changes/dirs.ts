// Changes between two directory trees (`tqg BASE_DIR HEAD_DIR`).
import { readdir, readFile, stat } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { IGNORED_DIRS, type Changes, type Tree } from './tree.js'

export class DirTree implements Tree {
  private listing?: Promise<string[]>

  constructor(
    readonly root: string,
    readonly label: string = root,
  ) {}

  list(): Promise<string[]> {
    this.listing ??= this.walk()
    return this.listing
  }

  private async walk(): Promise<string[]> {
    const out: string[] = []
    const visit = async (dir: string): Promise<void> => {
      const entries = await readdir(dir, { withFileTypes: true })
      for (const e of entries) {
        if (e.isDirectory()) {
          if (!IGNORED_DIRS.has(e.name)) await visit(join(dir, e.name))
        } else if (e.isFile()) {
          out.push(relative(this.root, join(dir, e.name)).split(sep).join('/'))
        }
      }
    }
    await visit(this.root)
    return out.sort()
  }

  private resolve(path: string): string | undefined {
    const full = join(this.root, path)
    // Paths come from the tree's own listing, but never read outside the root.
    return relative(this.root, full).startsWith('..') ? undefined : full
  }

  async size(path: string): Promise<number | undefined> {
    const full = this.resolve(path)
    if (!full) return undefined
    try {
      const s = await stat(full)
      return s.isFile() ? s.size : undefined
    } catch {
      return undefined
    }
  }

  async read(path: string): Promise<Uint8Array | undefined> {
    const full = this.resolve(path)
    if (!full) return undefined
    try {
      return new Uint8Array(await readFile(full))
    } catch {
      return undefined
    }
  }
}

function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  if (!a || !b) return a === b
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length))
}

export function dirChanges(baseDir: string, headDir: string): Changes {
  const base = new DirTree(baseDir)
  const head = new DirTree(headDir)
  return {
    base,
    head,
    description: `${baseDir} → ${headDir}`,
    async changed(path) {
      const [a, b] = await Promise.all([base.size(path), head.size(path)])
      if (a !== b) return true
      if (a === undefined) return false
      return !sameBytes(await base.read(path), await head.read(path))
    },
  }
}
