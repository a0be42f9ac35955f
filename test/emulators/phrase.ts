// A local fake of the Phrase Strings API v2 parts the Phrase scorer uses: locales, the
// translations of a locale, of a key and by id, key search by name, and QPS. It enforces
// what Phrase enforces (token, OTP, project, branch, per_page 1..100, 4 concurrent requests,
// the rate-limit window) and answers wrong requests with Phrase's own error bodies.
import { FakeServer, type RecordedRequest, type Reply } from './server.js'

export interface FakeLocale {
  id: string
  name: string
  code: string
}

export interface FakeTranslation {
  id: string
  keyId: string
  keyName: string
  plural: boolean
  suffix: string
  localeId: string
  content: string
  /** QPS score 0..1; missing: the fake's default. */
  score?: number
}

export interface PhraseFixture {
  token: string
  projectId: string
  /** When set, every request needs this X-PhraseApp-OTP. */
  otp?: string
  /** Branches that exist (besides the main one). */
  branches: string[]
  locales: FakeLocale[]
  translations: FakeTranslation[]
}

/** Texts per locale code: `{de: {'cart.title': 'Warenkorb', 'cart.items': {one: '...', other: '...'}}}`. */
export type PhraseTexts = Record<string, Record<string, string | Record<string, string>>>

export function phraseFixture(texts: PhraseTexts, options: Partial<Omit<PhraseFixture, 'locales' | 'translations'>> & { scores?: Record<string, number> } = {}): PhraseFixture {
  const locales: FakeLocale[] = Object.keys(texts).map((code) => ({ id: `loc-${code}`, name: code, code }))
  const keyIds = new Map<string, string>()
  const translations: FakeTranslation[] = []
  for (const [code, keys] of Object.entries(texts)) {
    for (const [name, value] of Object.entries(keys)) {
      if (!keyIds.has(name)) keyIds.set(name, `key-${keyIds.size + 1}`)
      const forms = typeof value === 'string' ? { '': value } : value
      for (const [suffix, content] of Object.entries(forms)) {
        translations.push({ id: `tr-${code}-${translations.length + 1}`, keyId: keyIds.get(name)!, keyName: name, plural: typeof value !== 'string', suffix, localeId: `loc-${code}`, content, score: options.scores?.[content] })
      }
    }
  }
  return { token: options.token ?? 'phrase-token-0123456789', projectId: options.projectId ?? 'proj1', otp: options.otp, branches: options.branches ?? [], locales, translations }
}

const DEFAULT_SCORE = 0.9
/** The QPS id cap this project assumes (Phrase documents none); the fake enforces it. */
export const FAKE_QPS_MAX_IDS = 100

export class PhraseFake {
  /** Answers every QPS call with a 200 whole-call error while set. */
  wholeCallError?: { message: string; code: string }
  /** Translation ids QPS reports in `errors[]`. */
  readonly failingIds = new Set<string>()
  /** Rate-limit window: requests allowed until `reset` (UNIX seconds). */
  rateLimit = { limit: 1000, used: 0, reset: Math.floor(Date.now() / 1000) + 300 }

  private constructor(
    readonly server: FakeServer,
    readonly fixture: PhraseFixture,
  ) {}

  static async start(fixture: PhraseFixture): Promise<PhraseFake> {
    let fake: PhraseFake | undefined
    const server = await FakeServer.start((req) => fake!.handle(req), {
      maxConcurrent: 4,
      overLimit: () => ({ status: 429, headers: fake!.limitHeaders(), json: { message: 'Concurrency limit exceeded' } }),
    })
    fake = new PhraseFake(server, fixture)
    return fake
  }

  /** The API base URL (what `phrase-api-url` takes). */
  get url(): string {
    return `${this.server.url}/v2`
  }

  get requests(): RecordedRequest[] {
    return this.server.requests
  }

  /** QPS calls, and the ids each sent. */
  get qpsCalls(): string[][] {
    return this.requests.filter((r) => r.path.endsWith('/quality_performance_score')).map((r) => (r.body as { translation_ids: string[] }).translation_ids)
  }

  /** Requests that look up ids (everything but QPS). */
  get lookups(): RecordedRequest[] {
    return this.requests.filter((r) => !r.path.endsWith('/quality_performance_score'))
  }

