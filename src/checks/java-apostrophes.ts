// Java MessageFormat's apostrophe trap: a single `'` starts quoted text and is not shown, so
// "l'heure de {0}" formats as "lheure de {0}" (the placeholder quoted too). A quoted
// placeholder is reported by the missing rule; this rule reports the apostrophes that only
// vanish. It applies where the source is clearly a pattern: it has arguments or `''`.
import { scanJavaPattern } from '../placeholders/java-messageformat.js'
import type { SegmentCheck } from './check.js'

/** Quotes around text without braces: apostrophes meant as apostrophes, not escapes. */
function prose(text: string, quotes: number[]): number[] {
  const out: number[] = []
  for (let i = 0; i < quotes.length; i += 2) {
    const end = quotes[i + 1] ?? text.length
    if (!/[{}]/.test(text.slice(quotes[i] + 1, end))) out.push(quotes[i])
  }
  return out
}

export const javaApostrophe: SegmentCheck = {
  id: 'java-messageformat-apostrophe',
  rule: 1116,
  severity: 1,
  family: 'placeholders',
  title: 'Java MessageFormat apostrophe not shown',
  description: "In a Java MessageFormat pattern a single apostrophe starts quoted text and disappears from the output (\"l'heure\" becomes \"lheure\"); write `''` for an apostrophe.",
  examples: { fail: ['{0} at the time', "{0} à l'heure"], pass: ['{0} at the time', "{0} à l''heure"] },
  check(input) {
    if (!input.syntaxes.includes('java-messageformat')) return []
    const source = scanJavaPattern(input.source)
    if (source.placeholders.length === 0 && !input.source.includes("''")) return []
    const target = scanJavaPattern(input.target)
    if (target.error || target.quoted.length > 0) return []
    const stray = prose(input.target, target.quotes)
    if (stray.length <= prose(input.source, source.quotes).length) return []
    return [{ d: "The apostrophe starts quoted text in a MessageFormat pattern and is not shown: write '' for an apostrophe", span: { start: stray[0], end: stray[0] + 1 } }]
  },
}
