// The two versions of the repository a run compares. Each source of changes (two
// directories, two git revisions, a pull request) provides these.

export interface Tree {
  /** For messages: "base (1a2b3c4)", "examples/head". */
  label: string
  /** Every file path, '/'-separated and relative to the repository root. */
  list(): Promise<string[]>
  /** Size in bytes, or undefined when the file does not exist. */
  size(path: string): Promise<number | undefined>
  read(path: string): Promise<Uint8Array | undefined>
}

export interface Changes {
  base: Tree
  head: Tree
  /** Whether a file differs between base and head (added, modified or deleted). */
  changed(path: string): Promise<boolean>
  /** What was compared, for the log. */
  description: string
  /** Releases helper processes (git cat-file). */
  close?(): void
}

/** Directories never holding the project's own locale files. */
export const IGNORED_DIRS = new Set(['.git', 'node_modules', 'vendor', 'Pods', 'dist', 'build', '.next', '.nuxt', 'coverage', '.tqg-cache'])

export function isIgnoredPath(path: string): boolean {
  return path.split('/').some((part) => IGNORED_DIRS.has(part))
}

/** A blob of a tree listing: its object id and size. */
export interface TreeEntry {
  id: string
  size: number
}

/**
 * A tree read from one listing of (path -> blob) and a way to read a blob by id: git's
 * ls-tree and cat-file, or the API's trees and blobs. Lists once, lazily.
 */
export abstract class EntryTree implements Tree {
  abstract readonly label: string
  private entries?: Promise<Map<string, TreeEntry>>

  protected abstract listEntries(): Promise<Map<string, TreeEntry>>
  protected abstract readBlob(id: string): Promise<Uint8Array | undefined>

  private load(): Promise<Map<string, TreeEntry>> {
    this.entries ??= this.listEntries()
    return this.entries
  }

  async list(): Promise<string[]> {
    return [...(await this.load()).keys()].sort()
  }

  async size(path: string): Promise<number | undefined> {
    return (await this.load()).get(path)?.size
  }

  async objectId(path: string): Promise<string | undefined> {
    return (await this.load()).get(path)?.id
  }

  async read(path: string): Promise<Uint8Array | undefined> {
    const entry = (await this.load()).get(path)
    return entry ? this.readBlob(entry.id) : undefined
  }
}
