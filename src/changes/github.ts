// The changes of a pull request (or a push, or a merge-queue entry) on GitHub: two commits
// of the repository and what differs between them. Read with git in the workspace when it
// is a checkout (fetching the commits it lacks with the checkout's credentials: no API
// requests per file), and through the REST API only when git cannot: trees and blobs by
// commit id, and the PR's file list for the diff lines reviews may anchor to.
import { realpath } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { GitHubApi, RepoId } from '../github-api.js'
import { apiMessage } from '../github-api.js'
import type { Logger } from '../log.js'
import { addedLines, type AddedLines } from './diff.js'
import { BlobReader, commitChanges, fetchCommits, git, gitAddedLines, GitTree } from './git.js'
import { EntryTree, isIgnoredPath, type Changes, type Tree, type TreeEntry } from './tree.js'

export class ChangesError extends Error {}

/** The changes, plus what the GitHub reporters need from the same source. */
export interface RepoChanges extends Changes {
  via: 'git' | 'api'
  /** Another commit's tree (the base commit, for the config under `pull_request_target`). */
  tree(commit: string, label: string): Tree
  /** The lines head adds, per path (review anchors). A path without a known patch is absent. */
  addedLines(paths: string[]): Promise<Map<string, AddedLines>>
}

export interface CompareRequest {
  workspace?: string
  api: GitHubApi
  repo: RepoId
  /** The merge base (or the commit before a push) and the commit under review. */
  base: string
  head: string
  /** The pull request, for the API's file list. */
  pull?: number
  /** More commits to make readable (the base branch tip, for its config file). */
  also?: string[]
  labels: { base: string; head: string; description: string }
  log: Logger
}


/** A commit read through the REST API: one trees request for the listing, one blob request per file read. */
export class ApiTree extends EntryTree {
  constructor(
    private readonly api: GitHubApi,
    private readonly repo: RepoId,
    readonly commit: string,
    readonly label: string,
  ) {
    super()
  }

  protected async listEntries(): Promise<Map<string, TreeEntry>> {
    const { data } = await this.api.octokit.rest.git.getTree({ ...this.repo, tree_sha: this.commit, recursive: 'true' })
    if (data.truncated) throw new ChangesError(`The file list of ${this.label} is too long for the GitHub API (it was truncated); check the repository out (actions/checkout) so git can read it.`)
    const map = new Map<string, TreeEntry>()
    for (const entry of data.tree) {
      if (entry.type === 'blob' && entry.path && entry.sha && !isIgnoredPath(entry.path)) map.set(entry.path, { id: entry.sha, size: entry.size ?? 0 })
    }
    return map
  }

  protected async readBlob(id: string): Promise<Uint8Array | undefined> {
    // The blob API serves files up to 100 MB (the contents API only 1 MB as JSON).
    const { data } = await this.api.octokit.rest.git.getBlob({ ...this.repo, file_sha: id })
    return new Uint8Array(Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8'))
  }
}

/** GitHub's list stops at 3,000 files, 100 per page. */
const MAX_PR_FILES = 3000

function viaApi(request: CompareRequest): RepoChanges {
  const { api, repo, labels } = request
  const base = new ApiTree(api, repo, request.base, labels.base)
  const head = new ApiTree(api, repo, request.head, labels.head)
  let patches: Promise<Map<string, AddedLines>> | undefined
  const loadPatches = async () => {
    const map = new Map<string, AddedLines>()
    if (request.pull === undefined) return map
    const files = await api.octokit.paginate(api.octokit.rest.pulls.listFiles, { ...repo, pull_number: request.pull, per_page: 100 })
    if (files.length >= MAX_PR_FILES) request.log.warning(`The pull request changes ${MAX_PR_FILES} files or more: GitHub lists only the first ${MAX_PR_FILES}, so findings in the others are not anchored as review comments.`)
    // A file without a patch (too large, binary) gets no review comments.
    for (const f of files) if (f.patch !== undefined) map.set(f.filename, addedLines(f.patch))
    return map
  }
  return {
    via: 'api',
    base,
    head,
    description: labels.description,
    // Same blob id, same content: no request per file.
    changed: async (path) => (await base.objectId(path)) !== (await head.objectId(path)),
    tree: (commit, label) => new ApiTree(api, repo, commit, label),
    addedLines: async (paths) => {
      patches ??= loadPatches()
      const all = await patches
      return new Map(paths.filter((p) => all.has(p)).map((p) => [p, all.get(p)!]))
    },
  }
}

/** The root of the git checkout at `workspace`, if it is one. */
export async function checkoutRoot(workspace: string): Promise<string | undefined> {
  try {
    const top = (await git(workspace, ['rev-parse', '--show-toplevel'])).trim()
    // A workspace inside some other repository is not a checkout of this one. (git prints
    // `D:/a/x` on Windows, where paths also ignore case.)
    const same = (a: string, b: string) => (process.platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b)
    return same(resolve(top), resolve(await realpath(workspace))) ? top : undefined
  } catch {
    return undefined
  }
}

/**
 * Opens the changes with git when the workspace is a checkout that has (or can fetch) the
 * commits, and otherwise through the API, saying why in the log.
 */
export async function repoChanges(request: CompareRequest): Promise<RepoChanges> {
  const { workspace, log } = request
  const top = workspace ? await checkoutRoot(workspace) : undefined
  if (!top) {
    log.info('The workspace is not a git checkout: reading the files through the GitHub API (add actions/checkout to save requests).')
    return viaApi(request)
  }
  try {
    await fetchCommits(top, [request.base, request.head, ...(request.also ?? [])])
  } catch (e) {
    log.warning(`git could not fetch the commits to compare (${apiMessage(e)}); reading the files through the GitHub API instead.`)
    return viaApi(request)
  }
  const blobs = new BlobReader(top)
  const changes = commitChanges(top, request.base, request.head, request.labels, blobs)
  return {
    ...changes,
    via: 'git',
    tree: (commit, label) => new GitTree(top, commit, label, blobs),
    addedLines: (paths) => gitAddedLines(top, request.base, request.head, paths),
  }
}
