// Hostile strings for keys, texts, file names and messages: what breaks out of Markdown,
// HTML comments, tables and terminals, pings people, or hides text; mixed at random with
// placeholders of every syntax so the rules see them too.
import type { Rng } from './random.js'

export const HOSTILE_FRAGMENTS: readonly string[] = [
  '</details>', '<details><summary>x</summary>', '<!--', '-->', '<!-- translation-quality-gate name=Translation%20quality -->', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>',
  '</table>', '<br>', '&lt;', '&amp;', '&#60;', '|', '||', '\\|', '`', '```', '````', '~~~', '@octocat', '@org/team', '@', '#1', 'GH-12', '[x](javascript:alert(1))', '![i](https://evil.example/x.png)',
  '<https://evil.example>', 'https://evil.example/?a=b&c=d', '**', '__', '_', '*', '~~', '$x$', '$$', '\\', '\\\\', '- ', '1. ', '# ', '> ', '=== ', '---', ':smile:', '%0A', '%', '::error::x', '::set-output name=a::b',
  '\n', '\r\n', '\r', '\t', '\u0000', '\u0007', '\u0008', '\u001b[31mred\u001b[0m', '\u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007', '\u001b[2J', '\u007f', '\u0085', '\u2028', '\u2029',
  '\u202e', '\u202d', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c', '\u200b', '\u200d', '\u2060', '\ufeff', '\u00ad', '\ufff9', '\ud800', '\udfff', '😀', '👩‍👩‍👧', 'e\u0301', '٣', 'שלום', 'مرحبا', '語',
  '{count}', '{{count}}', '{count, plural, one {# item} other {# items}}', '{0}', '{0,number,#.##}', "'{0}'", '%s', '%1$s', '%@', '%1$@', '%d', '%lld', '%%', '%(name)s', '%{name}', '$t(key)', '$NAME$', '${x}', '{x}}', '{{', '}}',
  '<x id="INTERPOLATION" equiv-text="{{ n }}"/>', '<g id="1">', '</g>', '<ph id="1"/>', '<xliff:g id="n">%s</xliff:g>', '<b>', '</b>', 'Hello', 'Hallo Welt', ' ', '  ', '.', ':', '…', '"', "'",
]

function randomCodePoints(rng: Rng, n: number): string {
  let out = ''
  for (let i = 0; i < n; i++) {
    const kind = rng.int(4)
    const cp = kind === 0 ? rng.int(0x80) : kind === 1 ? rng.int(0x800) : kind === 2 ? rng.int(0x10000) : 0x10000 + rng.int(0x100000)
    // Lone surrogates come from String.fromCharCode: JSON escapes (\uD800) put them in real files.
    out += cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp)
  }
  return out
}

/** A hostile string: a few fragments, sometimes random code points, sometimes very long. */
export function hostileString(rng: Rng): string {
  const parts: string[] = []
  const n = rng.between(1, 6)
  for (let i = 0; i < n; i++) parts.push(rng.chance(0.15) ? randomCodePoints(rng, rng.between(1, 12)) : rng.pick(HOSTILE_FRAGMENTS))
  let text = parts.join(rng.chance(0.5) ? '' : ' ')
  if (rng.chance(0.01)) text = text.repeat(Math.ceil(5_000 / Math.max(1, text.length)))
  return text
}
