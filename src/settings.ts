// Every setting of the tool, declared once. The action's inputs, the CLI's flags (same
// names), the config file's keys, action.yml, the README's table and the config JSON Schema
// all come from this table. Precedence: a non-empty input or flag, then the config file,
// then the default here. URLs and secrets are never read from the config file.
import type { FailReason } from './model.js'
import type { ForbiddenTerm, LengthLimit } from './checks/check.js'
import type { CustomRuleConfig } from './checks/custom.js'
import type { Schema } from './config/schema.js'

export type SettingKind = 'string' | 'secret' | 'url' | 'number' | 'integer' | 'boolean' | 'list' | 'size' | 'path'

export interface SettingDef {
  name: string
  kind: SettingKind
  description: string
  /** Built-in default, as a user would write it. */
  default?: string
  /** Shown in action.yml as the input's default (only `github-token`: everything else the config may set). */
  actionDefault?: string
  /** Allowed values (for strings and list items). */
  values?: readonly string[]
  minimum?: number
  maximum?: number
  /** Environment variable the CLI reads a secret or URL from. */
  env?: string
  /** Settable in the config file (never for URLs and secrets). */
  config: boolean
  /** Only meaningful in the action, or only in the CLI. */
  only?: 'action' | 'cli'
}

export const FAIL_ON = ['error', 'warning', 'below-threshold', 'not-scored', 'never'] as const

