// Angular template interpolation `{{ expression | pipe:arg }}`, compared by expression
// (whitespace-insensitive); the pipes are its format.
import type { Placeholder, SyntaxDef } from './syntax.js'

const INTERPOLATION = /\{\{([\s\S]*?)\}\}/g

/** Splits at the first pipe that is not part of `||`. */
function splitPipes(expression: string): [value: string, pipes: string] {
  const m = /(?<!\|)\|(?!\|)/.exec(expression)
  const squash = (s: string) => s.replace(/\s+/g, '')
  return m ? [squash(expression.slice(0, m.index)), squash(expression.slice(m.index))] : [squash(expression), '']
}

export const angular: SyntaxDef = {
  syntax: 'angular',
  label: 'Angular interpolation',
  ruleBase: 1160,
  example: {
    source: 'Total: {{ total | currency }}',
    good: 'Summe: {{total | currency}}',
    missing: 'Summe:',
    extra: 'Summe: {{ total | currency }} ({{ count }})',
    renamed: 'Summe: {{ summe | currency }}',
    format: ['Total: {{ total | currency:"EUR" }}', 'Summe: {{ total | currency:"USD" }}', 'Summe: {{total|currency:"EUR"}}'],
  },
  // A pipe tells Angular from i18next; `{{ name }}` alone reads the same in both.
  detect: (text) => /\{\{[^{}]*[^{}|]\|(?!\|)[^{}]*\}\}/.test(text),
  extract(text) {
    const placeholders: Placeholder[] = []
    for (const m of text.matchAll(INTERPOLATION)) {
      const [id, pipes] = splitPipes(m[1])
      placeholders.push({ text: m[0], id, start: m.index, end: m.index + m[0].length, format: pipes })
    }
    return { placeholders }
  },
  formatName: 'pipes',
}
