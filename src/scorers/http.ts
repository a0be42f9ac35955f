// The HTTP layer every quality service shares: JSON requests on undici with per-request
// timeouts, keep-alive, proxies from the environment, retries with jittered backoff that
// honour the service's Retry-After / X-Rate-Limit-* headers without waiting past the
// scoring deadline, bounded concurrency, a request counter, and secrets masked everywhere.
import { setTimeout as delay } from 'node:timers/promises'
import { EnvHttpProxyAgent, request, type Dispatcher } from 'undici'
import { masker, type Logger } from '../log.js'
import { OutOfTime } from './scorer.js'

export interface ServiceClientOptions {
  /** Names the service in errors and logs: `Phrase`, `Wordbee`... */
  service: string
  /** Base URL; request paths are appended to it. */
  baseUrl: string
  /** Sent with every request (auth headers: their values are masked). */
  headers?: Record<string, string>
  /** Values never to show in errors or logs (tokens, keys). */
  secrets?: string[]
  /**
   * The settings that hold the credentials (`custommt-token`): a 401 or 403 names them, and
   * every later request fails the same way without being sent, since none can succeed.
   */
  credentials?: string
  /** Requests in flight at once. Default 4. */
  concurrency?: number
  /** Per-request timeout in milliseconds (until the whole body is read). Default 30 s. */
  timeoutMs?: number
  /** Retries after the first attempt. Default 3. */
  retries?: number
  /** First backoff in milliseconds; doubles per retry, jittered, capped at 30 s. Default 500. */
  backoffMs?: number
  /** Pause before X-Rate-Limit-Remaining reaches 0, until X-Rate-Limit-Reset. */
  rateLimitHeaders?: boolean
  log: Logger
  /** Default: an EnvHttpProxyAgent (HTTPS_PROXY, HTTP_PROXY, NO_PROXY) of this client. */
  dispatcher?: Dispatcher
  /** Time source and sleep (tests). */
  clock?: Clock
}

export interface Clock {
  now(): number
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

export interface ServiceRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** Path below the base URL, e.g. `/projects/p1/locales`; may hold a query. */
  path: string
  query?: Record<string, string | number | boolean | undefined>
  /** Sent as JSON. */
  json?: unknown
  headers?: Record<string, string>
  /** Stops waiting and sending (the scoring time budget). */
  signal?: AbortSignal
  /** Epoch milliseconds: no retry or rate-limit wait may end after it. */
  deadline?: number
  /**
   * False for requests that change something: they are retried only when the service
   * surely did not act on them (429, refused connection). Default true.
   */
  idempotent?: boolean
}

export interface ServiceResponse<T = unknown> {
  status: number
  headers: Record<string, string>
  /** Parsed JSON body; undefined when the body is empty. */
  data: T
}

export type ServiceErrorKind = 'http' | 'timeout' | 'network' | 'invalid-json'

/** A request that failed after its retries; the message names service, request and status. */
export class ServiceError extends Error {
  constructor(
    message: string,
    readonly service: string,
    /** `POST /projects/p1/quality_performance_score` (no query, secrets masked). */
    readonly request: string,
    readonly kind: ServiceErrorKind,
    readonly status?: number,
    /** The service's error body (parsed JSON or text), secrets masked. */
    readonly body?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
    this.name = 'ServiceError'
  }
}

const MAX_BACKOFF_MS = 30_000
/** Seconds added to X-Rate-Limit-Reset before sending again (server clocks differ). */
const RESET_MARGIN_MS = 1000
const BODY_EXCERPT = 300

const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) => delay(ms, undefined, { signal }),
}

/** Milliseconds to wait from a Retry-After header (seconds or an HTTP date). */
export function retryAfterMs(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined
  const text = value.trim()
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000
  const at = Date.parse(text)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

/** Epoch milliseconds of an X-Rate-Limit-Reset header (UNIX seconds). */
function resetAt(value: string | undefined): number | undefined {
  if (!value || !/^\d+$/.test(value.trim())) return undefined
  return Number(value.trim()) * 1000
}

/** The message a service put in its error body, in the common shapes. */
function errorText(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim().slice(0, BODY_EXCERPT) || undefined
  if (!body || typeof body !== 'object') return undefined
  const b = body as Record<string, unknown>
  const nested = b.error && typeof b.error === 'object' ? (b.error as Record<string, unknown>) : undefined
  const main = [b.message, nested?.message, b.error, b.reason, b.detail].find((v) => typeof v === 'string') as string | undefined
  const details = Array.isArray(b.errors)
    ? b.errors
        .map((e) => (e && typeof e === 'object' ? [(e as Record<string, unknown>).field, (e as Record<string, unknown>).message].filter((v) => typeof v === 'string').join(': ') : ''))
        .filter(Boolean)
    : []
  const text = [main, details.length ? `(${details.join('; ')})` : ''].filter(Boolean).join(' ')
  return text ? text.slice(0, BODY_EXCERPT) : undefined
}

function retryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status !== 501 && status !== 505)
}

/** Counts permits; waiters are served in order. */
class Semaphore {
  private active = 0
  private readonly waiting: Array<() => void> = []
  constructor(private readonly limit: number) {}

