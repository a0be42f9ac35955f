// Wordbee Translator QA issues. Wordbee holds QA issues, not scores: the segments of the
// project that have issues in the PR's locales are read (the seed's `qa` filter), matched to
// our segments by key, else by text, and their issues come back on a `not-applicable`
// Score (no number is invented), so policy reports them on the PR's lines with Wordbee's
// `x` (dismissed) and `c` (comment). With `wordbee-push`, our own issues (rule ids above
// 1000) are written to the matched segments after policy, replacing what an earlier run
// wrote, so re-runs never duplicate them. Issues are live state (a reviewer dismisses one
// in Wordbee), so Wordbee's answers are not cached.
import type { Logger } from '../log.js'
import type { Issue, Report, Score, Segment, Severity } from '../model.js'
import { forSameLocale, normalizeLocale } from '../paths.js'
import { allRules, RULE } from '../rules.js'
import { ServiceClient, ServiceError, type ServiceClientOptions } from './http.js'
import type { Scorer, ScoringContext } from './scorer.js'

/** Rows per search request (assumed; Wordbee documents skip/take, not a maximum). */
export const WORDBEE_TAKE = 100
/** Commands per issues/update request (assumed). */
export const WORDBEE_PUSH_BATCH = 100

export interface WordbeeQaFilter {
  dismissed?: boolean
  severity?: Severity[]
  rules?: number[]
}

export interface WordbeeOptions {
  accountId: string
  apiKey: string
  /** Platform URL; the API is below `/api`. */
  apiUrl: string
  projectId: number
  push: boolean
  /** Our locale -> Wordbee language code (config `wordbee.locales`). */
  locales?: Record<string, string>
  /** Which segments to read (config `wordbee.qa`); empty: those with an active issue. */
  qa?: WordbeeQaFilter
  log: Logger
  http?: Partial<ServiceClientOptions>
}

/** The QA node of one language's text, as the seed documents it. */
export interface WordbeeQa {
  dt?: string
  active?: boolean
  issues?: Array<{ s: number; d: string; r: number; x?: boolean | number; c?: string }>
}

export interface WordbeeText {
  val: string
  st?: number
  qa: WordbeeQa | null
}

/**
 * The row layout of segment search results and the total-count field are not published:
 * every access to them goes through here. Assumed: `{result: {total, rows: [{sid, key,
 * langs: {<locale>: {txt: {val, st, qa}}}}]}}`.
 */
export const searchLayout = {
  rows: (data: unknown): unknown[] => {
    const rows = (data as { result?: { rows?: unknown } } | undefined)?.result?.rows
    return Array.isArray(rows) ? rows : []
  },
  total: (data: unknown): number | undefined => {
    const total = (data as { result?: { total?: unknown } } | undefined)?.result?.total
    return typeof total === 'number' ? total : undefined
  },
  sid: (row: unknown): number | undefined => {
    const sid = (row as { sid?: unknown }).sid
    return typeof sid === 'number' ? sid : undefined
  },
  key: (row: unknown): string | undefined => {
    const key = (row as { key?: unknown }).key
    return typeof key === 'string' && key !== '' ? key : undefined
  },
  text: (row: unknown, locale: string): WordbeeText | undefined => {
    const txt = (row as { langs?: Record<string, { txt?: WordbeeText }> }).langs?.[locale]?.txt
    return txt && typeof txt.val === 'string' ? txt : undefined
  },
}

/** One Wordbee segment's text in one language, as read. */
interface Match {
  sid: number
  locale: string
  issues: Issue[]
}

const ourRules = new Set(allRules().map((r) => r.rule))

/** Wordbee's issue as ours: `x` is a boolean and omitted when false, `c` omitted when empty. */
export function toIssue(raw: { s: number; d: string; r: number; x?: boolean | number; c?: string }): Issue {
  const s = (raw.s === 0 || raw.s === 1 || raw.s === 2 ? raw.s : 1) as Severity
  const issue: Issue = { s, d: String(raw.d ?? ''), r: typeof raw.r === 'number' ? raw.r : 0 }
  if (raw.x) issue.x = true
  if (raw.c) issue.c = raw.c
  return issue
}

const same = (a: Issue, b: Issue) => a.r === b.r && a.d === b.d && a.s === b.s

export class WordbeeScorer implements Scorer {
  readonly provider = 'wordbee'
  readonly engine = 'qa'
  readonly batchSize = 1000
  readonly cacheable = false
  private readonly client: ServiceClient
  private token?: Promise<string>
  /** Matched Wordbee segment of each of our segments (for the push). */
  private readonly matches = new Map<string, Match>()
  private pushed = 0

