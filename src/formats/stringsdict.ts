// Apple .stringsdict (an XML property list in `{locale}.lproj/`): per key, the
// `NSStringLocalizedFormatKey` (`%#@files@`) and each variable's plural forms. Keys are
// paths: `files_count` is the format string, `files_count.files.one` a plural form of the
// variable `files` (plural group `files_count.files`). Other rule types (variable width,
// device-specific) are read the same way: every string of the nested dictionaries is a unit.
import type { ParseProblem, ParseResult, Unit } from '../model.js'
import type { Format } from './format.js'
import { KeyedUnits } from './keyed-units.js'
import { isPluralCategory } from './plural.js'
import { readXml, textContent, valueSpan, type XmlDocument, type XmlElement } from './xml.js'

const FORMAT_KEY = 'NSStringLocalizedFormatKey'
// Metadata that tells the system how to read a variable; not text.
const METADATA = new Set(['NSStringFormatSpecTypeKey', 'NSStringFormatValueTypeKey'])

interface Reader {
  doc: XmlDocument
  problems: ParseProblem[]
}

interface Entry {
  key: string
  keyElement: XmlElement
  value: XmlElement
}

/** The key/value pairs of a plist `<dict>`; a key without a value is a problem. */
function entries(dict: XmlElement, r: Reader): Entry[] {
  const out: Entry[] = []
  const children = dict.children
  for (let i = 0; i < children.length; i++) {
    const keyElement = children[i]
    if (keyElement.name !== 'key') {
      r.problems.push({ message: `Expected <key> in <dict>, found <${keyElement.name}>`, offset: keyElement.start })
      continue
    }
    const value = children[i + 1]
    const key = textContent(r.doc, keyElement, r.problems)
    if (!value || value.name === 'key') {
      r.problems.push({ message: `<key>${key}</key> has no value`, offset: keyElement.start })
      continue
    }
    out.push({ key, keyElement, value })
    i++
  }
  return out
}

function walk(dict: XmlElement, path: string, r: Reader, out: Unit[]): void {
  const pairs = entries(dict, r)
  const plural = pairs.some((e) => e.key === 'NSStringFormatSpecTypeKey' && textContent(r.doc, e.value, r.problems) === 'NSStringPluralRuleType')
  for (const { key, keyElement, value } of pairs) {
    if (METADATA.has(key)) continue
    const unitKey = key === FORMAT_KEY ? path : `${path}.${key}`
    if (value.name === 'dict') {
      walk(value, unitKey, r, out)
      continue
    }
    if (value.name !== 'string') continue
    const unit: Unit = { key: unitKey, value: textContent(r.doc, value, r.problems), span: valueSpan(value), syntax: ['printf'] }
    if (plural) {
      if (isPluralCategory(key)) Object.assign(unit, { plural: key, pluralGroup: path })
      else r.problems.push({ message: `"${key}" is not a plural category (zero, one, two, few, many, other); the system ignores it`, offset: keyElement.start, severity: 1 })
    }
    out.push(unit)
  }
}

export function parseStringsdict(text: string): ParseResult {
  const doc = readXml(text)
  const problems = [...doc.problems]
  const root = doc.root
  if (!root) return { units: [], problems }
  const top = root.name === 'plist' ? root.children[0] : undefined
  if (!top || top.name !== 'dict') {
    problems.push({ message: 'Not a .stringsdict property list: expected <plist> holding a <dict>', offset: (top ?? root).start })
    return { units: [], problems }
  }
  const r: Reader = { doc, problems }
  const units = new KeyedUnits(problems)
  for (const { key, keyElement, value } of entries(top, r)) {
    const found: Unit[] = []
    if (value.name === 'dict') walk(value, key, r, found)
    else problems.push({ message: `The value of "${key}" must be a <dict> with ${FORMAT_KEY}`, offset: value.start })
    units.add('key', key, keyElement.start, found)
  }
  return { units: units.units, problems }
}

export const stringsdict: Format = {
  id: 'stringsdict',
  label: 'Apple .stringsdict',
  handles: (path) => path.toLowerCase().endsWith('.stringsdict'),
  syntax: ['printf'],
  parse: (text) => parseStringsdict(text),
  runtimePluralForms: ['zero'],
  layouts: ['**/{locale}.lproj/*.stringsdict'],
}
