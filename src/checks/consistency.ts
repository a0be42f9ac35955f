// Consistency: the same source text translated in different ways within one locale of the
// pull request. Differences of context (gettext msgctxt, Android/iOS comments) are kept apart.
import type { CheckHit, CheckInput, SetCheck } from './check.js'

const groupKey = (i: CheckInput) => [i.locale, i.segment.unit.context ?? '', i.segment.unit.plural ?? '', i.source.trim()].join('\u0000')

// Case and accelerator markers (`&Frage`, `D&olů`, Japanese `囲み(&B)`) follow where the text
// stands, not what it says.
const comparable = (s: string) =>
  s
    .trim()
    .replace(/[(（]&?[A-Za-z0-9][)）](?=\s*(?:\.\.\.|…)?$)/u, '')
    .replace(/&(?=\p{L})(?![\w#]+;)/gu, '')
    .toLowerCase()

// Words of two letters or fewer are mostly articles and prepositions, and are left out; a
// number or a negation (Spanish `no`, Czech `ne`, Russian `не`, Finnish `ei`) is kept: it
// changes what the text says.
const NEGATIONS = new Set(['no', 'ne', 'не', 'ei'])
// What turns a Chinese or Japanese text into its negation (`不保存`, `保存しない`): not grammar.
const NEGATION_AROUND = /[不没沒无無未非]|ない|ません|않/u
const wordsOf = (s: string) => (s.match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).filter((w) => w.length > 2 || /\p{N}/u.test(w) || NEGATIONS.has(w.toLowerCase()))

/** Two words that share a stem: one ending swapped for another (`закритий`, `закрите`; `chiusa`, `chiuse`). */
function sameStem(a: string, b: string): boolean {
  if (a === b) return true
  let common = 0
  while (common < a.length && a[common] === b[common]) common++
  return common >= 4 && common >= 0.6 * Math.min(a.length, b.length)
}

const oneWord = (source: string) => (source.match(/\p{L}+/gu) ?? []).length === 1

/** The part of the app a key belongs to: its first segment (`button` of `button_login`, `settings` of `settings.title`). */
const area = (key: string) => key.split(/[._]/)[0]

/**
 * Whether two translations differ only in grammar: the same words in other endings, with or
 * without articles and prepositions of two letters ("Ripristina la libreria"), or, in a script
 * without spaces, one containing the other (`锁定` and `已锁定`). Gender, number and case
 * follow the key's context, which the source does not show.
 */
function sameUpToGrammar(a: string, b: string): boolean {
  if (!/\s/.test(a) && !/\s/.test(b) && !/\p{Script=Latin}|\p{Script=Cyrillic}|\p{Script=Greek}/u.test(a + b)) {
    const [long, short] = a.length >= b.length ? [a, b] : [b, a]
    return long.includes(short) && !NEGATION_AROUND.test(long.replace(short, ''))
  }
  // In any order: "Завжди надсилати" and "Надсилати завжди".
  const wa = wordsOf(a).sort()
  const wb = wordsOf(b).sort()
  return wa.length > 0 && wa.length === wb.length && wa.every((w, i) => sameStem(w, wb[i]))
}

export const inconsistentTranslation: SetCheck = {
  id: 'inconsistent-translation',
  rule: 1702,
  severity: 1,
  family: 'consistency',
  title: 'Same source translated differently',
  description:
    'Segments of one locale in the pull request have the same source text (and context) but different translations. The segments that differ from the most common translation are reported, naming another one. A one-word source translated differently in another part of the app (the first segment of the key: `button_login` and `field_login`) is information: there it is often another part of speech or gender. Not reported: differences of case or accelerator marker (`&Frage`, `囲み(&B)`), and of grammar alone: the same words with other endings or in another order (`закритий`, `закрите`), with or without a two-letter article (`Ripristina la libreria`), or in Chinese, Japanese and Korean one translation inside the other (`锁定`, `已锁定`). Words with several meanings ("Open" as a verb or an adjective) are a reason to give them a context, or to dismiss the issue.',
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
        const t = comparable(inputs[i].target)
        const same = byTarget.get(t)
        if (same) same.push(i)
        else byTarget.set(t, [i])
      }
      if (byTarget.size < 2) continue
      // The most common translation (the first seen on a tie) is the reference.
      const [reference, ...others] = [...byTarget.entries()].sort((a, b) => b[1].length - a[1].length)
      const ref = inputs[reference[1][0]].segment
      const refText = inputs[reference[1][0]].target.trim()
      for (const [text, list] of others) {
        if (sameUpToGrammar(reference[0], text)) continue
        for (const i of list) {
          const where = ref.file === inputs[i].segment.file ? ref.key : `${ref.file} ${ref.key}`
          const d = `"${inputs[i].source.trim()}" is translated as "${refText}" in ${where}`
          // One word in another part of the app is often another part of speech (a button's
          // verb, a label's noun) or another gender: worth a look, not a warning.
          const elsewhere = oneWord(inputs[i].source) && area(inputs[i].segment.key) !== area(ref.key)
          out.push({ index: i, hit: elsewhere ? { d: `${d}, another part of the app`, s: 0 } : { d } })
        }
      }
    }
    return out
  },
}