  constructor(private readonly options: WordbeeOptions) {
    this.client = new ServiceClient({
      service: 'Wordbee',
      baseUrl: options.apiUrl,
      secrets: [options.apiKey],
      concurrency: 4,
      log: options.log,
      ...options.http,
    })
  }

  usage(): Record<string, number> {
    return { ...this.client.usage(), 'issues-pushed': this.pushed }
  }

  /** Wordbee's language code of one of our locales. */
  wordbeeLocale(locale: string): string {
    return forSameLocale(Object.entries(this.options.locales ?? {}), locale) ?? normalizeLocale(locale)
  }

  async close(): Promise<void> {
    const token = await this.token?.catch(() => undefined)
    this.token = undefined
    if (token) {
      // Ends the session; a failure here changes nothing for the run.
      await this.client.request({ method: 'DELETE', path: '/api/auth/token', headers: this.authHeaders(token), signal: AbortSignal.timeout(5000) }).catch(() => undefined)
    }
    await this.client.close()
  }

  async prepare(segments: Segment[], ctx: ScoringContext): Promise<Score[]> {
    const byLocale = new Map<string, Segment[]>()
    for (const s of segments) byLocale.set(this.wordbeeLocale(s.locale), [...(byLocale.get(this.wordbeeLocale(s.locale)) ?? []), s])
    const scores = new Map<Segment, Score>()
    await Promise.all(
      [...byLocale].map(async ([locale, list]) => {
        const rows = await this.search(locale, list[0].sourceLocale, ctx)
        for (const segment of list) scores.set(segment, this.settle(segment, locale, rows))
      }),
    )
    return segments.map((s) => scores.get(s)!)
  }

  /** Never called: prepare settles every segment. */
  async score(batch: Segment[]): Promise<Score[]> {
    return batch.map((): Score => ({ provider: this.provider, engine: this.engine, state: 'failed', reason: 'Wordbee look-up did not run' }))
  }

  async afterReport(report: Report, context: { log: Logger }): Promise<string[]> {
    if (!this.options.push || this.matches.size === 0) return []
    const commands: Record<string, unknown>[] = []
    let segments = 0
    for (const segment of report.segments) {
      const match = this.matches.get(segment.id)
      if (!match) continue
      const wanted = segment.issues.filter((i) => ourRules.has(i.r) && i.r !== RULE.notScored)
      const theirs = match.issues.map((issue, index) => ({ issue, index })).filter(({ issue }) => ourRules.has(issue.r))
      // A dismissal made in Wordbee survives the replacement of an identical issue.
      const desired = wanted.map((i) => {
        const prior = theirs.find((t) => same(t.issue, i) && t.issue.x)?.issue
        return prior && !i.x ? { ...i, x: true, c: prior.c ?? i.c } : i
      })
      const unchanged = desired.length === theirs.length && desired.every((d) => theirs.some((t) => same(t.issue, d) && !!t.issue.x === !!d.x && (t.issue.c ?? '') === (d.c ?? '')))
      if (unchanged) continue
      segments++
      for (const { index } of [...theirs].sort((a, b) => b.index - a.index)) commands.push({ sid: match.sid, locale: match.locale, action: 'Delete', index })
      for (const i of desired) commands.push({ sid: match.sid, locale: match.locale, action: 'Add', severity: i.s, description: i.d, ruleId: i.r, dismissed: !!i.x, comments: i.c ?? '' })
    }
    if (commands.length === 0) return ['Wordbee: the QA issues of the matched segments are up to date']
    const deadline = Date.now() + 60_000
    for (let i = 0; i < commands.length; i += WORDBEE_PUSH_BATCH) {
      await this.call('/api/resources/qa/issues/update', { scope: this.scope, commands: commands.slice(i, i + WORDBEE_PUSH_BATCH) }, { deadline, log: context.log }, false)
    }
    this.pushed += commands.filter((c) => c.action === 'Add').length
    return [`Wordbee: QA issues written to ${segments} segment(s) (${commands.length} command(s))`]
  }

  private get scope() {
    return { type: 'Project', projectid: this.options.projectId }
  }

  private authHeaders(token: string): Record<string, string> {
    return { 'x-auth-token': token, 'x-auth-accountid': this.options.accountId }
  }

