// Consistency: the same source text translated in different ways within one locale of the
// pull request. Differences of context (gettext msgctxt, Android/iOS comments) are kept apart.
import type { CheckHit, CheckInput, SetCheck } from './check.js'

const groupKey = (i: CheckInput) => [i.locale, i.segment.unit.context ?? '', i.segment.unit.plural ?? '', i.source.trim()].join('\u0000')

export const inconsistentTranslation: SetCheck = {
  id: 'inconsistent-translation',
  rule: 1702,
  severity: 1,
  family: 'consistency',
  title: 'Same source translated differently',
  description:
    'Segments of one locale in the pull request have the same source text (and context) but different translations. The segments that differ from the most common translation are reported, naming another one. Words with several meanings ("Open" as a verb or an adjective) are a reason to give them a context, or to dismiss the issue.',
  examples: { fail: ['Save (twice, in two files)', 'Speichern / Sichern'], pass: ['Save (twice, in two files)', 'Speichern / Speichern'] },
  checkSet(inputs) {
    const groups = new Map<string, number[]>()
    inputs.forEach((input, index) => {
      if (input.segment.source === undefined || input.source.trim() === '' || input.target.trim() === '') return
      const key = groupKey(input)
      const list = groups.get(key)
      if (list) list.push(index)
      else groups.set(key, [index])
    })
    const out: Array<{ index: number; hit: CheckHit }> = []
    for (const indexes of groups.values()) {
      if (indexes.length < 2) continue
      const byTarget = new Map<string, number[]>()
      for (const i of indexes) {
        const t = inputs[i].target.trim()
        byTarget.set(t, [...(byTarget.get(t) ?? []), i])
      }
      if (byTarget.size < 2) continue
      // The most common translation (the first seen on a tie) is the reference.
      const [reference, ...others] = [...byTarget.entries()].sort((a, b) => b[1].length - a[1].length)
      const ref = inputs[reference[1][0]].segment
      for (const [, list] of others) {
        for (const i of list) {
          const where = ref.file === inputs[i].segment.file ? ref.key : `${ref.file} ${ref.key}`
          out.push({ index: i, hit: { d: `"${inputs[i].source.trim()}" is translated as "${reference[0]}" in ${where}` } })
        }
      }
    }
    return out
  },
}
