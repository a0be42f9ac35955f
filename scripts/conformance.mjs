// Conformance: runs our rules over translate-toolkit's pofilter test cases
// (../shared/conformance/qa-cases.jsonl, outside the repository: see its README) and prints,
// per category, how often our verdict agrees with pofilter's. Each category maps to the
// rules that cover it; a case expecting `fail` agrees when one of them reports an issue.
//
//   npm run conformance [-- CASES_FILE] [-- --verbose]
//
// Cases whose flags name a project checker (`checker=`, `location=`) or that carry a `note`
// are specific to one project family (Mozilla, KDE, GNOME...) and are not counted. Cases
// without `lang=` are checked as translations into the undetermined locale `und` (root
// conventions: 1,000.5), since pofilter's own checks know no locale.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { checks } from '../lib/checks/index.js'
import { defaultCheckOptions } from '../lib/checks/check.js'
import { runChecks } from '../lib/checks/engine.js'
import { ruleSettings } from '../lib/rule-settings.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const verbose = args.includes('--verbose')
const file = args.find((a) => !a.startsWith('--')) ?? join(root, '..', 'shared', 'conformance', 'qa-cases.jsonl')

/** Rules (by id) that answer for each pofilter category; `syntax` forces the placeholder syntax. */
const CATEGORIES = {
  numbers: { rules: ['numbers'] },
  xml_tags: { rules: ['tag-missing', 'tag-extra', 'tag-renamed', 'tag-attributes', 'tag-order', 'markup-malformed', 'link-target-changed'] },
  punctuation_spacing: { rules: ['french-spacing', 'space-after-punctuation'] },
  unchanged: { rules: ['untranslated'] },
  newlines: { rules: ['leading-whitespace', 'trailing-whitespace', 'line-breaks'] },
  escapes: { rules: ['escape-sequences'] },
  end_punctuation: { rules: ['end-punctuation'] },
  printf: { syntax: 'printf' },
  python_brace_format: { syntax: 'python-brace' },
  empty_translation: { rules: ['empty-translation'] },
  leading_whitespace: { rules: ['leading-whitespace'] },
  trailing_whitespace: { rules: ['trailing-whitespace'] },
  double_space: { rules: ['double-space'] },
  tabs: { rules: ['tabs', 'leading-whitespace', 'trailing-whitespace'] },
  brackets: { rules: ['unbalanced-brackets'] },
  quotes: { rules: ['unbalanced-quotes'] },
  capitalization: { rules: ['capitalization'] },
  length_ratio: { rules: ['length-ratio'] },
  urls: { rules: ['urls', 'link-target-changed'] },
  emails: { rules: ['emails'] },
  file_paths: { rules: ['file-paths'] },
  cli_options: { rules: ['command-options'] },
  functions: { rules: ['function-names'] },
  terminology: { rules: ['do-not-translate'] },
  xml_validity: { rules: ['markup-malformed', 'tag-missing', 'tag-extra', 'tag-renamed'] },
}

/** Categories the project commits to (at least 95% agreement with ten or more cases). */
const COMMITTED = ['numbers', 'xml_tags', 'punctuation_spacing', 'unchanged', 'newlines', 'escapes', 'end_punctuation', 'printf', 'python_brace_format']

function flagsOf(raw) {
  const flags = {}
  for (const part of String(raw ?? '').split(/\s+(?=\w+=)/)) {
    const m = /^(\w+)=(.*)$/s.exec(part.trim())
    if (m) flags[m[1]] = m[2]
  }
  return flags
}

function applies(c) {
  const raw = JSON.stringify(c.flags ?? '')
  return !raw.includes('checker=') && !raw.includes('location=') && !c.note
}

/** The rules of a category: by id, or every rule of a placeholder syntax (`printf-...`). */
function rulesOf(category) {
  if (category.rules) return checks.filter((c) => category.rules.includes(c.id))
  return checks.filter((c) => c.id.startsWith(`${category.syntax}-`))
}