export const settingDefs: readonly SettingDef[] = [
  { name: 'github-token', kind: 'secret', actionDefault: '${{ github.token }}', config: false, only: 'action', description: 'Token for the check run, comments and reading the pull request. Needs `checks: write` and `pull-requests: write` to report; read-only tokens (forks) fall back to workflow annotations.' },
  { name: 'name', kind: 'string', default: 'Translation quality', config: true, description: 'Name of the check run and marker of the sticky comment; give each invocation in one repository its own name.' },
  { name: 'files', kind: 'list', config: true, description: 'Locale file patterns, one per line, with `{locale}` and globs (`locales/{locale}/*.json`, `config/locales/{locale}.yml`, `res/values{-locale}/strings.xml`); String Catalogs (`**/*.xcstrings`) hold their locales inside and need no `{locale}`. Empty: detect from `.phrase.yml`, `crowdin.yml` and common layouts.' },
  { name: 'source-locale', kind: 'string', default: 'en', config: true, description: 'Locale of the source strings; the file of this locale is the source of each pattern.' },
  { name: 'config', kind: 'path', default: '.github/translation-quality.yml', config: false, description: 'Path of the config file (read from the base commit under `pull_request_target`). Used when present.' },
  { name: 'threshold', kind: 'number', default: '0.7', minimum: 0, maximum: 1, config: true, description: 'Quality score (0..1) below which a segment is reported as below threshold. Per-locale and per-scorer values go in the config file.' },
  { name: 'fail-on', kind: 'list', values: FAIL_ON, default: 'error,below-threshold', config: true, description: 'What fails the gate, comma-separated: `error`, `warning`, `below-threshold`, `not-scored`, or `never`.' },
  { name: 'comment', kind: 'string', values: ['summary', 'review', 'both', 'off'], default: 'summary', config: true, only: 'action', description: 'PR comments: one sticky `summary` comment, inline `review` comments, `both`, or `off`.' },
  { name: 'annotations', kind: 'string', values: ['check', 'workflow', 'off'], default: 'check', config: true, only: 'action', description: 'Line annotations through a `check` run, `workflow` commands, or `off`.' },
  { name: 'max-annotations', kind: 'integer', default: '200', minimum: 0, config: true, only: 'action', description: 'Most annotations to post, worst first; the rest stay in the summary and the reports.' },
  { name: 'max-segments', kind: 'integer', minimum: 0, config: true, description: 'Spend guard: most distinct segments to send to the quality services per run (a repeat of a segment sent is free); the rest are reported as skipped. Empty: no limit.' },
  { name: 'time-budget', kind: 'integer', default: '300', minimum: 1, config: true, description: 'Seconds the scoring stage may take; segments not scored by then are reported as skipped.' },
  { name: 'cache-dir', kind: 'path', default: '.tqg-cache', config: true, description: 'Directory of the score cache, so that re-runs and later pushes pay only for changed segments; carry it between workflow runs with actions/cache (see the README). `off`: keep nothing.' },
  { name: 'max-file-size', kind: 'size', default: '10MB', config: true, description: 'Files larger than this (bytes, or with KB/MB) are reported and not parsed.' },
  { name: 'score-fuzzy', kind: 'boolean', default: 'false', config: true, description: 'Also send entries marked fuzzy or needs-review (PO `#, fuzzy`, XLIFF states) to the quality services; by default they are reported as a warning and not scored.' },
  { name: 'scores-file', kind: 'path', config: true, description: 'JSON file of precomputed scores (`[{file, key, locale?, score, provider?}]`), read by the `static` scorer.' },
  { name: 'report-file', kind: 'path', config: false, description: 'Where to write the JSON report. Default in the action: `$RUNNER_TEMP/translation-quality-report.json`.' },
  { name: 'sarif-file', kind: 'path', config: false, description: 'Where to write a SARIF 2.1.0 report (for code scanning). Empty: none.' },
  { name: 'phrase-token', kind: 'secret', env: 'PHRASE_TOKEN', config: false, description: 'Phrase Strings API token; enables Phrase QPS scoring.' },
  { name: 'phrase-project-id', kind: 'string', config: true, description: 'Phrase Strings project id.' },
  { name: 'phrase-api-url', kind: 'url', env: 'PHRASE_API_URL', default: 'eu', config: false, description: 'Phrase API base URL, or `eu` (https://api.phrase.com/v2) or `us` (https://api.us.app.phrase.com/v2).' },
  { name: 'phrase-branch', kind: 'string', config: true, description: 'Phrase branch to read translations from.' },
  { name: 'phrase-otp', kind: 'secret', env: 'PHRASE_OTP', config: false, description: 'Phrase two-factor one-time password (`X-PhraseApp-OTP`), if the token needs one.' },
  { name: 'custommt-token', kind: 'secret', env: 'CUSTOMMT_TOKEN', config: false, description: 'Custom.MT API token; enables Custom.MT QE for the locales or paths the config file opts in.' },
  { name: 'custommt-template', kind: 'string', config: true, description: 'Custom.MT translation template, when the PR has one language pair (several pairs: `custommt.templates` in the config file).' },
  { name: 'custommt-api-url', kind: 'url', env: 'CUSTOMMT_API_URL', default: 'https://console.custom.mt', config: false, description: 'Custom.MT API base URL.' },
  { name: 'openai-api-key', kind: 'secret', env: 'OPENAI_API_KEY', config: false, description: 'API key of an OpenAI-compatible server; enables LLM quality estimation.' },
  { name: 'openai-base-url', kind: 'url', env: 'OPENAI_BASE_URL', default: 'https://api.openai.com/v1', config: false, description: 'Base URL of the OpenAI-compatible API (OpenAI, Azure OpenAI, vLLM, Ollama, llama.cpp).' },
  { name: 'openai-model', kind: 'string', default: 'gpt-4o-mini', config: true, description: 'Model (or Azure deployment) used for LLM quality estimation.' },
  { name: 'openai-headers', kind: 'secret', env: 'OPENAI_HEADERS', config: false, description: 'Extra HTTP headers for the OpenAI-compatible server, one `Name: value` per line (an API gateway\'s headers; `api-key` or `Authorization` here replace the default auth header). Values are masked in logs.' },
  { name: 'openai-query', kind: 'string', env: 'OPENAI_QUERY', config: false, description: 'Query parameters added to every LLM request, `name=value` separated by `&` or new lines. Azure OpenAI: `api-version=2024-10-21` (which also sends the key as the `api-key` header).' },
  { name: 'wordbee-account-id', kind: 'string', config: true, description: 'Wordbee Translator account id.' },
  { name: 'wordbee-api-key', kind: 'secret', env: 'WORDBEE_API_KEY', config: false, description: 'Wordbee Translator API key; enables reading (and with `wordbee-push`, writing) Wordbee QA issues.' },
  { name: 'wordbee-api-url', kind: 'url', env: 'WORDBEE_API_URL', config: false, description: 'Wordbee Translator platform URL (e.g. https://yourcompany.eu.wordbee-translator.com).' },
  { name: 'wordbee-project-id', kind: 'integer', minimum: 1, config: true, description: 'Wordbee project id whose segments hold the QA issues.' },
  { name: 'wordbee-push', kind: 'boolean', default: 'false', config: true, description: 'Also write our issues (rule ids above 1000) to the matched Wordbee segments.' },
]

export interface Group {
  files: string[]
  sourceLocale: string
}

export type CommentMode = 'summary' | 'review' | 'both' | 'off'
export type AnnotationMode = 'check' | 'workflow' | 'off'

