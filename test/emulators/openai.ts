// A local fake of an OpenAI-compatible chat completions server, with a "model" that reads
// the JSON data of a GEMBA-style prompt and answers for each segment id. It checks the auth
// header, the model, the message format and the parameters, and answers wrong requests with
// OpenAI's error body `{"error": {message, type, param, code}}`. It can behave like a
// reasoning model (rejects `temperature` and `max_tokens` as OpenAI does), like a server
// that rejects other parameters (`response_format` on an old llama.cpp), and like Azure
// OpenAI (`api-key` header, `api-version` query, deployments in the path, Azure's errors).
import { FakeServer, type Fault, type RecordedRequest, type Reply } from './server.js'

export interface MqmErrorFixture {
  severity: 'critical' | 'major' | 'minor'
  category: string
  span: string
}

export interface JudgementFixture {
  /** 0..100 */
  score: number
  errors?: MqmErrorFixture[]
}

export interface OpenAiFakeOptions {
  apiKey: string
  /** Model names (deployment names for Azure) the server knows. */
  models: string[]
  /** Parameters the server rejects with a 400 (or `rejectStatus`) naming them. */
  rejects?: string[]
  /** 422 for servers that validate with FastAPI (its `detail` body). */
  rejectStatus?: 400 | 422
  /** Azure OpenAI: `api-key` header, `/openai/deployments/{name}/chat/completions?api-version=`. */
  azure?: { apiVersions: string[] }
  /** "source\u0000target" -> the model's judgement; others get a default. */
  judgements?: Record<string, JudgementFixture>
  /**
   * A model that obeys instructions hidden in the data: when a target says "ignore previous
   * instructions", it also answers 100 for every id (what a hijacked model does).
   */
  gullible?: boolean
}

/** Parameters a reasoning model (o1, o3, gpt-5) rejects. */
export const REASONING_MODEL_REJECTS = ['max_tokens', 'temperature']

export const judgementKey = (source: string, target: string): string => `${source}\u0000${target}`

function openAiError(status: number, message: string, type: string, param: string | null = null, code: string | null = null): Reply {
  return { status, json: { error: { message, type, param, code } } }
}

const azureError = (status: number, code: string, message: string): Reply => ({ status, json: { error: { code, message } } })

/** The default judgement: an empty or unchanged target is poor, anything else good. */
function judge(source: string, target: string, fixtures: Record<string, JudgementFixture>): JudgementFixture {
  const fx = fixtures[judgementKey(source, target)]
  if (fx) return fx
  if (!target.trim()) return { score: 0, errors: [{ severity: 'critical', category: 'accuracy/omission', span: '' }] }
  if (target === source && /[a-z]{3}/i.test(source)) return { score: 25, errors: [{ severity: 'major', category: 'non-translation', span: target }] }
  return { score: 88, errors: [] }
}

/** Synthetic token count: about four characters per token. */
const tokens = (text: string): number => Math.ceil(text.length / 4)

export interface PromptSegment {
  id: string
  source: string
  target: string
}

/** A fixed answer, or one made from the segments of the prompt. */
export type ScriptedAnswer = string | ((segments: PromptSegment[]) => string)

interface PromptData {
  segments: PromptSegment[]
}

function readPromptData(content: string): PromptData | undefined {
  try {
    const data = JSON.parse(content) as PromptData
    return Array.isArray(data?.segments) && data.segments.every((s) => typeof s?.id === 'string' && typeof s.source === 'string' && typeof s.target === 'string') ? data : undefined
  } catch {
    return undefined
  }
}

export class OpenAiFake {
  /** Model answers to give instead of the judged one (prose, a wrong id), one per request. */
  private readonly scripted: ScriptedAnswer[] = []

  private constructor(
    readonly server: FakeServer,
    readonly options: OpenAiFakeOptions,
  ) {}

  static async start(options: OpenAiFakeOptions): Promise<OpenAiFake> {
    let fake: OpenAiFake | undefined
    const server = await FakeServer.start((r) => fake!.handle(r))
    fake = new OpenAiFake(server, options)
    return fake
  }

  close(): Promise<void> {
    return this.server.close()
  }

  /** The base URL a client is configured with (Azure: the deployment's URL). */
  baseUrl(deployment?: string): string {
    return this.options.azure ? `${this.server.url}/openai/deployments/${deployment ?? this.options.models[0]}` : `${this.server.url}/v1`
  }

  get requests(): RecordedRequest[] {
    return this.server.requests
  }

