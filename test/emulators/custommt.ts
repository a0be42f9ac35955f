// A local fake of Custom.MT's translation API with QE (text_translate_v2 and
// get-templates-list), answering as the API document describes. It checks the `token`
// header, the body's shape and the batch size, and answers a wrong request with Custom.MT's
// error body `{"error": "..."}`. Where the document is silent (the status and text of an
// auth or validation error, enforcing 25 segments), the choice is marked "assumed". The
// server plumbing (random port, recording, injected faults) is ./server.ts.
import { FakeServer, type Fault, type RecordedRequest, type Reply } from './server.js'

export interface CustomMtTemplateFixture {
  name: string
  source: string
  target: string
  /** success_score_value (default 0.7). */
  successScore?: number
  /** score at or above which lock_segment is true (default 0.95). */
  lockScore?: number
  qeModel?: string
}

export interface CustomMtTranslationFixture {
  /** What the engine returns for the source. */
  target: string
  /** QE score 0..1 (default 0.85). */
  score?: number
  /** QE fails for this item: `is_success: false` with this error. */
  qeError?: string
}

export interface CustomMtFakeOptions {
  token: string
  templates: CustomMtTemplateFixture[]
  /** Template name -> source text -> the engine's translation and QE. */
  translations?: Record<string, Record<string, CustomMtTranslationFixture>>
  /** Assumed: the API document recommends 25; the fake rejects more, so a client bug shows. */
  maxBatch?: number
  /** Top-level `message` of every answer (a fallback engine was used). */
  warning?: string
}

const error = (status: number, message: string): Reply => ({ status, json: { error: message } })

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((t) => typeof t === 'string')

/** A source without a fixture gets a recognisable machine translation and a middling score. */
function fallbackTranslation(source: string, template: CustomMtTemplateFixture): CustomMtTranslationFixture {
  return { target: `[${template.target}] ${source}`, score: 0.5 }
}

export class CustomMtFake {
  private constructor(
    readonly server: FakeServer,
    readonly options: CustomMtFakeOptions,
  ) {}

  static async start(options: CustomMtFakeOptions): Promise<CustomMtFake> {
    let fake: CustomMtFake | undefined
    const server = await FakeServer.start((r) => fake!.handle(r))
    fake = new CustomMtFake(server, options)
    return fake
  }

  close(): Promise<void> {
    return this.server.close()
  }

  get url(): string {
    return this.server.url
  }

  get requests(): RecordedRequest[] {
    return this.server.requests
  }

  /** text_translate_v2 requests so far. */
  get translateRequests(): RecordedRequest[] {
    return this.server.requests.filter((r) => r.path === '/translation/text_translate_v2')
  }

  /** The next `times` requests (to paths ending with `path`, when given) get the fault. */
  inject(fault: Fault, options: { times?: number; path?: string } = {}): this {
    this.server.inject(fault, { times: options.times, match: (r) => !options.path || r.path.endsWith(options.path) })
    return this
  }

  /** Custom.MT publishes no rate-limit headers; Retry-After is what a 429 is assumed to carry. */
  static tooManyRequests(seconds: number): Fault {
    return { kind: 'reply', reply: { status: 429, headers: { 'retry-after': String(seconds) }, json: { error: 'Request was throttled.' } } }
  }

  static serverError(status: 500 | 502 | 503 | 504): Fault {
    return { kind: 'reply', reply: error(status, status === 504 ? 'Gateway timeout' : 'Internal server error') }
  }

  private handle(r: RecordedRequest): Reply {
    const token = r.headers.token
    if (token === undefined) return error(401, 'Authentication credentials were not provided.') // assumed wording
    if (token !== this.options.token) return error(401, 'Invalid token.') // assumed wording
    if (r.method === 'GET' && r.path === '/translation/get-templates-list') {
      return { status: 200, json: { templates: this.options.templates.map((t) => ({ template_name: t.name, source_language: t.source, target_language: t.target })) } }
    }
    if (r.path === '/translation/text_translate_v2') {
      if (r.method !== 'POST') return error(405, `Method "${r.method}" not allowed.`)
      return this.translate(r)
    }
    return error(404, 'Not found.')
  }

  private translate(r: RecordedRequest): Reply {
    if (!/application\/json/.test(String(r.headers['content-type']))) return error(415, 'Unsupported media type: send application/json.')
    const body = r.body as Record<string, unknown> | undefined
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return error(400, 'JSON parse error: expected an object.')
    if (!isStringList(body.text) || body.text.length === 0) return error(400, '"text" must be a non-empty list of strings.')
    if (typeof body.template_name !== 'string' || !body.template_name) return error(400, '"template_name" is required.')
    if (body.error_empty_result !== undefined && typeof body.error_empty_result !== 'boolean') return error(400, '"error_empty_result" must be a boolean.')
    const maxBatch = this.options.maxBatch ?? 25
    if (body.text.length > maxBatch) return error(400, `Too many segments: at most ${maxBatch} per request.`) // assumed: a recommendation made strict
    const template = this.options.templates.find((t) => t.name === body.template_name)
    if (!template) return error(400, `Template "${body.template_name}" not found.`)
    const fixtures = this.options.translations?.[template.name] ?? {}
    const success = template.successScore ?? 0.7
    const model = template.qeModel ?? 'gpt-4o-2024-11-20'
    let prompt = 0
    const messages = body.text.map((source) => {
      const fx = fixtures[source] ?? fallbackTranslation(source, template)
      const score = fx.qeError ? 0 : (fx.score ?? 0.85)
      // Synthetic token counts: a fixed prompt plus about four characters per token.
      const usage = { prompt_tokens: 60 + Math.ceil((source.length + fx.target.length) / 4), completion_tokens: 1 }
      prompt += usage.prompt_tokens
      return {
        score: {
          open_ai: {
            score,
            usage,
            prompt_error: null,
            error: fx.qeError ?? null,
            is_success: !fx.qeError,
            lock_segment: !fx.qeError && score >= (template.lockScore ?? 0.95),
            confirm_segment: !fx.qeError && score >= success,
            success_score_value: success,
          },
        },
        message: { source, target: fx.target, source_language: template.source, target_language: template.target },
      }
    })
    return {
      status: 200,
      json: {
        translated_text: messages.map((m) => m.message.target),
        provider_index: 0,
        balancer: 3,
        provider: 'Google',
        ...(this.options.warning && { message: this.options.warning }),
        qe: { messages, usage: { [model]: { prompt_tokens: prompt, completion_tokens: messages.length } } },
        usage: { symbols_count: body.text.reduce((n, t) => n + t.length, 0), in_tokens_count: 0, out_tokens_count: 0 },
      },
    }
  }
}
