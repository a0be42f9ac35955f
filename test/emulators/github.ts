// A local fake of the GitHub REST API for the action's tests: 127.0.0.1, a random port,
// state in memory, file contents from a real (bare) git repository. It enforces the limits
// the reporters must respect, answering as GitHub does when they are broken:
// - no token: 401; a read-only token (forks): 403 "Resource not accessible by integration" on writes
// - check runs: at most 50 annotations per request, title <= 255, summary/text <= 65,535,
//   only on a pull request's head commit (or a commit registered with allowHead)
// - comment bodies <= 65,536 characters
// - reviews: only on the PR's head commit, comments with `line` + `side` on a line of the
//   diff (never `position`; a renamed file's diff shows only what changed); one bad comment
//   rejects the whole review
// - pagination with `Link` headers (per_page <= 100; a PR lists at most 3,000 files)
// - compare: each side a commit id or a branch name; a commit that is gone (force-pushed
//   away and pruned) answers 404 "No commit found for SHA"
// - `GET /user` answers a personal token (`user` of type User) and refuses the workflow token
// - secondary rate limits on demand (403 with `retry-after`)
import { execFile } from 'node:child_process'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FakePull {
  number: number
  base: { ref: string; sha: string }
  head: { ref: string; sha: string }
  /** `owner/repo` of the head; another repository than the base's means a fork. */
  headRepo?: string
}

export interface FakeAnnotation {
  path: string
  start_line: number
  end_line: number
  annotation_level: string
  title?: string
  message: string
}

export interface FakeCheckRun {
  id: number
  name: string
  head_sha: string
  status: string
  conclusion?: string
  details_url?: string
  output: { title?: string; summary?: string; text?: string }
  annotations: FakeAnnotation[]
  /** Requests that created or updated it. */
  requests: number
}

export interface FakeUser {
  login: string
  type: 'Bot' | 'User'
}

export interface FakeComment {
  id: number
  issue: number
  body: string
  user: FakeUser
  edits: number
}

export interface FakeReviewComment {
  id: number
  pull: number
  review: number
  path: string
  line: number | null
  side: string
  body: string
  commit_id: string
  user: FakeUser
}

export interface FakeReview {
  id: number
  pull: number
  commit_id: string
  event: string
  body: string
}

export interface RequestRecord {
  method: string
  path: string
  status: number
}

const BOT: FakeUser = { login: 'github-actions[bot]', type: 'Bot' }

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
  }
}

const invalid = (message: string) => new HttpError(422, 'Validation Failed', { errors: [{ message }] })

function gitIn(dir: string, args: string[], encoding: 'utf8' | 'buffer' = 'utf8'): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd: dir, encoding: encoding === 'buffer' ? 'buffer' : 'utf8', maxBuffer: 512 * 1024 * 1024 }, (error, stdout) => {
      if (error) reject(new HttpError(404, 'Not Found'))
      else resolve(typeof stdout === 'string' ? stdout : (stdout as Buffer).toString('base64'))
    })
  })
}

/** The lines of the new file a diff shows (added and context): where GitHub lets a RIGHT-side comment sit. */
function rightSideLines(patch: string): Set<number> {
  const lines = new Set<number>()
  let line = 0
  let inHunk = false
  for (const text of patch.split('\n')) {
    const m = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(text)
    if (m) {
      line = Number(m[1])
      inHunk = true
    } else if (inHunk && (text.startsWith('+') || text.startsWith(' '))) lines.add(line++)
    else if (inHunk && !text.startsWith('-') && !text.startsWith('\\')) inHunk = false
  }
  return lines
}

export class FakeGitHub {
  url = ''
  token: string | undefined = 'ghs_fake_workflow_token'
  /** A fork's token: every write answers 403. */
  readOnly = false
  /** The next this-many writes answer 403 "secondary rate limit" with `retry-after`. */
  secondaryLimits = 0
  retryAfter = '0'
  /** The owner of comments and reviews the token writes. */
  user: FakeUser = BOT
  readonly pulls = new Map<number, FakePull>()
  readonly checkRuns: FakeCheckRun[] = []
  readonly comments: FakeComment[] = []
  readonly reviews: FakeReview[] = []
  readonly reviewComments: FakeReviewComment[] = []
  readonly requests: RequestRecord[] = []
  private readonly heads = new Set<string>()
  private nextId = 1000
  private server?: Server