  get completionRequests(): RecordedRequest[] {
    return this.server.requests.filter((r) => r.path.endsWith('/chat/completions'))
  }

  /** The next `times` requests get the fault. */
  inject(fault: Fault, times = 1): this {
    this.server.inject(fault, { times })
    return this
  }

  /** The next completion answers this as the model's message content. */
  answerNext(content: ScriptedAnswer): this {
    this.scripted.push(content)
    return this
  }

  static tooManyRequests(seconds: number): Fault {
    return {
      kind: 'reply',
      reply: {
        status: 429,
        headers: { 'retry-after': String(seconds), 'x-ratelimit-limit-requests': '500', 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': `${seconds}s` },
        json: { error: { message: 'Rate limit reached for requests. Please try again later.', type: 'requests', param: null, code: 'rate_limit_exceeded' } },
      },
    }
  }

  static serverError(status: 500 | 502 | 503 | 504): Fault {
    return { kind: 'reply', reply: openAiError(status, status === 503 ? 'The engine is currently overloaded, please try again later' : 'The server had an error while processing your request.', 'server_error') }
  }

  private handle(r: RecordedRequest): Reply {
    const azure = this.options.azure
    let model: string | undefined
    if (azure) {
      const m = /^\/openai\/deployments\/([^/]+)\/chat\/completions$/.exec(r.path)
      if (!m || !r.query.get('api-version')) return azureError(404, '404', 'Resource not found')
      if (r.headers['api-key'] !== this.options.apiKey) {
        return azureError(401, '401', 'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.')
      }
      if (!azure.apiVersions.includes(r.query.get('api-version')!)) return azureError(400, 'BadRequest', 'API version not supported')
      model = decodeURIComponent(m[1])
      if (!this.options.models.includes(model)) {
        return azureError(404, 'DeploymentNotFound', 'The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.')
      }
    } else {
      if (r.path !== '/v1/chat/completions') return openAiError(404, `Invalid URL (${r.method} ${r.path})`, 'invalid_request_error')
      const auth = String(r.headers.authorization ?? '')
      if (!auth) return openAiError(401, "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).", 'invalid_request_error')
      const key = auth.replace(/^Bearer\s+/i, '')
      if (!/^Bearer\s/i.test(auth) || key !== this.options.apiKey) {
        // OpenAI echoes the start and end of a wrong key: the client must not pass that on.
        const shown = key.length > 8 ? `${key.slice(0, 3)}${'*'.repeat(key.length - 7)}${key.slice(-4)}` : '***'
        return openAiError(401, `Incorrect API key provided: ${shown}. You can find your API key at https://platform.openai.com/account/api-keys.`, 'invalid_request_error', null, 'invalid_api_key')
      }
    }
    if (r.method !== 'POST') return openAiError(405, `Method ${r.method} not allowed`, 'invalid_request_error')
    const body = r.body as Record<string, unknown> | undefined
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return openAiError(400, "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly.)", 'invalid_request_error')
    }
    if (!azure) {
      if (typeof body.model !== 'string' || !body.model) return openAiError(400, 'you must provide a model parameter', 'invalid_request_error')
      model = body.model
      if (!this.options.models.includes(model)) return openAiError(404, `The model \`${model}\` does not exist or you do not have access to it.`, 'invalid_request_error', null, 'model_not_found')
    }
    const invalid = this.checkParameters(body)
    if (invalid) return invalid
    return this.complete(body, model!)
  }

