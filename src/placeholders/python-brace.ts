// Python str.format ('python-brace-format' in gettext): `{}`, `{0}`, `{name}`,
// `{user.name}`, `{items[0]}`, `{0!r:>10}`, nested `{0:{width}}`; `{{` and `}}` are braces.
//
// Comparison follows str.format at run time: an argument the source does not show but the
// caller passes anyway (`{1}` in the source means two are passed) may appear in the
// translation; one the caller does not pass, or an unknown name, raises. A placeholder left
// out raises nothing, so it is a warning (pofilter's pythonbraceformat makes the same split).
import { scanBraceFields } from './brace-fields.js'
import type { Extracted, Placeholder, Severity, SyntaxDef } from './syntax.js'

const PRESENTATION: Record<string, string> = { s: 'string', b: 'integer', c: 'integer', d: 'integer', o: 'integer', x: 'integer', X: 'integer', n: 'number', e: 'float', E: 'float', f: 'float', F: 'float', g: 'float', G: 'float', '%': 'float' }

interface Field {
  argument: string
  accessors: string
  conversion: string
  spec: string
}

/** Splits a field body: name, `.attr`/`[key]` accessors, `!r` conversion, `:spec`. */
function parseField(body: string): Field | string {
  let i = 0
  let brackets = 0
  while (i < body.length && (brackets > 0 || (body[i] !== '!' && body[i] !== ':'))) {
    if (body[i] === '[') brackets++
    else if (body[i] === ']') brackets--
    i++
  }
  const name = body.slice(0, i)
  const firstAccessor = name.search(/[.[]/)
  const argument = firstAccessor < 0 ? name : name.slice(0, firstAccessor)
  const accessors = firstAccessor < 0 ? '' : name.slice(firstAccessor)
  if (/\.(?=\.|\[|$)/.test(accessors)) return 'an attribute after "." is empty'
  if (/\[\]/.test(accessors) || brackets !== 0) return 'an index in [ ] is empty or not closed'
  let conversion = ''
  if (body[i] === '!') {
    conversion = body.slice(i, i + 2)
    if (!/^![rsa]$/.test(conversion)) return `conversion ${conversion || '!'} must be !r, !s or !a`
    i += 2
    if (i < body.length && body[i] !== ':') return "expected ':' after the conversion"
  }
  const spec = body[i] === ':' ? body.slice(i + 1) : ''
  return { argument, accessors, conversion, spec }
}

export function extractPythonBrace(text: string): Extracted {
  const placeholders: Placeholder[] = []
  let auto = 0
  let manual = false
  let needed = 0
  let mixed: number | undefined
  const visit = (source: string, offset: number): Extracted['error'] => {
    const scan = scanBraceFields(source, true)
    if (scan.error) return { message: scan.error.message, offset: offset + scan.error.offset }
    for (const f of scan.fields) {
      const field = parseField(f.body)
      const start = offset + f.start
      if (typeof field === 'string') return { message: `${source.slice(f.start, f.end)}: ${field}`, offset: start }
      let argument = field.argument
      if (argument === '') {
        if (manual) mixed ??= start
        argument = String(auto++)
        needed = Math.max(needed, auto)
      } else if (/^\d+$/.test(argument)) {
        if (auto > 0) mixed ??= start
        manual = true
        argument = String(Number(argument))
        needed = Math.max(needed, Number(argument) + 1)
      }
      const numeric = /^\d+$/.test(argument)
      placeholders.push({
        text: source.slice(f.start, f.end),
        id: argument + field.accessors,
        start,
        end: offset + f.end,
        type: PRESENTATION[field.spec.at(-1) ?? ''],
        format: field.conversion + (field.spec ? `:${field.spec}` : ''),
        position: numeric && !field.accessors ? Number(argument) : undefined,
      })
      // Fields nested in the spec (`{:{width}}`) are arguments too, numbered after their field.
      const specStart = f.end - 1 - field.spec.length
      const inner = field.spec.includes('{') ? visit(field.spec, offset + specStart) : undefined
      if (inner) return inner
    }
    return undefined
  }
  const error = visit(text, 0) ?? (mixed === undefined ? undefined : { message: 'mixes automatic {} and numbered {0} fields, which Python rejects', offset: mixed, recovered: true })
  return { placeholders, error, arguments: needed }
}

/** A float presentation of an integer works; an integer presentation of a float, or a number of a string, raises. */
function presentationChange(source: Placeholder, target: Placeholder): Severity | undefined {
  if (!source.type || !target.type || source.type === target.type) return undefined
  if (target.type === 'string' || (source.type === 'integer' && (target.type === 'float' || target.type === 'number'))) return undefined
  return 2
}

// What only str.format writes: `{}`, an accessor, a conversion, a spec after a name, or a
// Python-style spec after a number (`{0:.2f}`, `{0:>10}`; `{0:N2}` is .NET). A plain `{name}`
// or `{0}` is left to the ICU reading, which compares it the same way.
const FIELD = /\{(\w*)((?:\.\w+|\[[^\]{}]*\])*)(![rsa])?(?::([^{}]*))?\}/g
const PYTHON_SPEC = /^(?:.?[<>=^])?[-+ ]?#?0?\d*[,_]?(?:\.\d+)?[bcdeEfFgGnosxX%]?$/

function looksPython(text: string): boolean {
  for (const [whole, name, accessors, conversion, spec] of text.replace(/\{\{|\}\}/g, '').matchAll(FIELD)) {
    if (whole === '{}' || accessors || conversion) return true
    if (spec === undefined) continue
    if (!/^\d*$/.test(name)) return true
    if (spec !== '' && PYTHON_SPEC.test(spec) && !/^[A-Za-z]\d*$/.test(spec)) return true
  }
  return false
}

export const pythonBrace: SyntaxDef = {
  syntax: 'python-brace',
  label: 'Python str.format',
  about: 'Reads `{}`, `{0}`, `{name}`, `{user.name}`, `{items[0]}`, `{0!r:>10}` and nested `{0:{width}}`; `{{` and `}}` are braces. As pofilter\'s pythonbraceformat: a translation needing more arguments than the source passes, or an unknown name, is an error; fewer is a warning.',
  ruleBase: 1100,
  example: {
    source: '{count} files in {folder}',
    good: '{count} Dateien in {folder}',
    missing: 'Dateien in {folder}',
    extra: '{count} Dateien in {folder} von {user}',
    renamed: '{count} Dateien in {ordner}',
    invalid: ['{count} files in {folder}', '{count} Dateien in {folder', '{count} Dateien in {folder}'],
    type: ['{size:.1f} MB', '{size:d} MB', '{size:.1f} Mo'],
    format: ['{size:.1f} MB', '{size} MB', '{size:.1f} MB'],
  },
  detect: looksPython,
  extract: extractPythonBrace,
  validates: true,
  missingSeverity: 1,
  typeChange: presentationChange,
  formatName: 'conversion or format spec',
}
