// The Custom.MT QE scorer. Custom.MT has no QE-only endpoint: it scores its own machine
// translation of the source. So a segment is scored only when the PR's target is that
// translation; any other target is not-applicable (never passed). Every request is billed
// machine translation, so only the locales or paths the config file opts in are sent,
// one language pair (one template) per request, at most 25 sources each, each source once.
// Its translation of a source is remembered between runs (the memo): a target edited
// later is compared with it without paying for the same translation again.
import type { Logger } from '../log.js'
import type { Memo } from './cache.js'
import type { Score, Segment } from '../model.js'
import { compilePattern, forLocale, languageOf, localeCovers, PatternError } from '../paths.js'
import { SettingsError, type Settings } from '../settings.js'
import {
  MAX_BATCH,
  PROVIDER,
  readTemplatesList,
  readTranslateAnswer,
  scoreAgainst,
  TEMPLATES_PATH,
  TRANSLATE_PATH,
  translateRequest,
  type TemplateInfo,
  type Translated,
} from './custommt-api.js'
import { ServiceClient } from './http.js'
import { OutOfTime, type Scorer, type ScoringContext } from './scorer.js'

export interface TemplateRule {
  /** Any source locale when absent. */
  source?: string
  target: string
  template: string
}

export interface CustomMtOptions {
  client: ServiceClient
  /** Templates per language pair (`custommt.templates`). */
  templates: TemplateRule[]
  /** `custommt-template`: for the one pair it translates (looked up once per run). */
  template?: string
  /** Opt-in: target locales (`de` covers `de-AT`) and path globs. */
  locales: string[]
  paths: string[]
}

const pair = (s: Pick<Segment, 'sourceLocale' | 'locale'>) => `${s.sourceLocale}→${s.locale}`

