// ICU MessageFormat rules beyond the placeholders themselves (those are ./placeholders.ts):
// select keys, the required `other` form, `#` outside a plural, and a plural form that stops
// showing its number. They read both messages with formatjs's parser and say nothing when
// either cannot be read (the syntax rule reports a broken translation).
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser'
import { parseIcu, selectorsOf, showsCount, strayPounds, type Selector } from '../placeholders/icu.js'
import type { CheckHit, CheckInput, SegmentCheck } from './check.js'
import { coversOneNumber, integersOf } from './plural-rules.js'

interface Messages {
  source: MessageFormatElement[]
  target: MessageFormatElement[]
}

// Parsed once per segment for the four rules (the engine runs each rule over every segment
// in turn, longer than the parser's own cache remembers).
const memo = new WeakMap<CheckInput, Messages | undefined>()

function messages(input: CheckInput): Messages | undefined {
  if (!input.syntaxes.includes('icu')) return undefined
  if (memo.has(input)) return memo.get(input)
  const source = parseIcu(input.source).elements
  const target = parseIcu(input.target).elements
  const result = source && target ? { source, target } : undefined
  memo.set(input, result)
  return result
}

const keys = (s: Selector) => Object.keys(s.options)
const list = (items: string[]) => items.join(', ')
const span = (s: Selector) => ({ start: s.start, end: s.end })

/** The first selector of each argument name and type. */
function byName(selectors: Selector[], type?: Selector['type']): Map<string, Selector> {
  const out = new Map<string, Selector>()
  for (const s of selectors) if ((!type || s.type === type) && !out.has(s.name)) out.set(s.name, s)
  return out
}

export const selectKeysChanged: SegmentCheck = {
  id: 'icu-select-keys-changed',
  rule: 1056,
  severity: 2,
  family: 'placeholders',
  title: 'ICU select keys changed',
  description:
    'A `select` of the translation lacks keys of the source (those values fall back to `other`: an error) or has keys the source does not (often translated keys, never chosen: a warning). Select keys are values the app passes, not text.',
  examples: {
    fail: ['{gender, select, female {She replied} male {He replied} other {They replied}}', '{gender, select, weiblich {Sie antwortete} male {Er antwortete} other {Sie antworteten}}'],
    pass: ['{gender, select, female {She replied} male {He replied} other {They replied}}', '{gender, select, female {Sie antwortete} male {Er antwortete} other {Sie antworteten}}'],
  },
  check(input) {
    const m = messages(input)
    if (!m) return []
    const source = selectorsOf(m.source).filter((s) => s.type === 'select')
    const hits: CheckHit[] = []
    for (const t of byName(selectorsOf(m.target), 'select').values()) {
      const fromSource = source.filter((s) => s.name === t.name)
      if (fromSource.length === 0) continue
      const sourceKeys = new Set(fromSource.flatMap(keys))
      const targetKeys = new Set(selectorsOf(m.target).filter((s) => s.type === 'select' && s.name === t.name).flatMap(keys))
      // A missing `other` is the next rule's.
      const lacking = [...sourceKeys].filter((k) => !targetKeys.has(k) && k !== 'other')
      const added = [...targetKeys].filter((k) => !sourceKeys.has(k))
      if (lacking.length === 0 && added.length === 0) continue
      const parts = [lacking.length ? `lacks ${list(lacking)}` : '', added.length ? `has ${list(added)}, not in the source` : ''].filter(Boolean)
      hits.push({ d: `The select {${t.name}} ${parts.join(' and ')}`, span: span(t), s: lacking.length ? 2 : 1 })
    }
    return hits
  },
}

