// The config file's `rules` section: rules switched off or given another severity, for all
// locales or per locale. Keys are rule numbers (1051) or ids (icu-placeholder-missing).
import { nearest } from './config/schema.js'
import type { Severity } from './model.js'
import { forLocale } from './paths.js'
import { allRules, type RuleMeta } from './rules.js'
import { SettingsError } from './settings.js'

type Level = Severity | 'off'
const LEVELS: Record<string, Level> = { error: 2, warning: 1, info: 0, off: 'off' }

export interface RuleSettings {
  /** The severity of a rule for a locale, or 'off'. */
  level(rule: number, locale: string | undefined, fallback: Severity): Level
  /** The number of a rule given by number or id (built-in or custom), or undefined. */
  ruleNumber(key: number | string): number | undefined
}

/** `custom` are the config file's own rules (custom-rules), known besides the built-in ones. */
export function ruleSettings(section: Record<string, unknown>, label = 'the config file', custom: readonly RuleMeta[] = []): RuleSettings {
  const rules = [...allRules(), ...custom]
  const byKey = new Map<string, RuleMeta>()
  for (const r of rules) {
    byKey.set(String(r.rule), r)
    byKey.set(r.id, r)
  }
  const levels = new Map<number, { all?: Level; locales: Map<string, Level> }>()
  for (const [key, value] of Object.entries(section)) {
    const rule = byKey.get(key)
    if (!rule) {
      const hint = nearest(key, rules.map((r) => r.id))
      throw new SettingsError(`Unknown rule '${key}' in rules of ${label}. Expected a rule number or id from docs/rules.md${hint ? `; did you mean '${hint}'?` : '.'}`)
    }
    const entry = { all: undefined as Level | undefined, locales: new Map<string, Level>() }
    if (typeof value === 'string') entry.all = LEVELS[value]
    else if (value && typeof value === 'object') {
      const v = value as { severity?: string; locales?: Record<string, string> }
      if (v.severity) entry.all = LEVELS[v.severity]
      for (const [locale, level] of Object.entries(v.locales ?? {})) entry.locales.set(locale, LEVELS[level])
    }
    levels.set(rule.rule, entry)
  }
  return {
    ruleNumber: (key) => byKey.get(String(key))?.rule,
    level(rule, locale, fallback) {
      const entry = levels.get(rule)
      if (!entry) return fallback
      return (locale === undefined ? undefined : forLocale(entry.locales, locale)) ?? entry.all ?? fallback
    },
  }
}
