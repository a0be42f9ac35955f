// Pairs each target string with its source and keeps only what the change adds or
// changes. Pure: loaded files in, segments and file findings out.
//
// - Monolingual formats (JSON, YAML, Android...): the source is the same key in the
//   bundle's source file; a plural form the source language lacks (`_few`) pairs with the
//   source's `other` form. An object of plural categories is the forms of the source's
//   plural of that key even when it lacks `other`.
// - Bilingual formats (PO, XLIFF, xcstrings): the source is in the unit itself.
// - A source string changed while a translation kept its old text is reported once, on the
//   source line, listing the locales (monolingual), or on the unit (bilingual).
// - A string flagged `no-translate`, in the translation or in its source, is not checked.
// - The source unit's placeholder syntax, where it names one, is the translation's too, and
//   so is its comment where the translation has none.
import type { LoadedBundle, LoadedFile, LoadedSide } from './load.js'
import { isPluralCategory } from './formats/plural.js'
import type { FileFinding, Segment, Unit } from './model.js'
import { RULE } from './rules.js'

export interface PairingResult {
  segments: Segment[]
  findings: FileFinding[]
}

const identity = (u: Unit) => (u.locale ? `${u.locale}\u0000${u.key}` : u.key)

function byIdentity(file: LoadedFile | undefined): Map<string, Unit> {
  return new Map((file?.units ?? []).map((u) => [identity(u), u]))
}

/** Looks up the source unit of a target unit, falling back to the source's plural forms. */
class SourceIndex {
  private readonly byKey: Map<string, Unit>
  private readonly plurals = new Map<string, Map<string, Unit>>()

  constructor(readonly file: LoadedFile | undefined) {
    this.byKey = new Map((file?.units ?? []).map((u) => [u.key, u]))
    for (const u of file?.units ?? []) {
      if (!u.pluralGroup || !u.plural) continue
      let forms = this.plurals.get(u.pluralGroup)
      if (!forms) this.plurals.set(u.pluralGroup, (forms = new Map()))
      forms.set(u.plural, u)
    }
  }

  /** Plural categories the source has for a group. */
  forms(group: string): string[] | undefined {
    const forms = this.plurals.get(group)
    return forms ? [...forms.keys()] : undefined
  }

  /**
   * A target unit as a form of the source's plural when it is one without saying so: an
   * object of plural categories that lacks `other` (a TMS export leaves out a form nobody
   * translated) is not read as plural by itself, but its keys are the source's forms.
   */
  asPlural(unit: Unit): Unit {
    if (unit.pluralGroup) return unit
    const dot = unit.key.lastIndexOf('.')
    const group = unit.key.slice(0, dot)
    const category = unit.key.slice(dot + 1)
    // The source's forms are keys of one object too (`group.one`), not i18next suffixes.
    const form = this.plurals.get(group)?.values().next().value
    if (dot < 0 || !isPluralCategory(category) || form?.key !== `${group}.${form?.plural}`) return unit
    return { ...unit, plural: category, pluralGroup: group }
  }

  find(unit: Unit): Unit | undefined {
    const exact = this.byKey.get(unit.key)
    if (exact || !unit.pluralGroup) return exact
    const forms = this.plurals.get(unit.pluralGroup)
    return forms?.get(unit.plural ?? 'other') ?? forms?.get('other') ?? forms?.values().next().value
  }
}

/** Plural categories per (locale, plural group) of one file. */
function pluralForms(units: Unit[]): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const u of units) {
    if (!u.pluralGroup || !u.plural) continue
    const id = `${u.locale ?? ''}\u0000${u.pluralGroup}`
    const list = out.get(id) ?? []
    if (!list.includes(u.plural)) list.push(u.plural)
    out.set(id, list)
  }
  return out
}

/** The problems of a file the change touches (or of any file, `always`). */
function fileProblems(side: LoadedSide, always = false): FileFinding[] {
  const head = side.head
  if (!head || !(side.changed || always)) return []
  if (head.tooLarge !== undefined) {
    const { size, limit } = head.tooLarge
    return [{ file: side.path, line: 1, column: 1, issue: { s: 1, r: RULE.tooLarge, d: `File not checked: ${size.toLocaleString('en')} bytes is over the max-file-size limit of ${limit.toLocaleString('en')} bytes` } }]
  }
  return head.problems.map((p) => {
    const { line, column } = head.lines.position(p.offset)
    return { file: side.path, line, column, issue: { s: p.severity ?? 2, r: p.rule ?? RULE.unreadable, d: p.message } }
  })
}

/**
 * A translation's unit with what its source unit says of the string: the app formats it as
 * its source is written (MessageFormat for a .properties key whose source has {0}), and the
 * developer's description (an ARB `@key` description, an Android comment) is usually written
 * in the source file only.
 */
function withSourceTraits(unit: Unit, source: Unit | undefined): Unit {
  const comment = unit.comment ?? source?.comment
  if (!source?.syntax && comment === unit.comment) return unit
  return { ...unit, ...(source?.syntax && { syntax: source.syntax }), ...(comment !== undefined && { comment }) }
}

function isSkipped(unit: Unit): boolean {
  return unit.flags?.includes('no-translate') === true
}

