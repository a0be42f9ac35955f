// Qt: QString::arg markers `%1`..`%99`, `%L1` (locale-aware numbers), and `%n`/`%Ln`, the
// count in tr() plural forms. arg() fills the lowest-numbered marker first, so a marker
// left out shifts every later value: missing markers are errors like elsewhere.
import type { Placeholder, SyntaxDef } from './syntax.js'

const MARKER = /%(L)?([1-9]\d?|n)(?![\d$%])/g

export const qt: SyntaxDef = {
  syntax: 'qt',
  label: 'Qt format',
  about: 'Reads `%1`..`%99`, locale-aware `%L1`, and `%n`/`%Ln` (the count of tr() plural forms).',
  ruleBase: 1130,
  example: {
    source: 'Copied %1 of %n files',
    good: '%n Dateien: %1 kopiert',
    missing: 'Dateien kopiert: %1',
    extra: '%1 von %n Dateien kopiert nach %2',
    renamed: '%2 von %n Dateien kopiert',
    format: ['%L1 bytes', '%1 Byte', '%L1 Byte'],
  },
  detect: (text) => /%L?(?:[1-9]\d?|n)(?![\w$%])/.test(text),
  extract(text) {
    const placeholders: Placeholder[] = []
    for (const m of text.matchAll(MARKER)) {
      placeholders.push({ text: m[0], id: m[2], start: m.index, end: m.index + m[0].length, format: m[1] ?? '' })
    }
    return { placeholders }
  },
  formatName: 'locale-aware marker (%L1)',
}
