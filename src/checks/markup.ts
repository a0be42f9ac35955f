// Markup: XML/HTML tags added, removed, renamed or moved, attribute names changed, nesting
// broken, unsafe HTML added, and link targets (href/src, Markdown) changed. Tags are
// compared in order like pofilter and Weblate; attribute values are free (translators
// translate `title` and `alt`), except link targets, which have their own rule.
import { isInlineCodeElement } from '../placeholders/inline-code.js'
import type { CheckHit, CheckInput, SegmentCheck } from './check.js'
import { readTags, showTag, VOID_ELEMENTS, wellNested, type Tag } from './tags.js'
import { difference } from './text.js'
import { writingOf } from './writing-systems.js'

interface TagComparison {
  source: Tag[]
  target: Tag[]
  missing: Tag[]
  extra: Tag[]
  renamed: Array<[from: Tag, to: Tag]>
  /** Tags of the same kind and name, paired by occurrence: for attribute comparison. */
  pairs: Array<[Tag, Tag]>
}

const key = (t: Tag) => `${t.kind} ${t.name}`

function compareTags(source: Tag[], target: Tag[]): TagComparison {
  const { missing, extra } = difference(source, target, key)
  // Matched tags pair up in order of occurrence, per kind and name.
  const lost = new Set(missing)
  const added = new Set(extra)
  const pool = new Map<string, Tag[]>()
  for (const t of target) {
    if (added.has(t)) continue
    const list = pool.get(key(t))
    if (list) list.push(t)
    else pool.set(key(t), [t])
  }
  const taken = new Map<string, number>()
  const pairs = source
    .filter((s) => !lost.has(s))
    .map((s): [Tag, Tag] => {
      const n = taken.get(key(s)) ?? 0
      taken.set(key(s), n + 1)
      return [s, pool.get(key(s))![n]]
    })
  // A missing and an extra tag of the same name (`<br/>` -> `<br>`) or kind (`<b>` -> `<v>`) are one rename.
  const renamed: Array<[Tag, Tag]> = []
  // Pairing is quadratic and means nothing among many differences: then they stay missing and extra.
  if (missing.length * extra.length > 400) return { source, target, missing, extra, renamed, pairs }
  for (const same of [(a: Tag, b: Tag) => a.name === b.name, (a: Tag, b: Tag) => a.kind === b.kind]) {
    for (let i = 0; i < missing.length; i++) {
      const j = extra.findIndex((e) => same(missing[i], e))
      if (j < 0) continue
      renamed.push([missing[i], extra[j]])
      missing.splice(i--, 1)
      extra.splice(j, 1)
    }
  }
  return { source, target, missing, extra, renamed, pairs }
}

const memo = new WeakMap<CheckInput, TagComparison>()

const NO_TAGS: TagComparison = { source: [], target: [], missing: [], extra: [], renamed: [], pairs: [] }

function tagsOf(input: CheckInput): TagComparison {
  if (!input.source.includes('<') && !input.target.includes('<')) return NO_TAGS
  let c = memo.get(input)
  if (!c) {
    // Inline codes (XLIFF `<x/>`, `<g>`) are compared by the inline-code rules: one lost code is reported once.
    const codes = input.syntaxes.includes('inline-code')
    const tags = (text: string) => (codes ? readTags(text).filter((t) => !isInlineCodeElement(t.name)) : readTags(text))
    memo.set(input, (c = compareTags(tags(input.source), tags(input.target))))
  }
  return c
}

const span = (t: Tag) => ({ start: t.start, end: t.end })

export const tagMissing: SegmentCheck = {
  id: 'tag-missing',
  rule: 1201,
  severity: 2,
  family: 'markup',
  title: 'Tag missing in translation',
  description: 'An XML/HTML tag of the source is not in the translation: formatting or a link is lost, or an element is left unclosed.',
  examples: { fail: ['Read the <a href="/terms">terms</a>', 'Lies die <a href="/terms">Bedingungen'], pass: ['Read the <a href="/terms">terms</a>', 'Lies die <a href="/terms">Bedingungen</a>'] },
  check: (input) => tagsOf(input).missing.map((t) => ({ d: `Tag ${showTag(t)} is missing` })),
}

export const tagExtra: SegmentCheck = {
  id: 'tag-extra',
  rule: 1202,
  severity: 2,
  family: 'markup',
  title: 'Tag not in the source',
  description: 'The translation has an XML/HTML tag the source does not have.',
  examples: { fail: ['Save', '<b>Speichern</b>'], pass: ['<b>Save</b>', '<b>Speichern</b>'] },
  check: (input) => tagsOf(input).extra.map((t) => ({ d: `Tag ${showTag(t)} is not in the source`, span: span(t) })),
}

