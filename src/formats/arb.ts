// Flutter Application Resource Bundles (.arb): a JSON object of ICU messages. `@key` holds
// a message's metadata (its description is the unit's comment; placeholders and examples
// are not text to check), `@@locale` names the file's locale, other `@@` keys are globals.
import type { ParseResult, Unit } from '../model.js'
import { normalizeLocale } from '../paths.js'
import type { Format, ParseContext } from './format.js'
import { describeNode, lastEntries, member, parseJsonTree } from './json-tree.js'
import { RULE } from '../rule-numbers.js'

export function parseArb(text: string, context: Pick<ParseContext, 'locale'>): ParseResult {
  const { root, problems } = parseJsonTree(text)
  if (!root) return { units: [], problems }
  if (root.type !== 'object') {
    problems.push({ message: `Expected an ARB object of messages, found ${describeNode(root)}`, offset: root.start })
    return { units: [], problems }
  }
  const entries = lastEntries(root, problems, RULE.duplicateKey)
  // Metadata by key, found once: looking each `@key` up in the object would be quadratic.
  const byKey = new Map(entries.map((e) => [e.key, e.value]))
  let locale: string | undefined
  const declared = byKey.get('@@locale')
  if (declared?.type === 'string' && declared.value) {
    if (context.locale && normalizeLocale(declared.value) !== normalizeLocale(context.locale)) {
      problems.push({ message: `"@@locale": "${declared.value}" does not match the file name's locale ${context.locale}; flutter gen-l10n refuses such a file`, offset: declared.start, rule: RULE.rootLocale, severity: 2 })
    } else locale = normalizeLocale(declared.value)
  }
  const units: Unit[] = []
  for (const entry of entries) {
    if (entry.key.startsWith('@')) continue
    if (entry.value.type !== 'string') {
      problems.push({ message: `The message ${JSON.stringify(entry.key)} must be a string, found ${describeNode(entry.value)}`, offset: entry.value.start })
      continue
    }
    const description = member(byKey.get(`@${entry.key}`), 'description')
    units.push({
      key: entry.key,
      value: entry.value.value,
      span: { start: entry.value.start, end: entry.value.start + 1 },
      ...(description?.type === 'string' && description.value && { comment: description.value }),
    })
  }
  return { units, problems, ...(locale && { locale }) }
}

export const arb: Format = {
  id: 'arb',
  label: 'Flutter ARB',
  handles: (path) => /\.arb$/i.test(path),
  syntax: ['icu'],
  parse: (text, context) => parseArb(text, context),
  layouts: ['**/app_{locale}.arb', '**/intl_{locale}.arb'],
}
