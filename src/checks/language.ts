// Wrong language: a translation written in another script than its locale's (an English
// sentence in the Japanese file), or, within one script, clearly in another language (the
// German text pasted into the Dutch file). Language identification (franc-min trigrams) is
// only asked to choose between the locale's language and the languages this pull request
// has reason to hold: the source language and its other target languages. Short texts are
// left alone; the thresholds were measured on real-looking app strings (see
// test/checks/language.test.ts).
import { francAll } from 'franc-min'
import type { CheckHit, CheckInput, SetCheck } from './check.js'
import { plainProse } from './prose.js'
import { countMatches, SCRIPT_NAMES, scriptCounts, scriptLetters, writingOf } from './writing-systems.js'

/** ISO 639-1 (and a few 639-3) codes of the languages franc-min models, to its ISO 639-3 codes. */
const FRANC: Record<string, string> = {
  en: 'eng', es: 'spa', pt: 'por', id: 'ind', fr: 'fra', de: 'deu', jv: 'jav', vi: 'vie', it: 'ita', tr: 'tur', pl: 'pol', sw: 'swh',
  su: 'sun', ro: 'ron', ha: 'hau', bs: 'bos', hr: 'hrv', nl: 'nld', sr: 'srp', ckb: 'ckb', yo: 'yor', uz: 'uzn', ms: 'zlm', ig: 'ibo',
  ceb: 'ceb', tl: 'tgl', fil: 'tgl', hu: 'hun', az: 'azj', cs: 'ces', rn: 'run', mg: 'plt', ny: 'nya', rw: 'kin', zu: 'zul', sv: 'swe',
  ln: 'lin', so: 'som', ilo: 'ilo', ru: 'rus', uk: 'ukr', be: 'bel', bg: 'bul', kk: 'kaz', ar: 'arb', ur: 'urd', fa: 'pes', ps: 'pbu',
  hi: 'hin', mr: 'mar', mai: 'mai', bho: 'bho', ne: 'npi',
}

/** Languages so close that trigrams cannot tell them apart in short texts. */
const CLUSTERS = [['hrv', 'bos', 'srp'], ['zlm', 'ind']]

/** Languages commonly written in two scripts: without a script subtag, either is right. */
const TWO_SCRIPTS = new Set(['sr', 'uz', 'az', 'bs', 'pa', 'ku', 'mn', 'sd', 'ks', 'ms', 'tk', 'tt', 'kk', 'ha', 'ff'])

const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language' })
const FRANC_NAMES = new Map(Object.entries(FRANC).map(([code, franc]) => [franc, LANGUAGE_NAMES.of(code) ?? code]))

/**
 * The measured thresholds: how much text a verdict needs and how clear it must be. franc
 * scores the best language 1 and the others less; the locale's own language must score
 * under `maxExpectedScore` for the winner to be believed. A text in the source language is
 * the common mistake and is told apart from shorter texts than one in another language of
 * the pull request (closer languages, more confusable), so the two have their own limits.
 */
export const LANGUAGE_ID = {
  /** Letters (any script) the translation needs before its script is judged. */
  minScriptLetters: 12,
  /** Share of the locale's own script under which the text is in another script. */
  maxOwnScriptShare: 0.2,
  /** When the winner is the source language. */
  source: { minLetters: 15, minWords: 3, maxExpectedScore: 0.85 },
  /** When the winner is another language of the pull request. */
  others: { minLetters: 30, minWords: 5, maxExpectedScore: 0.75 },
}

function letters(text: string): number {
  return text.replace(/\P{L}+/gu, '').length
}

function scriptHit(text: string, total: number, locale: string, script: string): CheckHit | undefined {
  if (total < LANGUAGE_ID.minScriptLetters) return undefined
  const own = countMatches(text, scriptLetters(script)!)
  if (own / total >= LANGUAGE_ID.maxOwnScriptShare) return undefined
  const [top] = [...scriptCounts(text).entries()].sort((a, b) => b[1] - a[1])
  if (!top || top[1] < LANGUAGE_ID.minScriptLetters) return undefined
  return { d: `The translation is written in ${SCRIPT_NAMES[top[0]] ?? top[0]} script; ${LANGUAGE_NAMES.of(writingOf(locale).language) ?? locale} uses ${SCRIPT_NAMES[script] ?? script}` }
}

