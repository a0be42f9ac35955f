// Ruby/Rails interpolation `%{name}` and formatted `%<name>s`.
import type { Placeholder, SyntaxDef } from './syntax.js'

const NAMED = /%\{(\w+)\}|%<(\w+)>[-+ #0]*\d*(?:\.\d+)?[a-zA-Z]/g

export const ruby: SyntaxDef = {
  syntax: 'ruby',
  label: 'Ruby interpolation',
  ruleBase: 1080,
  example: { source: 'Hello %{name}', good: 'Hallo %{name}', missing: 'Hallo', extra: 'Hallo %{name} %{user}', renamed: 'Hallo %{nom}' },
  detect: (text) => /%\{\w+\}|%<\w+>/.test(text),
  extract(text) {
    const placeholders: Placeholder[] = []
    for (const m of text.matchAll(NAMED)) {
      placeholders.push({ text: m[0], id: m[1] ?? m[2], start: m.index, end: m.index + m[0].length })
    }
    const seen = new Set<string>()
    return { placeholders: placeholders.filter((p) => !seen.has(p.id) && seen.add(p.id)) }
  },
}
