// The GitHub REST client of the action: Octokit from @actions/github (proxy-aware), with
// every request counted against the token's budget (the workflow token has 1,000 requests
// per hour per repository), secondary rate limits waited out as GitHub asks, and, in debug
// mode, one log line per request with every secret masked.
import { GitHub } from '@actions/github/lib/utils'
import { masker, type Logger } from './log.js'

export type Octokit = InstanceType<typeof GitHub>

export interface RepoId {
  owner: string
  repo: string
}

export interface GitHubApiOptions {
  token?: string
  baseUrl: string
  log: Logger
  /** Log each request (RUNNER_DEBUG). */
  debug?: boolean
  /** Removes secrets from a line before it is logged. */
  mask?: (text: string) => string
  sleep?: (ms: number) => Promise<void>
}

// Longer waits than this are not worth holding a runner for; the request fails instead.
const MAX_WAIT_MS = 60_000
const MAX_RETRIES = 3

interface ErrorLike {
  status?: number
  message?: string
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown }
}

export function httpStatus(e: unknown): number | undefined {
  const status = (e as ErrorLike | undefined)?.status
  return typeof status === 'number' ? status : undefined
}

/** GitHub's own message of a failed request ("Resource not accessible by integration"). */
export function apiMessage(e: unknown): string {
  const data = (e as ErrorLike | undefined)?.response?.data as { message?: unknown } | undefined
  if (typeof data?.message === 'string') return data.message
  return e instanceof Error ? e.message : String(e)
}

/** How long GitHub asks to wait before retrying, when the error is a rate limit. */
export function rateLimitWait(e: unknown, now = Date.now()): number | undefined {
  const status = httpStatus(e)
  if (status !== 403 && status !== 429) return undefined
  const headers = (e as ErrorLike).response?.headers ?? {}
  const retryAfter = headers['retry-after']
  if (retryAfter !== undefined && retryAfter !== '') return Math.max(0, Number(retryAfter)) * 1000
  if (String(headers['x-ratelimit-remaining']) === '0' && headers['x-ratelimit-reset'] !== undefined) {
    return Math.max(0, Number(headers['x-ratelimit-reset']) * 1000 - now)
  }
  // A secondary limit without a header: GitHub says to wait at least a minute.
  if (/secondary rate limit/i.test(apiMessage(e))) return MAX_WAIT_MS
  return undefined
}

/** A write refused for lack of permission: a read-only token (forks) or a missing scope. */
export function isPermissionError(e: unknown): boolean {
  const status = httpStatus(e)
  return (status === 403 && rateLimitWait(e) === undefined) || status === 404 || status === 401
}

export class GitHubApi {
  readonly octokit: Octokit
  /** Requests sent, retries included. */
  requests = 0
  /** The budget GitHub reported left, from the last response. */
  remaining?: number
  private readonly options: GitHubApiOptions

  constructor(options: GitHubApiOptions) {
    this.options = options
    this.octokit = new GitHub({ baseUrl: options.baseUrl, ...(options.token ? { auth: `token ${options.token}` } : {}) })
    this.octokit.hook.wrap('request', async (request, requestOptions) => {
      const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)))
      const { method, url } = this.octokit.request.endpoint.parse(requestOptions)
      const label = `${method} ${this.mask(new URL(url).pathname)}`
      for (let attempt = 0; ; attempt++) {
        this.requests++
        try {
          const response = await request(requestOptions)
          this.track(response.headers as Record<string, unknown>)
          this.debug(`${label} -> ${response.status}`)
          return response
        } catch (e) {
          this.track((e as ErrorLike).response?.headers ?? {})
          this.debug(`${label} -> ${httpStatus(e) ?? 'no response'}: ${apiMessage(e)}`)
          const wait = rateLimitWait(e)
          if (wait === undefined || wait > MAX_WAIT_MS || attempt >= MAX_RETRIES) throw e
          options.log.info(`GitHub rate limit on ${label}: waiting ${Math.ceil(wait / 1000)} s as GitHub asks`)
          await sleep(wait)
        }
      }
    })
  }

  private login?: Promise<string | undefined>

  /**
   * Whether a comment's author is who this token writes as. Anyone can copy a hidden marker,
   * so only the author tells our comments apart. A bot is trusted as is (the workflow token
   * and GitHub Apps write as bots; no one else can); for a person's comment, `GET /user`
   * (asked once; installation tokens get 403) says whether the token is theirs.
   */
  async writesAs(user: { login?: string; type?: string } | null | undefined): Promise<boolean> {
    if (!user?.login) return false
    if (user.type === 'Bot') return true
    this.login ??= this.octokit.rest.users.getAuthenticated().then(
      ({ data }) => data.login,
      () => undefined,
    )
    return user.login === (await this.login)
  }

  private track(headers: Record<string, unknown>): void {
    const remaining = headers['x-ratelimit-remaining']
    if (remaining !== undefined && remaining !== '') this.remaining = Number(remaining)
  }

  private debug(line: string): void {
    if (this.options.debug) this.options.log.debug(`GitHub API ${this.mask(line)}`)
  }

  private mask(text: string): string {
    return (this.options.mask ?? masker([this.options.token]))(text)
  }

  /** "12 GitHub API requests (988 of the hourly budget left)". */
  usage(): string {
    const left = this.remaining !== undefined ? ` (${this.remaining} of the hourly budget left)` : ''
    return `${this.requests} GitHub API request${this.requests === 1 ? '' : 's'}${left}`
  }
}
