// Ruby/Rails interpolation `%{name}` (I18n) and formatted `%<name>.2f` (Kernel#format).
import { dynamicTypeChange, type Placeholder, type SyntaxDef } from './syntax.js'

const NAMED = /%\{(\w+)\}|%<(\w+)>([-+ #0]*\d*(?:\.\d+)?)([a-zA-Z])/g

function typeOf(conversion: string): string {
  if ('sp'.includes(conversion)) return 'string'
  if (conversion === 'c') return 'character'
  return 'dioxXubB'.includes(conversion) ? 'integer' : 'float'
}

export const ruby: SyntaxDef = {
  syntax: 'ruby',
  label: 'Ruby interpolation',
  about: 'Reads `%{name}` and formatted `%<name>.2f`.',
  ruleBase: 1080,
  example: {
    source: 'Hello %{name}',
    good: 'Hallo %{name}',
    missing: 'Hallo',
    extra: 'Hallo %{name} %{user}',
    renamed: 'Hallo %{nom}',
    type: ['Welcome %<name>s', 'Willkommen %<name>d', 'Willkommen %{name}'],
    format: ['Total: %<amount>.2f', 'Summe: %<amount>.1f', 'Summe: %<amount>.2f'],
  },
  detect: (text) => /%\{\w+\}|%<\w+>/.test(text),
  extract(text) {
    const placeholders: Placeholder[] = []
    for (const m of text.matchAll(NAMED)) {
      const start = m.index
      const end = start + m[0].length
      // `%{x}` is to_s, like `%<x>s`.
      if (m[1]) placeholders.push({ text: m[0], id: m[1], start, end, type: 'string', format: 's' })
      else placeholders.push({ text: m[0], id: m[2], start, end, type: typeOf(m[4]), format: `${m[3]}${m[4]}` })
    }
    return { placeholders }
  },
  typeChange: dynamicTypeChange,
  formatName: 'flags, width, precision or conversion',
}