/** One validated, typed view of every setting; built only by resolveSettings. */
export interface Settings {
  name: string
  /** Locale roots to check; `files` empty in a group means auto-detect. */
  groups: Group[]
  threshold: number
  failOn: FailReason[]
  comment: CommentMode
  annotations: AnnotationMode
  maxAnnotations: number
  maxSegments?: number
  timeBudget: number
  /** Score cache directory; undefined: in memory only. */
  cacheDir?: string
  maxFileSize: number
  scoreFuzzy: boolean
  scoresFile?: string
  reportFile?: string
  sarifFile?: string
  phrase: { token?: string; projectId?: string; apiUrl: string; branch?: string; otp?: string }
  custommt: { token?: string; template?: string; apiUrl: string }
  openai: { apiKey?: string; baseUrl: string; model: string; headers: Record<string, string>; query: Record<string, string> }
  wordbee: { accountId?: string; apiKey?: string; apiUrl?: string; projectId?: number; push: boolean }
  /** The config file's sections beyond plain settings (rules, thresholds, terms...). */
  extra: ConfigExtra
  /** Every secret value, so edges can mask them. */
  secrets: string[]
}

export interface ConfigExtra {
  rules: Record<string, unknown>
  thresholds: { locales: Record<string, number>; scorers: Record<string, number> }
  terms: { doNotTranslate: string[]; forbidden: ForbiddenTerm[] }
  strictPlurals: boolean
  /** `max-length`: length limits by key pattern. */
  maxLength: LengthLimit[]
  /** `custom-rules`: regex rules, built into checks by checks/custom.ts. */
  customRules: CustomRuleConfig[]
  reportFilter: { dismissed?: boolean; severity?: (0 | 1 | 2)[]; rules?: number[] }
  /** Each names the translation it was made for, as `target` or `target-hash` (the schema requires one). */
  dismissals: Array<{ file: string; key: string; locale?: string; rule: number | string; comment: string; target?: string; 'target-hash'?: string }>
  /** Sections other stages read (custommt, openai); validated by their schema. */
  sections: Record<string, unknown>
}

export class SettingsError extends Error {}

/** Where a raw value came from, for messages: `input 'threshold'`, `--threshold`. */
export type Origin = (name: string) => string

export const PHRASE_SERVERS: Record<string, string> = { eu: 'https://api.phrase.com/v2', us: 'https://api.us.app.phrase.com/v2' }

function parseSize(raw: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?$/i.exec(raw.trim())
  if (!m) return undefined
  const unit = (m[2] ?? 'b').toLowerCase()[0]
  return Math.round(Number(m[1]) * (unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1))
}

function expectedForm(def: SettingDef): string {
  switch (def.kind) {
    case 'number':
    case 'integer': {
      const noun = def.kind === 'integer' ? 'a whole number' : 'a number'
      if (def.minimum !== undefined && def.maximum !== undefined) return `${noun} from ${def.minimum} to ${def.maximum}`
      return def.minimum !== undefined ? `${noun} of at least ${def.minimum}` : noun
    }
    case 'boolean':
      return 'true or false'
    case 'size':
      return 'a size in bytes, or with KB or MB (e.g. 10MB)'
    case 'url':
      return def.name === 'phrase-api-url' ? "'eu', 'us' or an http(s) URL" : 'an http(s) URL'
    case 'list':
      return def.values ? `a comma- or newline-separated list of ${def.values.join(', ')}` : 'a list, one per line'
    default:
      return def.values ? `one of ${def.values.join(', ')}` : 'a string'
  }
}

