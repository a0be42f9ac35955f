// Phrase QPS: scores the translations Phrase Strings holds. QPS takes translation ids, so
// each segment is first mapped to its Phrase translation (locale + key name + plural
// suffix), at the lowest request cost: ids remembered from earlier runs are re-checked in
// bulk, and the rest are found either by listing the locales' translations or by searching
// the keys by name, whichever the counts make cheaper. A segment whose Phrase text is not
// the PR's text is not-applicable: the score would be about another string.
import type { Logger } from '../log.js'
import type { Score, Segment } from '../model.js'
import { forSameLocale, languageOf, sameLocale } from '../paths.js'
import { MemoryScoreCache, type Memo } from './cache.js'
import { ServiceClient, ServiceError, type ServiceClientOptions, type ServiceResponse } from './http.js'
import type { Scorer, ScoringContext } from './scorer.js'

/** Most translation ids per QPS call (assumed: Phrase documents no cap). */
export const QPS_BATCH = 100
/** Phrase's largest page. */
export const PER_PAGE = 100
/** Key names per name search: one page of results. */
export const NAMES_PER_SEARCH = 100
/** Ids per `q=id:...` look-up. */
export const IDS_PER_QUERY = 100
/** Phrase allows 4 concurrent requests per user. */
export const PHRASE_CONCURRENCY = 4

export interface PhraseOptions {
  token: string
  projectId: string
  apiUrl: string
  branch?: string
  otp?: string
  /** Our locale -> Phrase locale name or code (config `phrase.locales`). */
  locales?: Record<string, string>
  log: Logger
  /** HTTP client overrides (tests: fast backoff, clock). */
  http?: Partial<ServiceClientOptions>
}

export interface PhraseLocale {
  id: string
  name: string
  code: string
}

export interface PhraseTranslation {
  id: string
  content: string
  plural_suffix?: string
  key: { id: string; name: string; plural?: boolean }
  locale: { id: string; name?: string; code?: string }
}

interface QpsAnswer {
  error?: { message?: string; code?: string }
  data?: { translations?: Array<{ id: string; score: number; engine?: string }> }
  errors?: Array<{ id?: string; message?: string; code?: string }>
}

/** Where a segment may live in Phrase: a key name and a plural suffix ('' for a singular key). */
export interface Address {
  name: string
  suffix: string
}

/** A plural form is the form of its group's plural key; a flat key of the same name is the fallback. */
export function phraseAddresses(segment: Pick<Segment, 'key' | 'unit'>): Address[] {
  const { plural, pluralGroup } = segment.unit
  const out: Address[] = []
  if (pluralGroup && plural && !plural.startsWith('=')) out.push({ name: pluralGroup, suffix: plural })
  out.push({ name: segment.key, suffix: '' })
  return out
}

/** The Phrase locale of one of our locales: configured, same code or name, else the only one of its language. */
export function matchPhraseLocale(locale: string, locales: PhraseLocale[], configured?: string): PhraseLocale | undefined {
  if (configured) return locales.find((l) => l.name === configured || l.code === configured)
  const same = (s: string | undefined) => !!s && sameLocale(s, locale)
  const exact = locales.find((l) => same(l.code)) ?? locales.find((l) => same(l.name))
  if (exact) return exact
  const language = languageOf(locale)
  const sameLanguage = locales.filter((l) => languageOf(l.code || l.name) === language)
  return sameLanguage.length === 1 ? sameLanguage[0] : undefined
}

/** `name:` values escape spaces, commas and colons with a backslash. */
export function nameQuery(names: string[]): string {
  return `name:${names.map((n) => n.replace(/([\\ ,:])/g, '\\$1')).join(',')}`
}

/** The `page` of a `Link: <...>; rel="next"` header. */
export function nextPage(link: string | undefined): number | undefined {
  const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(link ?? '')
  if (!m) return undefined
  const page = Number(new URL(m[1], 'http://x').searchParams.get('page'))
  return Number.isInteger(page) && page > 0 ? page : undefined
}

/** Requests whose 404 means the project (or branch) does not exist. */
const PROJECT_REQUEST = /^\w+ \/projects\/[^/]+\/(locales|translations|keys\/search|quality_performance_score)$/

const sameText = (a: string, b: string) => a.replace(/\r\n/g, '\n') === b.replace(/\r\n/g, '\n')
const excerpt = (s: string) => JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s)

/** Translations found in this run, by locale id, key name and plural suffix. */
class Found {
  private readonly byAddress = new Map<string, PhraseTranslation>()
  private readonly keys = new Set<string>()

