// After policy: scorers that write results back to their service (Wordbee push) receive
// the final report. A failure to write back is a note and a warning, never a crash: the
// verdict is already decided.
import type { Logger } from './log.js'
import type { Report } from './model.js'
import type { Scorer } from './scorers/scorer.js'

export async function writeBack(report: Report, scorers: Scorer[], log: Logger): Promise<void> {
  for (const scorer of scorers) {
    if (!scorer.afterReport) continue
    try {
      report.notes.push(...(await scorer.afterReport(report, { log })))
    } catch (e) {
      const note = `${scorer.provider}: results not written back: ${e instanceof Error ? e.message : String(e)}`
      log.warning(note)
      report.notes.push(note)
    }
    const usage = scorer.usage?.()
    if (usage) report.usage[scorer.provider] = usage
  }
}
