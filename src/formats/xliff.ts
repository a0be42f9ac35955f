// XLIFF 1.2 (`<file>/<body>/<group>/<trans-unit>`) and 2.x (`<file>/<group>/<unit>/<segment>`),
// the bilingual exchange format of Angular, Xcode, Symfony and most TMSs. Each translated
// segment is one unit carrying its source; inline codes stay in the text as written, so the
// inline-code rules can compare them. Segments without a `<target>` are not translations yet
// and give no unit (like a key missing from a JSON file).
import type { ParseProblem, ParseResult, PlaceholderSyntax, Unit } from '../model.js'
import { languageOf, normalizeLocale } from '../paths.js'
import { syntaxesFor } from '../placeholders/index.js'
import { maskInlineCodes, NATIVE_CONTENT } from '../placeholders/inline-code.js'
import type { Format, ParseContext } from './format.js'
import { KeyedUnits } from './keyed-units.js'
import { childNamed, childrenNamed, localName, readXml, textContent, valueSpan, type XmlDocument, type XmlElement } from './xml.js'
import { RULE } from '../rule-numbers.js'

interface Reader {
  doc: XmlDocument
  problems: ParseProblem[]
  units: KeyedUnits
}

/** Text of a `<source>`/`<target>`: decoded, with inline codes as written (native-code elements whole). */
function segmentText(r: Reader, el: XmlElement): string {
  return textContent(r.doc, el, r.problems, (child) => NATIVE_CONTENT.has(localName(child.name)))
}

/** Inline codes always apply; other syntaxes as the text around the codes implies (Angular: ICU, `{{ }}`). */
function syntaxOf(key: string, source: string, target: string): PlaceholderSyntax[] {
  const found = syntaxesFor({ key, value: target, span: { start: 0, end: 0 } }, undefined, maskInlineCodes(source), maskInlineCodes(target))
  return ['inline-code', ...found.filter((s) => s !== 'inline-code')]
}

const detected = new WeakMap<Unit, PlaceholderSyntax[]>()

/**
 * A unit's syntaxes, found when first read: detection parses the text (ICU), and most units
 * of a file are never checked, only those the change adds or changes. One shared accessor
 * keeps units cheap objects; assigning a value replaces it.
 */
const DETECT_ON_READ: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: Unit): PlaceholderSyntax[] {
    let syntax = detected.get(this)
    if (!syntax) detected.set(this, (syntax = syntaxOf(this.key, this.source ?? '', this.value)))
    return syntax
  },
  set(this: Unit, value: PlaceholderSyntax[] | undefined) {
    Object.defineProperty(this, 'syntax', { value, writable: true, enumerable: true, configurable: true })
  },
}

/** Angular writes a message's meaning as a note (the context); other notes but locations are comments. */
function notesOf(notes: XmlElement[], r: Reader, kind: (note: XmlElement) => string | undefined): Pick<Unit, 'comment' | 'context'> {
  const comments: string[] = []
  let context: string | undefined
  for (const note of notes) {
    const text = segmentText(r, note).trim()
    if (!text || kind(note) === 'location') continue
    if (kind(note) === 'meaning') context = text
    else comments.push(text)
  }
  return { ...(comments.length > 0 && { comment: comments.join('\n') }), ...(context !== undefined && { context }) }
}

function makeUnit(key: string, source: XmlElement, target: XmlElement, r: Reader, extra: Partial<Unit>): Unit {
  const sourceText = segmentText(r, source)
  const unit: Unit = { key, value: segmentText(r, target), span: valueSpan(target), source: sourceText, sourceSpan: valueSpan(source), ...extra }
  return Object.defineProperty(unit, 'syntax', DETECT_ON_READ)
}

function readTransUnit(tu: XmlElement, prefix: string, noTranslate: boolean, r: Reader): void {
  const name = tu.attributes.resname ?? tu.attributes.id
  if (!name) {
    r.problems.push({ message: '<trans-unit> without an id attribute', offset: tu.start })
    return
  }
  const source = childNamed(tu, 'source')
  const target = childNamed(tu, 'target')
  if (!source) {
    r.problems.push({ message: `<trans-unit id="${name}"> has no <source>`, offset: tu.start })
    r.units.add('trans-unit', prefix + name, tu.start, [])
    return
  }
  if (!target) {
    r.units.add('trans-unit', prefix + name, tu.start, [])
    return
  }
  const flags = [
    ...(noTranslate || tu.attributes.translate === 'no' ? ['no-translate'] : []),
    ...(target.attributes.state ? [`state:${target.attributes.state}`] : []),
    ...(tu.attributes.approved === 'yes' ? ['approved'] : []),
  ]
  const width = Number(tu.attributes.maxwidth)
  const unit = makeUnit(prefix + name, source, target, r, {
    ...notesOf(childrenNamed(tu, 'note'), r, (n) => n.attributes.from),
    ...(tu.attributes['size-unit'] === 'char' && Number.isInteger(width) && width > 0 && { maxLength: width }),
    ...(flags.length > 0 && { flags }),
  })
  r.units.add('trans-unit', prefix + name, tu.start, [unit])
}

