// Plain JSON locale files: nested or flat keys (joined with '.'), arrays by index, and plural
// forms of one message: i18next suffixes (`_one`, `_other`, `_ordinal_few`) and objects of
// plural categories (`"items": {"one": …, "other": …}`, as Element writes them).
import type { ParseProblem, ParseResult, Unit } from '../model.js'
import type { Format } from './format.js'
import { describeNode, lastEntries, parseJsonTree, type JsonNode } from './json-tree.js'
import { isPluralCategory, isPluralMap } from './plural.js'
import { RULE } from '../rule-numbers.js'

/** `items_one` -> plural form `one` of `items`; `place_ordinal_two` -> `two` of `place_ordinal`. */
function i18nextPlural(key: string): Pick<Unit, 'plural' | 'pluralGroup'> {
  const m = /^(.+)_(zero|one|two|few|many|other)$/.exec(key)
  if (!m || !isPluralCategory(m[2])) return {}
  return { plural: m[2], pluralGroup: m[1] }
}

/**
 * Every string of a JSON tree with its dotted key, as JSON.parse sees the tree: of a
 * repeated key only the last value. A flat key and a nested one may still read as one
 * (`"a.b"` and `"a": {"b"}`): readUnits reports that.
 */
function collectStrings(root: JsonNode, problems: ParseProblem[]): Unit[] {
  const units: Unit[] = []
  const walk = (node: JsonNode, prefix: string, form?: Pick<Unit, 'plural' | 'pluralGroup'>): void => {
    if (node.type === 'string') {
      units.push({ key: prefix, value: node.value, span: { start: node.start, end: node.start + 1 }, ...(form ?? i18nextPlural(prefix)) })
    } else if (node.type === 'object') {
      const entries = lastEntries(node, problems, RULE.duplicateKey)
      const forms = prefix !== '' && isPluralMap(entries.map((e) => e.key)) && entries.every((e) => e.value.type === 'string')
      for (const entry of entries) {
        const key = prefix ? `${prefix}.${entry.key}` : entry.key
        walk(entry.value, key, forms && isPluralCategory(entry.key) ? { plural: entry.key, pluralGroup: prefix } : undefined)
      }
    } else if (node.type === 'array') {
      node.items.forEach((item, i) => walk(item, `${prefix}[${i}]`))
    }
  }
  walk(root, '')
  return units
}

export function parseJson(text: string): ParseResult {
  const { root, problems } = parseJsonTree(text)
  if (!root) return { units: [], problems }
  if (root.type !== 'object') {
    problems.push({ message: `Expected a JSON object of translations, found ${describeNode(root)}`, offset: root.start })
    return { units: [], problems }
  }
  return { units: collectStrings(root, problems), problems }
}

export const json: Format = {
  id: 'json',
  label: 'JSON (i18next, ICU, flat or nested keys)',
  handles: (path) => path.toLowerCase().endsWith('.json'),
  parse: (text) => parseJson(text),
  runtimePluralForms: ['zero'],
  layouts: ['**/{locale}/*.json', '**/{locale}.json'],
}
