// Wrong language: a translation written in another script than its locale's (an English
// sentence in the Japanese file), or, within one script, clearly in another language (the
// German text pasted into the Dutch file). Language identification (franc-min trigrams) is
// only asked to choose between the locale's language and the languages this pull request
// has reason to hold: the source language and its other target languages. Short texts are
// left alone; the thresholds were measured on real-looking app strings (see
// test/checks/consistency.test.ts).
import { francAll } from 'franc-min'
import type { CheckHit, CheckInput, SetCheck } from './check.js'
import { plainProse } from './prose.js'
import { countMatches, otherLetters, SCRIPT_NAMES, scriptCounts, scriptLetters, writingOf } from './writing-systems.js'

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

/**
 * Short words of a language, most of them ones its close neighbours do not write (not
 * Spanish `con`, shared with Italian); the few it shares (`to` in English, Polish and Czech)
 * are in every list that has them, so they weigh for no side. Trigrams
 * alone mistake short labels for a neighbour (Polish for Portuguese, Russian for Ukrainian);
 * a text is said to be in another language only when it holds that language's own words,
 * more of them than of its locale's. A language without a list is never claimed.
 */
const FUNCTION_WORDS: Record<string, ReadonlySet<string>> = Object.fromEntries(
  Object.entries({
    eng: 'the and of with this that you your are have has been would should can could not from which there their these those please into than when what where how it its must at for be or by if were we our my more about only any to a in no on all as up off new try ago yet again here now just also still after before then them they he she his her who why do does did',
    deu: 'der die das und ist nicht sie ein eine einen auf für wird werden zu von sich auch oder wenn kann können bitte wurde haben dein deine dieses diese keine kein muss hast sein wirklich anderen einem einer mindestens sind noch nur hier jetzt dich in also still',
    fra: 'les des une est et pour pas dans sur avec vous votre vos sont être cette qui peut été aux aucun autre avez êtes nous leur très tous tout deux a',
    spa: 'el los las es más hay puede pueden sus pero muy usted también cuando donde esto eso sin otro otra otros otras aquí tus quieres tienes hemos ningún ninguna ya a no',
    ita: 'che è sono gli della delle dei degli nel nella alla alle questo questa può anche più essere il per di del al dal sul sui tuo tua tuoi tue fa abbiamo grazie deve a in no',
    por: 'não uma é em com seu sua você pelo pela são foi ao aos os as tem deseja neste nesta suas seus mim essas esses essa esse também podem a no',
    nld: 'het een niet met van op voor zijn wordt deze uw naar bij ook je dat wilt te om jouw zeker opnieuw uit aan wij in',
    pol: 'nie się jest że dla oraz lub jeśli może są być tego tym przez czy co twój twoje twoja twoich twoim swoich aby którego której zostanie zostało został mogą chcesz temu tylko ponownie to a on do',
    ces: 'nebo není být které který jsou bude může také při již už jste že to a on do',
    rus: 'что это если вы был была быть может нет уже его только чтобы эти этот который которые вас мы ваши будет есть ничего меня после этим этом этой менее слишком других',
    ukr: 'і що це або був буде вже його лише якщо цей ця які який має можна немає від є ще ваші цього цих вашого вашої знову пізніше свою свої теж тому',
    tur: 'bir ve bu için ile daha olarak değil yok olan gibi çok',
    swe: 'och att det som är för inte med till på har ett ditt av',
    ron: 'și în este sunt pentru acest această fost cu pe sau a',
    hun: 'az és hogy egy meg ez csak vagy már lesz kell nincs ezt a',
    ind: 'yang dan untuk dengan ini itu tidak dari akan ada dapat atau anda kami',
    bul: 'това който която като тези този тази няма трябва',
  }).map(([language, words]) => [language, new Set(words.split(' '))]),
)

/** Each short word, to the languages whose list has it. */
const WORD_LANGUAGES = new Map<string, string[]>()
for (const [language, words] of Object.entries(FUNCTION_WORDS)) for (const w of words) WORD_LANGUAGES.set(w, [...(WORD_LANGUAGES.get(w) ?? []), language])

/** How many of the words each language's list has (languages with none are left out). */
function ownWordCounts(words: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const w of words) for (const language of WORD_LANGUAGES.get(w) ?? []) counts.set(language, (counts.get(language) ?? 0) + 1)
  return counts
}

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

