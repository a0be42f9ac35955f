// Python %-formatting ('python-format' in gettext): named `%(name)s` with a mapping, or
// positional `%s` with a tuple, never both in one string (Python raises TypeError).
// Positional conversions are compared by position, named ones by name.
import { dynamicTypeChange, type Extracted, type Placeholder, type SyntaxDef } from './syntax.js'

// Groups: name, flags, width, precision, conversion (undefined when the conversion is invalid).
const SPEC = /%%|%(?:\(([^()]*)\))?([-#0+]*)(\*|\d+)?(?:\.(\*|\d+))?[hlL]?([diouxXeEfFgGcrsa])?/g

function typeOf(conversion: string): string {
  if ('rsa'.includes(conversion)) return 'string'
  if (conversion === 'c') return 'character'
  return 'diouxX'.includes(conversion) ? 'integer' : 'float'
}

export function extractPythonFormat(text: string): Extracted {
  const placeholders: Placeholder[] = []
  let next = 1
  let error: Extracted['error']
  let named: Placeholder | undefined
  let positional: Placeholder | undefined
  for (const m of text.matchAll(SPEC)) {
    if (m[0] === '%%') continue
    const [whole, name, flags = '', width = '', precision, conversion] = m
    if (!conversion) {
      // A bare `%` in prose is not reported; a named key without a valid conversion is.
      if (name !== undefined) error ??= { message: `${whole} has no valid conversion character after the name`, offset: m.index }
      continue
    }
    const p: Placeholder = {
      text: whole,
      id: name ?? String(next),
      position: name === undefined ? next++ - 1 : undefined,
      start: m.index,
      end: m.index + whole.length,
      type: typeOf(conversion),
      format: `${flags}${width}${precision === undefined ? '' : `.${precision}`}${conversion === 'i' ? 'd' : conversion}`,
    }
    if (name === undefined) positional ??= p
    else named ??= p
    placeholders.push(p)
  }
  if (!error && named && positional) {
    error = { message: `mixes named (${named.text}) and positional (${positional.text}) conversions, which Python rejects`, offset: positional.start, recovered: true }
  }
  if (/%\([^()]*$/.test(text)) error ??= { message: 'a %( key is not closed', offset: text.lastIndexOf('%(') }
  return { placeholders, error, arguments: next - 1 }
}

export const pythonFormat: SyntaxDef = {
  syntax: 'python-format',
  label: 'Python %-format',
  about: 'Reads `%(name)s` (compared by name) and positional `%s` (compared by position); mixing both is a syntax error, as Python raises.',
  ruleBase: 1090,
  example: {
    source: '%(count)d files in %(folder)s',
    good: '%(count)d Dateien in %(folder)s',
    missing: 'Dateien in %(folder)s',
    extra: '%(count)d Dateien in %(folder)s von %(user)s',
    renamed: '%(count)d Dateien in %(ordner)s',
    invalid: ['%(count)d files in %(folder)s', '%(count)d Dateien in %s', '%(count)d Dateien in %(folder)s'],
    type: ['%(name)s joined', '%(name)d ist beigetreten', '%(name)s ist beigetreten'],
    format: ['%(size).1f MB', '%(size)d MB', '%(size).1f MB'],
  },
  detect: (text) => /%\([^()]*\)[-#0+]*(?:\d+)?(?:\.\d+)?[hlL]?[diouxXeEfFgGcrsa]/.test(text),
  extract: extractPythonFormat,
  validates: true,
  typeChange: dynamicTypeChange,
  formatName: 'flags, width, precision or conversion',
}
