// Changes between two directory trees (`tqg BASE_DIR HEAD_DIR`).
import { readdir, readFile, realpath, stat } from 'node:fs/promises'
import { isAbsolute, join, relative, sep } from 'node:path'
import { IGNORED_DIRS, type Changes, type Tree } from './tree.js'

export class DirTree implements Tree {
  private listing?: Promise<string[]>
  private realRoot?: Promise<string>

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

  /**
   * The file a path names, never outside the root: not through `..`, nor through a symbolic
   * link (a checkout holds links as the repository has them, and the action reads its config
   * file from the workspace). Undefined when it does not exist.
   */
  private async resolve(path: string): Promise<string | undefined> {
    try {
      const [root, full] = await Promise.all([(this.realRoot ??= realpath(this.root)), realpath(join(this.root, path))])
      const rel = relative(root, full)
      return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel) ? undefined : full
    } catch {
      return undefined
    }
  }

  async size(path: string): Promise<number | undefined> {
    const full = await this.resolve(path)
    if (!full) return undefined
    try {
      const s = await stat(full)
      return s.isFile() ? s.size : undefined
    } catch {
      return undefined
    }
  }

  async read(path: string): Promise<Uint8Array | undefined> {
    const full = await this.resolve(path)
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
