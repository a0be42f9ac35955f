// The LLM QE scorer for any OpenAI-compatible chat completions server (OpenAI, Azure
// OpenAI, vLLM, Ollama, llama.cpp): GEMBA-style prompts from ./gemba.ts, several segments
// of one language pair per request. It asks for temperature 0, a token limit and a JSON
// answer, and drops what a server rejects (reasoning models refuse `temperature` and
// `max_tokens`; older servers `response_format`) for the rest of the run. An answer that
// is not the JSON asked for is asked once more; then the batch fails.
import type { Logger } from '../log.js'
import type { Score } from '../model.js'
import type { Settings } from '../settings.js'
import { answerTokens, chatMessages, parseAnswer, promptContext, promptDigest, segmentIds, type ChatMessage, type LlmMode, type ParsedAnswer } from './gemba.js'
import { ServiceClient, ServiceError } from './http.js'
import type { Scorer, ScoringContext } from './scorer.js'

export const PROVIDER = 'openai'

export interface OpenAiOptions {
  client: ServiceClient
  model: string
  mode: LlmMode
  /** Segments per request. */
  batchSize: number
  /** Added to every request's URL (Azure's `api-version`). */
  query?: Record<string, string>
}

/** Parameters we send that a server may reject; each is given up at most once per run. */
type Adjustable = 'temperature' | 'max_tokens' | 'response_format'

/** Reasoning models count their hidden reasoning against max_completion_tokens. */
const REASONING_ALLOWANCE = 8192

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * The parameter a 400/422 answer rejects: OpenAI's `error.param`, else one named in the
 * message, or in the `loc` of a FastAPI validation error (`{"detail": [{loc, msg}]}`).
 */
export function rejectedParameter(body: unknown, sent: readonly Adjustable[]): Adjustable | undefined {
  const error = isRecord(body) && isRecord(body.error) ? body.error : isRecord(body) ? body : {}
  const param = typeof error.param === 'string' ? error.param.split('.')[0] : undefined
  if (param && (sent as readonly string[]).includes(param)) return param as Adjustable
  const detail = isRecord(body) && Array.isArray(body.detail) ? body.detail.filter(isRecord) : []
  const located = detail.flatMap((d) => (Array.isArray(d.loc) ? d.loc : [])).find((p): p is Adjustable => (sent as readonly unknown[]).includes(p))
  if (located) return located
  const message = [error.message, ...detail.map((d) => d.msg), typeof body === 'string' ? body : undefined].filter((m) => typeof m === 'string').join(' ')
  return sent.find((p) => new RegExp(`\\b${p}\\b`).test(message))
}

interface Completion {
  content: string
  finish?: string
}