  static id(localeId: string, a: Address): string {
    return `${localeId}\u0000${a.name}\u0000${a.suffix}`
  }

  add(t: PhraseTranslation): void {
    this.byAddress.set(Found.id(t.locale.id, { name: t.key.name, suffix: t.plural_suffix ?? '' }), t)
    this.keys.add(t.key.name)
  }

  get(localeId: string, a: Address): PhraseTranslation | undefined {
    return this.byAddress.get(Found.id(localeId, a))
  }

  hasKey(name: string): boolean {
    return this.keys.has(name)
  }
}

interface Wanted {
  index: number
  segment: Segment
  locale: PhraseLocale
  addresses: Address[]
}

export class PhraseScorer implements Scorer {
  readonly provider = 'phrase'
  readonly engine = 'qps'
  readonly batchSize = QPS_BATCH
  readonly concurrency = PHRASE_CONCURRENCY
  private readonly client: ServiceClient
  private readonly project: string
  /** Translation id of each segment prepared for scoring, and where it is remembered. */
  private readonly ids = new Map<Segment, { id: string; memoKey: string }>()
  /** Set after a 401 or a missing project: nothing else is sent. */
  private fatal?: Error
  private lookups = 0

  constructor(private readonly options: PhraseOptions) {
    const headers: Record<string, string> = { authorization: `token ${options.token}`, 'user-agent': 'translation-quality-gate' }
    if (options.otp) headers['x-phraseapp-otp'] = options.otp
    this.client = new ServiceClient({
      service: 'Phrase',
      baseUrl: options.apiUrl,
      headers,
      secrets: [options.token, ...(options.otp ? [options.otp] : [])],
      credentials: options.otp ? 'phrase-token and phrase-otp' : 'phrase-token (and phrase-otp if the account uses two-factor authentication)',
      concurrency: PHRASE_CONCURRENCY,
      rateLimitHeaders: true,
      log: options.log,
      ...options.http,
    })
    this.project = `/projects/${encodeURIComponent(options.projectId)}`
  }

  /** A Phrase verdict is about the translation a key holds ("not in the project", another text), so the key is part of the cache key. */
  cacheContext(segment: Segment): string {
    return JSON.stringify(phraseAddresses(segment))
  }

  notApplicable(segment: Segment): string | undefined {
    return segment.target.trim() === '' ? 'empty translation: nothing for Phrase QPS to score' : undefined
  }

  usage(): Record<string, number> {
    return { ...this.client.usage(), 'id-lookups': this.lookups }
  }

  close(): Promise<void> {
    return this.client.close()
  }

  async prepare(segments: Segment[], ctx: ScoringContext): Promise<(Score | undefined)[]> {
    if (this.fatal) throw this.fatal
    const memo = ctx.memo ?? new MemoryScoreCache().memo(this.provider)
    const settled: (Score | undefined)[] = segments.map(() => undefined)
    const notApplicable = (i: number, reason: string) => (settled[i] = { provider: this.provider, engine: this.engine, state: 'not-applicable', reason })
    try {
      const locales = await this.locales(segments, ctx, memo)
      const wanted: Wanted[] = []
      segments.forEach((segment, index) => {
        const locale = locales.get(segment.locale)
        if (locale) wanted.push({ index, segment, locale, addresses: phraseAddresses(segment) })
        else notApplicable(index, `no Phrase locale matches '${segment.locale}' (set phrase.locales in the config file)`)
      })
      const found = new Found()
      // Ids from earlier runs: one bulk re-check of their text; a miss is looked up afresh.
      const unknown = await this.recheck(wanted, found, ctx, memo)
      if (unknown.length > 0) await this.resolve(unknown, found, ctx, memo)
      for (const w of wanted) {
        const hit = w.addresses.map((a) => found.get(w.locale.id, a)).find((t) => t !== undefined)
        const name = w.addresses[0].name
        if (!hit) {
          notApplicable(w.index, found.hasKey(name) ? `Phrase has no ${w.locale.name} translation of key '${name}'` : `key '${name}' is not in the Phrase project`)
        } else if (!sameText(hit.content, w.segment.target)) {
          notApplicable(w.index, `Phrase holds another text for '${hit.key.name}' (${w.locale.name}): ${excerpt(hit.content)}; its score would not be about this translation`)
        } else this.ids.set(w.segment, { id: hit.id, memoKey: this.memoKey('t', w.locale.id, hit.key.name, hit.plural_suffix ?? '') })
      }
    } catch (e) {
      throw this.noteFatal(e)
    }
    return settled
  }