  close(): Promise<void> {
    return this.server.close()
  }

  limitHeaders(): Record<string, string> {
    const w = this.rateLimit
    return { 'x-rate-limit-limit': String(w.limit), 'x-rate-limit-remaining': String(Math.max(0, w.limit - w.used)), 'x-rate-limit-reset': String(w.reset) }
  }

  private handle(req: RecordedRequest): Reply {
    const f = this.fixture
    const reply = (status: number, json: unknown, headers: Record<string, string> = {}): Reply => ({ status, json, headers: { ...this.limitHeaders(), ...headers } })
    const auth = req.headers.authorization ?? ''
    const basic = `Basic ${Buffer.from(`${f.token}:`).toString('base64')}`
    if (auth !== `token ${f.token}` && auth !== basic) return reply(401, { message: 'Unauthorized', documentation_url: 'https://developers.phrase.com/api/' })
    if (f.otp && req.headers['x-phraseapp-otp'] !== f.otp) return reply(401, { message: 'Two-factor authentication code required or invalid', documentation_url: 'https://developers.phrase.com/api/' })
    this.rateLimit.used++
    if (this.rateLimit.used > this.rateLimit.limit) return reply(429, { message: 'Rate limit exceeded', documentation_url: 'https://developers.phrase.com/api/#rate-limit' })

    const m = /^\/v2\/projects\/([^/]+)(\/.*)$/.exec(req.path)
    if (!m || decodeURIComponent(m[1]) !== f.projectId) return reply(404, { message: 'Not Found', documentation_url: 'https://developers.phrase.com/api/' })
    const route = m[2]
    const body = (req.body ?? {}) as Record<string, unknown>
    const branch = req.query.get('branch') ?? (typeof body.branch === 'string' ? body.branch : undefined)
    if (branch !== undefined && !f.branches.includes(branch)) return reply(404, { message: 'Not Found', documentation_url: 'https://developers.phrase.com/api/' })
    const perPage = req.query.get('per_page')
    const page = req.query.get('page')
    if ((perPage !== null && !/^([1-9]\d?|100)$/.test(perPage)) || (page !== null && !/^[1-9]\d*$/.test(page))) {
      return reply(400, { message: 'Bad Request', errors: [{ resource: 'Pagination', field: perPage !== null && !/^([1-9]\d?|100)$/.test(perPage) ? 'per_page' : 'page', message: 'is invalid' }] })
    }
    const list = <T>(items: T[]): Reply => this.paginate(req, items, reply)

    if (req.method === 'GET' && route === '/locales') return list(f.locales.map((l) => ({ ...l, default: l === f.locales[0], main: false })))
    let r = /^\/locales\/([^/]+)\/translations$/.exec(route)
    if (req.method === 'GET' && r) {
      const locale = f.locales.find((l) => l.id === decodeURIComponent(r![1]))
      if (!locale) return reply(404, { message: 'Not Found', documentation_url: 'https://developers.phrase.com/api/' })
      return list(this.sorted(f.translations.filter((t) => t.localeId === locale.id)).map((t) => this.view(t)))
    }
    if (req.method === 'GET' && route === '/translations') {
      const q = req.query.get('q') ?? ''
      const ids = /^id:(\S+)$/.exec(q)
      // Only the id qualifier is emulated; anything else is a client bug here.
      if (!ids) return reply(400, { message: `fake: unsupported translation query ${JSON.stringify(q)}` })
      const wanted = new Set(ids[1].split(','))
      return list(f.translations.filter((t) => wanted.has(t.id)).map((t) => this.view(t)))
    }
    if ((req.method === 'POST' && route === '/keys/search') || (req.method === 'GET' && route === '/keys')) {
      const q = req.method === 'POST' ? body.q : req.query.get('q')
      if (typeof q !== 'string' || !q.startsWith('name:')) return reply(422, { message: 'Validation Failed', errors: [{ resource: 'Key', field: 'q', message: 'fake: expected a name: query' }] })
      const names = new Set(splitNames(q.slice(5)))
      const keys = new Map<string, FakeTranslation>()
      for (const t of f.translations) if (names.has(t.keyName) && !keys.has(t.keyName)) keys.set(t.keyName, t)
      return list([...keys.values()].map((t) => ({ id: t.keyId, name: t.keyName, plural: t.plural, data_type: 'string', tags: [] })))
    }
    r = /^\/keys\/([^/]+)\/translations$/.exec(route)
    if (req.method === 'GET' && r) {
      const ts = f.translations.filter((t) => t.keyId === decodeURIComponent(r![1]))
      if (ts.length === 0) return reply(404, { message: 'Not Found', documentation_url: 'https://developers.phrase.com/api/' })
      return list(ts.map((t) => this.view(t)))
    }
    if (req.method === 'POST' && route === '/quality_performance_score') {
      const ids = body.translation_ids
      if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string')) {
        return reply(422, { message: 'Validation Failed', errors: [{ resource: 'QualityPerformanceScore', field: 'translation_ids', message: "can't be blank" }] })
      }
      if (ids.length > FAKE_QPS_MAX_IDS) return reply(422, { message: 'Validation Failed', errors: [{ resource: 'QualityPerformanceScore', field: 'translation_ids', message: `is too long (maximum is ${FAKE_QPS_MAX_IDS})` }] })
      if (this.wholeCallError) return reply(200, { error: this.wholeCallError })
      const translations: unknown[] = []
      const errors: unknown[] = []
      for (const id of ids as string[]) {
        const t = f.translations.find((x) => x.id === id)
        if (!t) errors.push({ message: 'Translation not found', code: 'not_found', id })
        else if (this.failingIds.has(id)) errors.push({ message: 'Quality score could not be computed', code: 'qps_unavailable', id })
        else translations.push({ engine: 'qe_v4', score: t.score ?? DEFAULT_SCORE, id })
      }
      return reply(200, { data: { translations }, errors })
    }
    return reply(404, { message: 'Not Found', documentation_url: 'https://developers.phrase.com/api/' })
  }

  private sorted(ts: FakeTranslation[]): FakeTranslation[] {
    return [...ts].sort((a, b) => a.keyName.localeCompare(b.keyName) || a.suffix.localeCompare(b.suffix))
  }

  private view(t: FakeTranslation) {
    const locale = this.fixture.locales.find((l) => l.id === t.localeId)!
    return {
      id: t.id,
      content: t.content,
      unverified: false,
      excluded: false,
      plural_suffix: t.suffix,
      key: { id: t.keyId, name: t.keyName, plural: t.plural, data_type: 'string', tags: [] },
      locale: { id: locale.id, name: locale.name, code: locale.code },
      state: 'translated',
      created_at: '2025-01-01T00:00:00Z',
      updated_at: '2025-01-01T00:00:00Z',
    }
  }

  private paginate<T>(req: RecordedRequest, items: T[], reply: (status: number, json: unknown, headers?: Record<string, string>) => Reply): Reply {
    const perPage = Number(req.query.get('per_page') ?? 25)
    const page = Number(req.query.get('page') ?? 1)
    const pages = Math.max(1, Math.ceil(items.length / perPage))
    const link = (p: number) => {
      const q = new URLSearchParams(req.query)
      q.set('page', String(p))
      q.set('per_page', String(perPage))
      return `<${this.server.url}${req.path}?${q}>`
    }
    const links = [`${link(1)}; rel="first"`, `${link(pages)}; rel="last"`]
    if (page < pages) links.push(`${link(page + 1)}; rel="next"`)
    if (page > 1) links.push(`${link(page - 1)}; rel="prev"`)
    const pagination = { total_count: items.length, current_page: page, current_per_page: perPage, previous_page: page > 1 ? page - 1 : null, next_page: page < pages ? page + 1 : null, total_pages_count: pages }
    return reply(200, items.slice((page - 1) * perPage, page * perPage), { link: links.join(', '), pagination: JSON.stringify(pagination) })
  }
}

/** Splits `a,b\\,c` into names, undoing the backslash escapes of spaces, commas and colons. */
function splitNames(list: string): string[] {
  const names: string[] = []
  let current = ''
  for (let i = 0; i < list.length; i++) {
    const c = list[i]
    if (c === '\\' && i + 1 < list.length) current += list[++i]
    else if (c === ',') {
      names.push(current)
      current = ''
    } else current += c
  }
  names.push(current)
  return names
}
