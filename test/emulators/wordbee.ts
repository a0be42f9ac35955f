// A local fake of the Wordbee Translator API 2 parts the Wordbee scorer uses: sign-in
// (tokens that expire), segment search with the `qa` filter and skip/take paging, and QA
// issue updates. It checks the auth headers and the body shapes and answers wrong requests
// with Wordbee's `{reason}` error body. The search row layout is the one src/scorers/
// wordbee.ts assumes (`searchLayout`).
import { FakeServer, type RecordedRequest, type Reply } from './server.js'

export interface FakeIssue {
  s: 0 | 1 | 2
  d: string
  r: number
  x?: boolean
  c?: string
}

export interface FakeSegment {
  sid: number
  key?: string
  /** Text and issues per locale. */
  texts: Record<string, { val: string; issues?: FakeIssue[] }>
}

export interface WordbeeFixture {
  accountId: string
  apiKey: string
  projectId: number
  segments: FakeSegment[]
}

/** The most rows one search may take (assumed). */
export const FAKE_MAX_TAKE = 500

export class WordbeeFake {
  /** Tokens issued and still valid, with the requests each has served. */
  private readonly tokens = new Map<string, number>()
  private issued = 0
  /** Requests a token serves before it expires (the real one: 30 minutes idle). */
  tokenLifetime = Infinity

  private constructor(
    readonly server: FakeServer,
    readonly fixture: WordbeeFixture,
  ) {}

  static async start(fixture: WordbeeFixture): Promise<WordbeeFake> {
    let fake: WordbeeFake | undefined
    const server = await FakeServer.start((req) => fake!.handle(req))
    fake = new WordbeeFake(server, fixture)
    return fake
  }

  /** The platform URL (what `wordbee-api-url` takes). */
  get url(): string {
    return this.server.url
  }

  get requests(): RecordedRequest[] {
    return this.server.requests
  }

