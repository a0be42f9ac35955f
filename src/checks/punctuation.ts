// Punctuation and case: end punctuation per language, Spanish opening marks, French
// spacing, a space lost after punctuation, unbalanced brackets and quotes, and the case of
// the first letter. All read prose (placeholders, markup and URLs masked).
import type { CheckHit, CheckInput, SegmentCheck } from './check.js'
import { MASK, prose } from './prose.js'
import { cldrNames, nameKey } from './universal-words.js'
import { scriptLetters, writingOf } from './writing-systems.js'

type EndClass = 'stop' | 'question' | 'exclamation' | 'colon' | 'semicolon' | 'ellipsis'

const END_CLASS: Record<string, EndClass> = {
  '.': 'stop', '。': 'stop', '．': 'stop', '｡': 'stop', '।': 'stop', '॥': 'stop', '۔': 'stop', '։': 'stop', '።': 'stop', '။': 'stop', '។': 'stop', '᱾': 'stop', '܂': 'stop',
  '?': 'question', '？': 'question', '؟': 'question', '\u037e': 'question', '፧': 'question', '՞': 'question',
  '!': 'exclamation', '！': 'exclamation', '՜': 'exclamation',
  ':': 'colon', '：': 'colon', '፥': 'colon',
  ';': 'semicolon', '；': 'semicolon', '؛': 'semicolon', '፤': 'semicolon', '·': 'semicolon',
  '…': 'ellipsis', '⋯': 'ellipsis',
}