export const tagRenamed: SegmentCheck = {
  id: 'tag-renamed',
  rule: 1203,
  severity: 2,
  family: 'markup',
  title: 'Tag renamed',
  description:
    'A tag of the source became another tag in the translation (`<b>` -> `<v>`, `</b>` -> `<b>`). Only a void element written another way (`<br/>` -> `<br>`) is a warning: HTML reads both alike, XML does not.',
  examples: { fail: ['Do it <b>now</b>', 'Mach es <v>jetzt</v>'], pass: ['Do it <b>now</b>', 'Mach es <b>jetzt</b>'] },
  check(input) {
    const hits: CheckHit[] = []
    const seen = new Set<string>()
    for (const [from, to] of tagsOf(input).renamed) {
      // `<b>...</b>` -> `<v>...</v>` is one rename, not two.
      const names = `${from.name} ${to.name}`
      if (from.kind !== to.kind || !seen.has(names)) hits.push({ d: `Tag ${showTag(from)} became ${showTag(to)}`, span: span(to), ...(from.name === to.name && VOID_ELEMENTS.has(to.name) ? { s: 1 as const } : {}) })
      seen.add(names)
    }
    return hits
  },
}

export const tagAttributes: SegmentCheck = {
  id: 'tag-attributes',
  rule: 1204,
  severity: 2,
  family: 'markup',
  title: 'Tag attributes changed',
  description: 'A tag has other attribute names than in the source (one added, removed or misspelt). Values may change: `title` and `alt` are translated.',
  examples: { fail: ['Click <a href="page.html">', 'Klik <a hverw="page.html">'], pass: ['<img src="logo.png" alt="Logo">', '<img src="logo.png" alt="Logo der Firma">'] },
  check(input) {
    const hits: CheckHit[] = []
    for (const [s, t] of tagsOf(input).pairs) {
      const names = (tag: Tag) => [...new Set(tag.attributes.map((a) => a.name))].sort()
      const a = names(s)
      const b = names(t)
      if (a.join(' ') === b.join(' ')) continue
      const lost = a.filter((n) => !b.includes(n))
      const added = b.filter((n) => !a.includes(n))
      const parts = [...(lost.length ? [`${lost.join(', ')} missing`] : []), ...(added.length ? [`${added.join(', ')} not in the source`] : [])]
      hits.push({ d: `Attributes of ${showTag(t)} differ: ${parts.join('; ')}`, span: span(t) })
    }
    return hits
  },
}

/** Each element with the elements around it ("i in html"), sorted; undefined if not well nested. */
function placements(tags: readonly Tag[]): string | undefined {
  const stack: string[] = []
  const out: string[] = []
  for (const tag of tags) {
    if (tag.kind === 'close') {
      if (stack.pop() !== tag.name) return undefined
      continue
    }
    out.push(`${tag.name} in ${stack.join(' ')}`)
    if (tag.kind === 'open' && !VOID_ELEMENTS.has(tag.name)) stack.push(tag.name)
  }
  return stack.length === 0 ? out.sort().join('\n') : undefined
}

export const tagOrder: SegmentCheck = {
  id: 'tag-order',
  rule: 1205,
  severity: 1,
  family: 'markup',
  title: 'Tags in another order',
  description:
    'The translation has the same tags as the source in another order, and a tag moved into or out of another (`<br/>` after `</html>`, `<b>` now inside `<i>`). Siblings that only trade places are word order (`<i>Datum</i> und <b>Name</b>`) and pass; if the new order breaks the nesting, markup-malformed reports it as an error instead.',
  examples: { fail: ['<b>Name</b> and <i>date</i>', '<i>Datum und <b>Name</b></i>'], pass: ['<b>Name</b> and <i>date</i>', '<i>Datum</i> und <b>Name</b>'] },
  check(input) {
    const c = tagsOf(input)
    if (c.missing.length || c.extra.length || c.renamed.length) return []
    if (c.source.map(key).join() === c.target.map(key).join()) return []
    if (wellNested(c.source, true) && !wellNested(c.target, true)) return []
    const source = placements(c.source)
    if (source !== undefined && source === placements(c.target)) return []
    return [{ d: `Tags are in another order: ${c.source.map(showTag).join(' ')} in the source, ${c.target.map(showTag).join(' ')} in the translation` }]
  },
}