export function customMtScorer(options: CustomMtOptions): Scorer {
  const { client } = options
  const globs = options.paths.map((p) => compilePattern(p, { localeless: true }).regex)
  const optedIn = (s: Segment) => options.locales.some((l) => localeCovers(l, s.locale)) || globs.some((g) => g.test(s.file))

  /** The configured template of a segment's pair; `lookup` when only custommt-template names one. */
  const templateFor = (s: Segment): { name: string; lookup: boolean } | undefined => {
    const rules = options.templates.filter((t) => !t.source || localeCovers(t.source, s.sourceLocale))
    const rule = forLocale(rules.map((t) => [t.target, t] as const), s.locale)
    if (rule) return { name: rule.template, lookup: false }
    return options.template ? { name: options.template, lookup: true } : undefined
  }

  const warned = new Set<string>()
  const totals = { segments: 0, symbols: 0, 'mt-in-tokens': 0, 'mt-out-tokens': 0, 'translations-reused': 0 }
  const qeTokens: Record<string, { prompt: number; completion: number }> = {}

  /** Where the translation of a segment's source by its template is remembered. */
  const memoKey = (s: Segment, template: string) => JSON.stringify(['mt', template, s.sourceLocale, s.locale, s.source])
  /** The Score a remembered translation settles, if it settles one (a failed QE is asked again). */
  const remembered = (s: Segment, memo: Memo): Score | undefined => {
    const known = memo.get<Translated>(memoKey(s, templateFor(s)!.name))
    if (typeof known?.translation !== 'string' || known.qe?.provider !== PROVIDER) return undefined
    const score = scoreAgainst(known, s.target)
    if (score.state === 'failed') return undefined
    totals['translations-reused']++
    return score
  }

  // custommt-template names no pair: get-templates-list (free, unlike a translation) tells
  // which pair it translates, so that no other pair is sent to it and billed.
  async function checkTemplate(segments: Segment[], context: ScoringContext): Promise<(Score | undefined)[]> {
    const name = options.template
    if (!name || !segments.some((s) => templateFor(s)?.lookup)) return []
    let info: TemplateInfo | undefined
    let failure: string | undefined
    try {
      const list = readTemplatesList((await client.request({ method: 'GET', path: TEMPLATES_PATH, signal: context.signal, deadline: context.deadline })).data)
      info = list.find((t) => t.name === name)
      if (!info) failure = `custommt-template '${name}' is not one of this account's Custom.MT templates${list.length ? ` (${list.map((t) => t.name).join(', ')})` : ''}`
    } catch (e) {
      if (e instanceof OutOfTime) throw e
      failure = e instanceof Error ? e.message : String(e)
    }
    return segments.map((s): Score | undefined => {
      if (!templateFor(s)?.lookup) return undefined
      if (failure) return { provider: PROVIDER, engine: name, state: 'failed', reason: failure }
      if (languageOf(info!.source) === languageOf(s.sourceLocale) && languageOf(info!.target) === languageOf(s.locale)) return undefined
      const reason = `Custom.MT template '${name}' translates ${info!.source}→${info!.target}, not ${pair(s)}: add a template for ${pair(s)} to custommt.templates in the config file`
      return { provider: PROVIDER, engine: name, state: 'not-applicable', reason }
    })
  }

  const engines = [...new Set([...options.templates.map((t) => t.template), ...(options.template ? [options.template] : [])])].sort()
  return {
    provider: PROVIDER,
    // Part of the cache key: another template configuration means other scores.
    engine: engines.join('+'),
    byText: true,
    batchSize: MAX_BATCH,
    concurrency: 4,
    batchGroup: (s) => `${templateFor(s)?.name}\u0000${s.sourceLocale}\u0000${s.locale}`,
    // The request carries only the source (billed as MT): targets that differ share one translation.
    requestKey: (s) => s.source!,
    notApplicable(s) {
      if (!optedIn(s)) return 'not opted in to Custom.MT (custommt.locales or custommt.paths in the config file)'
      if (s.source === undefined || s.source.trim() === '') return 'no source text for Custom.MT to translate'
      // An empty target is never Custom.MT's translation: asking would be billed for nothing.
      if (s.target.trim() === '') return 'the translation is empty (the empty-translation rule reports it)'
      if (!templateFor(s)) return `no Custom.MT template for ${pair(s)} (custommt.templates in the config file, or custommt-template)`
      return undefined
    },
    async prepare(segments, context) {
      const checked = await checkTemplate(segments, context)
      const memo = context.memo
      return segments.map((s, i) => checked[i] ?? (memo ? remembered(s, memo) : undefined))
    },
    async score(batch, context): Promise<Score[]> {
      const template = templateFor(batch[0])!
      const sources = [...new Set(batch.map((s) => s.source!))]
      const response = await client.request({
        method: 'POST',
        path: TRANSLATE_PATH,
        json: translateRequest(sources, template.name),
        signal: context.signal,
        deadline: context.deadline,
      })
      const result = readTranslateAnswer(response.data, sources, batch, template.name)
      for (const s of batch) context.memo?.set(memoKey(s, template.name), result.translated[sources.indexOf(s.source!)])
      totals.segments += sources.length
      totals.symbols += result.usage.symbols
      totals['mt-in-tokens'] += result.usage.mtInTokens
      totals['mt-out-tokens'] += result.usage.mtOutTokens
      for (const [model, u] of Object.entries(result.usage.qeModels)) {
        const t = (qeTokens[model] ??= { prompt: 0, completion: 0 })
        t.prompt += u.prompt
        t.completion += u.completion
      }
      if (result.warning && !warned.has(result.warning)) {
        warned.add(result.warning)
        context.log.warning(`Custom.MT (template ${template.name}): ${result.warning}`)
      }
      return result.scores
    },
    close: () => client.close(),
    usage() {
      const usage: Record<string, number> = { ...client.usage(), ...totals }
      for (const [model, t] of Object.entries(qeTokens)) {
        usage[`qe-prompt-tokens ${model}`] = t.prompt
        usage[`qe-completion-tokens ${model}`] = t.completion
      }
      return usage
    },
  }
}

/** The `custommt` section of the config file (validated by its schema). */
interface CustomMtSection {
  templates?: TemplateRule[]
  locales?: string[]
  paths?: string[]
}

/** The scorer the settings ask for, or why there is none (said once). */
export function customMtFromSettings(settings: Settings, log: Logger): { scorer?: Scorer; note?: string } {
  const { token, template, apiUrl } = settings.custommt
  const section = (settings.extra.sections.custommt ?? {}) as CustomMtSection
  const configured = template !== undefined || settings.extra.sections.custommt !== undefined
  if (!token) return configured ? { note: 'Custom.MT QE skipped: custommt-token is not set (secrets are not available to pull requests from forks).' } : {}
  const locales = section.locales ?? []
  const paths = section.paths ?? []
  if (locales.length === 0 && paths.length === 0) {
    return { note: 'Custom.MT QE skipped: no locale or path is opted in (custommt.locales or custommt.paths in the config file). Every Custom.MT request is billed machine translation, so nothing is sent unless asked.' }
  }
  const templates = section.templates ?? []
  if (templates.length === 0 && !template) return { note: 'Custom.MT QE skipped: no template (custommt-template, or custommt.templates in the config file).' }
  for (const p of paths) {
    try {
      compilePattern(p, { localeless: true })
    } catch (e) {
      if (e instanceof PatternError) throw new SettingsError(`Invalid custommt.paths entry: ${e.message}.`)
      throw e
    }
  }
  const client = new ServiceClient({ service: 'Custom.MT', baseUrl: apiUrl, headers: { token }, secrets: settings.secrets, credentials: 'custommt-token', concurrency: 4, timeoutMs: 60_000, log })
  return { scorer: customMtScorer({ client, templates, template, locales, paths }) }
}
