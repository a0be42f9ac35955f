// .NET composite formatting (String.Format, .resx): `{0}`, `{0,-10}`, `{0:N2}`, `{1,8:C}`;
// `{{` and `}}` are braces. A name instead of a number, a single brace, or an index the
// caller does not pass throws FormatException at run time.
import { scanBraceFields } from './brace-fields.js'
import type { Extracted, Placeholder, SyntaxDef } from './syntax.js'

const ITEM = /^\s*(\d+)\s*(?:,\s*(-?\d+)\s*)?(?::([\s\S]*))?$/

export function extractDotnet(text: string): Extracted {
  const scan = scanBraceFields(text, false)
  if (scan.error) return { placeholders: [], error: scan.error }
  const placeholders: Placeholder[] = []
  let needed = 0
  for (const f of scan.fields) {
    const m = ITEM.exec(f.body)
    if (!m) return { placeholders, error: { message: `{${f.body}} is not a format item: expected {index[,alignment][:format]}`, offset: f.start } }
    const index = Number(m[1])
    needed = Math.max(needed, index + 1)
    placeholders.push({
      text: text.slice(f.start, f.end),
      id: String(index),
      start: f.start,
      end: f.end,
      format: `${m[2] === undefined ? '' : `,${m[2]}`}${m[3] === undefined ? '' : `:${m[3]}`}`,
      position: index,
    })
  }
  return { placeholders, arguments: needed }
}

// An alignment, or a .NET format string: standard (`N2`, `C`, `X8`), numeric (`0.00`,
// `#,##0`) or date (`yyyy-MM-dd`, `HH:mm`). A bare `{0}` is left to the ICU reading.
const DETECT = /\{\d+\s*(?:,\s*-?\d+\s*(?::[^{}]*)?|:(?:[CcDdEeFfGgNnPpRrXx]\d{0,2}|[#0][#0.,%]*|[yMdHhmsftz]+(?:[-/:. ][yMdHhmsftz]+)*))\}/

export const dotnet: SyntaxDef = {
  syntax: 'dotnet',
  label: '.NET composite format',
  about: 'Reads `{0}`, `{0,-10}`, `{0:N2}`, `{1,8:C}`; `{{` and `}}` are braces. A name instead of an index or a single brace is a syntax error (FormatException).',
  ruleBase: 1120,
  example: {
    source: '{0} files, {1:N1} MB',
    good: '{0} Dateien, {1:N1} MB',
    missing: 'Dateien, {1:N1} MB',
    extra: '{0} Dateien, {1:N1} MB, {2}',
    renamed: '{0} Dateien, {3:N1} MB',
    invalid: ['{0} files, {1:N1} MB', '{0} Dateien, {Size:N1} MB', '{0} Dateien, {1:N1} MB'],
    format: ['{0} files, {1:N1} MB', '{0} Dateien, {1} MB', '{1:N1} MB in {0} Dateien'],
  },
  detect: (text) => DETECT.test(text.replace(/\{\{|\}\}/g, '')),
  extract: extractDotnet,
  validates: true,
  formatName: 'alignment or format string',
}
