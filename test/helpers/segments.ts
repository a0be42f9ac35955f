// Builds segments and check inputs for rule tests without files.
import type { CheckInput, CheckOptions } from '../../src/checks/check.js'
import { defaultCheckOptions } from '../../src/checks/check.js'
import type { PlaceholderSyntax, Segment, Unit } from '../../src/model.js'
import { syntaxesFor } from '../../src/placeholders/index.js'

export function segment(source: string | undefined, target: string, extra: Omit<Partial<Segment>, 'unit'> & { unit?: Partial<Unit> } = {}): Segment {
  const { unit, ...rest } = extra
  return {
    id: 'locales/de/app.json#key',
    file: 'locales/de/app.json',
    key: 'key',
    line: 1,
    column: 1,
    locale: 'de',
    sourceLocale: 'en',
    source,
    target,
    status: 'new',
    format: 'json',
    unit: { key: 'key', value: target, span: { start: 0, end: 1 }, ...unit },
    ...rest,
  }
}

/** A rule's input for a source/target pair; syntaxes detected unless given. */
export function input(source: string, target: string, options: { locale?: string; syntaxes?: PlaceholderSyntax[]; unit?: Partial<Unit>; check?: Partial<CheckOptions> } = {}): CheckInput {
  const seg = segment(source, target, { locale: options.locale ?? 'de', unit: options.unit })
  return {
    source,
    target,
    locale: seg.locale,
    sourceLocale: 'en',
    syntaxes: options.syntaxes ?? syntaxesFor(seg.unit, undefined, source, target),
    segment: seg,
    options: { ...defaultCheckOptions, ...options.check },
  }
}