/** Parses a raw string (input or flag) or a config value into the setting's type. */
function parseValue(def: SettingDef, value: unknown, where: string): unknown {
  const fail = (): never => {
    const shown = typeof value === 'string' ? `'${value}'` : JSON.stringify(value)
    throw new SettingsError(`Invalid ${where}: ${shown}. Expected ${expectedForm(def)}.`)
  }
  const text = typeof value === 'string' ? value.trim() : value
  switch (def.kind) {
    case 'number':
    case 'integer': {
      const n = typeof text === 'number' ? text : typeof text === 'string' && /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : NaN
      if (!Number.isFinite(n) || (def.kind === 'integer' && !Number.isInteger(n))) return fail()
      if ((def.minimum !== undefined && n < def.minimum) || (def.maximum !== undefined && n > def.maximum)) return fail()
      return n
    }
    case 'boolean':
      if (typeof text === 'boolean') return text
      if (typeof text === 'string' && /^(true|yes|on|1)$/i.test(text)) return true
      if (typeof text === 'string' && /^(false|no|off|0)$/i.test(text)) return false
      return fail()
    case 'size': {
      const n = typeof text === 'number' ? text : typeof text === 'string' ? parseSize(text) : undefined
      return n === undefined || n < 1 ? fail() : n
    }
    case 'list': {
      const items = Array.isArray(text) ? text.map(String) : typeof text === 'string' ? text.split(def.values ? /[\n,]/ : /\n/) : fail()
      const list = items.map((s) => s.trim()).filter((s) => s && !s.startsWith('#'))
      if (def.values) {
        const bad = list.find((s) => !def.values!.includes(s))
        if (bad !== undefined) throw new SettingsError(`Invalid ${where}: '${bad}'. Expected ${expectedForm(def)}.`)
      }
      return list
    }
    case 'url': {
      if (typeof text !== 'string') return fail()
      if (def.name === 'phrase-api-url' && PHRASE_SERVERS[text.toLowerCase()]) return PHRASE_SERVERS[text.toLowerCase()]
      try {
        const url = new URL(text)
        if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail()
      } catch {
        return fail()
      }
      return text.replace(/\/+$/, '')
    }
    default: {
      if (typeof text !== 'string' && typeof text !== 'number') return fail()
      const s = String(text)
      if (def.values && !def.values.includes(s)) return fail()
      return s
    }
  }
}

export interface SettingsSources {
  /** Raw inputs or flags by setting name; empty strings count as unset. */
  inputs: Record<string, string | undefined>
  origin: Origin
  /** The validated config file, if any, and how to name its keys in messages. */
  config?: Record<string, unknown>
  configLabel?: string
}

export function resolveSettings({ inputs, origin, config, configLabel = 'the config file' }: SettingsSources): Settings {
  const values = new Map<string, unknown>()
  for (const def of settingDefs) {
    const raw = inputs[def.name]
    if (raw !== undefined && raw.trim() !== '') values.set(def.name, parseValue(def, raw, origin(def.name)))
    else if (def.config && config && Object.hasOwn(config, def.name)) values.set(def.name, parseValue(def, config[def.name], `${def.name} in ${configLabel}`))
    else if (def.default !== undefined) values.set(def.name, parseValue(def, def.default, `default of ${def.name}`))
  }
  const str = (name: string) => values.get(name) as string | undefined
  const num = (name: string) => values.get(name) as number | undefined

  const failOn = values.get('fail-on') as string[]
  if (failOn.includes('never') && failOn.length > 1) throw new SettingsError(`Invalid ${origin('fail-on')}: 'never' cannot be combined with other values.`)

  const files = (values.get('files') as string[] | undefined) ?? []
  const sourceLocale = str('source-locale')!
  const configGroups = (config?.groups as Array<Record<string, unknown>> | undefined) ?? []
  // Input files replace the config's locale roots; otherwise the config's groups (or its
  // top-level files) apply, and an empty list means auto-detection.
  const inputFiles = inputs.files !== undefined && inputs.files.trim() !== ''
  const groups: Group[] =
    !inputFiles && configGroups.length > 0
      ? configGroups.map((g) => ({ files: (g.files as string[]) ?? [], sourceLocale: (g['source-locale'] as string | undefined) ?? sourceLocale }))
      : [{ files, sourceLocale }]

  return {
    name: str('name')!,
    groups,
    threshold: num('threshold')!,
    failOn: failOn.filter((f): f is FailReason => f !== 'never'),
    comment: str('comment') as CommentMode,
    annotations: str('annotations') as AnnotationMode,
    maxAnnotations: num('max-annotations')!,
    maxSegments: num('max-segments'),
    timeBudget: num('time-budget')!,
    cacheDir: str('cache-dir') === 'off' ? undefined : str('cache-dir'),
    maxFileSize: num('max-file-size')!,
    scoreFuzzy: values.get('score-fuzzy') as boolean,
    scoresFile: str('scores-file'),
    reportFile: str('report-file'),
    sarifFile: str('sarif-file'),
    phrase: { token: str('phrase-token'), projectId: str('phrase-project-id'), apiUrl: str('phrase-api-url')!, branch: str('phrase-branch'), otp: str('phrase-otp') },
    custommt: { token: str('custommt-token'), template: str('custommt-template'), apiUrl: str('custommt-api-url')! },
    openai: {
      apiKey: str('openai-api-key'),
      baseUrl: str('openai-base-url')!,
      model: str('openai-model')!,
      headers: parseHeaderLines(str('openai-headers'), origin('openai-headers')),
      query: parseQuery(str('openai-query'), origin('openai-query')),
    },
    wordbee: { accountId: str('wordbee-account-id'), apiKey: str('wordbee-api-key'), apiUrl: str('wordbee-api-url'), projectId: num('wordbee-project-id'), push: values.get('wordbee-push') as boolean },
    extra: configExtra(config),
    secrets: secretValues(inputs),
  }
}