function segmentOf(c, syntax) {
  const flags = flagsOf(c.flags)
  const locale = flags.lang ?? 'und'
  return {
    segment: {
      id: c.id,
      file: 'conformance',
      key: c.id,
      line: 1,
      column: 1,
      locale,
      sourceLocale: 'en',
      source: c.source,
      target: c.target,
      status: 'changed',
      format: 'conformance',
      unit: { key: c.id, value: c.target, span: { start: 0, end: 0 }, ...(syntax ? { syntax: [syntax] } : {}) },
    },
    options: { ...defaultCheckOptions, doNotTranslate: flags.notranslatewords ? flags.notranslatewords.split(',') : [] },
  }
}

if (!existsSync(file)) {
  console.error(`No conformance cases at ${file}. Pass the path of qa-cases.jsonl.`)
  process.exit(2)
}

const cases = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))
const rules = ruleSettings({})
const rows = new Map()
const disagreements = []
for (const c of cases) {
  const row = rows.get(c.category) ?? { cases: 0, skipped: 0, agree: 0, disagree: 0, rules: undefined }
  rows.set(c.category, row)
  if (!applies(c)) {
    row.skipped++
    continue
  }
  const category = CATEGORIES[c.category]
  const mapped = category ? rulesOf(category) : []
  row.cases++
  if (mapped.length === 0) continue
  row.rules = mapped.map((r) => r.rule)
  const { segment, options } = segmentOf(c, category.syntax)
  const [result] = runChecks([segment], mapped, options, rules)
  const failed = result.issues.length > 0
  if (failed === (c.expect === 'fail')) row.agree++
  else {
    row.disagree++
    disagreements.push({ c, issues: result.issues })
  }
}

const pct = (row) => (row.agree + row.disagree === 0 ? '' : `${((100 * row.agree) / (row.agree + row.disagree)).toFixed(1)}%`)
const ruleList = (row) => (row.rules ? [...new Set(row.rules)].sort().join(' ') : 'no rule')
console.log(`Conformance with pofilter on ${file}`)
console.log(`${'category'.padEnd(22)}${'cases'.padStart(6)}${'agree'.padStart(7)}${'differ'.padStart(8)}${'share'.padStart(8)}${'skipped'.padStart(9)}  rules`)
let total = { agree: 0, disagree: 0 }
const below = []
for (const [name, row] of [...rows.entries()].sort((a, b) => b[1].cases - a[1].cases || a[0].localeCompare(b[0]))) {
  const marker = COMMITTED.includes(name) ? '*' : ' '
  console.log(`${(marker + name).padEnd(22)}${String(row.cases).padStart(6)}${String(row.rules ? row.agree : '-').padStart(7)}${String(row.rules ? row.disagree : '-').padStart(8)}${pct(row).padStart(8)}${String(row.skipped).padStart(9)}  ${ruleList(row)}`)
  total.agree += row.agree
  total.disagree += row.disagree
  if (COMMITTED.includes(name) && row.rules && row.cases >= 10 && row.agree < 0.95 * row.cases) below.push(name)
}
console.log(`${' total (mapped)'.padEnd(22)}${String(total.agree + total.disagree).padStart(6)}${String(total.agree).padStart(7)}${String(total.disagree).padStart(8)}${pct(total).padStart(8)}`)
console.log('* committed: at least 95% agreement when the category has ten or more cases and its rules exist')

if (verbose || disagreements.length <= 60) {
  console.log('\nDisagreements:')
  for (const { c, issues } of disagreements) {
    const got = issues.length ? issues.map((i) => `${i.r} ${i.d}`).join('; ') : 'no issue'
    console.log(`${c.id} ${c.category} expects ${c.expect}: ${JSON.stringify(c.source)} -> ${JSON.stringify(c.target)}${c.flags ? ` [${c.flags}]` : ''}\n    ours: ${got}`)
  }
}
if (below.length > 0) {
  console.log(`\nBelow 95%: ${below.join(', ')}`)
  process.exitCode = 1
}