/** Pairs a bundle's translations as they are loaded (see load.ts: one at a time). */
export async function pairBundle(loaded: LoadedBundle): Promise<PairingResult> {
  const findings: FileFinding[] = []
  const segments: Segment[] = []
  const sourceLocale = loaded.bundle.sourceLocale
  // A source that could not be read (over the size limit, broken) is said so once, on it, even
  // when it did not change, and its translations are compared with nothing rather than found
  // missing from it.
  const read = loaded.source?.head
  const unreadable = read !== undefined && (read.tooLarge !== undefined || (read.units.length === 0 && read.problems.some((p) => (p.rule ?? RULE.unreadable) === RULE.unreadable)))
  if (loaded.source) findings.push(...fileProblems(loaded.source, unreadable))
  const sourceFile = unreadable ? undefined : read
  const sourceHead = new SourceIndex(sourceFile)
  // An unchanged source is loaded once (base is head): then no translation can be stale.
  const sourceChanged = loaded.source?.base !== loaded.source?.head
  const sourceBase = sourceChanged ? new SourceIndex(loaded.source?.base) : sourceHead
  // Source key -> locales whose translation kept its text although the source changed.
  const stale = new Map<string, { unit: Unit; locales: string[] }>()

  for await (const side of loaded.targets) {
    findings.push(...fileProblems(side))
    const head = side.head
    if (!head || head.tooLarge !== undefined) continue
    const bilingual = head.format.bilingual === true
    const base = byIdentity(side.base)
    let targetForms: Map<string, string[]> | undefined
    if (!bilingual && !loaded.source?.head && side.changed) {
      const candidates = loaded.bundle.sourceCandidates
      const why = candidates ? `: the ${candidates.slice(0, -1).join(', ')} and ${candidates.at(-1)} files share its language, so none is taken as the source (set source-locale to the one that is)` : ''
      findings.push({
        file: side.path,
        line: 1,
        column: 1,
        issue: { s: 1, r: RULE.noSourceFile, d: `No ${sourceLocale} source file for this translation in pattern '${loaded.bundle.pattern}', so its strings are not compared with a source${why}` },
      })
    }
    const units = bilingual ? head.units : head.units.map((u) => sourceHead.asPlural(u))
    for (const unit of units) {
      if (isSkipped(unit)) continue
      const locale = unit.locale ?? head.locale ?? side.locale
      const unitSourceLocale = head.sourceLocale ?? sourceLocale
      if (unit.locale && unit.locale === unitSourceLocale) continue
      const sourceUnit = bilingual ? undefined : sourceHead.find(unit)
      // The source marks the string as not to be translated (Android translatable="false"): its translations are not checked either.
      if (sourceUnit && isSkipped(sourceUnit)) continue
      const previous = base.get(identity(unit))
      const changed = !previous || previous.value !== unit.value

      if (!changed) {
        // Unchanged translation: stale when its source changed in this change.
        if (bilingual) {
          if (previous.source !== undefined && unit.source !== undefined && previous.source !== unit.source) {
            const { line, column } = head.lines.position(unit.span.start)
            findings.push({ file: side.path, line, column, key: unit.key, locales: [locale], issue: { s: 1, r: RULE.stale, d: 'The source text changed but this translation was not updated' } })
          }
        } else if (sourceChanged) {
          const before = sourceUnit && sourceBase.find(unit)
          if (sourceUnit && before && before.value !== sourceUnit.value) {
            const entry = stale.get(sourceUnit.key) ?? { unit: sourceUnit, locales: [] }
            if (!entry.locales.includes(locale)) entry.locales.push(locale)
            stale.set(sourceUnit.key, entry)
          }
        }
        continue
      }

      const source = bilingual ? unit.source : sourceUnit?.value
      const { line, column } = head.lines.position(unit.span.start)
      const segment: Segment = {
        id: `${side.path}#${unit.key}${unit.locale ? `@${unit.locale}` : ''}`,
        file: side.path,
        key: unit.key,
        line,
        column,
        locale,
        sourceLocale: unitSourceLocale,
        source,
        target: unit.value,
        status: previous ? 'changed' : 'new',
        previousTarget: previous?.value,
        format: head.format.id,
        unit: withSourceTraits(unit, sourceUnit),
      }
      if (unit.pluralGroup) {
        targetForms ??= pluralForms(units)
        const target = targetForms.get(`${unit.locale ?? ''}\u0000${unit.pluralGroup}`) ?? []
        segment.pluralForms = bilingual ? { target } : { target, source: sourceHead.forms(unit.pluralGroup) }
      }
      if (!bilingual && sourceFile) {
        segment.sourceFile = sourceFile.path
        if (sourceUnit) segment.sourceLine = sourceFile.lines.position(sourceUnit.span.start).line
      }
      segments.push(segment)
    }
  }

  if (sourceFile && loaded.source) {
    for (const [key, { unit, locales }] of stale) {
      const { line, column } = sourceFile.lines.position(unit.span.start)
      findings.push({
        file: loaded.source.path,
        line,
        column,
        key,
        locales: locales.sort(),
        issue: { s: 1, r: RULE.stale, d: `Source text changed but the translation was not updated in: ${locales.sort().join(', ')}` },
      })
    }
  }
  return { segments, findings }
}