export const otherMissing: SegmentCheck = {
  id: 'icu-other-missing',
  rule: 1057,
  severity: 2,
  family: 'placeholders',
  title: 'ICU `other` form missing',
  description: 'A `plural`, `select` or `selectordinal` of the translation has no `other` form, which ICU requires: formatting fails or shows nothing for the values without a form of their own.',
  examples: {
    fail: ['{count, plural, one {# file} other {# files}}', '{count, plural, one {# Datei}}'],
    pass: ['{count, plural, one {# file} other {# files}}', '{count, plural, one {# Datei} other {# Dateien}}'],
  },
  check(input) {
    const m = messages(input)
    if (!m) return []
    const source = selectorsOf(m.source)
    return selectorsOf(m.target)
      .filter((t) => !('other' in t.options))
      // A source without `other` is the developer's to fix, not the translator's.
      .filter((t) => !source.some((s) => s.name === t.name && s.type === t.type && !('other' in s.options)))
      .map((t) => ({ d: `The ${t.type} {${t.name}} has no other form`, span: span(t) }))
  },
}

export const poundOutsidePlural: SegmentCheck = {
  id: 'icu-pound-outside-plural',
  rule: 1058,
  severity: 2,
  family: 'placeholders',
  title: 'ICU `#` outside a plural',
  description: '`#` stands for the number only inside a plural form; moved outside it, it is shown as a literal `#` and the number is lost.',
  examples: {
    fail: ['{count, plural, one {# file} other {# files}}', '# {count, plural, one {Datei} other {Dateien}}'],
    pass: ['{count, plural, one {# file} other {# files}}', '{count, plural, one {# Datei} other {# Dateien}}'],
  },
  check(input) {
    const m = messages(input)
    if (!m || !selectorsOf(m.source).some((s) => s.type !== 'select')) return []
    const stray = strayPounds(m.target)
    if (stray.length <= strayPounds(m.source).length) return []
    return [{ d: '# is outside the plural, so it is shown as "#" instead of the number', span: { start: stray[0], end: stray[0] + 1 } }]
  },
}

function example(locale: string, category: string, type: Selector['type']): string {
  const numbers = integersOf(locale, category, type === 'selectordinal' ? 'ordinal' : 'cardinal')
  return numbers.length ? ` (used for ${numbers.slice(0, 3).join(', ')}${numbers.length > 3 ? '…' : ''})` : ''
}

export const pluralCountMissing: SegmentCheck = {
  id: 'icu-plural-count-missing',
  rule: 1059,
  severity: 2,
  family: 'placeholders',
  title: 'ICU plural form without its number',
  description:
    'A form of a plural shows no number (`#`) where the source shows it, and the form covers more than one number (Russian `one` is also 21, 31...). A form for exactly one number (`=0`, German `one`) may use a word instead, unless `strict-plurals`.',
  examples: {
    fail: ['{count, plural, one {# file} other {# files}}', '{count, plural, one {# файл} few {# файла} many {файлов} other {# файла}}'],
    pass: ['{count, plural, one {# file} other {# files}}', '{count, plural, one {# файл} few {# файла} many {# файлов} other {# файла}}'],
    locale: 'ru',
  },
  check(input) {
    const m = messages(input)
    if (!m) return []
    // A `#` moved out of the plural is reported by the rule above, once.
    if (strayPounds(m.target).length > strayPounds(m.source).length) return []
    const source = byName(selectorsOf(m.source))
    const hits: CheckHit[] = []
    for (const t of selectorsOf(m.target)) {
      const s = source.get(t.name)
      if (t.type === 'select' || !s || s.type !== t.type) continue
      const type = t.type === 'selectordinal' ? 'ordinal' : 'cardinal'
      for (const [key, branch] of Object.entries(t.options)) {
        const sourceBranch = s.options[key] ?? s.options.other
        if (!sourceBranch || !showsCount(sourceBranch, s.name) || showsCount(branch, t.name)) continue
        if (!input.options.strictPlurals && (key.startsWith('=') || coversOneNumber(input.locale, key, type))) continue
        hits.push({ d: `The ${key} form of {${t.name}} does not show the number${example(input.locale, key, t.type)}`, span: span(t) })
      }
    }
    return hits
  },
}

export const icuMessageRules: SegmentCheck[] = [selectKeysChanged, otherMissing, poundOutsidePlural, pluralCountMissing]
