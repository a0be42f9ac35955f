// What every reporter calls a rule number: the built-in rules' ids, the config file's custom
// rules (carried in the report), and Wordbee's own QA rules (1..1000, and 0 for an issue a
// person added in Wordbee), which the Wordbee scorer passes on with their numbers.
import type { Report, RuleInfo } from '../model.js'
import { allRules } from '../rules.js'

const builtIn = new Map<number, RuleInfo>(allRules().map(({ rule, id, title, description, severity }) => [rule, { rule, id, title, description, severity }]))
const byReport = new WeakMap<RuleCatalogue, Map<number, RuleInfo>>()

const WORDBEE_MANUAL: RuleInfo = { rule: 0, id: 'wordbee manual', title: 'Wordbee issue added by hand', description: 'An issue a person added in Wordbee, not one of its QA rules.', severity: 1 }

function wordbeeRule(rule: number): RuleInfo {
  return { rule, id: 'wordbee', title: `Wordbee QA rule ${rule}`, description: `An issue Wordbee's own QA rule ${rule} raised on the segment.`, severity: 1 }
}

/** What names the rules of a run beyond the built-in ones: the report itself. */
export type RuleCatalogue = Pick<Report, 'customRules'>

/** The rule behind a number in this report, or undefined for a number no rule has. */
export function ruleInfo(report: RuleCatalogue | undefined, rule: number): RuleInfo | undefined {
  const known = builtIn.get(rule)
  if (known) return known
  if (report?.customRules) {
    let custom = byReport.get(report)
    if (!custom) byReport.set(report, (custom = new Map(report.customRules.map((r) => [r.rule, r]))))
    const found = custom.get(rule)
    if (found) return found
  }
  if (rule === 0) return WORDBEE_MANUAL
  if (Number.isInteger(rule) && rule >= 1 && rule <= 1000) return wordbeeRule(rule)
  return undefined
}

/** `1302 trailing-whitespace`, `1801 no-lorem`, `12 wordbee`, `0 wordbee manual`; a bare number for an unknown one. */
export function ruleLabel(report: RuleCatalogue | undefined, rule: number): string {
  const info = ruleInfo(report, rule)
  return info ? `${rule} ${info.id}` : String(rule)
}
