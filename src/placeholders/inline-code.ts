// Inline codes of XLIFF (1.2 `<x/>` `<g>` `<bx/>` `<ex/>` `<ph>` `<bpt>` `<ept>` `<it>`,
// 2.0 `<ph/>` `<pc>` `<sc/>` `<ec/>`) and Android's `<xliff:g>`, kept in the text as their
// markup. A code is identified by its element and id, plus its `equiv-text`/`equiv` (Angular
// writes the interpolation there) and, for codes holding native markup (`<bpt>&lt;b></bpt>`),
// that markup; closing tags of paired codes add nothing the opening tag does not say.
import type { Placeholder, SyntaxDef } from './syntax.js'

const CODES = new Set(['x', 'bx', 'ex', 'g', 'ph', 'bpt', 'ept', 'it', 'pc', 'sc', 'ec', 'xliff:g'])
// XLIFF 1.2 elements whose content is the native code itself, not translatable text.
export const NATIVE_CONTENT = new Set(['ph', 'bpt', 'ept', 'it'])
const TAG = /<([A-Za-z][\w:.-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g

function attributes(s: string): Map<string, string> {
  return new Map([...s.matchAll(/([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)].map((m) => [m[1], m[2] ?? m[3]]))
}

interface Code extends Placeholder {
  /** The code's id (or the id it refers to); '' when it has none. */
  ref: string
}

function codes(text: string): Code[] {
  const out: Code[] = []
  TAG.lastIndex = 0
  for (let m = TAG.exec(text); m; m = TAG.exec(text)) {
    const name = m[1]
    if (!CODES.has(name)) continue
    const attrs = attributes(m[2])
    let end = m.index + m[0].length
    let native = ''
    if (!m[3] && NATIVE_CONTENT.has(name)) {
      const close = text.indexOf(`</${name}>`, end)
      if (close >= 0) {
        native = text.slice(end, close)
        end = close + name.length + 3
        TAG.lastIndex = end
      }
    }
    const equiv = attrs.get('equiv-text') ?? attrs.get('equiv')
    const ref = attrs.get('id') ?? attrs.get('startRef') ?? attrs.get('rid') ?? ''
    const id = [`${name}#${ref}`, equiv !== undefined && `=${equiv}`, native && ` ${native.trim()}`].filter(Boolean).join('')
    out.push({ text: text.slice(m.index, end), id, ref, start: m.index, end })
  }
  return out
}

/** Whether an element (its name lower-cased as markup rules read it) is an inline code: those rules leave it to this syntax's. */
export function isInlineCodeElement(name: string): boolean {
  return CODES.has(name)
}

export function extractInlineCodes(text: string): Placeholder[] {
  return codes(text).map(({ ref: _, ...p }) => p)
}

/**
 * The text with each inline code blanked out (same length, so offsets still hold): what other
 * syntaxes should read, since codes carry their own braces (`equiv-text="{{ name }}"`).
 */
export function maskInlineCodes(text: string): string {
  let out = text
  for (const code of codes(text)) out = out.slice(0, code.start) + ' '.repeat(code.end - code.start) + out.slice(code.end)
  return out
}

export const inlineCode: SyntaxDef = {
  syntax: 'inline-code',
  label: 'XLIFF inline code',
  ruleBase: 1170,
  example: {
    source: 'Hello <x id="INTERPOLATION" equiv-text="{{ name }}"/>',
    good: 'Hallo <x id="INTERPOLATION" equiv-text="{{ name }}"/>',
    missing: 'Hallo',
    extra: 'Hallo <x id="INTERPOLATION" equiv-text="{{ name }}"/> <x id="INTERPOLATION_1" equiv-text="{{ user }}"/>',
    renamed: 'Hallo <x id="INTERPOLATION_1" equiv-text="{{ user }}"/>',
  },
  // Only an inline-code element with an id is evidence enough; XLIFF readers set the syntax themselves.
  detect: (text) => codes(text).some((c) => c.ref !== ''),
  extract: (text) => ({ placeholders: extractInlineCodes(text) }),
}
