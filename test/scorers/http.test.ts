import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import { masker, memoryLogger } from '../../src/log.js'
import { retryAfterMs, ServiceClient, ServiceError, type Clock, type ServiceClientOptions } from '../../src/scorers/http.js'
import { OutOfTime } from '../../src/scorers/scorer.js'
import { FakeServer, type RecordedRequest } from '../emulators/server.js'

const TOKEN = 'phr_s3cr3t-T0KEN/with+chars'

/** Real time, but sleeps return at once and are recorded. */
function testClock(): Clock & { sleeps: number[] } {
  const sleeps: number[] = []
  return {
    sleeps,
    now: () => Date.now(),
    async sleep(ms, signal) {
      sleeps.push(ms)
      if (signal?.aborted) throw signal.reason
    },
  }
}

let server: FakeServer
const clients: ServiceClient[] = []

function client(extra: Partial<ServiceClientOptions> = {}) {
  const log = memoryLogger()
  const clock = testClock()
  const c = new ServiceClient({ service: 'Phrase', baseUrl: server.url + '/v2', headers: { authorization: `token ${TOKEN}` }, secrets: [TOKEN], log, clock, retries: 3, backoffMs: 10, ...extra })
  clients.push(c)
  return { c, log, clock }
}

beforeAll(async () => {
  server = await FakeServer.start((req: RecordedRequest) => {
    if (req.path.endsWith('/echo')) return { status: 400, json: { message: `bad request with ${JSON.stringify(req.headers.authorization)} at ${req.path}` } }
    if (req.path.endsWith('/invalid')) return { status: 422, json: { message: 'Validation Failed', errors: [{ resource: 'Key', field: 'name', message: "can't be blank" }] } }
    return { status: 200, json: { ok: true, method: req.method, body: req.body ?? null } }
  })
})

afterEach(async () => {
  server.reset()
  await Promise.all(clients.splice(0).map((c) => c.close()))
})

afterAll(() => server.close())

