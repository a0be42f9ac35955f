// Xcode String Catalogs (.xcstrings): one JSON file holds every locale. Each string has,
// per locale, a `stringUnit` {state, value}, or `variations` by plural category or device
// (nested as deep as Xcode nests them), and `substitutions` for `%#@name@` arguments with
// their own variations. Units carry their locale; the source is the same variation in the
// catalog's `sourceLanguage`, or the key itself when the catalog spells out no source.
//
// Unit keys: the catalog key, then one `[...]` per step: `items[device=iphone][plural=one]`,
// `photos[substitution=count][plural=few]`.
import type { ParseProblem, ParseResult, PluralCategory, Unit } from '../model.js'
import { normalizeLocale } from '../paths.js'
import type { Format, ParseContext } from './format.js'
import { describeNode, lastEntries, member, parseJsonTree, type JsonNode, type JsonObject, type JsonString } from './json-tree.js'
import { isPluralCategory } from './plural.js'
import { RULE } from '../rule-numbers.js'

/** One string of one locale: where it sits in the variation tree, and its text. */
interface Leaf {
  path: string[]
  value: JsonString
  state?: string
  plural?: PluralCategory
}

const pathKey = (path: string[]) => path.map((p) => `[${p}]`).join('')

/** Every stringUnit below a localization, with its variation path. */
function leaves(node: JsonNode, path: string[], problems: ParseProblem[], out: Leaf[], plural?: PluralCategory): void {
  if (node.type !== 'object') {
    problems.push({ message: `Expected an object with a stringUnit or variations, found ${describeNode(node)}`, offset: node.start, severity: 1 })
    return
  }
  const unit = member(node, 'stringUnit')
  if (unit) {
    const value = member(unit, 'value')
    const state = member(unit, 'state')
    if (value?.type === 'string') out.push({ path, value, plural, ...(state?.type === 'string' && { state: state.value }) })
    else problems.push({ message: 'A stringUnit without a string "value"', offset: unit.start, severity: 1 })
  }
  const variations = member(node, 'variations')
  if (variations?.type === 'object') {
    for (const kind of lastEntries(variations, problems, RULE.duplicateKey)) {
      if (kind.value.type !== 'object') continue
      for (const choice of lastEntries(kind.value, problems, RULE.duplicateKey)) {
        const category = kind.key === 'plural' && isPluralCategory(choice.key) ? choice.key : undefined
        leaves(choice.value, [...path, `${kind.key}=${choice.key}`], problems, out, category ?? plural)
      }
    }
  }
  const substitutions = member(node, 'substitutions')
  if (substitutions?.type === 'object') {
    for (const sub of lastEntries(substitutions, problems, RULE.duplicateKey)) leaves(sub.value, [...path, `substitution=${sub.key}`], problems, out)
  }
}

/** The source leaf for a target path: the same variation, else the nearest one the source has. */
function sourceFor(path: string[], source: Map<string, Leaf>): Leaf | undefined {
  const tries: string[][] = [path]
  const plural = path.findLastIndex((p) => p.startsWith('plural='))
  if (plural >= 0) tries.push(path.with(plural, 'plural=other'), path.toSpliced(plural, 1))
  else tries.push([...path, 'plural=other'])
  const withoutDevice = (p: string[]) => p.filter((s) => !s.startsWith('device='))
  for (const t of [...tries]) if (t.some((s) => s.startsWith('device='))) tries.push(withoutDevice(t))
  for (const t of tries) {
    const leaf = source.get(pathKey(t))
    if (leaf) return leaf
  }
  return undefined
}

function stringsOf(root: JsonObject, problems: ParseProblem[]): JsonObject | undefined {
  const strings = member(root, 'strings')
  if (strings?.type === 'object') return strings
  problems.push({ message: strings ? `"strings" must be an object, found ${describeNode(strings)}` : 'Not a String Catalog: no "strings" object', offset: strings?.start ?? root.start })
  return undefined
}

export function parseXcstrings(text: string, context: Pick<ParseContext, 'sourceLocale'>): ParseResult {
  const { root, problems } = parseJsonTree(text)
  if (!root) return { units: [], problems }
  if (root.type !== 'object') {
    problems.push({ message: `Expected a String Catalog object, found ${describeNode(root)}`, offset: root.start })
    return { units: [], problems }
  }
  const declared = member(root, 'sourceLanguage')
  if (declared?.type !== 'string') problems.push({ message: `The catalog has no "sourceLanguage"; assuming ${context.sourceLocale}`, offset: root.start, severity: 1 })
  const sourceLocale = normalizeLocale(declared?.type === 'string' ? declared.value : context.sourceLocale)
  const strings = stringsOf(root, problems)
  const units: Unit[] = []
  // Every string names the same few locales: each is normalized once (Intl is slow per call).
  const locales = new Map<string, string>()
  const localeOf = (name: string) => locales.get(name) ?? locales.set(name, normalizeLocale(name)).get(name)!
  for (const entry of strings ? lastEntries(strings, problems, RULE.duplicateKey) : []) {
    const key = entry.key
    if (entry.value.type !== 'object') {
      problems.push({ message: `The string ${JSON.stringify(key)} must be an object, found ${describeNode(entry.value)}`, offset: entry.value.start })
      continue
    }
    const comment = member(entry.value, 'comment')
    const extraction = member(entry.value, 'extractionState')
    const shouldTranslate = member(entry.value, 'shouldTranslate')
    const flags = [
      ...(shouldTranslate?.type === 'boolean' && shouldTranslate.raw === 'false' ? ['no-translate'] : []),
      ...(extraction?.type === 'string' ? [`extraction:${extraction.value}`] : []),
    ]
    const localizations = member(entry.value, 'localizations')
    const byLocale = localizations?.type === 'object' ? lastEntries(localizations, problems, RULE.duplicateKey).map((l) => ({ locale: localeOf(l.key), node: l.value })) : []
    const source = new Map<string, Leaf>()
    for (const l of byLocale) {
      if (l.locale !== sourceLocale) continue
      const found: Leaf[] = []
      leaves(l.node, [], problems, found)
      for (const leaf of found) source.set(pathKey(leaf.path), leaf)
    }
    for (const l of byLocale) {
      if (l.locale === sourceLocale) continue
      const found: Leaf[] = []
      leaves(l.node, [], problems, found)
      for (const leaf of found) {
        const from = source.size > 0 ? sourceFor(leaf.path, source) : undefined
        const last = leaf.path.at(-1)
        const unitFlags = [...flags, ...(leaf.state ? [`state:${leaf.state}`] : [])]
        units.push({
          key: key + pathKey(leaf.path),
          value: leaf.value.value,
          span: { start: leaf.value.start, end: leaf.value.start + 1 },
          locale: l.locale,
          source: from ? from.value.value : key,
          ...(from && { sourceSpan: { start: from.value.start, end: from.value.start + 1 } }),
          ...(leaf.plural && last?.startsWith('plural=') && { plural: leaf.plural, pluralGroup: key + pathKey(leaf.path.slice(0, -1)) }),
          ...(comment?.type === 'string' && comment.value && { comment: comment.value }),
          ...(unitFlags.length > 0 && { flags: unitFlags }),
        })
      }
    }
  }
  return { units, problems, sourceLocale }
}

export const xcstrings: Format = {
  id: 'xcstrings',
  label: 'Xcode String Catalog',
  handles: (path) => /\.xcstrings$/i.test(path),
  bilingual: true,
  multiLocale: true,
  syntax: ['printf'],
  parse: (text, context) => parseXcstrings(text, context),
  runtimePluralForms: ['zero'],
  layouts: ['**/*.xcstrings'],
}