  private authenticate(ctx: Pick<ScoringContext, 'deadline'> & { signal?: AbortSignal }): Promise<string> {
    this.token ??= (async () => {
      let data: unknown
      try {
        data = (await this.client.request<unknown>({ method: 'POST', path: '/api/auth/token', json: { accountid: this.options.accountId, key: this.options.apiKey }, signal: ctx.signal, deadline: ctx.deadline })).data
      } catch (e) {
        if (e instanceof ServiceError && e.status !== undefined && e.status >= 400 && e.status < 500) throw new Error(`${e.message}. Check wordbee-account-id and wordbee-api-key.`)
        throw e
      }
      if (typeof data !== 'string' || data === '') throw new Error(`Wordbee: POST /api/auth/token answered without a token (expected a JSON string)`)
      this.client.addSecret(data)
      return data
    })()
    this.token.catch(() => (this.token = undefined))
    return this.token
  }

  /** A request with the session token; an expired token (401) is renewed once. */
  private async call<T>(path: string, json: unknown, ctx: Pick<ScoringContext, 'deadline'> & { signal?: AbortSignal; log?: Logger }, idempotent = true): Promise<T> {
    for (let renewed = false; ; renewed = true) {
      const token = await this.authenticate(ctx)
      try {
        return (await this.client.request<T>({ method: 'POST', path, json, headers: this.authHeaders(token), signal: ctx.signal, deadline: ctx.deadline, idempotent })).data
      } catch (e) {
        if (!(e instanceof ServiceError && e.status === 401) || renewed) throw e
        this.options.log.info('Wordbee: session expired; signing in again')
        if (this.token && (await this.token.catch(() => undefined)) === token) this.token = undefined
      }
    }
  }

  /** The project's segments of one locale (with the qa filter unless pushing), all pages. */
  private async search(locale: string, sourceLocale: string, ctx: ScoringContext): Promise<unknown[]> {
    // Pushing needs every segment we may write to, not only those that already have issues.
    const target = this.options.push ? { locs: [locale] } : { locs: [locale], qa: this.options.qa ?? {} }
    const languages = [target, { locs: [this.wordbeeLocale(sourceLocale)] }]
    const rows: unknown[] = []
    for (let skip = 0; ; skip += WORDBEE_TAKE) {
      const data = await this.call<unknown>('/api/resources/segments/search', { scope: this.scope, query: { languages, skip, take: WORDBEE_TAKE } }, ctx)
      const page = searchLayout.rows(data)
      rows.push(...page)
      const total = searchLayout.total(data)
      if (page.length < WORDBEE_TAKE || (total !== undefined && skip + page.length >= total)) return rows
    }
  }

  /**
   * Our segment's Wordbee row: the one with its key, else the only keyless row (a document
   * segment) with the same target text, or the same target and source text.
   */
  private settle(segment: Segment, locale: string, rows: unknown[]): Score {
    const base = { provider: this.provider, engine: this.engine, state: 'not-applicable' as const }
    let row = rows.find((r) => searchLayout.key(r) === segment.key)
    if (!row) {
      const sameTarget = rows.filter((r) => searchLayout.key(r) === undefined && searchLayout.text(r, locale)?.val === segment.target)
      const source = this.wordbeeLocale(segment.sourceLocale)
      const sameBoth = sameTarget.filter((r) => segment.source !== undefined && searchLayout.text(r, source)?.val === segment.source)
      row = sameBoth.length === 1 ? sameBoth[0] : sameTarget.length === 1 ? sameTarget[0] : undefined
    }
    const sid = row === undefined ? undefined : searchLayout.sid(row)
    const text = row === undefined ? undefined : searchLayout.text(row, locale)
    if (row === undefined || sid === undefined || !text) {
      return { ...base, reason: this.options.push ? 'no Wordbee segment has this key or text' : 'no Wordbee segment with QA issues has this key or text' }
    }
    if (text.val !== segment.target) {
      return { ...base, reason: `Wordbee segment ${sid} holds another text: ${JSON.stringify(text.val.length > 60 ? `${text.val.slice(0, 57)}...` : text.val)}; its issues are not about this translation` }
    }
    const all = (text.qa?.issues ?? []).map(toIssue)
    this.matches.set(segment.id, { sid, locale, issues: all })
    // Our own rules' issues in Wordbee are copies an earlier push wrote: our checks report them live.
    const issues = all.filter((i) => !ourRules.has(i.r))
    return { ...base, reason: `Wordbee segment ${sid} holds QA issues, not a score`, issues }
  }
}