  private checkParameters(body: Record<string, unknown>): Reply | undefined {
    const messages = body.messages
    if (!Array.isArray(messages) || messages.length === 0) return openAiError(400, "Invalid 'messages': empty array. Expected an array with minimum length 1.", 'invalid_request_error', 'messages', 'empty_array')
    for (const [i, m] of messages.entries()) {
      const msg = m as Record<string, unknown>
      if (!['system', 'developer', 'user', 'assistant'].includes(String(msg?.role))) {
        return openAiError(400, `Invalid value: '${String(msg?.role)}'. Supported values are: 'system', 'assistant', 'user', 'tool', and 'function'.`, 'invalid_request_error', `messages[${i}].role`, 'invalid_value')
      }
      if (typeof msg.content !== 'string') return openAiError(400, `Invalid type for 'messages[${i}].content': expected a string.`, 'invalid_request_error', `messages[${i}].content`, 'invalid_type')
    }
    for (const param of this.options.rejects ?? []) {
      if (body[param] === undefined) continue
      if (this.options.rejectStatus === 422) {
        return { status: 422, json: { detail: [{ type: 'extra_forbidden', loc: ['body', param], msg: 'Extra inputs are not permitted', input: body[param] }] } }
      }
      if (param === 'max_tokens') {
        return openAiError(400, "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.", 'invalid_request_error', 'max_tokens', 'unsupported_parameter')
      }
      if (param === 'temperature' && body.temperature !== 1) {
        return openAiError(400, "Unsupported value: 'temperature' does not support 0 with this model. Only the default (1) value is supported.", 'invalid_request_error', 'temperature', 'unsupported_value')
      }
      if (param !== 'temperature') return openAiError(400, `Unrecognized request argument supplied: ${param}`, 'invalid_request_error', param, 'unknown_parameter')
    }
    if (body.temperature !== undefined && (typeof body.temperature !== 'number' || body.temperature < 0 || body.temperature > 2)) {
      return openAiError(400, `Invalid 'temperature': decimal above maximum value. Expected a value <= 2, but got ${String(body.temperature)} instead.`, 'invalid_request_error', 'temperature', 'decimal_above_max_value')
    }
    for (const param of ['max_tokens', 'max_completion_tokens']) {
      const v = body[param]
      if (v !== undefined && (typeof v !== 'number' || !Number.isInteger(v) || v < 1)) return openAiError(400, `Invalid '${param}': expected a positive integer.`, 'invalid_request_error', param, 'invalid_type')
    }
    if (body.max_tokens !== undefined && body.max_completion_tokens !== undefined) {
      return openAiError(400, "max_tokens and max_completion_tokens cannot both be set. Please use max_completion_tokens.", 'invalid_request_error', 'max_tokens', 'invalid_request_error')
    }
    const format = body.response_format as Record<string, unknown> | undefined
    if (format !== undefined && !['text', 'json_object', 'json_schema'].includes(String(format?.type))) {
      return openAiError(400, `Invalid value: '${String(format?.type)}'. Supported values are: 'text', 'json_object' and 'json_schema'.`, 'invalid_request_error', 'response_format.type', 'invalid_value')
    }
    if (format?.type === 'json_object' && !messages.some((m) => /json/i.test(String((m as Record<string, unknown>).content)))) {
      return openAiError(400, "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.", 'invalid_request_error', 'messages', null)
    }
    return undefined
  }

  private complete(body: Record<string, unknown>, model: string): Reply {
    const messages = body.messages as { role: string; content: string }[]
    const system = messages.filter((m) => m.role === 'system' || m.role === 'developer').map((m) => m.content).join('\n')
    const user = messages.filter((m) => m.role === 'user').map((m) => m.content).join('\n')
    const data = readPromptData(user)
    const scripted = this.scripted.shift()
    let content: string
    if (scripted !== undefined) content = typeof scripted === 'string' ? scripted : scripted(data?.segments ?? [])
    else content = data ? this.answer(data, /MQM/.test(system)) : 'I could not find any segments to evaluate in your message.'
    const limit = (body.max_completion_tokens ?? body.max_tokens) as number | undefined
    let finish = 'stop'
    if (limit !== undefined && tokens(content) > limit) {
      content = content.slice(0, limit * 4)
      finish = 'length'
    }
    const promptTokens = tokens(messages.map((m) => m.content).join('\n')) + 4 * messages.length
    return {
      status: 200,
      json: {
        id: `chatcmpl-fake${this.server.requests.length}`,
        object: 'chat.completion',
        created: 1735689600,
        model,
        choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, logprobs: null, finish_reason: finish }],
        usage: { prompt_tokens: promptTokens, completion_tokens: tokens(content), total_tokens: promptTokens + tokens(content) },
      },
    }
  }

  private answer(data: PromptData, mqm: boolean): string {
    const fixtures = this.options.judgements ?? {}
    const hijacked = this.options.gullible && data.segments.some((s) => /ignore (all )?previous instructions/i.test(s.target))
    if (mqm) {
      const entries = data.segments.map((s) => ({ id: s.id, errors: judge(s.source, s.target, fixtures).errors ?? [] }))
      return JSON.stringify({ segments: hijacked ? [...entries, ...data.segments.map((s) => ({ id: s.id, errors: [] }))] : entries })
    }
    const entries = data.segments.map((s) => ({ id: s.id, score: judge(s.source, s.target, fixtures).score }))
    return JSON.stringify({ scores: hijacked ? [...entries, ...data.segments.map((s) => ({ id: s.id, score: 100 }))] : entries })
  }
}
