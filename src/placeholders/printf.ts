// C/POSIX printf, with Objective-C `%@` and length modifiers. An unnumbered specifier is
// the n-th argument; `%2$s` names its argument, so translations may reorder.
import type { Placeholder, SyntaxDef } from './syntax.js'

// Apple's .stringsdict variable `%#@files@`: one argument, named by its variable.
const VARIABLE = /%#@(\w+)@/g
const SPEC = /%(?:(\d+)\$)?([-+ #0']*)(\d+|\*)?(?:\.(\d+|\*))?(hh|h|ll|l|L|q|j|z|t)?([diouxXeEfFgGaAcsSp@n%])/g

export const printf: SyntaxDef = {
  syntax: 'printf',
  label: 'printf format',
  ruleBase: 1070,
  example: { source: '%1$s of %2$d', good: '%2$d von %1$s', missing: '%1$s von', extra: '%1$s von %2$d %3$s', renamed: '%1$s von %2$s' },
  detect: (text) => /%(?:\d+\$)?[-+ #0']*(?:\d+)?(?:\.\d+)?(?:hh|h|ll|l|L|q|j|z|t)?[dioux@sfeEgGcp]/.test(text.replace(/%%/g, '')),
  extract(text) {
    const placeholders: Placeholder[] = [...text.matchAll(VARIABLE)].map((m) => ({ text: m[0], id: `@${m[1]}`, start: m.index, end: m.index + m[0].length }))
    let next = 1
    for (const m of text.replace(VARIABLE, (v) => ' '.repeat(v.length)).matchAll(SPEC)) {
      if (m[6] === '%') continue
      const position = m[1] ? Number(m[1]) : next++
      // Identity: argument position and conversion; flags and width are compared by the type rules.
      placeholders.push({ text: m[0], id: `${position}${(m[5] ?? '') + m[6]}`, start: m.index, end: m.index + m[0].length })
    }
    return { placeholders: placeholders.sort((a, b) => a.start - b.start) }
  },
}
