// The common part of the local service fakes: an HTTP server on 127.0.0.1 with a random
// port that records every request, measures requests in flight, and injects faults
// (latency, error statuses, resets, hangs, malformed JSON) before the service's handler.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

export interface RecordedRequest {
  method: string
  path: string
  query: URLSearchParams
  headers: IncomingMessage['headers']
  /** Parsed JSON body, or the raw text when it is not JSON; undefined when empty. */
  body: unknown
}

export interface Reply {
  status: number
  headers?: Record<string, string>
  /** Sent as JSON. */
  json?: unknown
  /** Sent as is (malformed bodies, HTML error pages). */
  raw?: string
}

export type Fault =
  | { kind: 'reply'; reply: Reply }
  /** Drops the connection without an answer. */
  | { kind: 'reset' }
  /** Never answers (client timeouts). */
  | { kind: 'hang' }
  /** Answers 200 with a truncated JSON body. */
  | { kind: 'malformed' }
  /** Waits, then handles the request normally. */
  | { kind: 'latency'; ms: number }

export interface ServerOptions {
  /** The service's concurrency limit: requests beyond it get `overLimit` (e.g. Phrase's 429). */
  maxConcurrent?: number
  overLimit?: (req: RecordedRequest) => Reply
}

export type Handler = (req: RecordedRequest) => Reply | Promise<Reply>

interface Injection {
  fault: Fault
  times: number
  match: (req: RecordedRequest) => boolean
}

export class FakeServer {
  readonly requests: RecordedRequest[] = []
  /** Most requests handled at once. */
  maxInFlight = 0
  /** Added to every request (to make concurrency observable). */
  latencyMs = 0
  private inFlight = 0
  private injections: Injection[] = []
  private readonly sockets = new Set<Socket>()

  private constructor(
    private readonly server: Server,
    private readonly handler: Handler,
    private readonly options: ServerOptions,
  ) {}

  static async start(handler: Handler, options: ServerOptions = {}): Promise<FakeServer> {
    let fake: FakeServer | undefined
    const server = createServer((req, res) => void fake!.serve(req, res))
    fake = new FakeServer(server, handler, options)
    server.on('connection', (socket) => {
      fake!.sockets.add(socket)
      socket.on('close', () => fake!.sockets.delete(socket))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    return fake
  }

  get url(): string {
    const { port } = this.server.address() as AddressInfo
    return `http://127.0.0.1:${port}`
  }

  /** The next `times` requests that `match` get the fault instead of the normal answer. */
  inject(fault: Fault, options: { times?: number; match?: (req: RecordedRequest) => boolean } = {}): void {
    this.injections.push({ fault, times: options.times ?? 1, match: options.match ?? (() => true) })
  }

  /** Requests whose path ends with the given suffix (or matches the pattern). */
  count(path: string | RegExp, method?: string): number {
    return this.requests.filter((r) => (method === undefined || r.method === method) && (typeof path === 'string' ? r.path.endsWith(path) : path.test(r.path))).length
  }

  /** Forgets recorded requests and pending faults (between tests). */
  reset(): void {
    this.requests.length = 0
    this.injections = []
    this.maxInFlight = 0
    this.latencyMs = 0
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const text = Buffer.concat(chunks).toString('utf8')
    let body: unknown = text || undefined
    try {
      body = text ? JSON.parse(text) : undefined
    } catch {
      // keep the raw text: the handler answers the service's 400
    }
    const url = new URL(req.url ?? '/', 'http://fake')
    const recorded: RecordedRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body }
    this.requests.push(recorded)
    this.inFlight++
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight)
    try {
      if (this.latencyMs > 0) await sleep(this.latencyMs)
      const fault = this.takeFault(recorded)
      if (fault?.kind === 'latency') await sleep(fault.ms)
      if (fault?.kind === 'reset') {
        req.socket.destroy()
        return
      }
      if (fault?.kind === 'hang') return
      if (fault?.kind === 'malformed') return send(res, { status: 200, raw: '{"data": {"translations": [' })
      if (fault?.kind === 'reply') return send(res, fault.reply)
      const { maxConcurrent, overLimit } = this.options
      if (maxConcurrent !== undefined && overLimit && this.inFlight > maxConcurrent) return send(res, overLimit(recorded))
      send(res, await this.handler(recorded))
    } catch (e) {
      send(res, { status: 500, json: { message: `fake server error: ${(e as Error).message}` } })
    } finally {
      this.inFlight--
    }
  }

  private takeFault(req: RecordedRequest): Fault | undefined {
    const i = this.injections.findIndex((x) => x.match(req))
    if (i < 0) return undefined
    const injection = this.injections[i]
    if (--injection.times <= 0) this.injections.splice(i, 1)
    return injection.fault
  }
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.destroyed) return
  const headers = { ...reply.headers }
  let payload = reply.raw ?? ''
  if (reply.json !== undefined) {
    payload = JSON.stringify(reply.json)
    headers['content-type'] ??= 'application/json; charset=utf-8'
  }
  res.writeHead(reply.status, headers)
  res.end(payload)
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