  async score(batch: Segment[], ctx: ScoringContext): Promise<Score[]> {
    if (this.fatal) throw this.fatal
    const ids = [...new Set(batch.map((s) => this.ids.get(s)!.id))]
    let res: ServiceResponse<QpsAnswer>
    try {
      res = await this.client.request<QpsAnswer>({ method: 'POST', path: `${this.project}/quality_performance_score`, json: { translation_ids: ids }, signal: ctx.signal, deadline: ctx.deadline })
    } catch (e) {
      throw this.noteFatal(e)
    }
    const answer = res.data ?? {}
    if (answer.error) throw new Error(`Phrase QPS failed for the whole batch: ${answer.error.message ?? 'no message'}${answer.error.code ? ` (${answer.error.code})` : ''}`)
    const scores = new Map((answer.data?.translations ?? []).map((t) => [t.id, t]))
    const errors = new Map((answer.errors ?? []).filter((e) => e.id).map((e) => [e.id!, e]))
    return batch.map((segment): Score => {
      const { id, memoKey } = this.ids.get(segment)!
      const t = scores.get(id)
      if (t && typeof t.score === 'number' && Number.isFinite(t.score)) {
        return { provider: this.provider, engine: t.engine || this.engine, state: 'scored', score: t.score > 1 ? t.score / 100 : t.score }
      }
      const error = errors.get(id)
      // A translation deleted since: look it up afresh next time.
      if (error) ctx.memo?.delete(memoKey)
      const reason = error ? `Phrase QPS: ${error.message ?? 'failed'}${error.code ? ` (${error.code})` : ''}` : `Phrase QPS returned no score for translation ${id}`
      return { provider: this.provider, engine: this.engine, state: 'failed', reason }
    })
  }

  private memoKey(...parts: string[]): string {
    return [parts[0], this.options.projectId, this.options.branch ?? '', ...parts.slice(1)].join('\u0000')
  }

  /** A wrong token or project fails every later call the same way: remember it, send nothing more. */
  private noteFatal(e: unknown): unknown {
    if (e instanceof ServiceError && (e.status === 401 || e.status === 403)) {
      this.fatal = e
      return e
    }
    if (e instanceof ServiceError && e.status === 404 && PROJECT_REQUEST.test(e.request)) {
      this.fatal = new Error(`${e.message}. Check phrase-project-id${this.options.branch ? ' and phrase-branch' : ''}.`)
      return this.fatal
    }
    return e
  }

  private get branch(): Record<string, string | undefined> {
    return { branch: this.options.branch }
  }

  private async get<T>(path: string, query: Record<string, string | number | undefined>, ctx: ScoringContext): Promise<ServiceResponse<T>> {
    this.lookups++
    return this.client.request<T>({ method: 'GET', path, query: { ...this.branch, ...query }, signal: ctx.signal, deadline: ctx.deadline })
  }

  /** Our locale -> Phrase locale; the project's locale list is kept between runs. */
  private async locales(segments: Segment[], ctx: ScoringContext, memo: Memo): Promise<Map<string, PhraseLocale>> {
    const ours = [...new Set(segments.map((s) => s.locale))]
    const configured = this.options.locales ?? {}
    const match = (list: PhraseLocale[]) => new Map(ours.map((l) => [l, matchPhraseLocale(l, list, forSameLocale(Object.entries(configured), l))] as const))
    const key = this.memoKey('locales')
    const known = memo.get<PhraseLocale[]>(key)
    if (known) {
      const m = match(known)
      if ([...m.values()].every(Boolean)) return m as Map<string, PhraseLocale>
    }
    const list: PhraseLocale[] = []
    for (let page: number | undefined = 1; page; ) {
      const res: ServiceResponse<PhraseLocale[]> = await this.get<PhraseLocale[]>(`${this.project}/locales`, { page, per_page: PER_PAGE }, ctx)
      list.push(...(res.data ?? []).map(({ id, name, code }) => ({ id, name, code })))
      page = nextPage(res.headers.link)
    }
    memo.set(key, list)
    const m = match(list)
    for (const [l, p] of m) if (!p) m.delete(l)
    return m as Map<string, PhraseLocale>
  }

