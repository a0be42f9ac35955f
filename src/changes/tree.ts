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