export function openAiScorer(options: OpenAiOptions): Scorer {
  const { client, model, mode } = options
  const engine = mode === 'mqm' ? `${model} mqm` : model
  // What this run has learnt about the server; shared by concurrent batches.
  const dropped = new Set<Adjustable>()
  let completionTokens = false
  const totals = { segments: 0, 'prompt-tokens': 0, 'completion-tokens': 0, 'answer-retries': 0, 'parameter-retries': 0 }

  function body(messages: ChatMessage[], budget: number): Record<string, unknown> {
    return {
      model,
      messages,
      ...(!dropped.has('temperature') && { temperature: 0 }),
      ...(completionTokens ? { max_completion_tokens: budget + REASONING_ALLOWANCE } : !dropped.has('max_tokens') && { max_tokens: budget }),
      ...(!dropped.has('response_format') && { response_format: { type: 'json_object' } }),
    }
  }

  // The first request finds out which parameters the server takes; the others wait for it
  // so that concurrent batches do not each pay for the same rejections.
  let firstRequest: Promise<unknown> | undefined

  function complete(messages: ChatMessage[], budget: number, context: ScoringContext): Promise<Completion> {
    if (!firstRequest) {
      const first = send(messages, budget, context)
      firstRequest = first.catch(() => undefined)
      return first
    }
    return firstRequest.then(() => send(messages, budget, context))
  }

  async function send(messages: ChatMessage[], budget: number, context: ScoringContext): Promise<Completion> {
    for (;;) {
      const json = body(messages, budget)
      try {
        const response = await client.request({ method: 'POST', path: '/chat/completions', query: options.query, json, signal: context.signal, deadline: context.deadline })
        const data = isRecord(response.data) ? response.data : {}
        const usage = isRecord(data.usage) ? data.usage : {}
        if (typeof usage.prompt_tokens === 'number') totals['prompt-tokens'] += usage.prompt_tokens
        if (typeof usage.completion_tokens === 'number') totals['completion-tokens'] += usage.completion_tokens
        const choice = Array.isArray(data.choices) && isRecord(data.choices[0]) ? data.choices[0] : {}
        const message = isRecord(choice.message) ? choice.message : {}
        const content = typeof message.content === 'string' ? message.content : typeof message.refusal === 'string' ? message.refusal : ''
        return { content, finish: typeof choice.finish_reason === 'string' ? choice.finish_reason : undefined }
      } catch (e) {
        // OpenAI quotes the start and end of a wrong key; the message goes into reports.
        if (e instanceof ServiceError && e.status === 401) throw new Error(e.message.replace(/(API key provided: )\S+/i, '$1(redacted)'))
        // 400 from OpenAI, vLLM, llama.cpp; 422 from servers that validate with FastAPI.
        if (!(e instanceof ServiceError) || (e.status !== 400 && e.status !== 422)) throw e
        const sent = (['temperature', 'max_tokens', 'response_format'] as const).filter((p) => json[p] !== undefined)
        const param = rejectedParameter(e.body, sent)
        if (!param) throw e
        if (param === 'max_tokens') completionTokens = true
        else dropped.add(param)
        totals['parameter-retries']++
        context.log.info(`openai: ${model} rejects '${param}'; ${param === 'max_tokens' ? 'using max_completion_tokens' : 'sending without it'} for the rest of the run`)
      }
    }
  }

  return {
    provider: PROVIDER,
    engine,
    method: `prompt ${promptDigest(mode)}`,
    cacheContext: (s) => {
      const context = promptContext(s.unit)
      return Object.keys(context).length > 0 ? JSON.stringify(context) : undefined
    },
    byText: true,
    batchSize: options.batchSize,
    concurrency: 4,
    batchGroup: (s) => `${s.sourceLocale}\u0000${s.locale}`,
    notApplicable(s) {
      if (s.source === undefined || s.source.trim() === '') return 'no source text to compare the translation with'
      if (s.target.trim() === '') return 'the translation is empty (the empty-translation rule reports it)'
      return undefined
    },
    async score(batch, context): Promise<Score[]> {
      const ids = segmentIds(batch.length)
      const messages = chatMessages(
        mode,
        batch[0].sourceLocale,
        batch[0].locale,
        batch.map((s, i) => ({ id: ids[i], source: s.source!, target: s.target, ...promptContext(s.unit) })),
      )
      let budget = answerTokens(mode, batch.length)
      let parsed: ParsedAnswer | undefined
      for (let attempt = 0; attempt < 2; attempt++) {
        const answer = await complete(messages, budget, context)
        parsed = parseAnswer(mode, answer.content, ids)
        if (parsed.ok) break
        if (answer.finish === 'length') {
          parsed = { ok: false, error: `${parsed.error} (cut off at the token limit)` }
          budget *= 2
        }
        if (attempt === 0) totals['answer-retries']++
      }
      if (!parsed?.ok) throw new Error(`${engine}: ${parsed?.error} (asked twice)`)
      totals.segments += batch.length
      return ids.map((id): Score => {
        const answer = parsed.answers.get(id)!
        if ('failed' in answer) return { provider: PROVIDER, engine, state: 'failed', reason: answer.failed }
        return { provider: PROVIDER, engine, state: 'scored', score: answer.score, ...(answer.issues && answer.issues.length > 0 && { issues: answer.issues }) }
      })
    },
    usage: () => ({ ...client.usage(), ...totals }),
    close: () => client.close(),
  }
}

const AZURE_HOST = /\.(openai\.azure\.com|cognitiveservices\.azure\.com|services\.ai\.azure\.com)$/i

/**
 * The request headers: the key as `Authorization: Bearer`, or as Azure's `api-key` for an
 * Azure host or a dated Azure API (`api-version` in the query); an `Authorization` or
 * `api-key` among the extra headers replaces either.
 */
export function requestHeaders(openai: Pick<Settings['openai'], 'apiKey' | 'baseUrl' | 'headers' | 'query'>): Record<string, string> {
  const extra = openai.headers
  if ('authorization' in extra || 'api-key' in extra || !openai.apiKey) return { ...extra }
  const azure = 'api-version' in openai.query || AZURE_HOST.test(new URL(openai.baseUrl).hostname)
  return { ...(azure ? { 'api-key': openai.apiKey } : { authorization: `Bearer ${openai.apiKey}` }), ...extra }
}

/** The `openai` section of the config file (validated by its schema). */
interface OpenAiSection {
  mode?: LlmMode
  'batch-size'?: number
}

export function openAiFromSettings(settings: Settings, log: Logger): { scorer?: Scorer; note?: string } {
  const { openai } = settings
  if (!openai.apiKey) return settings.extra.sections.openai !== undefined ? { note: 'LLM QE skipped: openai-api-key is not set (secrets are not available to pull requests from forks).' } : {}
  const section = (settings.extra.sections.openai ?? {}) as OpenAiSection
  const mode = section.mode ?? 'da'
  const client = new ServiceClient({
    service: 'OpenAI-compatible LLM',
    baseUrl: openai.baseUrl,
    headers: requestHeaders(openai),
    secrets: settings.secrets,
    credentials: 'authorization' in openai.headers || 'api-key' in openai.headers ? 'the key in openai-headers' : 'openai-api-key',
    concurrency: 4,
    // Large models (and reasoning ones) take their time over a batch.
    timeoutMs: 120_000,
    log,
  })
  return { scorer: openAiScorer({ client, model: openai.model, mode, batchSize: section['batch-size'] ?? (mode === 'mqm' ? 10 : 20), query: openai.query }) }
}