  /** Requests to one endpoint, e.g. `/api/resources/segments/search`. */
  calls(path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path === path)
  }

  /** Every issued token stops working (30 minutes idle in the real service). */
  expireTokens(): void {
    this.tokens.clear()
  }

  segment(sid: number): FakeSegment | undefined {
    return this.fixture.segments.find((s) => s.sid === sid)
  }

  close(): Promise<void> {
    return this.server.close()
  }

  private handle(req: RecordedRequest): Reply {
    const f = this.fixture
    const fail = (status: number, reason: string): Reply => ({ status, json: { reason } })
    const body = req.body as Record<string, unknown> | undefined
    if (req.path === '/api/auth/token' && req.method === 'POST') {
      if (!body || typeof body.accountid !== 'string' || typeof body.key !== 'string') return fail(400, 'Expected {"accountid", "key"}')
      if (body.accountid !== f.accountId || body.key !== f.apiKey) return fail(401, 'Invalid account id or API key')
      const token = `wb-token-${++this.issued}-${Math.random().toString(36).slice(2)}`
      this.tokens.set(token, 0)
      return { status: 200, json: token }
    }
    const token = req.headers['x-auth-token']
    if (typeof token !== 'string' || !this.tokens.has(token)) return fail(401, 'Authentication token missing or expired')
    const served = this.tokens.get(token)! + 1
    if (served > this.tokenLifetime) {
      this.tokens.delete(token)
      return fail(401, 'Authentication token expired')
    }
    this.tokens.set(token, served)
    if (req.headers['x-auth-accountid'] !== f.accountId) return fail(401, 'X-Auth-AccountId does not match the token')
    if (req.path === '/api/auth/token' && req.method === 'DELETE') {
      this.tokens.delete(token)
      return { status: 200, json: true }
    }
    if (req.method !== 'POST') return fail(405, `Method ${req.method} not allowed`)
    const scope = body?.scope as { type?: unknown; projectid?: unknown } | undefined
    if (!scope || scope.type !== 'Project' || typeof scope.projectid !== 'number') return fail(400, 'Expected scope {"type": "Project", "projectid": N}')
    if (scope.projectid !== f.projectId) return fail(404, `Project ${scope.projectid} not found or not accessible`)

    if (req.path === '/api/resources/segments/search') return this.search(body!, fail)
    if (req.path === '/api/resources/qa/issues/update') return this.update(body!, fail)
    return fail(404, `Unknown resource ${req.path}`)
  }

  private search(body: Record<string, unknown>, fail: (status: number, reason: string) => Reply): Reply {
    const query = body.query as { languages?: unknown; skip?: unknown; take?: unknown } | undefined
    const languages = query?.languages
    if (!Array.isArray(languages) || languages.length === 0) return fail(400, 'query.languages must list at least one language')
    const skip = query?.skip ?? 0
    const take = query?.take ?? 20
    if (typeof skip !== 'number' || skip < 0 || typeof take !== 'number' || take < 1 || take > FAKE_MAX_TAKE) return fail(400, `skip must be >= 0 and take from 1 to ${FAKE_MAX_TAKE}`)
    const locs: string[] = []
    const filters: Array<{ locs: string[]; qa: { dismissed?: boolean | null; severity?: number[] | null; rules?: number[] | null } }> = []
    for (const l of languages as Array<{ locs?: unknown; qa?: unknown }>) {
      if (!Array.isArray(l.locs) || l.locs.length === 0 || !l.locs.every((x) => typeof x === 'string')) return fail(400, 'Each language needs "locs": ["xx"]')
      locs.push(...(l.locs as string[]))
      if (l.qa !== undefined && l.qa !== null) {
        if (typeof l.qa !== 'object') return fail(400, '"qa" must be an object')
        filters.push({ locs: l.locs as string[], qa: l.qa as never })
      }
    }
    const matches = this.fixture.segments.filter((seg) =>
      filters.every(({ locs: fl, qa }) =>
        fl.some((loc) => {
          const issues = seg.texts[loc]?.issues ?? []
          return issues.some((i) => {
            if (qa.dismissed === undefined || qa.dismissed === null) {
              // An empty qa node means: at least one active issue.
              if (Object.keys(qa).length === 0 && i.x) return false
            } else if (!!i.x !== qa.dismissed) return false
            if (qa.severity && qa.severity.length > 0 && !qa.severity.includes(i.s)) return false
            if (qa.rules && qa.rules.length > 0 && !qa.rules.includes(i.r)) return false
            return true
          })
        }),
      ),
    )
    const rows = matches.slice(skip, skip + take).map((seg) => ({
      sid: seg.sid,
      key: seg.key ?? null,
      langs: Object.fromEntries(
        locs
          .filter((loc) => seg.texts[loc])
          .map((loc) => {
            const t = seg.texts[loc]
            const issues = t.issues ?? []
            return [loc, { txt: { val: t.val, st: 0, qa: issues.length === 0 ? null : { dt: '2025-01-01T00:00:00Z', active: issues.some((i) => !i.x), issues } } }]
          }),
      ),
    }))
    return { status: 200, json: { result: { total: matches.length, rows } } }
  }

  private update(body: Record<string, unknown>, fail: (status: number, reason: string) => Reply): Reply {
    const commands = body.commands
    if (!Array.isArray(commands) || commands.length === 0) return fail(400, '"commands" must list at least one command')
    // Validate everything first: a wrong command changes nothing.
    const copies = new Map<string, FakeIssue[]>()
    const issuesOf = (sid: number, locale: string) => {
      const id = `${sid}\u0000${locale}`
      if (!copies.has(id)) copies.set(id, [...(this.segment(sid)?.texts[locale]?.issues ?? [])])
      return copies.get(id)!
    }
    for (const [n, c] of (commands as Array<Record<string, unknown>>).entries()) {
      const where = `command ${n}`
      if (typeof c.sid !== 'number' || typeof c.locale !== 'string') return fail(400, `${where}: "sid" and "locale" are required`)
      const seg = this.segment(c.sid)
      if (!seg || !seg.texts[c.locale]) return fail(404, `${where}: segment ${c.sid} has no ${c.locale} text`)
      const list = issuesOf(c.sid, c.locale)
      if (c.action === 'Delete' || c.action === 'Update') {
        if (typeof c.index !== 'number' || c.index < 0 || c.index >= list.length) return fail(400, `${where}: index ${String(c.index)} is out of range (${list.length} issues)`)
      }
      if (c.action === 'Add' || c.action === 'Update') {
        if (c.severity !== 0 && c.severity !== 1 && c.severity !== 2) return fail(400, `${where}: severity must be 0, 1 or 2`)
        if (typeof c.description !== 'string' || c.description === '') return fail(400, `${where}: description is required`)
        if (c.ruleId !== undefined && (typeof c.ruleId !== 'number' || c.ruleId < 0)) return fail(400, `${where}: ruleId must be a number`)
      }
      const issue = (): FakeIssue => {
        const i: FakeIssue = { s: c.severity as 0 | 1 | 2, d: c.description as string, r: (c.ruleId as number | undefined) ?? 1000 }
        if (c.dismissed) i.x = true
        if (typeof c.comments === 'string' && c.comments) i.c = c.comments
        return i
      }
      if (c.action === 'Delete') list.splice(c.index as number, 1)
      else if (c.action === 'Update') list[c.index as number] = issue()
      else if (c.action === 'Add') list.push(issue())
      else return fail(400, `${where}: action must be Add, Update or Delete`)
    }
    for (const [id, issues] of copies) {
      const [sid, locale] = id.split('\u0000')
      this.segment(Number(sid))!.texts[locale].issues = issues
    }
    return { status: 200, json: { result: { count: commands.length } } }
  }
}
