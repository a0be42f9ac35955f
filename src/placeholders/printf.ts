// C/POSIX printf with the Objective-C (`%@`, stringsdict `%#@var@`) and Java/Android
// (`%,d`, `%b`, `%tY`) additions. An unnumbered conversion takes the next argument; `%2$s`
// names its argument, so a translation may reorder. Each placeholder's id is its argument
// number, its type the C argument type it reads (so `%d` -> `%ld` is a type change, `%d` ->
// `%x` only a format change), and its format the flags, width, precision and conversion.
//
// Python's named `%(name)s` is read too, as pofilter's printf check does, so a string
// flagged c-format that is really Python's is still compared by name.
//
// Boost.Format's `%1%` is an argument number too (of any type).
//
// Not read: the space flag (`% d`), so that "50 % off" in prose is no placeholder; `%n`,
// which writes nothing in C and is a newline in Java; Boost's `%|1$+5|`.
import type { Extracted, Placeholder, Severity, SyntaxDef } from './syntax.js'

const SPEC =
  /%%|%([1-9]\d*)%|%(?:(\d+)\$|\(([^()]*)\))?(?:#@(\w+)@|([-+#0',]*)(\*(?:\d+\$)?|\d+)?(?:\.(\*(?:\d+\$)?|\d+))?(hh|h|ll|l|L|q|j|z|t)?([diouxXeEfFgGaAcCsSp@bBhH]|[tT][A-Za-z]))/g

// In prose a letter right after the conversion usually means the `%` was no placeholder
// ("50%off", "100%sure"); units such as "%dMB" keep the integer conversions.
const DETECT = /%(?:\d+\$)?(?:#@\w+@|[-+#0',]*(?:\d+)?(?:\.\d+)?(?:hh|h|ll|l|L|q|j|z|t)?(?:[diu@]|[oxXeEfFgGcsp](?![a-z])))/

// A date pattern for strftime (Ruby, Python, C): `%Y`, `%H:%M`, `%I` are no printf
// conversions, and a locale's date format rightly reorders and changes `%d`, `%b`, `%e` around them.
const STRFTIME = /%[-_0^#]?[YMIyjZkPTDRUVW]/

function argumentType(conversion: string, length: string): string {
  if (conversion.length === 2) return 'date/time'
  switch (conversion) {
    case 'd':
    case 'i':
    case 'o':
    case 'u':
    case 'x':
    case 'X':
      return { '': 'int', hh: 'int', h: 'int', l: 'long', ll: 'long long', q: 'long long', j: 'intmax_t', z: 'size_t', t: 'ptrdiff_t', L: 'long long' }[length] ?? 'int'
    case 'c':
    case 'C':
      return length === 'l' ? 'wide character' : 'character'
    case 's':
    case 'S':
      return length === 'l' ? 'wide string' : 'string'
    case '@':
      return 'object'
    case 'p':
      return 'pointer'
    case 'b':
    case 'B':
      return 'boolean'
    case 'h':
    case 'H':
      return 'hash code'
    default:
      return length === 'L' ? 'long double' : 'double'
  }
}

export function extractPrintf(text: string): Extracted {
  const placeholders: Placeholder[] = []
  let next = 1
  // The first placeholder of each way to pick an argument: by number, in order, by name.
  const kinds = new Map<'numbered' | 'unnumbered' | 'named', Placeholder>()
  let error: Extracted['error']
  const add = (p: Placeholder, kind: 'numbered' | 'unnumbered' | 'named') => {
    placeholders.push(p)
    if (!kinds.has(kind)) kinds.set(kind, p)
  }
  for (const m of text.matchAll(SPEC)) {
    if (m[0] === '%%') continue
    const [whole, boost, number, name, variable, flags = '', width = '', precision, length = '', conversion] = m
    const start = m.index
    const end = start + whole.length
    if (boost) {
      add({ text: whole, id: boost, start, end, type: 'any', position: Number(boost) - 1 }, 'numbered')
      continue
    }
    // A `*` width or precision reads an int argument before the value.
    for (const star of [width, precision ?? '']) {
      if (!star.startsWith('*')) continue
      const explicit = star.length > 1
      const position = explicit ? Number(star.slice(1, -1)) : next++
      add({ text: whole, id: String(position), start, end, type: 'int', format: '*', position: position - 1 }, explicit ? 'numbered' : 'unnumbered')
    }
    if (name !== undefined) {
      add({ text: whole, id: name, start, end, type: variable ? `variable ${variable}` : argumentType(conversion, length), format: formatOf(flags, width, precision, conversion) }, 'named')
      continue
    }
    const position = number ? Number(number) : next++
    if (number && position === 0) error ??= { message: `${whole} refers to argument 0; arguments are numbered from 1`, offset: start, recovered: true }
    // `%.0s` prints nothing: gettext's way to leave out the number in a plural form.
    const hidden = conversion === 's' && precision === '0' && !flags && !width
    const type = variable ? `variable ${variable}` : hidden ? 'hidden' : argumentType(conversion, length)
    const format = variable || hidden ? undefined : formatOf(flags, width, precision, conversion)
    add({ text: whole, id: String(position), start, end, type, format, position: position - 1 }, number !== undefined ? 'numbered' : 'unnumbered')
  }
  if (kinds.size > 1 && !error) {
    const [[firstKind, first], [secondKind, second]] = [...kinds.entries()].sort((a, b) => a[1].start - b[1].start)
    error = { message: `mixes ${firstKind} (${first.text}) and ${secondKind} (${second.text}) conversions; ${kinds.has('named') ? 'use one kind' : 'number all of them'}`, offset: second.start, recovered: true }
  }
  return { placeholders, error, arguments: Math.max(0, ...placeholders.map((p) => (p.position ?? -1) + 1)) }
}

function formatOf(flags: string, width: string, precision: string | undefined, conversion: string): string {
  return `${flags}${width}${precision === undefined ? '' : `.${precision}`}${conversion === 'i' ? 'd' : conversion}`
}

function printfTypeChange(source: Placeholder, target: Placeholder): Severity | undefined {
  if (target.type === 'hidden' || source.type === target.type || source.type === 'any' || target.type === 'any') return undefined
  return 2
}

export const printf: SyntaxDef = {
  syntax: 'printf',
  label: 'printf format',
  about: 'Reads C and POSIX conversions with flags, width, precision and length (`%1$s`, `%\'d`, `%.2f`, `%lld`), Objective-C `%@` and `.stringsdict` variables `%#@files@`, Java/Android (`%,d`, `%b`, `%tY`), Boost `%1%` and Python-named `%(name)s`; `%%` is a percent sign. The space flag is not read, so "50 % off" stays prose. Unnumbered conversions are compared by position, numbered ones by number; `%.0s` (a plural form leaving out the number) takes any argument.',
  ruleBase: 1070,
  example: {
    source: '%1$s of %2$d',
    good: '%2$d von %1$s',
    missing: '%1$s von',
    extra: '%1$s von %2$d %3$s',
    renamed: '%1$s von %3$d',
    invalid: ['%s of %d', '%1$s von %d', '%1$s von %2$d'],
    type: ['%d files', '%s Dateien', '%d Dateien'],
    format: ['%.2f MB', '%f MB', '%.2f MB'],
  },
  detect: (text) => {
    const t = text.replace(/%%/g, '')
    return DETECT.test(t) && !STRFTIME.test(t)
  },
  extract: extractPrintf,
  validates: true,
  typeChange: printfTypeChange,
  formatName: 'flags, width, precision or conversion',
}
