// C/POSIX printf with the Objective-C (`%@`, stringsdict `%#@var@`) and Java/Android
// (`%,d`, `%b`, `%tY`) additions. An unnumbered conversion takes the next argument; `%2$s`
// names its argument, so a translation may reorder. Each placeholder's id is its argument
// number, its type the C argument type it reads (so `%d` -> `%ld` is a type change, `%d` ->
// `%x` only a format change), and its format the flags, width, precision and conversion.
//
// Not read: the space flag (`% d`), so that "50 % off" in prose is no placeholder; `%n`,
// which writes nothing in C and is a newline in Java; Boost's `%1%`.
import type { Extracted, Placeholder, Severity, SyntaxDef } from './syntax.js'

const SPEC =
  /%%|%(?:(\d+)\$)?(?:#@(\w+)@|([-+#0',]*)(\*(?:\d+\$)?|\d+)?(?:\.(\*(?:\d+\$)?|\d+))?(hh|h|ll|l|L|q|j|z|t)?([diouxXeEfFgGaAcCsSp@bBhH]|[tT][A-Za-z]))/g

// In prose a letter right after the conversion usually means the `%` was no placeholder
// ("50%off", "100%sure"); units such as "%dMB" keep the integer conversions.
const DETECT = /%(?:\d+\$)?(?:#@\w+@|[-+#0',]*(?:\d+)?(?:\.\d+)?(?:hh|h|ll|l|L|q|j|z|t)?(?:[diu@]|[oxXeEfFgGcsp](?![a-z])))/

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
  let numbered: Placeholder | undefined
  let unnumbered: Placeholder | undefined
  let error: Extracted['error']
  const add = (p: Placeholder, explicit: boolean) => {
    placeholders.push(p)
    if (explicit) numbered ??= p
    else unnumbered ??= p
  }
  for (const m of text.matchAll(SPEC)) {
    if (m[0] === '%%') continue
    const [whole, number, variable, flags = '', width = '', precision, length = '', conversion] = m
    const start = m.index
    const end = start + whole.length
    // A `*` width or precision reads an int argument before the value.
    for (const star of [width, precision ?? '']) {
      if (!star.startsWith('*')) continue
      const explicit = star.length > 1
      const position = explicit ? Number(star.slice(1, -1)) : next++
      add({ text: whole, id: String(position), start, end, type: 'int', format: '*', position }, explicit)
    }
    const position = number ? Number(number) : next++
    if (number && position === 0) error ??= { message: `${whole} refers to argument 0; arguments are numbered from 1`, offset: start, recovered: true }
    // `%.0s` prints nothing: gettext's way to leave out the number in a plural form.
    const hidden = conversion === 's' && precision === '0' && !flags && !width
    const type = variable ? `variable ${variable}` : hidden ? 'hidden' : argumentType(conversion, length)
    const format = variable || hidden ? undefined : `${flags}${width}${precision === undefined ? '' : `.${precision}`}${conversion === 'i' ? 'd' : conversion}`
    add({ text: whole, id: String(position), start, end, type, format, position }, number !== undefined)
  }
  if (numbered && unnumbered && !error) {
    error = { message: `mixes numbered (${numbered.text}) and unnumbered (${unnumbered.text}) conversions; number all of them`, offset: unnumbered.start, recovered: true }
  }
  return { placeholders, error }
}

export function printfTypeChange(source: Placeholder, target: Placeholder): Severity | undefined {
  if (target.type === 'hidden' || source.type === target.type) return undefined
  return 2
}

export const printf: SyntaxDef = {
  syntax: 'printf',
  label: 'printf format',
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
  detect: (text) => DETECT.test(text.replace(/%%/g, '')),
  extract: extractPrintf,
  validates: true,
  typeChange: printfTypeChange,
  formatName: 'flags, width, precision or conversion',
}
