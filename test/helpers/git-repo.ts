// Real git repositories for the GitHub tests: a bare `origin` (what GitHub holds), an
// author's clone that makes commits, and workspaces checked out as actions/checkout does
// (one commit deep, detached at the PR's merge commit, `origin` pointing at the bare repo).
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

const ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test Author',
  GIT_AUTHOR_EMAIL: 'author@example.com',
  GIT_COMMITTER_NAME: 'Test Author',
  GIT_COMMITTER_EMAIL: 'author@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
}

export function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, env: ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim()
}

/** Files by path; `null` deletes. */
export type Files = Record<string, string | null>

export class TestRepo {
  readonly origin: string
  private readonly author: string

  constructor(readonly root: string) {
    this.origin = join(root, 'origin.git')
    this.author = join(root, 'author')
    git(root, ['init', '-q', '--bare', '-b', 'main', this.origin])
    git(root, ['init', '-q', '-b', 'main', this.author])
    git(this.author, ['remote', 'add', 'origin', this.origin])
  }

  static create(): TestRepo {
    return new TestRepo(mkdtempSync(join(tmpdir(), 'tqg-repo-')))
  }

  /** Commits on `branch` (starting it from `from` when new) and pushes it; returns the commit id. */
  commit(branch: string, message: string, change: { files?: Files; tree?: string; from?: string }): string {
    const born = git(this.author, ['branch', '--list']) !== ''
    const exists = git(this.author, ['branch', '--list', branch]) !== ''
    if (exists) git(this.author, ['checkout', '-q', branch])
    else if (change.from) git(this.author, ['checkout', '-q', '-b', branch, change.from])
    else if (born) git(this.author, ['checkout', '-q', '--orphan', branch])
    if (change.tree) {
      // The whole tree becomes the directory's contents.
      for (const entry of readdirSync(this.author)) if (entry !== '.git') rmSync(join(this.author, entry), { recursive: true, force: true })
      cpSync(change.tree, this.author, { recursive: true })
    }
    this.write(change.files ?? {})
    git(this.author, ['add', '-A'])
    git(this.author, ['commit', '-q', '--allow-empty', '-m', message])
    git(this.author, ['push', '-q', 'origin', branch])
    return git(this.author, ['rev-parse', 'HEAD'])
  }

  private write(files: Files): void {
    for (const [path, text] of Object.entries(files)) {
      const full = join(this.author, path)
      if (text === null) rmSync(full, { force: true })
      else {
        mkdirSync(dirname(full), { recursive: true })
        writeFileSync(full, text)
      }
    }
  }

  /** Rewrites `branch` as one new commit on `from` and force-pushes it; returns the commit id. */
  forcePush(branch: string, message: string, change: { from: string; files: Files }): string {
    git(this.author, ['checkout', '-q', '-B', branch, change.from])
    this.write(change.files)
    git(this.author, ['add', '-A'])
    git(this.author, ['commit', '-q', '--allow-empty', '-m', message])
    git(this.author, ['push', '-q', '--force', 'origin', branch])
    return git(this.author, ['rev-parse', 'HEAD'])
  }

  /** Deletes from origin every commit no ref reaches, as GitHub eventually does after a force push. */
  pruneOrigin(): void {
    git(this.origin, ['reflog', 'expire', '--expire=now', '--all'])
    git(this.origin, ['gc', '-q', '--prune=now'])
  }

  /** GitHub's merge commit of a pull request (refs/pull/N/merge): head merged into the base tip. */
  mergeCommit(number: number, baseSha: string, headSha: string): string {
    git(this.author, ['checkout', '-q', '--detach', baseSha])
    git(this.author, ['merge', '-q', '--no-ff', '--no-edit', headSha])
    const sha = git(this.author, ['rev-parse', 'HEAD'])
    git(this.author, ['push', '-q', 'origin', `${sha}:refs/pull/${number}/merge`])
    return sha
  }

  /** A workspace as actions/checkout leaves it: depth 1, detached at `sha`. */
  checkout(sha: string): string {
    const dir = mkdtempSync(join(this.root, 'workspace-'))
    git(dir, ['init', '-q'])
    git(dir, ['remote', 'add', 'origin', this.origin])
    git(dir, ['fetch', '-q', '--no-tags', '--depth=1', 'origin', sha])
    git(dir, ['checkout', '-q', '--detach', sha])
    return dir
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true })
  }
}