/**
 * The secret values among raw inputs or flags, for masking: each secret setting's value,
 * and each header value of `openai-headers` on its own (a log line may show one header's
 * value alone). Lenient: it runs before the inputs are validated, to mask them first.
 */
export function secretValues(inputs: Record<string, string | undefined>): string[] {
  const out = new Set<string>()
  for (const def of settingDefs) {
    const value = inputs[def.name]?.trim()
    if (def.kind !== 'secret' || !value) continue
    out.add(value)
    if (def.name !== 'openai-headers') continue
    for (const line of value.split(/\r?\n/)) {
      const header = line.slice(line.indexOf(':') + 1).trim()
      if (line.includes(':') && header) out.add(header)
    }
  }
  return [...out]
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/

/** `Name: value` lines; the message names the line, never its value (it may be a key). */
function parseHeaderLines(raw: string | undefined, where: string): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [i, line] of (raw ?? '').split(/\r?\n/).entries()) {
    if (!line.trim() || line.trim().startsWith('#')) continue
    const colon = line.indexOf(':')
    const name = colon > 0 ? line.slice(0, colon).trim() : ''
    if (!HEADER_NAME.test(name) || !line.slice(colon + 1).trim()) throw new SettingsError(`Invalid ${where}: line ${i + 1} is not a header. Expected lines 'Name: value'.`)
    headers[name.toLowerCase()] = line.slice(colon + 1).trim()
  }
  return headers
}

function parseQuery(raw: string | undefined, where: string): Record<string, string> {
  const query: Record<string, string> = {}
  for (const part of (raw ?? '').split(/[&\n]/).map((p) => p.trim()).filter(Boolean)) {
    const [[name, value] = ['', '']] = new URLSearchParams(part)
    if (!name || !part.includes('=')) throw new SettingsError(`Invalid ${where}: '${part}'. Expected name=value pairs, e.g. api-version=2024-10-21.`)
    query[name] = value
  }
  return query
}

function configExtra(config: Record<string, unknown> | undefined): ConfigExtra {
  const c = config ?? {}
  const thresholds = (c.thresholds ?? {}) as { locales?: Record<string, number>; scorers?: Record<string, number> }
  const terms = (c.terms ?? {}) as { 'do-not-translate'?: string[]; forbidden?: Array<string | ForbiddenTerm> }
  const sections: Record<string, unknown> = Object.create(null)
  for (const name of ['custommt', 'openai', 'phrase', 'wordbee']) if (Object.hasOwn(c, name)) sections[name] = c[name]
  return {
    rules: (c.rules ?? {}) as Record<string, unknown>,
    thresholds: { locales: thresholds.locales ?? {}, scorers: thresholds.scorers ?? {} },
    terms: { doNotTranslate: terms['do-not-translate'] ?? [], forbidden: (terms.forbidden ?? []).map((t) => (typeof t === 'string' ? { term: t } : t)) },
    strictPlurals: (c['strict-plurals'] as boolean | undefined) ?? false,
    maxLength: (c['max-length'] ?? []) as LengthLimit[],
    customRules: (c['custom-rules'] ?? []) as CustomRuleConfig[],
    reportFilter: (c['report-filter'] ?? {}) as ConfigExtra['reportFilter'],
    dismissals: (c.dismissals ?? []) as ConfigExtra['dismissals'],
    sections,
  }
}

/** The config-file schema of the plain settings (the sections are added in config/config-schema.ts). */
export function settingSchema(def: SettingDef): Schema {
  const description = def.description
  switch (def.kind) {
    case 'number':
      return { type: 'number', description, minimum: def.minimum, maximum: def.maximum }
    case 'integer':
      return { type: 'integer', description, minimum: def.minimum, maximum: def.maximum }
    case 'boolean':
      return { type: 'boolean', description }
    case 'size':
      return { anyOf: [{ type: 'integer', minimum: 1 }, { type: 'string', pattern: '^\\d+(\\.\\d+)?\\s*([kKmMgG][bB]?|[bB])?$' }], description }
    case 'list':
      return {
        anyOf: [
          { type: 'array', items: def.values ? { type: 'string', enum: def.values } : { type: 'string' } },
          { type: 'string' },
        ],
        description,
      }
    default:
      return def.values ? { type: 'string', enum: def.values, description } : { type: 'string', description }
  }
}