  /** Re-reads the texts of ids remembered from earlier runs; returns the segments still unknown. */
  private async recheck(wanted: Wanted[], found: Found, ctx: ScoringContext, memo: Memo): Promise<Wanted[]> {
    const remembered = new Map<Wanted, string[]>()
    for (const w of wanted) {
      const ids = w.addresses.map((a) => memo.get<string>(this.memoKey('t', w.locale.id, a.name, a.suffix))).filter((id): id is string => !!id)
      if (ids.length > 0) remembered.set(w, ids)
    }
    const ids = [...new Set([...remembered.values()].flat())]
    const seen = new Map<string, PhraseTranslation>()
    const chunks: string[][] = []
    for (let i = 0; i < ids.length; i += IDS_PER_QUERY) chunks.push(ids.slice(i, i + IDS_PER_QUERY))
    await Promise.all(
      chunks.map(async (chunk) => {
        const res = await this.get<PhraseTranslation[]>(`${this.project}/translations`, { q: `id:${chunk.join(',')}`, per_page: PER_PAGE }, ctx)
        for (const t of res.data ?? []) seen.set(t.id, t)
      }),
    )
    const unknown: Wanted[] = []
    for (const w of wanted) {
      const ts = (remembered.get(w) ?? []).map((id) => seen.get(id)).filter((t): t is PhraseTranslation => !!t)
      // The search index may lag behind an edit: only a text that matches is trusted.
      const match = ts.find((t) => sameText(t.content, w.segment.target))
      if (match) found.add(match)
      else unknown.push(w)
    }
    for (const id of ids) if (!seen.has(id)) this.forget(id, remembered, memo)
    return unknown
  }

  private forget(id: string, remembered: Map<Wanted, string[]>, memo: Memo): void {
    for (const [w, ids] of remembered) {
      if (!ids.includes(id)) continue
      for (const a of w.addresses) {
        const key = this.memoKey('t', w.locale.id, a.name, a.suffix)
        if (memo.get(key) === id) memo.delete(key)
      }
    }
  }

  private remember(t: PhraseTranslation, memo: Memo, found: Found): void {
    found.add(t)
    memo.set(this.memoKey('t', t.locale.id, t.key.name, t.plural_suffix ?? ''), t.id)
    memo.set(this.memoKey('k', t.key.name), t.key.id)
  }

  /**
   * Finds the translations of segments without a remembered id. Listing a locale costs one
   * request per 100 of its translations; searching costs one request per 100 key names plus
   * one per key (its translations in every locale). Locale sizes come from earlier runs or
   * from the first page of a listing, which is not wasted if listing wins.
   */
  private async resolve(unknown: Wanted[], found: Found, ctx: ScoringContext, memo: Memo): Promise<void> {
    const byLocale = new Map<string, Wanted[]>()
    for (const w of unknown) byLocale.set(w.locale.id, [...(byLocale.get(w.locale.id) ?? []), w])
    const open = () => unknown.filter((w) => !w.addresses.some((a) => found.get(w.locale.id, a)))
    const searchCost = (ws: Wanted[]) => {
      const names = new Set(ws.flatMap((w) => w.addresses.map((a) => a.name)))
      const withoutId = [...names].filter((n) => !memo.get(this.memoKey('k', n))).length
      return Math.ceil(withoutId / NAMES_PER_SEARCH) + names.size
    }
    const counts = new Map<string, number | undefined>([...byLocale.keys()].map((id) => [id, memo.get<number>(this.memoKey('n', id))]))
    const pagesOf = (id: string) => Math.max(1, Math.ceil((counts.get(id) ?? 0) / PER_PAGE))
    // Listing costs at least one page per locale; a size not yet known counts as one page.
    if (searchCost(unknown) <= [...byLocale.keys()].reduce((n, id) => n + pagesOf(id), 0)) {
      this.options.log.info(`Phrase: looking up ${unknown.length} segment(s) by key name`)
      return this.search(unknown, found, ctx, memo)
    }
    const listings = new Map<string, Listing>()
    await Promise.all(
      [...byLocale.keys()]
        .filter((id) => counts.get(id) === undefined)
        .map(async (id) => {
          const listing = new Listing(id)
          await this.listPage(listing, 1, found, ctx, memo)
          listings.set(id, listing)
          counts.set(id, listing.total)
        }),
    )
    const rest = open()
    if (rest.length === 0) return
    const listCost = [...new Set(rest.map((w) => w.locale.id))].reduce((n, id) => n + pagesOf(id) - (listings.get(id)?.fetched ?? 0), 0)
    if (searchCost(rest) < listCost) {
      this.options.log.info(`Phrase: looking up ${rest.length} segment(s) by key name (${searchCost(rest)} requests instead of ${listCost} to list the locales)`)
      return this.search(rest, found, ctx, memo)
    }
    this.options.log.info(`Phrase: listing the translations of ${new Set(rest.map((w) => w.locale.id)).size} locale(s) (${listCost} requests instead of ${searchCost(rest)} by key name)`)
    await Promise.all(
      [...new Set(rest.map((w) => w.locale.id))].map((id) => {
        const listing = listings.get(id) ?? new Listing(id)
        const done = () => (byLocale.get(id) ?? []).every((w) => w.addresses.some((a) => found.get(id, a)))
        return this.listAll(listing, done, found, ctx, memo)
      }),
    )
  }

