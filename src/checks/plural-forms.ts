// Plural completeness: forms the target language needs but the translation lacks, and forms
// the language does not have (CLDR, through Intl.PluralRules). Two places hold plural forms:
// - inside an ICU message (`{n, plural, one {…} other {…}}`), checked per segment;
// - a group of units, one per form (i18next `items_one`, PO `msgstr[n]`, Android
//   `<plurals>`, .stringsdict, .xcstrings), checked once per group on its first changed
//   form, with every form the target file has (pairing's `pluralForms`).
// Categories of fractions only (Polish `other`) are not required: gettext, Android and Apple
// never pass fractions, and apps rarely do. ICU's `other` is ./icu-messages.ts's rule.
import { formatById } from '../formats/index.js'
import type { Severity, Span } from '../model.js'
import { parseIcu, selectorsOf } from '../placeholders/icu.js'
import type { CheckHit, CheckInput, SetCheck } from './check.js'
import { integersOf, knowsLocale, pluralCategories, type PluralType } from './plural-rules.js'

interface Gap {
  index: number
  /** `{count}` for an ICU plural, the group's key for units. */
  subject: string
  locale: string
  type: PluralType
  missing: string[]
  unused: string[]
  /** Severity of the missing forms. */
  severity: Severity
  span?: Span
}

/** Compares the forms written (`one`, `=0`...) with the locale's categories. */
function gap(forms: string[], locale: string, type: PluralType, required: (category: string) => boolean, runtimeForms: readonly string[]) {
  const categories = pluralCategories(locale, type)
  const explicit = new Set(forms.filter((f) => f.startsWith('=')).map((f) => Number(f.slice(1))))
  // `=1` covers a category that holds 1 only (Polish `one`).
  const covered = (c: string) => forms.includes(c) || (integersOf(locale, c, type).length === 1 && explicit.has(integersOf(locale, c, type)[0]))
  const missing = categories.filter((c) => integersOf(locale, c, type).length > 0 && required(c) && !covered(c))
  const unused = forms.filter((f) => !f.startsWith('=') && !categories.includes(f) && !runtimeForms.includes(f))
  return { missing, unused }
}

/** Forms the file's runtime uses in every language, whatever CLDR says. */
function runtimeForms(format: string): readonly string[] {
  return formatById(format)?.runtimePluralForms ?? []
}

// A missing form for everyday numbers shows wrong text daily; one for millions only
// (French, Spanish, Italian `many`) rarely: information.
function missingSeverity(locale: string, type: PluralType, missing: string[], everyday: Severity): Severity {
  return missing.some((c) => integersOf(locale, c, type)[0] <= 1000) ? everyday : 0
}

function icuGaps(input: CheckInput, index: number, out: Gap[]): void {
  if (!input.syntaxes.includes('icu') || !knowsLocale(input.locale)) return
  const elements = parseIcu(input.target).elements
  if (!elements) return
  for (const s of selectorsOf(elements)) {
    if (s.type === 'select') continue
    const type = s.type === 'selectordinal' ? 'ordinal' : 'cardinal'
    const { missing, unused } = gap(Object.keys(s.options), input.locale, type, (c) => c !== 'other', [])
    // ICU falls back to `other` for a missing form: wrong grammar, but text in the right language.
    out.push({ index, subject: `{${s.name}}`, locale: input.locale, type, missing, unused, severity: missingSeverity(input.locale, type, missing, 1), span: { start: s.start, end: s.end } })
  }
}

function groupGaps(inputs: CheckInput[], indexes: number[], out: Gap[]): void {
  const first = new Map<string, number>()
  for (const i of indexes) {
    const { unit, pluralForms, file, locale, line } = inputs[i].segment
    if (!pluralForms || !unit.pluralGroup) continue
    const id = `${file}\u0000${locale}\u0000${unit.pluralGroup}`
    const known = first.get(id)
    if (known === undefined || line < inputs[known].segment.line) first.set(id, i)
  }
  for (const index of first.values()) {
    const { unit, pluralForms, locale, format } = inputs[index].segment
    const forms = pluralForms!.target
    const source = pluralForms!.source
    // A lone `reason_other` key in the source is a name, not a plural.
    if ((source !== undefined && source.length < 2 && forms.length < 2) || !knowsLocale(locale)) continue
    const type: PluralType = /_ordinal$/.test(unit.pluralGroup!) ? 'ordinal' : 'cardinal'
    const { missing, unused } = gap(forms, locale, type, () => true, runtimeForms(format))
    out.push({ index, subject: unit.pluralGroup!, locale, type, missing, unused, severity: missingSeverity(locale, type, missing, 2) })
  }
}