// Closing quotes and brackets may stand after or before the final mark depending on the
// language ("Er sagte „Hallo“."), so they are skipped.
const CLOSERS = /["'’”»›)\]}」』）】\s\uFFFC]/u

interface Ending {
  /** Classes of the final run of punctuation, ellipses folded: "...?" -> [ellipsis, question]. */
  classes: EndClass[]
  /** The run as written. */
  marks: string
  /** Offset of the run in the text. */
  start: number
  /** Whether whitespace stands right before the run. */
  spaceBefore: boolean
  /** Whether a placeholder stands after the run, ending the text. */
  beforePlaceholder: boolean
}

/** Whether a placeholder is masked after `from`: a masked stretch that is not a tag or entity (`<br/>`, `&amp;`). */
function placeholderAfter(masked: string, text: string, from: number): boolean {
  for (let i = from; i < masked.length; i++) {
    if (masked[i] !== MASK) continue
    const close = text[i] === '<' ? '>' : text[i] === '&' ? ';' : undefined
    if (!close) return true
    const end = text.indexOf(close, i)
    if (end < 0) return true
    i = end
  }
  return false
}

function classOf(ch: string, language: string): EndClass | undefined {
  // Greek writes the question mark as ";" (or U+037E).
  if (language === 'el' && ch === ';') return 'question'
  return END_CLASS[ch]
}

/** The final punctuation of a prose text; `original` is the text before masking. */
function ending(text: string, language: string, original: string): Ending {
  let end = text.length
  while (end > 0 && CLOSERS.test(text[end - 1])) end--
  let start = end
  while (start > 0 && classOf(text[start - 1], language)) start--
  const marks = text.slice(start, end)
  const classes: EndClass[] = []
  for (const ch of marks.replace(/\.{2,}/g, '…')) {
    const c = classOf(ch, language)!
    if (classes[classes.length - 1] !== c) classes.push(c)
  }
  return { classes, marks, start, spaceBefore: start > 0 && /[ \u00a0\u202f]/.test(text[start - 1]), beforePlaceholder: placeholderAfter(text, original, end) }
}

const last = (e: Ending) => e.classes[e.classes.length - 1]

/**
 * The end punctuation compared between source and translation. A colon before a final
 * placeholder introduces it (`Reason: %(reason)s`, `理由：%(reason)s`), and word order moves
 * or drops it (Russian `Сеансов: %(count)s` for `%(count)s sessions`): it does not end the text.
 */
const endClass = (e: Ending) => (e.beforePlaceholder && last(e) === 'colon' ? undefined : last(e))

/** Languages whose final punctuation takes another form than ASCII, by class. */
const NATIVE_MARKS: Record<string, Partial<Record<EndClass, string>>> = {
  ja: { stop: '。', question: '？', exclamation: '！', colon: '：' },
  zh: { stop: '。', question: '？', exclamation: '！', colon: '：' },
  ar: { question: '؟' }, fa: { question: '؟' }, ps: { question: '؟' }, sd: { question: '؟' }, ug: { question: '؟' }, ckb: { question: '؟' },
  ur: { stop: '۔', question: '؟' },
  el: { question: ';' },
  hi: { stop: '।' }, bn: { stop: '।' }, pa: { stop: '।' }, ne: { stop: '।' }, sa: { stop: '।' },
  hy: { stop: '։' }, am: { stop: '።' }, ti: { stop: '።' }, my: { stop: '။' }, km: { stop: '។' }, sat: { stop: '᱾' },
}

const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language' })
const languageName = (language: string) => LANGUAGE_NAMES.of(language) ?? language

/** Languages that end sentences without a full stop (Thai, Lao), whose UI labels drop it (Chinese, Japanese), or that mark questions inside the word (Armenian). */
const MAY_DROP: Record<string, EndClass[]> = { th: ['stop', 'question', 'exclamation'], lo: ['stop', 'question', 'exclamation'], hy: ['question', 'exclamation'], ja: ['stop'], zh: ['stop'] }

/**
 * Languages whose UI ends a message written as a sentence with a full stop where English
 * leaves it out (Japanese `…できませんでした。`, Korean polite `…하세요.`).
 */
const MAY_ADD_STOP = new Set(['ja', 'zh', 'ko'])

/**
 * Whether the translation's final full stop belongs to an abbreviation rather than ending a
 * sentence: a translation of one short word no longer than the source's words (`Propr.`
 * for `Properties`, `апр.` for `Apr`) or a single letter (`p. m.`). `Abrir.` for `Open` is
 * longer than what it translates: a whole word with a stray stop.
 */
function abbreviationStop(text: string, t: Ending, source: string): boolean {
  if (t.marks !== '.') return false
  const before = text.slice(0, t.start)
  const lastWord = /(\p{L}+)$/u.exec(before)?.[1]
  if (!lastWord) return false
  const longestSourceWord = Math.max(0, ...(source.match(/\p{L}+/gu) ?? []).map((w) => w.length))
  return lastWord.length === 1 || (lastWord.length <= Math.min(5, longestSourceWord) && !/\p{L}/u.test(before.slice(0, -lastWord.length)))
}

/** A mark quoted as a symbol, not ending a sentence: `Semicolon` -> `分号(;)`. */
const symbolMark = (text: string, t: Ending) => t.marks.length === 1 && /[(（［\[]$/.test(text.slice(0, t.start)) && /^[)）］\]]/.test(text.slice(t.start + 1))

const FRENCH_SPACING = (locale: string) => {
  const { language } = writingOf(locale)
  return (language === 'fr' && !/^fr-CA\b/i.test(locale)) || language === 'br'
}

export const endPunctuation: SegmentCheck = {
  id: 'end-punctuation',
  rule: 1401,
  severity: 1,
  family: 'punctuation',
  title: 'End punctuation differs',
  description:
    "The translation ends with other punctuation than the source: a full stop, question or exclamation mark, colon, semicolon or ellipsis missing, added or changed, or a space put before it outside French. Each language's own marks count as the same (`。` `？` in Chinese and Japanese, `؟` in Arabic, `;` in Greek, `।` in Hindi, `។` in Khmer); Thai may drop the full stop, and so may Chinese and Japanese, whose UI labels often do. Using the ASCII mark where the language has its own is reported as information.",
  examples: { fail: ['Delete this file?', 'このファイルを削除します。'], pass: ['Delete this file?', 'このファイルを削除しますか？'], locale: 'ja' },
  check(input) {
    const { language } = writingOf(input.locale)
    const sourceLanguage = writingOf(input.sourceLocale).language
    const targetText = prose(input, 'target')
    if (targetText.trim() === '') return []
    const sourceText = prose(input, 'source')
    // A source without letters is a value (a separator `.`, a symbol), not a sentence.
    if (!/\p{L}/u.test(input.source)) return []
    const s = ending(sourceText, sourceLanguage, input.source)
    const t = ending(targetText, language, input.target)
    // With no end mark the range is where one would go: never past the end of the text.
    const span = { start: t.start, end: Math.min(targetText.length, t.start + Math.max(1, t.marks.length)) }
    const hits: CheckHit[] = []
    const sc = endClass(s)
    const tc = endClass(t)
    const interrobang = (a: Ending, b: Ending) => a.classes.includes('question') && a.classes.includes('exclamation') && (b.classes.includes('question') || b.classes.includes('exclamation'))
    const optional =
      (sc && !tc && MAY_DROP[language]?.includes(sc)) ||
      (!sc && tc === 'stop' && (MAY_ADD_STOP.has(language) || abbreviationStop(targetText, t, sourceText))) ||
      (!sc && symbolMark(targetText, t))
    if (sc !== tc && !optional && !interrobang(s, t) && !interrobang(t, s)) {
      const what = (c: EndClass | undefined, e: Ending) => (c ? `"${e.marks}"` : 'no end punctuation')
      hits.push({ d: `End punctuation differs: the source ends with ${what(sc, s)}, the translation with ${what(tc, t)}`, span })
    } else if (last(t)) {
      const native = NATIVE_MARKS[language]?.[last(t)]
      const mark = t.marks[t.marks.length - 1]
      // Only after text of the language itself: a Latin word at the end keeps ASCII marks.
      const before = targetText.slice(0, t.start).replace(/[\s\uFFFC]+$/u, '').slice(-1)
      if (native && mark !== native && !(language === 'el' && mark === '\u037e') && /[\x21-\x7e]/.test(mark) && !/[\p{Script=Latin}\d]/u.test(before)) {
        hits.push({ d: `${languageName(language)} writes "${native}" rather than "${mark}" here`, span, s: 0 })
      }
    }
    // French puts a space there (french-spacing checks French; Canadian French varies).
    if (t.spaceBefore && !s.spaceBefore && /^[?!:;]/.test(t.marks) && language !== 'fr' && language !== 'br') {
      hits.push({ d: `Space before "${t.marks}"`, span: { start: t.start - 1, end: t.start } })
    }
    return hits
  },
}

export const invertedMarks: SegmentCheck = {
  id: 'inverted-marks',
  rule: 1402,
  severity: 1,
  family: 'punctuation',
  title: 'Spanish opening ¿ or ¡ missing',
  description: 'A Spanish translation that ends with a question or exclamation mark has no opening `¿` or `¡`. Not for a target left as its source text (untranslated reports that).',
  examples: { fail: ['Delete this file?', 'Eliminar este archivo?'], pass: ['Delete this file?', '¿Eliminar este archivo?'], locale: 'es' },
  check(input) {
    // A target copied from its source is not Spanish yet: untranslated says so.
    if (writingOf(input.locale).language !== 'es' || input.target.trim() === input.source.trim()) return []
    const text = prose(input, 'target')
    const t = ending(text, 'es', input.target)
    const hits: CheckHit[] = []
    if (t.classes.includes('question') && !text.includes('¿')) hits.push({ d: 'The question has no opening "¿"', span: { start: t.start, end: t.start + t.marks.length } })
    if (t.classes.includes('exclamation') && !text.includes('¡')) hits.push({ d: 'The exclamation has no opening "¡"', span: { start: t.start, end: t.start + t.marks.length } })
    return hits
  },
}

const SPACE = /[\s\u00a0\u202f\u2009]/
// A single mark between quotes or brackets names the mark itself: `';'`, `(")`.
const QUOTED_MARK = /^(?:['‘"“«][’'"”»]|[(（\[「][)）\]」])$/

export const frenchSpacing: SegmentCheck = {
  id: 'french-spacing',
  rule: 1403,
  severity: 1,
  family: 'punctuation',
  title: 'French spacing around punctuation',
  description: 'In French (not Canadian French) and Breton, `? ! : ;` and `»` take a space before them and `«` one after (a no-break space is best). Colons in times and ratios (`10:30`) are left alone.',
  examples: { fail: ['Delete "{name}"?', 'Supprimer «{name}»?'], pass: ['Delete "{name}"?', 'Supprimer « {name} » ?'], locale: 'fr' },
  check(input) {
    if (!FRENCH_SPACING(input.locale)) return []
    const text = prose(input, 'target')
    const hits: CheckHit[] = []
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]
      if ('?!:;»'.includes(ch)) {
        const prev = text[i - 1]
        const next = text[i + 1]
        if (i === 0 || SPACE.test(prev) || '?!:;«'.includes(prev)) continue
        // A mark between quotes is named, not used: "separated by ';'".
        if (QUOTED_MARK.test(prev + (next ?? ''))) continue
        // A mark followed by a letter or digit is no sentence punctuation (10:30, a:b, ;-)).
        if (ch !== '»' && next !== undefined && !SPACE.test(next) && !/["'’”»)\]?!.…\uFFFC]/u.test(next)) continue
        hits.push({ d: `No space before "${ch}"`, span: { start: i, end: i + 1 } })
      } else if (ch === '«' && i + 1 < text.length && !SPACE.test(text[i + 1])) {
        hits.push({ d: 'No space after "«"', span: { start: i, end: i + 1 } })
      }
    }
    return hits
  },
}

// Scripts written without spaces between words or after punctuation.
const UNSPACED = new Set(['ja', 'zh', 'th', 'lo', 'km', 'my', 'bo'])
const GLUED = /[,;.!?:](?=[\p{L}])/gu

/**
 * Marks that rightly touch the next letter: the last dot of an ellipsis (`...फ़ाइल`), a dot
 * between short letter groups (`z.B.`, `p.ej.`, `т.д.`, Persian `ق.ظ`), a file extension after
 * a wildcard (`*.jar`), and commas between endings in brackets (`объект(а,ов)`).
 */
function notGlued(text: string, at: number): boolean {
  const before = text.slice(0, at)
  const after = text.slice(at + 1)
  if (text[at] === '.' && (before.endsWith('.') || before.endsWith('*') || (/(?<![\p{L}\p{M}])[\p{L}\p{M}]{1,3}$/u.test(before) && /^[\p{L}\p{M}]{1,3}(?![\p{L}\p{M}])/u.test(after)))) return true
  return text[at] === ',' && /\([^\s()]*$/u.test(before) && /^[^\s()]*\)/u.test(after)
}

export const spaceAfterPunctuation: SegmentCheck = {
  id: 'space-after-punctuation',
  rule: 1404,
  severity: 1,
  family: 'punctuation',
  title: 'Space missing after punctuation',
  description: 'The translation has punctuation glued to the next word (`one,two`, `Done.Next`) more often than the source. Not for languages written without spaces (Chinese, Japanese, Thai...); abbreviations on both sides (`e.g.` -> `d.h.`) cancel out.',
  examples: { fail: ['One, two, three', 'Eins, zwei,drei'], pass: ['One, two, three', 'Eins, zwei, drei'] },
  check(input) {
    if (UNSPACED.has(writingOf(input.locale).language)) return []
    const text = prose(input, 'target')
    const t = [...text.matchAll(GLUED)].filter((m) => !notGlued(text, m.index))
    const s = [...prose(input, 'source').matchAll(GLUED)].filter((m) => !notGlued(prose(input, 'source'), m.index)).length
    if (t.length <= s) return []
    const first = t[0]
    return [{ d: `No space after "${first[0]}"`, span: { start: first.index, end: first.index + 1 } }]
  },
}

const PAIRS: Record<string, string> = { '(': ')', '[': ']', '{': '}', '（': '）', '【': '】', '「': '」', '『': '』', '《': '》', '〈': '〉', '［': '］', '｛': '｝' }
const CLOSING = new Map(Object.entries(PAIRS).map(([o, c]) => [c, o]))

// A label closed by a lone bracket opening a line or sentence: a list item (`1)`, `a)`) or
// Japanese and Korean's "for example" (`例)`, `예)`), which have no opening bracket.
// A Latin dot or colon ends a sentence only before a space: `(0.0 - 2.0)` is no label.
const LABEL_MARK = /(?:^|\n|[。．：]\s*|[.:]\s+)[\p{L}\p{N}]{1,2}[)）](?=\s)/gu

/** The first bracket without its partner, or undefined when all pair up. */
function unbalancedBracket(text: string): { ch: string; at: number } | undefined {
  const stack: Array<{ ch: string; at: number }> = []
  const labels = new Set([...text.matchAll(LABEL_MARK)].map((m) => m.index + m[0].length - 1))
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (labels.has(i)) continue
    if (PAIRS[ch]) stack.push({ ch, at: i })
    else if (CLOSING.has(ch)) {
      if (stack.length === 0 || stack[stack.length - 1].ch !== CLOSING.get(ch)) return { ch, at: i }
      stack.pop()
    }
  }
  return stack[0]
}

export const unbalancedBrackets: SegmentCheck = {
  id: 'unbalanced-brackets',
  rule: 1405,
  severity: 1,
  family: 'punctuation',
  title: 'Unbalanced brackets',
  description: 'The source pairs its brackets (`()`, `[]`, `{}`, `「」`...) and the translation leaves one open or closes one that was never opened. Placeholder braces are not counted.',
  examples: { fail: ['Size (in MB)', 'Größe (in MB'], pass: ['Size (in MB)', 'Größe (in MB)'] },
  check(input) {
    const target = prose(input, 'target')
    if (!/[()[\]{}（）【】「」『』《》〈〉［］｛｝]/.test(target) || unbalancedBracket(prose(input, 'source'))) return []
    const bad = unbalancedBracket(target)
    return bad ? [{ d: `Unbalanced "${bad.ch}" in the translation`, span: { start: bad.at, end: bad.at + 1 } }] : []
  },
}

const DOUBLE_QUOTES = /["“”„‟«»‹›]/g

const HEBREW = /\p{Script=Hebrew}/u

/** Double quotation marks that quote: not Hebrew's gershayim typed as `"` (`דוא"ל`, `ע"י`), nor a mark named in brackets (`(")`). */
function quotationMarks(text: string): number {
  let count = 0
  for (const m of text.matchAll(DOUBLE_QUOTES)) {
    const before = text[m.index - 1] ?? ''
    const after = text[m.index + 1] ?? ''
    if (m[0] === '"' && HEBREW.test(before) && HEBREW.test(after)) continue
    if (QUOTED_MARK.test(before + after)) continue
    count++
  }
  return count
}

export const unbalancedQuotes: SegmentCheck = {
  id: 'unbalanced-quotes',
  rule: 1406,
  severity: 1,
  family: 'punctuation',
  title: 'Unpaired quotation mark',
  description: 'The source pairs its double quotation marks and the translation has an odd number of them (any style: `"` `“”` `„“` `«»` count alike, since each language has its own). Single quotes are not counted: they double as apostrophes; nor is Hebrew\'s gershayim typed as `"` between letters (`דוא"ל`), or a mark named in brackets (`(")`).',
  examples: { fail: ['Open "{name}"', '„{name}“ öffnen“'], pass: ['Open "{name}"', '„{name}“ öffnen'] },
  check(input) {
    const t = quotationMarks(prose(input, 'target'))
    if (t % 2 === 0 || quotationMarks(prose(input, 'source')) % 2 !== 0) return []
    return [{ d: `Odd number of quotation marks (${t}) in the translation` }]
  },
}

/** The first letter that decides the case, skipping punctuation, accelerators and Afrikaans "'n". */
function firstLetter(text: string, locale: string): string | undefined {
  const { language, script } = writingOf(locale)
  // strftime directives (`%B %d, %Y`) are a date pattern's fields, not words.
  let rest = text.replace(/&(?=\p{L})/u, '').replace(/%[-_0^#]?\p{L}/gu, ' ')
  if (language === 'af') rest = rest.replace(/^([^\p{L}\p{N}]*)['’]n\s+/u, '$1')
  const m = /^[^\p{L}\p{N}\uFFFC]*(\p{L}+|\p{N}|\uFFFC)/u.exec(rest)
  if (!m || m[1] === MASK || /\p{N}/u.test(m[1])) return undefined
  const word = m[1]
  // Product names (iPhone) and acronyms keep their own case.
  if (/\p{Ll}\p{Lu}/u.test(word) || (word.length > 1 && word === word.toUpperCase())) return undefined
  // A lone letter of another script than the locale's (its script subtag, sr-Latn is Latin) names a letter (Hebrew `u גדולה לטינית`, "capital u").
  const own = script === undefined ? undefined : scriptLetters(script)
  if (word.length === 1 && own !== undefined && word.match(own) === null && /\s/u.test(rest.slice(m.index + m[0].length, m.index + m[0].length + 1))) return undefined
  return word[0]
}

const caseOf = (ch: string) => (/\p{Lu}|\p{Lt}/u.test(ch) ? 'upper' : /\p{Ll}/u.test(ch) ? 'lower' : undefined)

// German and Luxembourgish capitalise nouns, so a lower-case source may rightly start upper-case.
const NOUN_CAPITALS = new Set(['de', 'lb'])

const smallMonths = new Map<string, boolean>()

/** Whether CLDR writes the language's month names in small letters (French `janvier`, Russian `январь`), as it does its weekdays and language names. */
function namesInSmallLetters(language: string): boolean {
  let small = smallMonths.get(language)
  if (small === undefined) {
    try {
      small = Intl.DateTimeFormat.supportedLocalesOf(language).length > 0 && caseOf(new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2021, 0, 15))[0]) === 'lower'
    } catch {
      small = false
    }
    smallMonths.set(language, small)
  }
  return small
}

export const capitalization: SegmentCheck = {
  id: 'capitalization',
  rule: 1407,
  severity: 0,
  family: 'punctuation',
  title: 'First letter in another case',
  description: 'The source starts with a capital and the translation with a small letter, or the reverse. Skipped when either starts with a number or placeholder, for product names and acronyms, for scripts without case, for a lower-case source in German (nouns take capitals), for a month, weekday or language name in a language that writes them in small letters (Czech `říjen` for "October"), for strftime fields (`%B %d, %Y`) and for a lone letter of another script (Hebrew `u גדולה` names the letter u).',
  examples: { fail: ['Find', 'vind'], pass: ['Find', 'Vind'], locale: 'af' },
  check(input: CheckInput) {
    const language = writingOf(input.locale).language
    const s = firstLetter(prose(input, 'source'), input.sourceLocale)
    const t = firstLetter(prose(input, 'target'), input.locale)
    if (!s || !t) return []
    const sc = caseOf(s)
    const tc = caseOf(t)
    if (!sc || !tc || sc === tc) return []
    if (sc === 'lower' && NOUN_CAPITALS.has(language)) return []
    // A month, weekday or language the source names: "October" is Czech `říjen`, "Mon" Polish `pn.`.
    const sourceText = prose(input, 'source')
    if (tc === 'lower' && namesInSmallLetters(language) && cldrNames(writingOf(input.sourceLocale).language).has(nameKey(sourceText))) return []
    return [{ d: `The source starts with ${sc === 'upper' ? 'a capital' : 'a small letter'}, the translation with ${tc === 'upper' ? 'a capital' : 'a small letter'}` }]
  },
}

export const punctuationRules = [endPunctuation, invertedMarks, frenchSpacing, spaceAfterPunctuation, unbalancedBrackets, unbalancedQuotes, capitalization]