  constructor(
    /** A bare repository holding every commit the API serves. */
    readonly gitDir: string,
    readonly owner = 'acme',
    readonly repo = 'shop',
  ) {}

  static async start(gitDir: string, owner?: string, repo?: string): Promise<FakeGitHub> {
    const fake = new FakeGitHub(gitDir, owner, repo)
    fake.server = createServer((req, res) => void fake.handle(req, res))
    await new Promise<void>((resolve) => fake.server!.listen(0, '127.0.0.1', resolve))
    fake.url = `http://127.0.0.1:${(fake.server!.address() as AddressInfo).port}`
    return fake
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()))
  }

  addPull(pull: FakePull): void {
    this.pulls.set(pull.number, pull)
  }

  /** A commit check runs may be created on (a pushed commit, a merge-queue commit). */
  allowHead(sha: string): void {
    this.heads.add(sha)
  }

  writes(): RequestRecord[] {
    return this.requests.filter((r) => r.method !== 'GET')
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url)
    const method = req.method ?? 'GET'
    let status = 200
    let body: unknown
    let headers: Record<string, string> = {}
    try {
      const raw = await new Promise<string>((resolve) => {
        let data = ''
        req.setEncoding('utf8')
        req.on('data', (c: string) => (data += c))
        req.on('end', () => resolve(data))
      })
      const auth = req.headers.authorization
      if (!auth) throw new HttpError(401, 'Requires authentication')
      if (!this.token || auth.replace(/^(token|bearer) /i, '') !== this.token) throw new HttpError(401, 'Bad credentials')
      if (method !== 'GET') {
        if (this.readOnly) throw new HttpError(403, 'Resource not accessible by integration')
        if (this.secondaryLimits > 0) {
          this.secondaryLimits--
          throw new HttpError(403, 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', {}, { 'retry-after': this.retryAfter })
        }
      }
      const result = await this.route(method, url, raw ? (JSON.parse(raw) as Record<string, unknown>) : {})
      status = result.status ?? 200
      body = result.body
      headers = result.headers ?? {}
    } catch (e) {
      // A bug in the fake answers 500 rather than hanging the client.
      const error = e instanceof HttpError ? e : new HttpError(500, `Fake GitHub failed: ${String(e)}`)
      status = error.status
      body = { message: error.message, documentation_url: 'https://docs.github.com/rest', ...error.extra }
      headers = error.headers
    }
    this.requests.push({ method, path: url.pathname, status })
    const used = this.requests.length
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'x-ratelimit-limit': '1000',
      'x-ratelimit-remaining': String(Math.max(0, 1000 - used)),
      'x-ratelimit-used': String(used),
      'x-ratelimit-resource': 'core',
      ...headers,
    })
    res.end(body === undefined ? '' : JSON.stringify(body))
  }

  private pull(n: string): FakePull {
    const pull = this.pulls.get(Number(n))
    if (!pull) throw new HttpError(404, 'Not Found')
    return pull
  }

  private page<T>(url: URL, items: T[]): { body: T[]; headers: Record<string, string> } {
    const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? 30)))
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1))
    const last = Math.max(1, Math.ceil(items.length / perPage))
    const at = (p: number) => {
      const u = new URL(url)
      u.searchParams.set('per_page', String(perPage))
      u.searchParams.set('page', String(p))
      return u.toString()
    }
    const links: string[] = []
    if (page < last) links.push(`<${at(page + 1)}>; rel="next"`, `<${at(last)}>; rel="last"`)
    if (page > 1) links.push(`<${at(1)}>; rel="first"`, `<${at(page - 1)}>; rel="prev"`)
    return { body: items.slice((page - 1) * perPage, page * perPage), headers: links.length ? { link: links.join(', ') } : {} }
  }

  /** The commit of an id or a branch name, as the compare API resolves them; 404 when there is none (a commit gone after a force push). */
  private async commitOf(rev: string): Promise<string> {
    const name = /^[0-9a-f]{40}$/.test(rev) ? rev : `refs/heads/${rev}`
    try {
      return (await gitIn(this.gitDir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${name}^{commit}`])).trim()
    } catch {
      throw new HttpError(404, `No commit found for SHA: ${rev}`)
    }
  }

  private async mergeBase(a: string, b: string): Promise<string> {
    return (await gitIn(this.gitDir, ['merge-base', a, b])).trim()
  }

  private readonly filesCache = new Map<string, Promise<Array<{ filename: string; status: string; patch?: string; sha: string; previous_filename?: string }>>>()

  private pullFiles(pull: FakePull): Promise<Array<{ filename: string; status: string; patch?: string; sha: string; previous_filename?: string }>> {
    const key = `${pull.base.sha}...${pull.head.sha}`
    if (!this.filesCache.has(key)) this.filesCache.set(key, this.diffFiles(pull))
    return this.filesCache.get(key)!
  }

  private async diffFiles(pull: FakePull): Promise<Array<{ filename: string; status: string; patch?: string; sha: string; previous_filename?: string }>> {
    const base = await this.mergeBase(pull.base.sha, pull.head.sha)
    // GitHub detects renames: a renamed file's patch holds only what changed.
    const out = await gitIn(this.gitDir, ['diff', '--name-status', '-z', '-M', base, pull.head.sha])
    const parts = out.split('\0').filter(Boolean)
    const files = []
    for (let i = 0; i + 1 < parts.length; ) {
      const renamed = parts[i].startsWith('R')
      const [from, filename] = renamed ? [parts[i + 1], parts[i + 2]] : [undefined, parts[i + 1]]
      const patch = await gitIn(this.gitDir, ['--literal-pathspecs', 'diff', '-M', base, pull.head.sha, '--', ...(from ? [from] : []), filename])
      // GitHub's `patch` is the diff from the first hunk on.
      const at = patch.indexOf('\n@@')
      const status = renamed ? 'renamed' : ({ A: 'added', D: 'removed', M: 'modified' }[parts[i]] ?? 'modified')
      files.push({ filename, status, sha: '', ...(from && { previous_filename: from }), ...(at >= 0 && { patch: patch.slice(at + 1) }) })
      i += renamed ? 3 : 2
    }
    return files.slice(0, 3000)
  }

  private checkHead(sha: unknown): void {
    const heads = new Set([...this.heads, ...[...this.pulls.values()].map((p) => p.head.sha)])
    if (typeof sha !== 'string' || !heads.has(sha)) throw invalid(`No commit found for SHA: ${String(sha)} (not the head of a pull request)`)
  }

  private checkOutput(output: unknown): FakeAnnotation[] {
    if (output === undefined) return []
    const o = output as { title?: unknown; summary?: unknown; text?: unknown; annotations?: unknown[] }
    if (typeof o.title !== 'string' || typeof o.summary !== 'string') throw invalid('output needs a title and a summary')
    if (o.summary.length > 65535) throw invalid(`Only 65535 characters are allowed; ${o.summary.length} were supplied.`)
    if (typeof o.text === 'string' && o.text.length > 65535) throw invalid(`Only 65535 characters are allowed; ${o.text.length} were supplied.`)
    const annotations = (o.annotations ?? []) as FakeAnnotation[]
    if (annotations.length > 50) throw invalid(`Only 50 annotations are allowed per request; ${annotations.length} were supplied.`)
    for (const a of annotations) {
      if (typeof a.path !== 'string' || !a.path || !Number.isInteger(a.start_line) || !Number.isInteger(a.end_line) || a.start_line < 1 || a.end_line < a.start_line) {
        throw invalid('annotation needs a path and start_line <= end_line')
      }
      if (!['notice', 'warning', 'failure'].includes(a.annotation_level)) throw invalid(`annotation_level '${a.annotation_level}' is not notice, warning or failure`)
      if (typeof a.message !== 'string' || a.message.length === 0 || a.message.length > 65535) throw invalid('annotation message is missing or too long')
      if (a.title !== undefined && a.title.length > 255) throw invalid('annotation title is longer than 255 characters')
    }
    return annotations
  }

  private checkBody(body: unknown): string {
    if (typeof body !== 'string' || body.length === 0) throw invalid('Body cannot be blank')
    if (body.length > 65536) throw invalid('Body is too long (maximum is 65536 characters)')
    return body
  }

  private async route(method: string, url: URL, input: Record<string, unknown>): Promise<{ status?: number; body?: unknown; headers?: Record<string, string> }> {
    // The authenticated user: a personal token's; an installation token (the workflow token) has none.
    if (method === 'GET' && url.pathname === '/user') {
      if (this.user.type === 'Bot') throw new HttpError(403, 'Resource not accessible by integration')
      return { body: { login: this.user.login, type: this.user.type } }
    }
    const prefix = `/repos/${this.owner}/${this.repo}`
    if (!url.pathname.startsWith(`${prefix}/`)) throw new HttpError(404, 'Not Found')
    const path = url.pathname.slice(prefix.length)
    const is = (m: string, re: RegExp) => (method === m ? re.exec(path) : null)
    let m: RegExpExecArray | null

    if ((m = is('GET', /^\/pulls\/(\d+)$/))) {
      const p = this.pull(m[1])
      const repo = (full: string) => ({ full_name: full })
      return { body: { number: p.number, state: 'open', base: { ...p.base, repo: repo(`${this.owner}/${this.repo}`) }, head: { ...p.head, repo: repo(p.headRepo ?? `${this.owner}/${this.repo}`) } } }
    }
    if ((m = is('GET', /^\/pulls\/(\d+)\/files$/))) return this.page(url, await this.pullFiles(this.pull(m[1])))
    if ((m = is('GET', /^\/compare\/(.+?)\.\.\.(.+)$/))) {
      // Each side is a commit id or a branch name (URL-encoded: `feature%2Fx`).
      const [base, head] = await Promise.all([this.commitOf(decodeURIComponent(m[1])), this.commitOf(decodeURIComponent(m[2]))])
      const mergeBase = await this.mergeBase(base, head)
      return { body: { status: 'ahead', merge_base_commit: { sha: mergeBase }, base_commit: { sha: base }, commits: [], files: [] } }
    }
    if ((m = is('GET', /^\/git\/trees\/([0-9a-f]+)$/))) {
      const out = await gitIn(this.gitDir, ['ls-tree', '-r', '-l', '-z', '--full-tree', m[1]])
      const tree = out
        .split('\0')
        .filter(Boolean)
        .map((record) => {
          const tab = record.indexOf('\t')
          const [mode, type, sha, size] = record.slice(0, tab).split(/\s+/)
          return { path: record.slice(tab + 1), mode, type, sha, size: Number(size) }
        })
      return { body: { sha: m[1], tree, truncated: false } }
    }
    if ((m = is('GET', /^\/git\/blobs\/([0-9a-f]+)$/))) {
      const content = await gitIn(this.gitDir, ['cat-file', 'blob', m[1]], 'buffer')
      return { body: { sha: m[1], encoding: 'base64', content, size: Buffer.from(content, 'base64').length } }
    }
    if (is('POST', /^\/check-runs$/)) {
      if (typeof input.name !== 'string' || !input.name) throw invalid('name is missing')
      this.checkHead(input.head_sha)
      const annotations = this.checkOutput(input.output)
      const output = (input.output ?? {}) as FakeCheckRun['output']
      const run: FakeCheckRun = {
        id: this.nextId++,
        name: input.name,
        head_sha: input.head_sha as string,
        status: (input.status as string) ?? (input.conclusion ? 'completed' : 'queued'),
        conclusion: input.conclusion as string | undefined,
        details_url: input.details_url as string | undefined,
        output: { title: output.title, summary: output.summary, text: output.text },
        annotations: [...annotations],
        requests: 1,
      }
      this.checkRuns.push(run)
      return { status: 201, body: { id: run.id, html_url: `https://github.com/${this.owner}/${this.repo}/runs/${run.id}`, status: run.status, conclusion: run.conclusion } }
    }
    if ((m = is('PATCH', /^\/check-runs\/(\d+)$/))) {
      const run = this.checkRuns.find((r) => r.id === Number(m![1]))
      if (!run) throw new HttpError(404, 'Not Found')
      const annotations = this.checkOutput(input.output)
      run.annotations.push(...annotations)
      const output = (input.output ?? {}) as FakeCheckRun['output']
      run.output = { ...run.output, ...output }
      if (input.conclusion) run.conclusion = input.conclusion as string
      if (input.status) run.status = input.status as string
      run.requests++
      return { body: { id: run.id, html_url: `https://github.com/${this.owner}/${this.repo}/runs/${run.id}` } }
    }
    if ((m = is('GET', /^\/issues\/(\d+)\/comments$/))) {
      const n = Number(m[1])
      return this.page(url, this.comments.filter((c) => c.issue === n).map((c) => ({ id: c.id, body: c.body, user: c.user, html_url: this.commentUrl(c) })))
    }
    if ((m = is('POST', /^\/issues\/(\d+)\/comments$/))) {
      this.pull(m[1])
      const comment: FakeComment = { id: this.nextId++, issue: Number(m[1]), body: this.checkBody(input.body), user: this.user, edits: 0 }
      this.comments.push(comment)
      return { status: 201, body: { id: comment.id, body: comment.body, user: comment.user, html_url: this.commentUrl(comment) } }
    }
    if ((m = is('PATCH', /^\/issues\/comments\/(\d+)$/))) {
      const comment = this.comments.find((c) => c.id === Number(m![1]))
      if (!comment) throw new HttpError(404, 'Not Found')
      comment.body = this.checkBody(input.body)
      comment.edits++
      return { body: { id: comment.id, body: comment.body, user: comment.user, html_url: this.commentUrl(comment) } }
    }
    if ((m = is('GET', /^\/pulls\/(\d+)\/comments$/))) {
      const n = Number(m[1])
      return this.page(url, this.reviewComments.filter((c) => c.pull === n))
    }
    if ((m = is('POST', /^\/pulls\/(\d+)\/reviews$/))) return { body: await this.createReview(this.pull(m[1]), input) }
    throw new HttpError(404, 'Not Found')
  }

  private commentUrl(c: FakeComment): string {
    return `https://github.com/${this.owner}/${this.repo}/pull/${c.issue}#issuecomment-${c.id}`
  }

  private async createReview(pull: FakePull, input: Record<string, unknown>): Promise<unknown> {
    if (input.commit_id !== pull.head.sha) throw invalid(`commit_id ${String(input.commit_id)} is not the head of pull request #${pull.number}`)
    const event = input.event as string | undefined
    if (event !== undefined && !['APPROVE', 'REQUEST_CHANGES', 'COMMENT'].includes(event)) throw invalid(`event '${event}' is not valid`)
    if (event === 'COMMENT' || event === 'REQUEST_CHANGES') this.checkBody(input.body)
    const comments = (input.comments ?? []) as Array<Record<string, unknown>>
    const files = new Map((await this.pullFiles(pull)).map((f) => [f.filename, rightSideLines(f.patch ?? '')]))
    for (const c of comments) {
      if (c.position !== undefined) throw invalid('position is deprecated; use line and side')
      if (typeof c.path !== 'string' || !Number.isInteger(c.line) || (c.side !== 'RIGHT' && c.side !== 'LEFT')) throw invalid('a review comment needs path, line and side')
      this.checkBody(c.body)
      if (c.side === 'RIGHT' && !files.get(c.path)?.has(c.line as number)) throw invalid('Pull request review thread line must be part of the diff')
    }
    const review: FakeReview = { id: this.nextId++, pull: pull.number, commit_id: pull.head.sha, event: event ?? 'PENDING', body: (input.body as string) ?? '' }
    this.reviews.push(review)
    for (const c of comments) {
      this.reviewComments.push({ id: this.nextId++, pull: pull.number, review: review.id, path: c.path as string, line: c.line as number, side: c.side as string, body: c.body as string, commit_id: pull.head.sha, user: this.user })
    }
    return { id: review.id, state: review.event === 'COMMENT' ? 'COMMENTED' : review.event, commit_id: review.commit_id }
  }
}
