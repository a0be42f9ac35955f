// The plumbing every service fake shares: an HTTP server on 127.0.0.1 with a random port,
// a record of every request, and faults injected into the next requests (latency, a status
// with the service's own headers and body, a request that never gets an answer, a body
// that is not JSON, a dropped connection). Each service's rules live in its own module;
// this file knows nothing about any service. No imports from src/: a fake that shared the
// client's code would share its bugs. Plain TypeScript with no test-framework imports, so
// scripts/demo-providers.mjs can run a compiled copy (tsconfig.emulators.json).
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RecordedRequest {
  method: string
  /** Path without the query string. */
  path: string
  query: URLSearchParams
  headers: IncomingHttpHeaders
  body: string
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown
}

export interface Reply {
  status: number
  headers?: Record<string, string>
  /** Sent as JSON unless it is a string. */
  body?: unknown
}

export type Fault =
  /** Answer with this status, headers and body instead of handling the request. */
  | { kind: 'reply'; reply: Reply }
  /** Handle the request normally, after a delay. */
  | { kind: 'latency'; ms: number }
  /** Never answer: the client's timeout must end the request. */
  | { kind: 'hang' }
  /** Answer 200 with a body cut off in the middle of the JSON. */
  | { kind: 'malformed' }
  /** Close the connection without an answer. */
  | { kind: 'drop' }

interface Pending {
  fault: Fault
  times: number
  /** Only requests whose path ends with this. */
  path?: string
}

export type Handler = (request: RecordedRequest) => Reply | Promise<Reply>

export class FakeServer {
  readonly requests: RecordedRequest[] = []
  /** Most requests handled at the same time so far. */
  maxInFlight = 0
  private inFlight = 0
  private readonly faults: Pending[] = []
  private readonly server: Server
  private readonly timers = new Set<NodeJS.Timeout>()
  private base = ''

  constructor(private readonly handler: Handler) {
    this.server = createServer((req, res) => void this.serve(req, res))
  }

  /** Starts on 127.0.0.1 with a free port; resolves to the base URL. */
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve))
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this.base
  }

  get url(): string {
    return this.base
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t)
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  /** Applies a fault to the next `times` requests (to `path` only, when given). */
  inject(fault: Fault, options: { times?: number; path?: string } = {}): this {
    this.faults.push({ fault, times: options.times ?? 1, path: options.path })
    return this
  }

  /** Requests to a path (ending), e.g. `/chat/completions`. */
  requestsTo(path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path.endsWith(path))
  }

  reset(): void {
    this.requests.length = 0
    this.faults.length = 0
    this.maxInFlight = 0
  }

  private takeFault(path: string): Fault | undefined {
    const i = this.faults.findIndex((f) => !f.path || path.endsWith(f.path))
    if (i < 0) return undefined
    const pending = this.faults[i]
    if (--pending.times <= 0) this.faults.splice(i, 1)
    return pending.fault
  }

  private delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.timers.delete(t)
        resolve()
      }, ms)
      this.timers.add(t)
    })
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const body = Buffer.concat(chunks).toString('utf8')
    const url = new URL(req.url ?? '/', 'http://fake')
    let json: unknown
    try {
      json = body ? JSON.parse(body) : undefined
    } catch {
      json = undefined
    }
    const request: RecordedRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body, json }
    this.requests.push(request)
    this.inFlight++
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight)
    res.on('close', () => this.inFlight--)
    const fault = this.takeFault(request.path)
    if (fault?.kind === 'hang') return
    if (fault?.kind === 'drop') {
      req.socket.destroy()
      return
    }
    if (fault?.kind === 'latency') await this.delay(fault.ms)
    if (fault?.kind === 'malformed') return send(res, { status: 200, body: '{"truncated": [1, 2' })
    if (fault?.kind === 'reply') return send(res, fault.reply)
    let reply: Reply
    try {
      reply = await this.handler(request)
    } catch (e) {
      reply = { status: 500, body: `fake server error: ${(e as Error).message}` }
    }
    send(res, reply)
  }
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.destroyed) return
  const text = reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body)
  const type = typeof reply.body === 'string' && !/^[[{]/.test(reply.body) ? 'text/plain; charset=utf-8' : 'application/json'
  res.writeHead(reply.status, { 'content-type': type, ...reply.headers })
  res.end(text)
}
