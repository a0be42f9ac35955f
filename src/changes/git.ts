// Changes between two git revisions (or a revision and the working tree), read with git
// itself: one `ls-tree` per revision for names and sizes, one `cat-file --batch` process
// for contents. Git always runs with argument arrays; revisions are resolved to commit ids
// first, and paths never reach a command line.
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { addedLines, type AddedLines } from './diff.js'
import { DirTree } from './dirs.js'
import { EntryTree, isIgnoredPath, type Changes, type Tree, type TreeEntry } from './tree.js'

export class GitError extends Error {}

export function git(cwd: string, args: string[], options: { maxBuffer?: number; env?: Record<string, string> } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const env = options.env ? { ...process.env, ...options.env } : undefined
    execFile('git', args, { cwd, env, maxBuffer: options.maxBuffer ?? 256 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) reject(new GitError(`git ${args[0]} failed: ${(stderr || error.message).trim()}`))
      else resolve(stdout)
    })
  })
}

/** The commit id of a revision; rejects option-like or unknown revisions with a clear message. */
export async function resolveCommit(cwd: string, rev: string): Promise<string> {
  if (!rev || rev.startsWith('-')) throw new GitError(`Invalid git revision '${rev}'`)
  try {
    return (await git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`])).trim()
  } catch {
    throw new GitError(`Unknown git revision '${rev}' (fetch it first, e.g. git fetch origin ${rev})`)
  }
}

export async function mergeBase(cwd: string, a: string, b: string): Promise<string> {
  try {
    return (await git(cwd, ['merge-base', a, b])).trim()
  } catch {
    throw new GitError(`No merge base of ${a.slice(0, 12)} and ${b.slice(0, 12)}: the history is too shallow or unrelated (fetch more history, e.g. git fetch --unshallow)`)
  }
}

/** Reads blobs through one long-lived `git cat-file --batch`. */
export class BlobReader {
  private proc?: ChildProcessWithoutNullStreams
  private buffer = Buffer.alloc(0)
  private queue: Array<{ resolve: (b: Uint8Array | undefined) => void; reject: (e: Error) => void }> = []

  constructor(private readonly cwd: string) {}

  private start(): ChildProcessWithoutNullStreams {
    const proc = spawn('git', ['cat-file', '--batch'], { cwd: this.cwd })
    proc.stdout.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk])
      this.drain()
    })
    proc.on('error', (e) => this.failAll(e))
    // git gone mid-read: the write fails with EPIPE, which must not crash the run.
    proc.stdin.on('error', (e) => this.failAll(new GitError(`git cat-file stopped: ${e.message}`)))
    proc.on('close', () => this.failAll(new GitError('git cat-file stopped')))
    return proc
  }

  private failAll(e: Error): void {
    for (const q of this.queue.splice(0)) q.reject(e)
    this.proc = undefined
  }

  private drain(): void {
    for (;;) {
      const nl = this.buffer.indexOf(10)
      if (nl < 0 || this.queue.length === 0) return
      const header = this.buffer.subarray(0, nl).toString('utf8')
      if (header.endsWith(' missing')) {
        this.buffer = this.buffer.subarray(nl + 1)
        this.queue.shift()!.resolve(undefined)
        continue
      }
      const size = Number(header.split(' ')[2])
      if (this.buffer.length < nl + 1 + size + 1) return
      const body = new Uint8Array(this.buffer.subarray(nl + 1, nl + 1 + size))
      this.buffer = this.buffer.subarray(nl + 1 + size + 1)
      this.queue.shift()!.resolve(body)
    }
  }

  read(objectId: string): Promise<Uint8Array | undefined> {
    this.proc ??= this.start()
    return new Promise((resolve, reject) => {
      this.queue.push({ resolve, reject })
      this.proc!.stdin.write(`${objectId}\n`)
    })
  }

  close(): void {
    this.proc?.stdin.end()
    this.proc = undefined
  }
}

/** One commit of a repository. */
export class GitTree extends EntryTree {
  constructor(
    private readonly cwd: string,
    readonly commit: string,
    readonly label: string,
    private readonly blobs: BlobReader = new BlobReader(cwd),
  ) {
    super()
  }

  protected async listEntries(): Promise<Map<string, TreeEntry>> {
    const out = await git(this.cwd, ['ls-tree', '-r', '-l', '-z', '--full-tree', this.commit])
    const map = new Map<string, TreeEntry>()
    for (const record of out.split('\0')) {
      const tab = record.indexOf('\t')
      if (tab < 0) continue
      const [, type, id, size] = record.slice(0, tab).split(/\s+/)
      const path = record.slice(tab + 1)
      if (type === 'blob' && !isIgnoredPath(path)) map.set(path, { id, size: Number(size) })
    }
    return map
  }

  protected readBlob(id: string): Promise<Uint8Array | undefined> {
    return this.blobs.read(id)
  }
}

/** The working tree: tracked and untracked-but-not-ignored files as they are on disk. */
class WorkTree extends DirTree {
  private files?: Promise<string[]>

  constructor(private readonly cwd: string) {
    super(cwd, 'working tree')
  }

  override list(): Promise<string[]> {
    this.files ??= git(this.cwd, ['ls-files', '-z', '--cached', '--others', '--exclude-standard']).then(async (out) => {
      const paths = [...new Set(out.split('\0').filter((p) => p && !isIgnoredPath(p)))]
      const present = await Promise.all(paths.map(async (p) => ((await this.size(p)) !== undefined ? p : undefined)))
      return present.filter((p): p is string => p !== undefined).sort()
    })
    return this.files
  }
}

/** Changes between two commits already in the repository, read with one `cat-file` process. */
export function commitChanges(
  top: string,
  baseCommit: string,
  headCommit: string,
  labels: { base: string; head: string; description: string },
  blobs: BlobReader = new BlobReader(top),
): Changes {
  const base = new GitTree(top, baseCommit, labels.base, blobs)
  const head = new GitTree(top, headCommit, labels.head, blobs)
  // Lazy: a failing diff must reject where it is awaited, not as an unhandled rejection.
  let changedList: Promise<Set<string>> | undefined
  const changed = async (path: string) => {
    changedList ??= git(top, ['diff', '--name-only', '-z', '--no-renames', '--no-ext-diff', baseCommit, headCommit]).then((out) => new Set(out.split('\0').filter(Boolean)))
    return (await changedList).has(path)
  }
  return { base, head, description: labels.description, changed, close: () => blobs.close() }
}

/**
 * Changes of `head` (a revision, or the working tree when undefined) against the merge
 * base of `base` and head, so that newer commits on the base branch do not look like the
 * changes under review.
 */
export async function gitChanges(cwd: string, baseRev: string, headRev?: string): Promise<Changes & { baseCommit: string; headCommit?: string }> {
  const top = (await git(cwd, ['rev-parse', '--show-toplevel'])).trim()
  const baseTip = await resolveCommit(top, baseRev)
  const headCommit = headRev ? await resolveCommit(top, headRev) : undefined
  const baseCommit = await mergeBase(top, baseTip, headCommit ?? (await resolveCommit(top, 'HEAD')))
  const description = `${baseRev} (merge base ${baseCommit.slice(0, 7)}) → ${headRev ?? 'working tree'}`
  const baseLabel = `merge base ${baseCommit.slice(0, 7)}`
  if (headCommit) return { ...commitChanges(top, baseCommit, headCommit, { base: baseLabel, head: `${headRev} (${headCommit.slice(0, 7)})`, description }), baseCommit, headCommit }
  const blobs = new BlobReader(top)
  const base = new GitTree(top, baseCommit, baseLabel, blobs)
  const head = new WorkTree(top)
  // Lazy, as in commitChanges: a failing diff must reject where it is awaited.
  let changedList: Promise<Set<string>> | undefined
  const changed = async (path: string) => {
    changedList ??= git(top, ['diff', '--name-only', '-z', '--no-renames', '--no-ext-diff', baseCommit]).then(async (out) => {
      const set = new Set(out.split('\0').filter(Boolean))
      for (const p of (await git(top, ['ls-files', '-z', '--others', '--exclude-standard'])).split('\0')) if (p) set.add(p)
      return set
    })
    return (await changedList).has(path)
  }
  return { base, head, baseCommit, description, changed, close: () => blobs.close() }
}

const COMMIT_ID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/

/** Whether the repository holds a commit (a shallow checkout may not). */
export async function hasCommit(cwd: string, commit: string): Promise<boolean> {
  if (!COMMIT_ID.test(commit)) return false
  try {
    await git(cwd, ['cat-file', '-e', `${commit}^{commit}`])
    return true
  } catch {
    return false
  }
}

/**
 * Fetches the commits the repository lacks from `origin` with the checkout's credentials:
 * one level deep in a shallow checkout, whole in a full clone (which must not become
 * shallow). Commits already present are not fetched again.
 */
export async function fetchCommits(cwd: string, commits: string[]): Promise<void> {
  for (const c of commits) if (!COMMIT_ID.test(c)) throw new GitError(`Invalid commit id '${c}'`)
  const missing: string[] = []
  for (const c of new Set(commits)) if (!(await hasCommit(cwd, c))) missing.push(c)
  if (missing.length === 0) return
  const shallow = (await git(cwd, ['rev-parse', '--is-shallow-repository'])).trim() === 'true'
  // Without the checkout's credentials git would ask for a password and wait forever.
  await git(cwd, ['fetch', '--no-tags', '--no-recurse-submodules', ...(shallow ? ['--depth=1'] : []), 'origin', ...missing], { env: { GIT_TERMINAL_PROMPT: '0' } })
}

/** The commit `origin`'s branch points at, asked with the checkout's credentials; undefined when there is no such branch. */
export async function remoteBranchCommit(cwd: string, branch: string): Promise<string | undefined> {
  const ref = `refs/heads/${branch}`
  const out = await git(cwd, ['ls-remote', '--heads', 'origin', ref], { env: { GIT_TERMINAL_PROMPT: '0' } })
  // ls-remote matches patterns by their tail: keep the exact ref only.
  for (const line of out.split('\n')) {
    const [id, name] = line.split('\t')
    if (name === ref && COMMIT_ID.test(id)) return id
  }
  return undefined
}

/**
 * The lines `head` adds to each path (for review anchors), as GitHub's diff of the PR shows
 * them: a renamed file is diffed against its old path, so only what changed counts (GitHub
 * refuses a review comment on any other line). Paths never reach git as pathspec magic.
 */
export async function gitAddedLines(cwd: string, baseCommit: string, headCommit: string, paths: string[]): Promise<Map<string, AddedLines>> {
  const out = new Map<string, AddedLines>()
  const renamedFrom = new Map<string, string>()
  const status = (await git(cwd, ['diff', '--name-status', '-z', '-M', '--no-ext-diff', baseCommit, headCommit])).split('\0')
  for (let i = 0; i < status.length; i += status[i].startsWith('R') ? 3 : 2) {
    if (status[i].startsWith('R')) renamedFrom.set(status[i + 2], status[i + 1])
  }
  for (const path of paths) {
    const from = renamedFrom.get(path)
    const rename = from === undefined ? ['--no-renames'] : ['-M']
    const patch = await git(cwd, ['--literal-pathspecs', 'diff', '-U0', '--no-color', '--no-ext-diff', '--no-textconv', ...rename, baseCommit, headCommit, '--', ...(from === undefined ? [] : [from]), path])
    // Like the API's file list: a path the diff does not touch is absent.
    if (patch) out.set(path, addedLines(patch))
  }
  return out
}