  async acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active++
      return
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve))
  }

  release(): void {
    const next = this.waiting.shift()
    if (next) next()
    else this.active--
  }

}

interface Attempt {
  status?: number
  headers: Record<string, string>
  text?: string
  error?: { kind: 'timeout' | 'network'; message: string }
}

/** One quality service's HTTP client. */
export class ServiceClient {
  private readonly secrets: string[]
  private readonly slots: Semaphore
  private readonly dispatcher: Dispatcher
  private readonly ownDispatcher: boolean
  private readonly clock: Clock
  private sent = 0
  private retried = 0
  private closed = false
  /** The 401/403 that showed the credentials are wrong (with `credentials` set). */
  private refused?: ServiceError
  /** Requests admitted under the rate limit and not yet answered. */
  private admitted = 0
  /** The service's last rate-limit window: requests left and when it resets. */
  private window?: { remaining: number; reset: number }

  constructor(private readonly options: ServiceClientOptions) {
    this.secrets = [...(options.secrets ?? [])]
    this.slots = new Semaphore(options.concurrency ?? 4)
    this.ownDispatcher = !options.dispatcher
    this.dispatcher = options.dispatcher ?? new EnvHttpProxyAgent()
    this.clock = options.clock ?? realClock
  }

  get service(): string {
    return this.options.service
  }

  /** Requests sent, retries included. */
  get requests(): number {
    return this.sent
  }

  usage(): Record<string, number> {
    return { requests: this.sent, retries: this.retried }
  }

  /** A secret learnt at run time (a session token): masked from now on. */
  addSecret(secret: string): void {
    this.secrets.push(secret)
  }

  mask(text: string): string {
    return masker(this.secrets)(text)
  }

  async close(): Promise<void> {
    if (!this.ownDispatcher || this.closed) return
    this.closed = true
    await this.dispatcher.close()
  }

  async request<T = unknown>(req: ServiceRequest): Promise<ServiceResponse<T>> {
    const { service } = this.options
    const label = this.mask(`${req.method} ${req.path.split('?')[0]}`)
    const retries = this.options.retries ?? 3
    const url = this.url(req)
    for (let attempt = 0; ; attempt++) {
      if (this.refused) throw this.refused
      await this.admit(req, label)
      let result: Attempt
      try {
        result = await this.send(req, url)
      } finally {
        this.admitted--
      }
      if (result.status !== undefined && result.status >= 200 && result.status < 300) return this.parse<T>(result, label)

      const error = this.failure(result, label, attempt)
      if (error.status === 401 || error.status === 403) {
        if (this.options.credentials) this.refused ??= error
        throw error
      }
      const retryable = result.status !== undefined ? retryableStatus(result.status) && (req.idempotent !== false || result.status === 429) : req.idempotent !== false || /ECONNREFUSED/.test(result.error!.message)
      if (!retryable || attempt >= retries) throw error
      const asked = result.status === 429 || result.status === 503 ? this.askedWait(result.headers) : undefined
      const wait = asked ?? this.backoff(attempt)
      const deadline = req.deadline ?? Infinity
      if (this.clock.now() + wait > deadline) {
        // A rate limit we may not wait out is a skip (time budget); a failing service is a failure.
        if (result.status === 429) throw new OutOfTime(`${service} asked to wait ${Math.ceil(wait / 1000)}s before ${label} (HTTP ${result.status}); that is past the time budget`)
        throw error
      }
      this.retried++
      this.options.log.debug(`${service}: ${label} ${result.status ?? result.error!.kind}; retry ${attempt + 1}/${retries} in ${Math.round(wait)} ms`)
      await this.sleep(wait, req, label)
    }
  }