const LETTER_RUN = /\p{L}+/gu

/** Letters (UTF-16 units) and words (runs of letters) of a text, in one pass. */
function letterRuns(text: string): { letters: number; words: number } {
  let letters = 0
  let words = 0
  LETTER_RUN.lastIndex = 0
  for (let m = LETTER_RUN.exec(text); m; m = LETTER_RUN.exec(text)) {
    letters += m[0].length
    words++
  }
  return { letters, words }
}

// A translation that writes its own script and keeps names and terms of the source as they
// are ("<colr>twemoji-colr</colr> 字体 © Mozilla Foundation") is judged without those words:
// a few Han or Hangul characters say as much as many Latin letters.
function withoutSourceWords(text: string, source: string): string {
  const kept = new Set(source.toLowerCase().match(/\p{L}+/gu) ?? [])
  return text.replace(/\p{L}+/gu, (w) => (kept.has(w.toLowerCase()) ? ' ' : w))
}

function scriptHit(full: string, source: string, locale: string, script: string): CheckHit | undefined {
  // A verdict needs more than 80% of at least 12 letters outside the locale's script, and
  // dropping the source's words only removes letters: most texts are decided by this count.
  const others = otherLetters(script)
  const letters = scriptLetters(script)
  // A script subtag Unicode has no property for (Hrkt, Hanb, Aran, Qaaa) says nothing to count.
  if (!others || !letters || countMatches(full, others, 10) < 10) return undefined
  const text = countMatches(full, letters) > 0 ? withoutSourceWords(full, source) : full
  const total = letterRuns(text).letters
  if (total < LANGUAGE_ID.minScriptLetters) return undefined
  const own = countMatches(text, letters)
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
function languageHit(text: string, expected: string, source: string | undefined, candidates: string[]): CheckHit | undefined {
  const { letters: letterCount, words: wordCount } = letterRuns(text)
  const { source: s, others: o } = LANGUAGE_ID
  if (candidates.length < 2 || letterCount < Math.min(s.minLetters, o.minLetters) || wordCount < Math.min(s.minWords, o.minWords)) return undefined
  // Only a winner using more of its own short words than the locale's makes a verdict: when
  // no candidate can, trigrams (the costly part) have nothing to decide.
  const own = ownWordCounts(text.toLowerCase().match(/\p{L}+/gu) ?? [])
  const expectedWords = own.get(expected) ?? 0
  if (!candidates.some((c) => c !== expected && (own.get(c) ?? 0) > expectedWords)) return undefined
  // A long text says no more than its first sentences, and trigram counting costs by length.
  const scores = francAll(text.length > 240 ? text.slice(0, 240) : text, { only: candidates, minLength: 1 })
  const [winner] = scores[0]
  if (winner === expected || winner === 'und') return undefined
  const limits: Limits = winner === source ? LANGUAGE_ID.source : LANGUAGE_ID.others
  if (letterCount < limits.minLetters || wordCount < limits.minWords) return undefined
  const expectedScore = scores.find(([lang]) => lang === expected)?.[1] ?? 0
  if (expectedScore >= limits.maxExpectedScore) return undefined
  const winnerWords = own.get(winner) ?? 0
  if (winnerWords === 0 || winnerWords <= expectedWords) return undefined
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
    "The translation is written in another script than its locale's (Latin text in the `ja` file), or is clearly another language of the same script: the source language, or another language of this pull request (German pasted into the Dutch file). Needs 12 letters to judge the script (names and terms kept from the source do not count against a text that writes its own script), 15 letters in 3 words to say a text is in the source language, and 30 letters in 5 words to say it is in another language of the pull request, which must also use more of that language's own short words (`the`, `und`, `що`) than of its locale's: trigrams alone mistake short labels for a neighbour language. A translation equal to the source is left to `untranslated`. On 360 app strings in nine languages it raised no false alarm and caught 62% of English texts and 54% of texts in another language (the rest are too short to judge); see docs/accuracy.md for shipped translations.",
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
      const byScript = scriptHit(text, input.source, input.locale, script)
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
      const hit = languageHit(text, expected, FRANC[writingOf(input.sourceLocale).language], candidates)
      if (hit) out.push({ index, hit })
    })
    return out
  },
}
