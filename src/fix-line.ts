// A corrected translation written back into its line of the file, for a suggested change
// that replaces the line. Only where the line holds the text verbatim (no escape, no quote
// the format would need to escape, at the unit's place and nowhere else on the line), so the
// raw line can be rewritten without knowing the format's escaping; anything else gets no
// line, never a wrong one. Pure.

export interface LineEdit {
  /** The line as the head file has it, without its line ending. */
  line: string
  /** 1-based column (UTF-16) where the unit's value is written: its opening quote or first character. */
  column: number
  /** The format's id (`json`, `yaml`, `po`...). */
  format: string
  /** The translation as read, and as corrected. */
  before: string
  after: string
}

// Control characters are escapes in every quoted format (a tab or line break breaks the line).
const CONTROL = /[\u0000-\u001f\u007f]/
// YAML reads these plain scalars as other types or structure.
const YAML_NOT_TEXT = /^(?:~|null|true|false|yes|no|on|off|y|n|[-+.]?\d.*|[-+]?\.(?:inf|nan))$/i

/** How a value is written in a line: its delimiters and what may not appear in it unescaped. */
interface Quoting {
  open: string
  /** What follows the value: its closing delimiter, or '' for the end of the line. */
  close: string
  safe(text: string): boolean
}

const noneOf = (chars: RegExp) => (text: string) => !chars.test(text) && !CONTROL.test(text)
const DOUBLE_QUOTED: Quoting = { open: '"', close: '"', safe: noneOf(/["\\]/) }

const trimmed = (text: string) => text === text.trim()

function quoting(format: string, opener: string | undefined): Quoting | undefined {
  switch (format) {
    case 'json':
    case 'arb':
    case 'chrome':
    case 'xcstrings':
    case 'po':
    case 'strings':
      return opener === '"' ? DOUBLE_QUOTED : undefined
    case 'yaml':
      if (opener === '"') return DOUBLE_QUOTED
      if (opener === "'") return { open: "'", close: "'", safe: noneOf(/'/) }
      return {
        open: '',
        close: '',
        // A plain scalar loses its outer spaces and reads `: `, ` #`, quotes and indicators as syntax.
        safe: (t) => t !== '' && trimmed(t) && noneOf(/[:#'"\\`{}[\]]/)(t) && !/^[-?,&*!|>%@]/.test(t) && !YAML_NOT_TEXT.test(t),
      }
    case 'android':
      // Android collapses white space, reads quotes, backslashes and a leading @ or ? itself.
      if (opener === '"') return undefined
      return { open: '', close: '<', safe: (t) => trimmed(t) && !/\s{2}/.test(t) && noneOf(/[<>&"'\\]/)(t) && !/^[@?]/.test(t) }
    case 'xliff':
    case 'resx':
    case 'stringsdict':
      return { open: '', close: '<', safe: noneOf(/[<>&]/) }
    case 'properties':
      // A leading space is dropped unless escaped, and so is a leading = or : after a key ended
      // by a space (`ratio :1` is "1"); a value runs to the end of the line.
      return { open: '', close: '', safe: (t) => !/^[\s=:]/.test(t) && noneOf(/\\/)(t) }
    default:
      return undefined
  }
}

const occurrences = (text: string, part: string) => text.split(part).length - 1

/** The line with `before` replaced by `after`, or undefined when that cannot be done verbatim. */
export function fixedLine({ line, column, format, before, after }: LineEdit): string | undefined {
  // A CRLF line, a BOM, or bytes that were not UTF-8 (shown as U+FFFD): rewriting the raw line could change more than the text.
  if (before === '' || before === after || /[\r\n\ufeff\ufffd]/.test(line)) return undefined
  const at = column - 1
  const q = quoting(format, line[at])
  if (!q || !q.safe(before) || !q.safe(after)) return undefined
  // A legacy-encoded file (.properties in ISO-8859-1) must not gain characters its encoding may lack.
  if (format === 'properties' && [...after].some((c) => c > '\u007f' && !before.includes(c))) return undefined
  const start = at + q.open.length
  if (line.slice(at, start) !== q.open || line.slice(start, start + before.length) !== before) return undefined
  const end = start + before.length
  if (q.close === '' ? end !== line.length : line.slice(end, end + q.close.length) !== q.close) return undefined
  if (occurrences(line, before) !== 1) return undefined
  return line.slice(0, start) + after + line.slice(end)
}