interface Limits {
  minLetters: number
  minWords: number
  maxExpectedScore: number
}

/** One franc run among the candidates; the winner must clear the limits of its kind (source language or another). */
function languageHit(text: string, letterCount: number, expected: string, source: string | undefined, candidates: string[]): CheckHit | undefined {
  const wordCount = text.match(/\p{L}+/gu)?.length ?? 0
  const { source: s, others: o } = LANGUAGE_ID
  if (candidates.length < 2 || letterCount < Math.min(s.minLetters, o.minLetters) || wordCount < Math.min(s.minWords, o.minWords)) return undefined
  // A long text says no more than its first sentences, and trigram counting costs by length.
  const scores = francAll(text.length > 240 ? text.slice(0, 240) : text, { only: candidates, minLength: 1 })
  const [winner] = scores[0]
  if (winner === expected || winner === 'und') return undefined
  const limits: Limits = winner === source ? LANGUAGE_ID.source : LANGUAGE_ID.others
  if (letterCount < limits.minLetters || wordCount < limits.minWords) return undefined
  const expectedScore = scores.find(([lang]) => lang === expected)?.[1] ?? 0
  if (expectedScore >= limits.maxExpectedScore) return undefined
  return { d: `The translation looks like ${FRANC_NAMES.get(winner) ?? winner}, not ${FRANC_NAMES.get(expected) ?? expected}` }
}

/** The text a reader would judge the language by: no placeholders, markup, URLs or do-not-translate terms. */
function readableText(input: CheckInput): string {
  let text = plainProse(input, 'target')
  for (const term of input.options.doNotTranslate) text = text.split(term).join(' ')
  return text
}

export const wrongLanguage: SetCheck = {
  id: 'wrong-language',
  rule: 1703,
  severity: 1,
  family: 'consistency',
  title: 'Translation in the wrong language',
  description:
    "The translation is written in another script than its locale's (Latin text in the `ja` file), or is clearly another language of the same script: the source language, or another language of this pull request (German pasted into the Dutch file). Needs 12 letters to judge the script, 15 letters in 3 words to say a text is in the source language, and 30 letters in 5 words to say it is in another language of the pull request; a translation equal to the source is left to `untranslated`. On 360 real app strings in nine languages it raised no false alarm and caught 65% of English texts and 56% of texts in another language (the rest are too short to judge).",
  examples: { fail: ['Your changes have been saved.', 'Your changes were saved successfully.'], pass: ['Your changes have been saved.', '変更が保存されました。'], locale: 'ja' },
  checkSet(inputs) {
    // The languages this pull request holds, per script: the candidates a text may be mistaken for.
    const present = new Set<string>()
    for (const input of inputs) {
      for (const locale of [input.locale, input.sourceLocale]) {
        const code = FRANC[writingOf(locale).language]
        if (code) present.add(code)
      }
    }
    const candidatesFor = new Map<string, string[]>()
    const out: Array<{ index: number; hit: CheckHit }> = []
    inputs.forEach((input, index) => {
      if (input.target.trim() === '' || input.target.trim() === input.source.trim()) return
      const { locale, language, script, known } = writingOf(input.locale)
      if (!script || !known) return
      if (TWO_SCRIPTS.has(language) && !/-[A-Z][a-z]{3}\b/.test(locale)) return
      const text = readableText(input)
      const letterCount = letters(text)
      const byScript = scriptHit(text, letterCount, input.locale, script)
      if (byScript) {
        out.push({ index, hit: byScript })
        return
      }
      const expected = FRANC[language]
      if (!expected) return
      let candidates = candidatesFor.get(expected)
      if (!candidates) {
        const cluster = CLUSTERS.find((c) => c.includes(expected)) ?? [expected]
        candidatesFor.set(expected, (candidates = [...present].filter((c) => c === expected || !cluster.includes(c))))
      }
      const hit = languageHit(text, letterCount, expected, FRANC[writingOf(input.sourceLocale).language], candidates)
      if (hit) out.push({ index, hit })
    })
    return out
  },
}