// Both rules read the same analysis of one run's segments.
const memo = new WeakMap<CheckInput[], Gap[]>()

function gaps(inputs: CheckInput[]): Gap[] {
  let result = memo.get(inputs)
  if (!result) {
    result = []
    // A key the source lacks is reported as such (1004), not also for its forms.
    const paired = inputs.map((input, i) => ({ input, i })).filter(({ input }) => input.segment.source !== undefined)
    for (const { input, i } of paired) icuGaps(input, i, result)
    groupGaps(inputs, paired.map(({ i }) => i), result)
    memo.set(inputs, result)
  }
  return result
}

function used(g: Gap, category: string): string {
  const numbers = integersOf(g.locale, category, g.type)
  return numbers.length ? `${category} (${numbers.slice(0, 3).join(', ')}${numbers.length > 3 ? '…' : ''})` : category
}

const what = (g: Gap, count: number) => `${g.type === 'ordinal' ? 'Ordinal' : 'Plural'} form${count > 1 ? 's' : ''}`

export const pluralFormsMissing: SetCheck = {
  id: 'plural-forms-missing',
  rule: 1011,
  severity: 2,
  family: 'completeness',
  title: 'Plural forms missing for the language',
  description:
    "The translation lacks plural forms its language needs (CLDR): Polish needs `one`, `few`, `many` where English has `one`, `other` (a form only fractions use, such as Polish `other`, is not required: gettext, Android and Apple never pass fractions). In a group of keys (i18next `_few`, PO `msgstr[n]`, Android, Apple) a missing form shows the source language, the key or the wrong form: an error. Inside an ICU message ICU falls back to `other`: a warning. A form only for millions (French, Spanish, Italian `many`) is information. Reported once per message or group, listing the numbers each form is for.",
  examples: {
    fail: ['{count, plural, one {# file} other {# files}}', '{count, plural, one {# plik} other {# pliki}}'],
    pass: ['{count, plural, one {# file} other {# files}}', '{count, plural, one {# plik} few {# pliki} many {# plików} other {# pliku}}'],
    locale: 'pl',
  },
  checkSet: (inputs) =>
    gaps(inputs)
      .filter((g) => g.missing.length > 0)
      .map((g) => ({ index: g.index, hit: { d: `${what(g, 2)} missing in ${g.subject} for ${g.locale}: ${g.missing.map((c) => used(g, c)).join(', ')}`, span: g.span, s: g.severity } satisfies CheckHit })),
}

export const pluralFormUnused: SetCheck = {
  id: 'plural-form-unused',
  rule: 1012,
  severity: 1,
  family: 'completeness',
  title: 'Plural form the language does not have',
  description:
    'The translation has a plural form its language never uses (Japanese has only `other`; English has no `few`), so that text is never shown: often the sign of forms copied from another language. `=N` forms are always allowed, and so is `zero` where the runtime uses it for 0 in every language (i18next, Rails YAML, Apple .stringsdict and .xcstrings; not Android, which ignores it), and `one` in Rails YAML, whose default pluralization picks it for 1 in every language unless the app installs per-locale rules (rails-i18n).',
  examples: {
    fail: ['{count, plural, one {# file} other {# files}}', '{count, plural, one {#個のファイル} other {#個のファイル}}'],
    pass: ['{count, plural, one {# file} other {# files}}', '{count, plural, other {#個のファイル}}'],
    locale: 'ja',
  },
  checkSet: (inputs) =>
    gaps(inputs)
      .filter((g) => g.unused.length > 0)
      .map((g) => ({
        index: g.index,
        hit: { d: `${what(g, g.unused.length)} ${g.unused.join(', ')} in ${g.subject} ${g.unused.length > 1 ? 'are' : 'is'} never used in ${g.locale}, whose forms are ${pluralCategories(g.locale, g.type).join(', ')}`, span: g.span } satisfies CheckHit,
      })),
}

export const pluralFormRules: SetCheck[] = [pluralFormsMissing, pluralFormUnused]