function walkV1(el: XmlElement, prefix: string, noTranslate: boolean, r: Reader): void {
  for (const child of el.children) {
    const name = localName(child.name)
    if (name === 'group') walkV1(child, prefix, noTranslate || child.attributes.translate === 'no', r)
    else if (name === 'trans-unit') readTransUnit(child, prefix, noTranslate, r)
  }
}

function readUnitV2(u: XmlElement, prefix: string, noTranslate: boolean, r: Reader): void {
  const name = u.attributes.name ?? u.attributes.id
  if (!name) {
    r.problems.push({ message: '<unit> without an id attribute', offset: u.start })
    return
  }
  const segments = childrenNamed(u, 'segment')
  const notes = notesOf(childrenNamed(childNamed(u, 'notes') ?? u, 'note'), r, (n) => n.attributes.category)
  const units: Unit[] = []
  segments.forEach((segment, i) => {
    const source = childNamed(segment, 'source')
    const target = childNamed(segment, 'target')
    const key = prefix + name + (segments.length > 1 ? `/${segment.attributes.id ?? i + 1}` : '')
    if (!source) r.problems.push({ message: `<segment> of unit "${name}" has no <source>`, offset: segment.start })
    if (!source || !target) return
    const flags = [...(noTranslate || u.attributes.translate === 'no' ? ['no-translate'] : []), ...(segment.attributes.state ? [`state:${segment.attributes.state}`] : [])]
    units.push(makeUnit(key, source, target, r, { ...notes, ...(flags.length > 0 && { flags }) }))
  })
  r.units.add('unit', prefix + name, u.start, units)
}

function walkV2(el: XmlElement, prefix: string, noTranslate: boolean, r: Reader): void {
  for (const child of el.children) {
    const name = localName(child.name)
    const childNoTranslate = noTranslate || child.attributes.translate === 'no'
    if (name === 'group') walkV2(child, prefix, childNoTranslate, r)
    else if (name === 'unit') readUnitV2(child, prefix, noTranslate, r)
  }
}

/** The file's own target locale when it agrees with the path's; one that does not is reported, and the path's stays. */
function checkLocale(locale: string | undefined, context: ParseContext, offset: number, attribute: string, problems: ParseProblem[]): string | undefined {
  if (!locale || !context.locale || languageOf(locale) === languageOf(context.locale)) return locale
  problems.push({ message: `${attribute}="${locale}" does not match the file's locale "${context.locale}" from its path`, offset, rule: RULE.rootLocale, severity: 2 })
  return undefined
}

export function parseXliff(text: string, context: ParseContext): ParseResult {
  const doc = readXml(text)
  const problems = [...doc.problems]
  const root = doc.root
  if (!root) return { units: [], problems }
  if (localName(root.name) !== 'xliff') {
    problems.push({ message: `Not an XLIFF document: the root element is <${root.name}>, expected <xliff>`, offset: root.start })
    return { units: [], problems }
  }
  const r: Reader = { doc, problems, units: new KeyedUnits(problems) }
  const files = childrenNamed(root, 'file')
  const v2 = (root.attributes.version ?? '').startsWith('2') || /:xliff:document:2/.test(root.attributes.xmlns ?? '')
  let locale: string | undefined
  let sourceLocale: string | undefined
  if (v2) {
    locale = checkLocale(root.attributes.trgLang, context, root.start, 'trgLang', problems)
    sourceLocale = root.attributes.srcLang
  }
  files.forEach((file, i) => {
    // Ids are unique within a <file>, so several files keep theirs apart by the file's name.
    const prefix = files.length > 1 ? `${file.attributes.original ?? file.attributes.id ?? i + 1}:` : ''
    const noTranslate = file.attributes.translate === 'no'
    if (v2) {
      walkV2(file, prefix, noTranslate, r)
      return
    }
    const target = checkLocale(file.attributes['target-language'], context, file.start, 'target-language', problems)
    if (i === 0) {
      locale = target
      sourceLocale = file.attributes['source-language']
    }
    const body = childNamed(file, 'body')
    if (body) walkV1(body, prefix, noTranslate, r)
  })
  return {
    units: r.units.units,
    problems,
    ...(locale && { locale: normalizeLocale(locale) }),
    ...(sourceLocale && { sourceLocale: normalizeLocale(sourceLocale) }),
  }
}

export const xliff: Format = {
  id: 'xliff',
  label: 'XLIFF 1.2 / 2.0',
  bilingual: true,
  // XML may be stored as UTF-16 (Trados, Visual Studio can write it).
  allowUtf16: true,
  handles: (path) => /\.(?:xlf|xliff)$/i.test(path),
  parse: parseXliff,
  layouts: ['**/*{.locale}.xlf', '**/*{.locale}.xliff', '**/{locale}.xliff', '**/{locale}.xlf', '**/{locale}/*.xliff', '**/{locale}/*.xlf'],
}
