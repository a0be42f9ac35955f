// Android string resources (`res/values{-locale}/*.xml`): `<string>`, `<plurals>` with
// `<item quantity>`, `<string-array>` items. Values are read as aapt2 compiles them: escapes
// (`\'` `\"` `\n` `\t` `\@` `\?` `\uXXXX`), "double quotes" that keep whitespace, whitespace
// elsewhere collapsed and trimmed, markup (`<b>`, `<xliff:g>`) kept as written. An apostrophe
// that is neither escaped nor quoted fails aapt2's build, so it is reported on its line.
import type { ParseProblem, ParseResult, PlaceholderSyntax, Unit } from '../model.js'
import type { Format } from './format.js'
import { KeyedUnits } from './keyed-units.js'
import { isPluralCategory } from './plural.js'
import { commentBefore, contentPieces, offsetAt, readXml, valueSpan, type Piece, type XmlDocument, type XmlElement } from './xml.js'

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', "'": "'", '"': '"', '\\': '\\', '@': '@', '?': '?', '#': '#' }

/** aapt2 collapses ASCII whitespace only (a no-break space is text). */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d)
}

/** The compiled string of an element's content pieces (spelling `text`), as aapt2 builds it. */
export function unescapeAndroid(parts: readonly Piece[], problems: ParseProblem[], text = parts.map((p) => p.text).join('')): string {
  let markupEnd: Map<number, number> | undefined
  let at = 0
  for (const p of parts) {
    if (p.markup) (markupEnd ??= new Map()).set(at, at + p.text.length)
    at += p.text.length
  }
  // The result is collected as runs of the text between escapes, quotes and spaces.
  const out: string[] = []
  let run = -1
  const flush = (end: number) => {
    if (run >= 0) out.push(text.slice(run, end))
    run = -1
  }
  let written = false
  let quoted = false
  let space = false
  for (let i = 0; i < text.length; i++) {
    const skip = markupEnd?.get(i)
    const c = text.charCodeAt(i)
    if (skip === undefined && !quoted && isSpace(c)) {
      flush(i)
      space = true
      continue
    }
    if (space && written) out.push(' ')
    space = false
    if (skip !== undefined) {
      flush(i)
      out.push(text.slice(i, skip))
      written = true
      i = skip - 1
    } else if (c === 0x5c) {
      flush(i)
      const next = text[i + 1]
      if (next === undefined) break
      i++
      if (next === 'u') {
        const hex = /^[\da-fA-F]{4}/.exec(text.slice(i + 1, i + 5))
        if (hex) {
          out.push(String.fromCharCode(Number.parseInt(hex[0], 16)))
          written = true
          i += 4
        } else problems.push({ message: 'Invalid unicode escape: \\u must be followed by 4 hex digits; aapt2 rejects the file', offset: offsetAt(parts, i - 1) })
      } else {
        out.push(SIMPLE_ESCAPES[next] ?? next)
        written = true
      }
    } else if (c === 0x22) {
      flush(i)
      quoted = !quoted
    } else {
      if (c === 0x27 && !quoted) problems.push({ message: `Unescaped apostrophe: aapt2 fails with "unescaped apostrophe in string"; write \\' or put the whole string in double quotes`, offset: offsetAt(parts, i) })
      if (run < 0) run = i
      written = true
    }
  }
  flush(text.length)
  return out.join('')
}

// `@string/other` or `?attr/x`: an alias of another resource, not text to translate.
const REFERENCE = /^(?:@(?:\+?[\w.]+:)?[\w.]+\/[\w.]+|@null|\?(?:[\w.]+:)?(?:attr\/)?[\w.]+)$/

interface Reader {
  doc: XmlDocument
  problems: ParseProblem[]
}

function readValue(el: XmlElement, r: Reader): { value: string; reference: boolean } {
  const parts = contentPieces(r.doc, el, r.problems)
  const text = parts.map((p) => p.text).join('')
  return { value: unescapeAndroid(parts, r.problems, text), reference: REFERENCE.test(text.trim()) }
}

/** Flags and syntax a resource gives all its strings. */
function traits(el: XmlElement, comment: string | undefined): Partial<Unit> {
  const syntax: PlaceholderSyntax[] = el.attributes.formatted === 'false' ? [] : ['printf']
  return { ...(comment && { comment }), syntax, ...(el.attributes.translatable === 'false' && { flags: ['no-translate'] }) }
}

function item(el: XmlElement, key: string, base: Partial<Unit>, r: Reader, extra: Partial<Unit> = {}): Unit {
  const { value, reference } = readValue(el, r)
  const unit: Unit = { key, value, span: valueSpan(el), ...base, ...extra }
  if (reference) unit.flags = [...new Set([...(unit.flags ?? []), 'reference', 'no-translate'])]
  return unit
}

export function parseAndroid(text: string): ParseResult {
  const doc = readXml(text)
  const problems = [...doc.problems]
  const root = doc.root
  if (!root) return { units: [], problems }
  if (root.name !== 'resources') {
    problems.push({ message: `Not an Android resources file: the root element is <${root.name}>, expected <resources>`, offset: root.start })
    return { units: [], problems }
  }
  const r: Reader = { doc, problems }
  const units = new KeyedUnits(problems)
  let previousEnd = root.contentStart
  for (const el of root.children) {
    const comment = commentBefore(doc, previousEnd, el)
    previousEnd = el.end
    const name = el.attributes.name
    if (!['string', 'plurals', 'string-array'].includes(el.name)) continue
    if (!name) {
      problems.push({ message: `<${el.name}> without a name attribute`, offset: el.start })
      continue
    }
    // Product variants (`product="tablet"`) are separate strings of one name.
    const product = el.attributes.product && el.attributes.product !== 'default' ? `@${el.attributes.product}` : ''
    const base = traits(el, comment)
    if (el.name === 'string') {
      units.add('string', name + product, el.start, [item(el, name + product, base, r)])
    } else if (el.name === 'plurals') {
      const forms: Unit[] = []
      for (const child of el.children) {
        if (child.name !== 'item') continue
        const quantity = child.attributes.quantity ?? ''
        if (!isPluralCategory(quantity)) {
          problems.push({ message: `Unknown plural quantity "${quantity}": Android knows zero, one, two, few, many and other`, offset: child.start })
          continue
        }
        forms.push(item(child, `${name}${product}[${quantity}]`, base, r, { plural: quantity, pluralGroup: name + product }))
      }
      units.add('plurals', name + product, el.start, forms)
    } else {
      const items = el.children.filter((c) => c.name === 'item')
      units.add('string-array', name + product, el.start, items.map((child, i) => item(child, `${name}${product}[${i}]`, base, r)))
    }
  }
  return { units: units.units, problems }
}

export const android: Format = {
  id: 'android',
  label: 'Android string resources',
  handles: (path) => /(?:^|\/)res\/values(?:-[^/]+)?\/[^/]+\.xml$/.test(path),
  parse: (text) => parseAndroid(text),
  layouts: ['**/res/values{-locale}/*.xml'],
}
