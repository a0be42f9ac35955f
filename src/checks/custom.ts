// Custom rules from the config file's `custom-rules`: a regular expression that flags the
// translation (or the source) where it matches, with the user's id, message and severity.
// Numbers are 1801-1899: given, or 1801, 1802... in the order of the list.
import type { Severity } from '../model.js'
import { SettingsError } from '../settings.js'
import type { SegmentCheck } from './check.js'
import { localeFilter } from '../paths.js'
import { CUSTOM_RULE_MAX_TEXT, unboundedRepetitions } from './custom-regex.js'

/** One entry of `custom-rules`, as the config file writes it (validated by its schema). */
export interface CustomRuleConfig {
  id: string
  rule?: number
  pattern: string
  message: string
  severity?: 'error' | 'warning' | 'info'
  locales?: string[]
  field?: 'target' | 'source'
  'ignore-case'?: boolean
}

const SEVERITY: Record<string, Severity> = { error: 2, warning: 1, info: 0 }
const CUSTOM_RULES = { first: 1801, last: 1899 }

/**
 * Milliseconds one custom rule may spend matching in a run. The static check refuses the
 * exponential shapes, but a pattern with unbounded repetitions in a row (`.*a.*b`) is
 * polynomial and can still take seconds on one crafted text of 2,000 characters: past its
 * budget a rule stops, and each segment it no longer reads says so.
 */
export const CUSTOM_RULE_TIME_BUDGET_MS = 10_000

/** Milliseconds one match of a pattern run in a worker may take before it is stopped. */
export const CUSTOM_RULE_MATCH_TIMEOUT_MS = 1_000

export interface CustomRuleOptions {
  /** Where errors point (the config file's name). */
  label?: string
  /** Milliseconds, monotonic; replaceable in tests. */
  now?: () => number
  budgetMs?: number
  matchTimeoutMs?: number
  /**
   * Runs a pattern with two or more unbounded repetitions where a slow match can be stopped
   * (the run passes src/isolated-regex.ts: a worker thread, which the pure core does not
   * start itself). Without it such a pattern runs here, bounded by the text cap and the budget.
   */
  isolate?: (source: string, flags: string) => StoppableRegex
}

export interface RegexMatch {
  index: number
  text: string
}

export interface StoppableRegex {
  /** The first match, null when there is none, or 'timeout' when it took longer than `timeoutMs` and was stopped. */
  exec(text: string, timeoutMs: number): RegexMatch | null | 'timeout'
}

/**
 * Builds the checks of `custom-rules`. `taken` are the rules that exist already (built-in);
 * a clash or a bad pattern is a SettingsError naming the entry.
 */
export function customChecks(configs: readonly CustomRuleConfig[], taken: ReadonlyArray<{ id: string; rule: number }>, options: CustomRuleOptions = {}): SegmentCheck[] {
  const { label = 'the config file', now = () => performance.now(), budgetMs = CUSTOM_RULE_TIME_BUDGET_MS, matchTimeoutMs = CUSTOM_RULE_MATCH_TIMEOUT_MS, isolate } = options
  const ids = new Set(taken.map((r) => r.id))
  const numbers = new Set(taken.map((r) => r.rule))
  return configs.map((c, i) => {
    const where = `custom-rules[${i}] in ${label}`
    const rule = c.rule ?? CUSTOM_RULES.first + i
    if (ids.has(c.id)) throw new SettingsError(`Invalid ${where}: the id '${c.id}' is already taken by another rule. Expected a new kebab-case id.`)
    if (numbers.has(rule)) {
      const which = c.rule === undefined ? `rule number ${rule}, its default from its place in the list,` : `rule number ${rule}`
      throw new SettingsError(`Invalid ${where}: ${which} is already taken. Expected a number from ${CUSTOM_RULES.first} to ${CUSTOM_RULES.last} used once${c.rule === undefined ? ': give this entry a rule' : ''}.`)
    }
    if (rule < CUSTOM_RULES.first || rule > CUSTOM_RULES.last) throw new SettingsError(`Invalid ${where}: rule number ${rule}. Expected a number from ${CUSTOM_RULES.first} to ${CUSTOM_RULES.last}.`)
    ids.add(c.id)
    numbers.add(rule)
    let re: RegExp
    try {
      re = new RegExp(c.pattern, c['ignore-case'] ? 'iu' : 'u')
    } catch (e) {
      throw new SettingsError(`Invalid ${where}: pattern ${JSON.stringify(c.pattern)} is not a valid regular expression (${(e as Error).message}).`)
    }
    const field = c.field ?? 'target'
    const applies = localeFilter(c.locales)
    // One unbounded repetition costs at most about the square of the text's length: run it here.
    const isolated = isolate && unboundedRepetitions(c.pattern) >= 2 ? isolate(re.source, re.flags) : undefined
    const match = (text: string): RegexMatch | null | 'timeout' => {
      if (isolated) return isolated.exec(text, matchTimeoutMs)
      const m = re.exec(text)
      return m && { index: m.index, text: m[0] }
    }
    let spent = 0
    return {
      id: c.id,
      rule,
      severity: SEVERITY[c.severity ?? 'warning'],
      family: 'custom',
      title: c.message,
      description: `Custom rule: the ${field} matches /${c.pattern}/${c.locales?.length ? ` (locales ${c.locales.join(', ')})` : ''}.`,
      check(input) {
        if (!applies(input.locale)) return []
        const text = input[field]
        if (text.length > CUSTOM_RULE_MAX_TEXT) {
          return [{ s: 0, d: `Not checked for "${c.message}": the ${field} has ${text.length.toLocaleString('en')} characters, and custom rules read at most ${CUSTOM_RULE_MAX_TEXT.toLocaleString('en')}` }]
        }
        if (spent > budgetMs) {
          return [{ s: 0, d: `Not checked for "${c.message}": this custom rule used its ${(budgetMs / 1000).toLocaleString('en')} s of matching time in this run (its pattern is slow on some texts; bound its repetitions, e.g. .{0,100} for .*)` }]
        }
        const started = now()
        const m = match(text)
        spent += now() - started
        if (m === 'timeout') {
          return [{ s: 0, d: `Not checked for "${c.message}": its pattern took more than ${(matchTimeoutMs / 1000).toLocaleString('en')} s on this ${field} and was stopped (bound its repetitions, e.g. .{0,100} for .*)` }]
        }
        if (!m) return []
        return [{ d: `${c.message} ("${m.text}")`, ...(field === 'target' ? { span: { start: m.index, end: m.index + m.text.length } } : {}) }]
      },
    }
  })
}
