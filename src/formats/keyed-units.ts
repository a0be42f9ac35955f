// Units collected by resource name, for formats where a name may repeat by mistake (two
// `<string name="x">`, two `<data name="x">`): the later resource is read and the repeat is
// reported where it is written. One resource may give several units (plural forms).
import type { ParseProblem, Unit } from '../model.js'
import { RULE } from '../rule-numbers.js'

export class KeyedUnits {
  private readonly byName = new Map<string, Unit[]>()

  constructor(private readonly problems: ParseProblem[]) {}

  /** `kind` names the resource in the message ("string", "trans-unit"); names repeat only within a kind. */
  add(kind: string, name: string, offset: number, units: Unit[]): void {
    const id = `${kind}\u0000${name}`
    if (this.byName.has(id)) {
      this.problems.push({ message: `Duplicate ${kind} ${JSON.stringify(name)}: this one is read, the earlier one is ignored`, offset, rule: RULE.duplicateKey, severity: 1 })
      this.byName.delete(id)
    }
    this.byName.set(id, units)
  }

  get units(): Unit[] {
    const out: Unit[] = []
    for (const units of this.byName.values()) for (const unit of units) out.push(unit)
    return out
  }
}