  /** Lists a locale's translations page by page (Link rel=next) until the wanted ones are found or the list ends. */
  private async listAll(listing: Listing, done: () => boolean, found: Found, ctx: ScoringContext, memo: Memo): Promise<void> {
    if (listing.fetched === 0) await this.listPage(listing, 1, found, ctx, memo)
    while (listing.next && !done()) await this.listPage(listing, listing.next, found, ctx, memo)
  }

  private async listPage(listing: Listing, page: number, found: Found, ctx: ScoringContext, memo: Memo): Promise<void> {
    const res = await this.get<PhraseTranslation[]>(`${this.project}/locales/${encodeURIComponent(listing.localeId)}/translations`, { page, per_page: PER_PAGE }, ctx)
    listing.fetched++
    for (const t of res.data ?? []) this.remember(t, memo, found)
    listing.next = nextPage(res.headers.link)
    const total = totalCount(res.headers.pagination)
    if (total !== undefined) {
      listing.total = total
      memo.set(this.memoKey('n', listing.localeId), total)
    }
  }

  /** Searches the keys by name (100 per request), then reads each key's translations. */
  private async search(ws: Wanted[], found: Found, ctx: ScoringContext, memo: Memo): Promise<void> {
    const names = [...new Set(ws.flatMap((w) => w.addresses.map((a) => a.name)))]
    const keyIds = new Map<string, string>()
    const missing: string[] = []
    for (const n of names) {
      const id = memo.get<string>(this.memoKey('k', n))
      if (id) keyIds.set(n, id)
      else missing.push(n)
    }
    const chunks: string[][] = []
    for (let i = 0; i < missing.length; i += NAMES_PER_SEARCH) chunks.push(missing.slice(i, i + NAMES_PER_SEARCH))
    await Promise.all(
      chunks.map(async (chunk) => {
        for (let page: number | undefined = 1; page; ) {
          this.lookups++
          const res: ServiceResponse<Array<{ id: string; name: string }>> = await this.client.request<Array<{ id: string; name: string }>>({
            method: 'POST',
            path: `${this.project}/keys/search`,
            query: { page, per_page: PER_PAGE },
            json: { q: nameQuery(chunk), ...(this.options.branch ? { branch: this.options.branch } : {}) },
            signal: ctx.signal,
            deadline: ctx.deadline,
          })
          for (const k of res.data ?? []) if (chunk.includes(k.name)) keyIds.set(k.name, k.id)
          page = nextPage(res.headers.link)
        }
      }),
    )
    await Promise.all(
      [...keyIds].map(async ([name, id]) => {
        for (let page: number | undefined = 1; page; ) {
          let res: ServiceResponse<PhraseTranslation[]>
          try {
            res = await this.get<PhraseTranslation[]>(`${this.project}/keys/${encodeURIComponent(id)}/translations`, { page, per_page: PER_PAGE }, ctx)
          } catch (e) {
            // A remembered key id of a deleted key: forget it; the segment is reported as not found.
            if (e instanceof ServiceError && e.status === 404) {
              memo.delete(this.memoKey('k', name))
              return
            }
            throw e
          }
          for (const t of res.data ?? []) this.remember(t, memo, found)
          page = nextPage(res.headers.link)
        }
      }),
    )
  }
}

/** Paging state of one locale's translation list. */
class Listing {
  fetched = 0
  total?: number
  next?: number
  constructor(readonly localeId: string) {}
}

/** `total_count` of Phrase's `Pagination` JSON header. */
function totalCount(header: string | undefined): number | undefined {
  if (!header) return undefined
  try {
    const total = (JSON.parse(header) as { total_count?: unknown }).total_count
    return typeof total === 'number' && Number.isInteger(total) && total >= 0 ? total : undefined
  } catch {
    return undefined
  }
}
