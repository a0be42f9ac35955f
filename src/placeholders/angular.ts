// Angular template interpolation `{{ expression | pipe:arg }}`, compared by expression
// (whitespace-insensitive); the pipes are its format.
import type { Placeholder, SyntaxDef } from './syntax.js'

/** `{{ … }}` spans, found with indexOf: a lazy regex rescans to the end from every `{{` without a close. */
function interpolations(text: string): Array<{ start: number; end: number; expression: string }> {
  const out: Array<{ start: number; end: number; expression: string }> = []
  for (let start = text.indexOf('{{'); start >= 0; ) {
    const close = text.indexOf('}}', start + 2)
    if (close < 0) break
    out.push({ start, end: close + 2, expression: text.slice(start + 2, close) })
    start = text.indexOf('{{', close + 2)
  }
  return out
}

/** Splits at the first pipe that is not part of `||`. */
function splitPipes(expression: string): [value: string, pipes: string] {
  const m = /(?<!\|)\|(?!\|)/.exec(expression)
  const squash = (s: string) => s.replace(/\s+/g, '')
  return m ? [squash(expression.slice(0, m.index)), squash(expression.slice(m.index))] : [squash(expression), '']
}

export const angular: SyntaxDef = {
  syntax: 'angular',
  label: 'Angular interpolation',
  about: 'Reads `{{ expression | pipe:arg }}`, compared by expression (whitespace-insensitive); the pipes are its formatting.',
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
  detect: (text) => interpolations(text).some((i) => splitPipes(i.expression)[1] !== ''),
  extract(text) {
    const placeholders: Placeholder[] = interpolations(text).map(({ start, end, expression }) => {
      const [id, pipes] = splitPipes(expression)
      return { text: text.slice(start, end), id, start, end, format: pipes }
    })
    return { placeholders }
  },
  formatName: 'pipes',
}