describe('ServiceClient', () => {
  it('sends JSON with the service headers and returns the parsed answer', async () => {
    const { c } = client()
    const res = await c.request<{ ok: boolean; body: unknown }>({ method: 'POST', path: '/projects/p1/search', query: { page: 2, per_page: 100, branch: undefined }, json: { q: 'name:a' } })
    expect(res.status).toBe(200)
    expect(res.data).toEqual({ ok: true, method: 'POST', body: { q: 'name:a' } })
    const [req] = server.requests
    expect(req.path).toBe('/v2/projects/p1/search')
    expect(Object.fromEntries(req.query)).toEqual({ page: '2', per_page: '100' })
    expect(req.headers.authorization).toBe(`token ${TOKEN}`)
    expect(req.headers['content-type']).toBe('application/json')
    expect(c.usage()).toEqual({ requests: 1, retries: 0 })
  })

  it.each([
    ['Retry-After in seconds', { 'retry-after': '2' }, 2000],
    ['Retry-After as an HTTP date', { 'retry-after': new Date(Date.now() + 5000).toUTCString() }, 5000],
    ['X-Rate-Limit-Reset as UNIX time', { 'x-rate-limit-reset': String(Math.floor(Date.now() / 1000) + 3) }, 3000],
  ])('retries a 429 after the wait the service asks for (%s)', async (_name, headers, expected) => {
    server.inject({ kind: 'reply', reply: { status: 429, headers, json: { message: 'Rate limit exceeded' } } })
    const { c, clock } = client()
    const res = await c.request({ method: 'GET', path: '/projects' })
    expect(res.status).toBe(200)
    expect(server.requests).toHaveLength(2)
    expect(clock.sleeps).toHaveLength(1)
    // HTTP dates and UNIX times have one-second resolution.
    expect(clock.sleeps[0]).toBeGreaterThan(expected - 1500)
    expect(clock.sleeps[0]).toBeLessThanOrEqual(expected + 1000)
    expect(c.usage()).toEqual({ requests: 2, retries: 1 })
  })

  it.each([
    ['503', { kind: 'reply', reply: { status: 503, raw: '<html>Service Unavailable</html>' } }],
    ['502', { kind: 'reply', reply: { status: 502, json: { message: 'Bad gateway' } } }],
    ['504', { kind: 'reply', reply: { status: 504 } }],
    ['a connection reset', { kind: 'reset' }],
  ] as const)('retries after %s, then succeeds', async (_name, fault) => {
    server.inject(fault)
    const { c, clock } = client()
    const res = await c.request({ method: 'GET', path: '/locales' })
    expect(res.data).toMatchObject({ ok: true })
    expect(server.requests).toHaveLength(2)
    expect(clock.sleeps).toHaveLength(1)
  })

  it('fails after its retries with an error naming service, request and status', async () => {
    server.inject({ kind: 'reply', reply: { status: 503, json: { message: 'Maintenance' } } }, { times: 10 })
    const { c } = client({ retries: 2 })
    const error = await c.request({ method: 'GET', path: '/projects/p1/locales?page=1' }).catch((e) => e)
    expect(error).toBeInstanceOf(ServiceError)
    expect(error.message).toBe('Phrase: GET /projects/p1/locales answered HTTP 503: Maintenance (after 3 attempts)')
    expect(error).toMatchObject({ service: 'Phrase', request: 'GET /projects/p1/locales', status: 503, kind: 'http' })
    expect(server.requests).toHaveLength(3)
  })

  it('times a request out and says so', async () => {
    server.inject({ kind: 'hang' }, { times: 5 })
    const { c } = client({ timeoutMs: 150, retries: 1 })
    const error = await c.request({ method: 'GET', path: '/slow' }).catch((e) => e)
    expect(error).toBeInstanceOf(ServiceError)
    expect(error.kind).toBe('timeout')
    expect(error.message).toBe('Phrase: GET /slow failed: no answer within 150 ms (after 2 attempts)')
  })

  it('does not retry malformed JSON and reports it', async () => {
    server.inject({ kind: 'malformed' })
    const { c } = client()
    const error = await c.request({ method: 'POST', path: '/projects/p1/quality_performance_score', json: { translation_ids: ['t1'] } }).catch((e) => e)
    expect(error).toBeInstanceOf(ServiceError)
    expect(error.kind).toBe('invalid-json')
    expect(error.message).toMatch(/^Phrase: POST \/projects\/p1\/quality_performance_score answered HTTP 200 with invalid JSON/)
    expect(server.requests).toHaveLength(1)
  })

  it('does not retry a client error and quotes the service error body', async () => {
    const { c } = client()
    const error = await c.request({ method: 'POST', path: '/invalid', json: {} }).catch((e) => e)
    expect(error.message).toBe("Phrase: POST /invalid answered HTTP 422: Validation Failed (name: can't be blank)")
    expect(error.body).toEqual({ message: 'Validation Failed', errors: [{ resource: 'Key', field: 'name', message: "can't be blank" }] })
    expect(server.requests).toHaveLength(1)
  })

  it.each([
    ['a 401 with a message', 401, { message: 'Unauthorized' }, 'Phrase: GET /projects answered HTTP 401: Unauthorized. Check phrase-token.'],
    ['a 403 whose message ends a sentence', 403, { error: 'Invalid token.' }, 'Phrase: GET /projects answered HTTP 403: Invalid token. Check phrase-token.'],
    ['a 401 without a body', 401, undefined, 'Phrase: GET /projects answered HTTP 401. Check phrase-token.'],
  ])('names the credential settings on %s, and sends nothing more once they are refused', async (_name, status, json, message) => {
    server.inject({ kind: 'reply', reply: { status, json } })
    const { c } = client({ credentials: 'phrase-token' })
    const first = await c.request({ method: 'GET', path: '/projects' }).catch((e) => e)
    expect(first).toBeInstanceOf(ServiceError)
    expect(first.message).toBe(message)
    const second = await c.request({ method: 'GET', path: '/locales' }).catch((e) => e)
    expect(second.message).toBe(message)
    expect(server.requests).toHaveLength(1)
  })

  it('without credential settings, a 401 names none and later requests are still sent (session tokens renew)', async () => {
    server.inject({ kind: 'reply', reply: { status: 401, json: { reason: 'Authentication token expired' } } })
    const { c } = client()
    const error = await c.request({ method: 'GET', path: '/projects' }).catch((e) => e)
    expect(error.message).toBe('Phrase: GET /projects answered HTTP 401: Authentication token expired')
    expect((await c.request({ method: 'GET', path: '/projects' })).status).toBe(200)
    expect(server.requests).toHaveLength(2)
  })

  it('retries a request that changes something only when the service surely did not act on it', async () => {
    server.inject({ kind: 'reply', reply: { status: 503 } })
    const { c } = client()
    await expect(c.request({ method: 'POST', path: '/issues/update', json: {}, idempotent: false })).rejects.toThrow('HTTP 503')
    expect(server.requests).toHaveLength(1)
    server.inject({ kind: 'reply', reply: { status: 429, headers: { 'retry-after': '1' } } })
    await expect(c.request({ method: 'POST', path: '/issues/update', json: {}, idempotent: false })).resolves.toMatchObject({ status: 200 })
    expect(server.requests).toHaveLength(3)
  })

  it('never waits past the deadline: a long Retry-After stops the request as out of time', async () => {
    server.inject({ kind: 'reply', reply: { status: 429, headers: { 'retry-after': '120' } } })
    const { c, clock } = client()
    const error = await c.request({ method: 'GET', path: '/keys', deadline: Date.now() + 5000 }).catch((e) => e)
    expect(error).toBeInstanceOf(OutOfTime)
    expect(error.message).toBe('Phrase asked to wait 120s before GET /keys (HTTP 429); that is past the time budget')
    expect(clock.sleeps).toEqual([])
    expect(server.requests).toHaveLength(1)
  })

  it('stops waiting when the time budget is aborted', async () => {
    server.inject({ kind: 'reply', reply: { status: 503 } })
    const controller = new AbortController()
    controller.abort(new Error('time budget reached'))
    const { c } = client()
    await expect(c.request({ method: 'GET', path: '/keys', signal: controller.signal })).rejects.toBeInstanceOf(OutOfTime)
    expect(server.requests).toHaveLength(0)
  })

  it('pauses before X-Rate-Limit-Remaining reaches 0, until the window resets', async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 30)
    server.inject({ kind: 'reply', reply: { status: 200, headers: { 'x-rate-limit-limit': '1000', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': reset }, json: {} } })
    const { c, clock } = client({ rateLimitHeaders: true })
    await c.request({ method: 'GET', path: '/a' })
    await c.request({ method: 'GET', path: '/b' })
    expect(server.requests.map((r) => r.path)).toEqual(['/v2/a', '/v2/b'])
    expect(clock.sleeps).toHaveLength(1)
    expect(clock.sleeps[0]).toBeGreaterThan(28_000)

    server.inject({ kind: 'reply', reply: { status: 200, headers: { 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': reset }, json: {} } })
    await c.request({ method: 'GET', path: '/c' })
    const error = await c.request({ method: 'GET', path: '/d', deadline: Date.now() + 10_000 }).catch((e) => e)
    expect(error).toBeInstanceOf(OutOfTime)
    expect(error.message).toMatch(/^Phrase rate limit used up until .* \(X-Rate-Limit-Reset\); that is past the time budget$/)
    expect(server.requests.map((r) => r.path)).toEqual(['/v2/a', '/v2/b', '/v2/c'])
  })

  it('counts requests already on their way against the remaining ones', async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 30)
    server.inject({ kind: 'reply', reply: { status: 200, headers: { 'x-rate-limit-remaining': '2', 'x-rate-limit-reset': reset }, json: {} } })
    const { c, clock } = client({ rateLimitHeaders: true })
    await c.request({ method: 'GET', path: '/first' })
    await Promise.all(['/a', '/b', '/c', '/d'].map((path) => c.request({ method: 'GET', path })))
    // Two fit in the window; the other two waited for the reset.
    expect(clock.sleeps).toHaveLength(2)
    expect(server.requests).toHaveLength(5)
  })

  it('keeps at most `concurrency` requests in flight', async () => {
    server.latencyMs = 40
    const { c } = client({ concurrency: 2 })
    await Promise.all(Array.from({ length: 8 }, (_, i) => c.request({ method: 'GET', path: `/k/${i}` })))
    expect(server.requests).toHaveLength(8)
    expect(server.maxInFlight).toBe(2)
  })

  it('never shows a token from the URL, the headers or an echoed body in errors or logs', async () => {
    const { c, log } = client({ retries: 1 })
    server.inject({ kind: 'reply', reply: { status: 500, json: { message: `internal error for token ${TOKEN}` } } }, { times: 2 })
    const failed = await c.request({ method: 'GET', path: `/tokens/${encodeURIComponent(TOKEN)}/x?access_token=${encodeURIComponent(TOKEN)}` }).catch((e) => e)
    const echoed = await c.request({ method: 'POST', path: '/echo', json: { key: TOKEN } }).catch((e) => e)
    for (const error of [failed, echoed]) {
      expect(error).toBeInstanceOf(ServiceError)
      const shown = [error.message, error.request, JSON.stringify(error.body), error.stack].join('\n')
      expect(shown).not.toContain(TOKEN)
      expect(shown).not.toContain(encodeURIComponent(TOKEN))
      expect(shown).toContain('***')
    }
    expect(failed.message).toBe('Phrase: GET /tokens/***/x answered HTTP 500: internal error for token *** (after 2 attempts)')
    expect(log.lines.filter((l) => l.startsWith('debug:')).length).toBeGreaterThanOrEqual(3)
    expect(log.lines.join('\n')).not.toContain(TOKEN)
    expect(log.lines.join('\n')).not.toContain(encodeURIComponent(TOKEN))
  })

  it('masks secrets learnt at run time', async () => {
    const { c } = client()
    c.addSecret('session-token-1234')
    const error = await c.request({ method: 'GET', path: '/echo', headers: { authorization: 'session-token-1234' } }).catch((e) => e)
    expect(error.message).toBe('Phrase: GET /echo answered HTTP 400: bad request with "***" at /v2/echo')
  })

  it('names the request and the cause when the service cannot be reached', async () => {
    const closed = await FakeServer.start(() => ({ status: 200 }))
    const url = closed.url
    await closed.close()
    const c = new ServiceClient({ service: 'Wordbee', baseUrl: url, log: memoryLogger(), clock: testClock(), retries: 1, backoffMs: 1 })
    clients.push(c)
    const error = await c.request({ method: 'POST', path: '/api/auth/token', json: {} }).catch((e) => e)
    expect(error).toBeInstanceOf(ServiceError)
    expect(error.kind).toBe('network')
    expect(error.message).toMatch(/^Wordbee: POST \/api\/auth\/token failed: .*ECONNREFUSED.* \(after 2 attempts\)$/)
  })
})

describe('proxies', () => {
  let proxy: Server
  const connects: string[] = []
  const saved = { HTTP_PROXY: process.env.HTTP_PROXY, NO_PROXY: process.env.NO_PROXY, http_proxy: process.env.http_proxy, no_proxy: process.env.no_proxy }

  beforeAll(async () => {
    // A CONNECT proxy, as corporate runners have.
    proxy = createServer()
    proxy.on('connect', (req, socket) => {
      connects.push(req.url ?? '')
      const [host, port] = (req.url ?? '').split(':')
      const upstream = connect(Number(port), host, () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
        upstream.pipe(socket)
        socket.pipe(upstream)
      })
      upstream.on('error', () => socket.destroy())
      socket.on('error', () => upstream.destroy())
    })
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
  })

  afterAll(async () => {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]
    else process.env[k] = v
    await new Promise((resolve) => proxy.close(resolve))
  })

  it('sends requests through HTTP_PROXY unless NO_PROXY names the host', async () => {
    delete process.env.http_proxy
    delete process.env.no_proxy
    process.env.HTTP_PROXY = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`
    process.env.NO_PROXY = ''
    const { c } = client()
    await c.request({ method: 'GET', path: '/via-proxy' })
    const target = server.url.replace('http://', '')
    expect(connects).toEqual([target])

    process.env.NO_PROXY = '127.0.0.1'
    const direct = client().c
    await direct.request({ method: 'GET', path: '/direct' })
    expect(connects).toEqual([target])
    expect(server.requests.map((r) => r.path)).toEqual(['/v2/via-proxy', '/v2/direct'])
  })
})

describe('helpers', () => {
  it.each([
    ['abc token abc', ['token'], 'abc *** abc'],
    ['a/b%2Bcd', ['b+cd'], 'a/***'],
    ['short ab', ['ab'], 'short ab'],
    ['longest first: abcdef', ['abc', 'abcdef'], 'longest first: ***'],
  ])('masker(%j)', (text, secrets, expected) => {
    expect(masker(secrets)(text)).toBe(expected)
  })

  it.each([
    ['3', 3000],
    ['0.5', 500],
    ['Wed, 21 Oct 2015 07:28:10 GMT', 10_000],
    ['soon', undefined],
    [undefined, undefined],
  ])('retryAfterMs(%j)', (value, expected) => {
    expect(retryAfterMs(value, Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(expected)
  })
})
