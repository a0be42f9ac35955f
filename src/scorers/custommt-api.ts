// Custom.MT's text_translate_v2 (translation with QE), as data: the request body and how an
// answer becomes Scores. Pure; the transport lives in ./custommt.ts. Contract: Custom.MT's
// "Translation API v2 with Quality Estimation" document (field names as it spells them).
import type { Score, Segment } from '../model.js'

export const PROVIDER = 'custommt'

/** The seed recommends at most 25 segments per request. */
export const MAX_BATCH = 25

export const TRANSLATE_PATH = '/translation/text_translate_v2'
export const TEMPLATES_PATH = '/translation/get-templates-list'

export interface TranslateRequest {
  text: string[]
  template_name: string
  error_empty_result: false
}

export function translateRequest(sources: string[], template: string): TranslateRequest {
  return { text: sources, template_name: template, error_empty_result: false }
}

/** What one answer used, summed by the scorer's usage(). */
export interface CustomMtUsage {
  symbols: number
  mtInTokens: number
  mtOutTokens: number
  /** QE model -> tokens */
  qeModels: Record<string, { prompt: number; completion: number }>
}

/** Custom.MT's translation of one source, with the QE outcome of that translation. */
export interface Translated {
  translation: string
  qe: Score
}

export interface TranslateResult {
  /** Index-aligned with the sources sent. */
  translated: Translated[]
  /** Index-aligned with the segments. */
  scores: Score[]
  usage: CustomMtUsage
  /** Top-level `message` (e.g. a fallback engine was used). */
  warning?: string
}

/** The answer does not have the documented shape: the whole batch fails. */
export class CustomMtAnswerError extends Error {}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const count = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0)

/** Whitespace-insensitive comparison: the file may wrap or pad what the engine returned. */
export function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim()
  return norm(a) === norm(b)
}

function readUsage(body: Record<string, unknown>): CustomMtUsage {
  const top = isRecord(body.usage) ? body.usage : {}
  const qeModels: CustomMtUsage['qeModels'] = {}
  const qeUsage = isRecord(body.qe) && isRecord(body.qe.usage) ? body.qe.usage : {}
  for (const [model, u] of Object.entries(qeUsage)) {
    if (isRecord(u)) qeModels[model] = { prompt: count(u.prompt_tokens), completion: count(u.completion_tokens) }
  }
  return { symbols: count(top.symbols_count), mtInTokens: count(top.in_tokens_count), mtOutTokens: count(top.out_tokens_count), qeModels }
}

function qeScore(body: Record<string, unknown>, index: number, base: Pick<Score, 'provider' | 'engine'>): Score {
  const messages = isRecord(body.qe) && Array.isArray(body.qe.messages) ? body.qe.messages : undefined
  const entry = messages?.[index]
  const result = isRecord(entry) && isRecord(entry.score) ? entry.score.open_ai : undefined
  if (!isRecord(result)) return { ...base, state: 'failed', reason: `Custom.MT returned no QE result (is QE enabled in template '${base.engine}'?)` }
  if (result.is_success !== true) {
    const why = [result.error, result.prompt_error].find((e) => typeof e === 'string' && e.trim() !== '') as string | undefined
    return { ...base, state: 'failed', reason: `Custom.MT QE failed: ${why ?? 'no reason given'}` }
  }
  const raw = result.score
  if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < 0 || raw > 100) {
    return { ...base, state: 'failed', reason: `Custom.MT returned an invalid QE score ${JSON.stringify(raw)}` }
  }
  const threshold = result.success_score_value
  return {
    ...base,
    state: 'scored',
    // Documented as 0..1; a 0..100 value is normalised rather than read as a near-perfect score.
    score: raw > 1 ? raw / 100 : raw,
    ...(typeof threshold === 'number' && threshold >= 0 && threshold <= 1 && { threshold }),
    confirm: result.confirm_segment === true,
    lock: result.lock_segment === true,
  }
}

/**
 * A segment's Score from Custom.MT's translation of its source: the QE outcome when the PR's
 * target is that translation, not-applicable when it is another text (the QE score would be
 * about a string the PR does not contain).
 */
export function scoreAgainst(translated: Translated, target: string): Score {
  if (!sameText(translated.translation, target)) return { provider: PROVIDER, engine: translated.qe.engine, state: 'not-applicable', reason: "the target is not Custom.MT's translation" }
  return { ...translated.qe }
}

/**
 * Turns a text_translate_v2 answer to the `sources` sent into one Score per segment (each
 * segment's source is one of them; several segments may share one), as scoreAgainst says;
 * failed when QE failed for that item.
 */
export function readTranslateAnswer(body: unknown, sources: string[], segments: Pick<Segment, 'source' | 'target'>[], template: string): TranslateResult {
  if (!isRecord(body)) throw new CustomMtAnswerError('Custom.MT answered with something other than a JSON object')
  const translated = body.translated_text
  if (!Array.isArray(translated) || translated.length !== sources.length || translated.some((t) => typeof t !== 'string')) {
    const got = Array.isArray(translated) ? `${translated.length} translations` : 'no translated_text list'
    throw new CustomMtAnswerError(`Custom.MT answered with ${got} for ${sources.length} texts`)
  }
  const base = { provider: PROVIDER, engine: template }
  const answers = sources.map((_, i): Translated => ({ translation: translated[i] as string, qe: qeScore(body, i, base) }))
  const index = new Map(sources.map((source, i) => [source, i]))
  const scores = segments.map((segment) => scoreAgainst(answers[index.get(segment.source!)!], segment.target))
  const warning = typeof body.message === 'string' && body.message.trim() !== '' ? body.message.trim() : undefined
  return { translated: answers, scores, usage: readUsage(body), ...(warning && { warning }) }
}

export interface TemplateInfo {
  name: string
  source: string
  target: string
}

/** get-templates-list: `{templates: [{template_name, source_language, target_language}]}`. */
export function readTemplatesList(body: unknown): TemplateInfo[] {
  const list = isRecord(body) ? body.templates : undefined
  if (!Array.isArray(list)) throw new CustomMtAnswerError('Custom.MT answered get-templates-list without a templates list')
  return list.flatMap((t) =>
    isRecord(t) && typeof t.template_name === 'string' && typeof t.source_language === 'string' && typeof t.target_language === 'string'
      ? [{ name: t.template_name, source: t.source_language, target: t.target_language }]
      : [],
  )
}