  private url(req: ServiceRequest): string {
    const url = new URL(this.options.baseUrl.replace(/\/+$/, '') + req.path)
    for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v))
    return url.toString()
  }

  private async sleep(ms: number, req: ServiceRequest, label: string): Promise<void> {
    try {
      await this.clock.sleep(ms, req.signal)
    } catch {
      throw new OutOfTime(`time budget reached while waiting to retry ${this.service} ${label}`)
    }
  }

  /**
   * Admits a request under the rate limit: when the window's remaining requests are taken
   * (by answers seen and requests already admitted), waits for the next window.
   */
  private async admit(req: ServiceRequest, label: string): Promise<void> {
    for (;;) {
      if (req.signal?.aborted) throw new OutOfTime(`time budget reached before ${this.service} ${label}`)
      const w = this.window
      if (!this.options.rateLimitHeaders || !w) break
      const now = this.clock.now()
      if (now >= w.reset) {
        this.window = undefined
        break
      }
      if (w.remaining - this.admitted >= 1) break
      const until = w.reset + RESET_MARGIN_MS
      if (until > (req.deadline ?? Infinity)) {
        throw new OutOfTime(`${this.service} rate limit used up until ${new Date(w.reset).toISOString()} (X-Rate-Limit-Reset); that is past the time budget`)
      }
      this.options.log.info(`${this.service}: rate limit reached; waiting ${Math.ceil((until - now) / 1000)}s for the next window`)
      await this.sleep(until - now, req, label)
      if (this.window === w) this.window = undefined
    }
    // Counted until its answer (and its rate-limit headers) arrives.
    this.admitted++
  }

  private noteWindow(headers: Record<string, string>): void {
    if (!this.options.rateLimitHeaders) return
    const remaining = Number(headers['x-rate-limit-remaining'])
    const reset = resetAt(headers['x-rate-limit-reset'])
    if (!Number.isFinite(remaining) || reset === undefined) return
    const w = this.window
    // Answers arrive out of order: within one window the smallest count is the latest.
    if (!w || reset > w.reset) this.window = { remaining, reset }
    else if (reset === w.reset) w.remaining = Math.min(w.remaining, remaining)
  }

  private askedWait(headers: Record<string, string>): number | undefined {
    const now = this.clock.now()
    const after = retryAfterMs(headers['retry-after'], now)
    if (after !== undefined) return after
    const reset = resetAt(headers['x-rate-limit-reset'])
    return reset !== undefined ? Math.max(0, reset - now) + RESET_MARGIN_MS : undefined
  }

  private backoff(attempt: number): number {
    const base = Math.min(MAX_BACKOFF_MS, (this.options.backoffMs ?? 500) * 2 ** attempt)
    return base / 2 + Math.random() * (base / 2)
  }

  private async send(req: ServiceRequest, url: string): Promise<Attempt> {
    const { service, log } = this.options
    const timeoutMs = this.options.timeoutMs ?? 30_000
    const timeout = AbortSignal.timeout(timeoutMs)
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout
    const headers: Record<string, string> = { accept: 'application/json', ...this.options.headers, ...req.headers }
    if (req.json !== undefined) headers['content-type'] = 'application/json'
    await this.slots.acquire()
    this.sent++
    const started = this.clock.now()
    try {
      const res = await request(url, {
        method: req.method,
        headers,
        body: req.json === undefined ? undefined : JSON.stringify(req.json),
        signal,
        dispatcher: this.dispatcher,
      })
      const text = await res.body.text()
      const flat: Record<string, string> = {}
      for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) flat[k] = Array.isArray(v) ? v.join(', ') : v
      this.noteWindow(flat)
      log.debug(`${service}: ${req.method} ${shorten(this.mask(url))} -> ${res.statusCode} in ${this.clock.now() - started} ms`)
      return { status: res.statusCode, headers: flat, text }
    } catch (e) {
      if (req.signal?.aborted) throw new OutOfTime(`time budget reached during ${service} ${this.mask(req.method + ' ' + req.path.split('?')[0])}`)
      const timedOut = timeout.aborted
      const message = timedOut ? `no answer within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${timeoutMs / 1000}s`}` : this.mask(networkMessage(e))
      log.debug(`${service}: ${req.method} ${shorten(this.mask(url))} -> ${message}`)
      return { headers: {}, error: { kind: timedOut ? 'timeout' : 'network', message } }
    } finally {
      this.slots.release()
    }
  }

  private failure(result: Attempt, label: string, attempt: number): ServiceError {
    const { service } = this.options
    const tries = attempt > 0 ? ` (after ${attempt + 1} attempts)` : ''
    if (result.status === undefined) {
      const { kind, message } = result.error!
      return new ServiceError(`${service}: ${label} failed: ${message}${tries}`, service, label, kind)
    }
    const text = this.mask(result.text ?? '')
    let body: unknown = text
    try {
      body = text ? JSON.parse(text) : undefined
    } catch {
      // An HTML error page from a proxy: keep the text.
    }
    const detail = errorText(body)
    const denied = (result.status === 401 || result.status === 403) && this.options.credentials
    const message = `${service}: ${label} answered HTTP ${result.status}${detail ? `: ${detail}` : ''}${tries}`
    const hint = denied ? `${/[.!?]$/.test(message) ? '' : '.'} Check ${this.options.credentials}.` : ''
    return new ServiceError(message + hint, service, label, 'http', result.status, body, result.headers)
  }

  private parse<T>(result: Attempt, label: string): ServiceResponse<T> {
    const text = result.text ?? ''
    let data: unknown
    try {
      data = text.trim() ? JSON.parse(text) : undefined
    } catch {
      const excerpt = this.mask(text.slice(0, 80))
      throw new ServiceError(`${this.service}: ${label} answered HTTP ${result.status} with invalid JSON: ${JSON.stringify(excerpt)}`, this.service, label, 'invalid-json', result.status)
    }
    return { status: result.status!, headers: result.headers, data: data as T }
  }
}

/** Long queries (a hundred ids) shortened for the log; mask first, so no secret is cut in half. */
function shorten(url: string): string {
  return url.length > 200 ? `${url.slice(0, 197)}...` : url
}

function networkMessage(e: unknown): string {
  const err = e as { code?: string; message?: string; cause?: { code?: string; message?: string } }
  const code = err.cause?.code ?? err.code
  const message = err.cause?.message ?? err.message ?? String(e)
  return code && !message.includes(code) ? `${code} ${message}` : message
}