// `&` that starts no entity: invalid in XML, and a sign the translator typed text into markup.
const BARE_AMPERSAND = /&(?!(?:#\d+|#x[\da-f]+|[a-z][\w-]*);)/i
const ENTITY = /&(?:#\d+|#x[\da-f]+|[a-z][\w-]*);/i

export const markupMalformed: SegmentCheck = {
  id: 'markup-malformed',
  rule: 1206,
  severity: 2,
  family: 'markup',
  title: 'Markup not well-formed',
  description: 'The source is well-formed markup and the translation is not: tags closed in the wrong order, or a bare `&` where the source escapes it as `&amp;`.',
  examples: { fail: ['<b><i>New</i></b>', '<b><i>Neu</b></i>'], pass: ['<b><i>New</i></b>', '<b><i>Neu</i></b>'] },
  check(input) {
    const c = tagsOf(input)
    if (c.source.length === 0) return []
    const hits: CheckHit[] = []
    if (!c.missing.length && !c.extra.length && !c.renamed.length && wellNested(c.source) && !wellNested(c.target)) {
      hits.push({ d: `Tags are not properly nested: ${c.target.map(showTag).join(' ')}` })
    }
    // A source that writes entities and no bare `&` is XML-escaped; so must the translation be.
    if (ENTITY.test(input.source) && !BARE_AMPERSAND.test(input.source)) {
      const bare = BARE_AMPERSAND.exec(input.target)
      if (bare) hits.push({ d: 'Bare "&" in markup: the source writes it as &amp;', span: { start: bare.index, end: bare.index + 1 } })
    }
    return hits
  },
}

// What a translation must not add: scripts, frames, event handlers, script URLs.
const UNSAFE_ELEMENTS = new Set(['script', 'iframe', 'object', 'embed', 'frame', 'frameset', 'applet', 'base', 'meta', 'style', 'form'])
const SCRIPT_URL = /^\s*(?:javascript|vbscript|data\s*:\s*text\/html)/i

function unsafeParts(tags: readonly Tag[]): string[] {
  const parts: string[] = []
  for (const tag of tags) {
    if (tag.kind === 'close') continue
    if (UNSAFE_ELEMENTS.has(tag.name)) parts.push(`<${tag.name}>`)
    for (const a of tag.attributes) {
      if (/^on[a-z]+$/.test(a.name)) parts.push(`${a.name}=`)
      else if (a.value !== undefined && SCRIPT_URL.test(a.value.replace(/[\s\x00-\x1f]+/g, ''))) parts.push(`${a.name}="${a.value.split(':')[0]}:"`)
    }
  }
  return parts
}

export const unsafeHtml: SegmentCheck = {
  id: 'unsafe-html',
  rule: 1207,
  severity: 2,
  family: 'markup',
  title: 'Unsafe HTML added',
  description: 'The translation adds HTML that runs code or changes the page: `<script>`, `<iframe>`, `<object>`, `<style>`, `<form>`, `on*=` event handlers, or `javascript:` URLs. Apps often insert translations as HTML, so this is an injection.',
  examples: { fail: ['<a href="/help">Help</a>', '<a href="javascript:alert(1)">Hilfe</a>'], pass: ['<a href="/help">Help</a>', '<a href="/hilfe">Hilfe</a>'] },
  check(input) {
    if (!input.target.includes('<')) return []
    const { source, target } = tagsOf(input)
    return difference(unsafeParts(source), unsafeParts(target), (p) => p).extra.map((part) => ({ d: `Unsafe HTML not in the source: ${part}` }))
  },
}

const LINK_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster', 'cite'])
const MARKDOWN_LINK = /\]\(\s*([^()\s]+)(?:\s+"[^"]*")?\s*\)|^\s*\[[^\]]+\]:\s*(\S+)/gm

function linkTargets(text: string, tags: readonly Tag[]): string[] {
  const targets: string[] = []
  for (const tag of tags) for (const a of tag.attributes) if (LINK_ATTRIBUTES.has(a.name) && a.value !== undefined) targets.push(a.value)
  if (text.includes('](') || text.includes(']:')) for (const m of text.matchAll(MARKDOWN_LINK)) targets.push(m[1] ?? m[2])
  return targets
}

const LANGUAGE_PARAMETER = /([?&])(?:hl|lang|language|locale|lng)=([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*(?=&|#|$)/g

/** The link without a query parameter that names one of these languages: `?hl=de` opens the same page in German. */
function withoutLanguage(url: string, languages: ReadonlySet<string>): string {
  return url
    .replace(LANGUAGE_PARAMETER, (all, sep: string, language: string) => (languages.has(language.toLowerCase()) ? sep : all))
    .replace(/[?&]+(?=#|$)/, '')
    .replace(/([?&])&+/g, '$1')
}

export const linkTargetChanged: SegmentCheck = {
  id: 'link-target-changed',
  rule: 1208,
  severity: 1,
  family: 'markup',
  title: 'Link target changed',
  description: 'A link target of the source (HTML `href`/`src`, Markdown `[text](url)` or `[ref]: url`) is missing or different in the translation. A warning: some links are localized on purpose (`/en/help` -> `/de/hilfe`). A query parameter naming the translation\'s language (`?hl=de`, `&lang=de`) is not a change.',
  examples: { fail: ['See [the guide](https://acme.example/guide)', 'Siehe [die Anleitung](https://acme.example/anleitung)'], pass: ['See [the guide](https://acme.example/guide)', 'Siehe [die Anleitung](https://acme.example/guide)'] },
  check(input) {
    const tags = tagsOf(input)
    const languages = new Set([writingOf(input.locale).language, writingOf(input.sourceLocale).language])
    const { missing, extra } = difference(linkTargets(input.source, tags.source), linkTargets(input.target, tags.target), (url) => withoutLanguage(url, languages))
    if (missing.length === 1 && extra.length === 1) return [{ d: `Link target ${missing[0]} became ${extra[0]}` }]
    return [...missing.map((url) => ({ d: `Link target ${url} is missing` })), ...extra.map((url) => ({ d: `Link target ${url} is not in the source` }))]
  },
}

export const markupRules = [tagMissing, tagExtra, tagRenamed, tagAttributes, tagOrder, markupMalformed, unsafeHtml, linkTargetChanged]
