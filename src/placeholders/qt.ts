// Qt: QString::arg markers `%1`..`%99`, `%L1` (locale-aware numbers), and `%n`/`%Ln`, the
// count in tr() plural forms. arg() fills the lowest-numbered marker first, so a marker
// left out shifts every later value: missing markers are errors like elsewhere.
//
// arg() also reads `%0` (any digit), and so do CKEditor's `t()` and other JavaScript
// libraries that number their arguments from 0; their PO files carry no format flag, so
// the syntax is inferred from markers that are not printf conversions where they stand
// (`%0 of %1`, `%0で`), and a printf conversion such as `%0.1f` or `%1d` is left to printf.
import { extractPrintf } from './printf.js'
import type { Placeholder, SyntaxDef } from './syntax.js'

const MARKER = /%(L)?(\d\d?|n)(?![\d$%])/g
const DETECT = /%L?(?:\d\d?|n)(?![\w$%])/

/** The text with its printf conversions blanked out, offsets kept. */
function withoutPrintf(text: string): string {
  let out = text
  for (const p of extractPrintf(text).placeholders) out = out.slice(0, p.start) + ' '.repeat(p.end - p.start) + out.slice(p.end)
  return out
}

export const qt: SyntaxDef = {
  syntax: 'qt',
  label: 'Qt format',
  about: 'Reads `%1`..`%99` (and `%0`, which arg() and CKEditor read too), locale-aware `%L1`, and `%n`/`%Ln` (the count of tr() plural forms). Inferred from markers that are not printf conversions where they stand, so `%0.1f` stays printf.',
  ruleBase: 1130,
  example: {
    source: 'Copied %1 of %n files',
    good: '%n Dateien: %1 kopiert',
    missing: 'Dateien kopiert: %1',
    extra: '%1 von %n Dateien kopiert nach %2',
    renamed: '%2 von %n Dateien kopiert',
    format: ['%L1 bytes', '%1 Byte', '%L1 Byte'],
  },
  detect: (text) => DETECT.test(text) && DETECT.test(withoutPrintf(text)),
  extract(text) {
    const placeholders: Placeholder[] = []
    for (const m of text.matchAll(MARKER)) {
      placeholders.push({ text: m[0], id: m[2], start: m.index, end: m.index + m[0].length, format: m[1] ?? '' })
    }
    return { placeholders }
  },
  formatName: 'locale-aware marker (%L1)',
}
