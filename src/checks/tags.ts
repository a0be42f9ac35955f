// Reads the XML/HTML tags of a string, tolerantly: every `<name ...>`, `</name>` and
// `<name/>` with its attribute names and values and its range. Tag-like text that is not
// markup (`<none>` in "Default: <none>", autolinks, Ruby's `%<name>s`) is left out.

export interface TagAttribute {
  name: string
  value?: string
}

export interface Tag {
  kind: 'open' | 'close' | 'self'
  /** Lower-cased: HTML ignores case, and translators rarely change it on purpose. */
  name: string
  attributes: TagAttribute[]
  text: string
  start: number
  end: number
}

// One pass over the inside of a tag; a closing `/` is found afterwards (a lazy scan would be quadratic).
const TAG = /<(\/?)([A-Za-z][\w:.-]*|\d+)([^<>]*)>/g
const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g
const AUTOLINK = /^<(?:[A-Za-z][\w+.-]*:\/\/|mailto:|[^\s@<>]+@)/i

/** HTML elements, so that `<br>` counts as markup even when it is never closed. */
const HTML_ELEMENTS: ReadonlySet<string> = new Set(
  `a abbr address area article aside audio b bdi bdo blockquote body br button canvas caption cite code col
  colgroup data dd del details dfn dialog div dl dt em embed fieldset figcaption figure footer form h1 h2 h3 h4
  h5 h6 head header hr html i iframe img input ins kbd label legend li link main mark menu meta meter nav
  noscript object ol optgroup option output p param picture pre progress q rp rt ruby s samp script section
  select small source span strong style sub summary sup table tbody td template textarea tfoot th thead time
  title tr track u ul var video wbr font center big tt strike`.split(/\s+/),
)

/** Elements HTML never closes: `<br>` and `<br/>` mean the same there. */
export const VOID_ELEMENTS: ReadonlySet<string> = new Set('area base br col embed hr img input link meta param source track wbr'.split(' '))

function attributes(text: string): TagAttribute[] {
  const out: TagAttribute[] = []
  for (const m of text.matchAll(ATTRIBUTE)) {
    const raw = m[2]
    out.push({ name: m[1].toLowerCase(), value: raw === undefined ? undefined : /^["']/.test(raw) ? raw.slice(1, -1) : raw })
  }
  return out
}

/** Every tag-shaped token, markup or not. */
function scan(text: string): Tag[] {
  const tags: Tag[] = []
  for (const m of text.matchAll(TAG)) {
    if (m.index > 0 && text[m.index - 1] === '%') continue
    if (AUTOLINK.test(m[0])) continue
    const inside = m[3].trimEnd()
    const self = inside.endsWith('/')
    const kind = m[1] ? 'close' : self ? 'self' : 'open'
    tags.push({ kind, name: m[2].toLowerCase(), attributes: kind === 'close' ? [] : attributes(self ? inside.slice(0, -1) : inside), text: m[0], start: m.index, end: m.index + m[0].length })
  }
  return tags
}

/**
 * The markup tags of a text. An opening tag that is never closed, is not an HTML element and
 * has no attribute with a value (`<none>`, `<Error>`, `<no action>`, `<empty string>`) is
 * text in angle brackets, not markup: translators rightly translate its words.
 */
export function readTags(text: string): Tag[] {
  if (!text.includes('<')) return []
  const tags = scan(text)
  const closed = new Set(tags.filter((t) => t.kind === 'close').map((t) => t.name))
  return tags.filter((t) => t.kind !== 'open' || t.attributes.some((a) => a.value !== undefined) || HTML_ELEMENTS.has(t.name) || closed.has(t.name))
}

/** Short form for messages: `<a>`, `</a>`, `<br/>`. */
export function showTag(tag: Tag): string {
  return tag.kind === 'close' ? `</${tag.name}>` : tag.kind === 'self' ? `<${tag.name}/>` : `<${tag.name}>`
}

/**
 * Whether the tags nest properly (every opening tag closed in order). HTML void elements
 * may stay open only when the `voidOpen` flag allows it.
 */
export function wellNested(tags: readonly Tag[], voidOpen = false): boolean {
  const stack: string[] = []
  for (const tag of tags) {
    if (tag.kind === 'self') continue
    if (tag.kind === 'open') {
      if (!(voidOpen && VOID_ELEMENTS.has(tag.name))) stack.push(tag.name)
      continue
    }
    if (stack.pop() !== tag.name) return false
  }
  return stack.length === 0
}

const MARKERS = /<!\[CDATA\[|\]\]>|&(?:#\d+|#x[\da-f]+|[a-z][\w-]*);/gi

/** Ranges from each `open` to the next `close` (comments, processing instructions), in one pass. */
function delimited(text: string, open: string, close: string, ranges: Array<[number, number]>): void {
  for (let i = text.indexOf(open); i >= 0; ) {
    const end = text.indexOf(close, i + open.length)
    if (end < 0) return
    ranges.push([i, end + close.length])
    i = text.indexOf(open, end + close.length)
  }
}

/** Ranges of markup a prose rule should not read: tags, comments, CDATA markers, entities. */
export function markupRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  if (text.includes('<')) {
    for (const t of scan(text)) ranges.push([t.start, t.end])
    delimited(text, '<!--', '-->', ranges)
    delimited(text, '<?', '?>', ranges)
  }
  if (/[&\]]|<!/.test(text)) for (const m of text.matchAll(MARKERS)) ranges.push([m.index, m.index + m[0].length])
  return ranges
}
