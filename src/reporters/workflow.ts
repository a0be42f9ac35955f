// Line annotations as workflow commands (`::error file=,line=::`): the `annotations:
// workflow` mode and the fallback when the token cannot create a check run (forks). GitHub
// shows 10 per type per step (and 50 per job) and drops the rest silently, so the worst are
// picked per level and the rest is counted for the summary.
import type { Report } from '../model.js'
import { annotationFor, type AnnotationLevel, type LineAnnotation } from './annotation.js'

export const WORKFLOW_ANNOTATIONS_PER_LEVEL = 10

export interface WorkflowAnnotations {
  shown: LineAnnotation[]
  /** Findings left out, to say where they are. */
  hidden: number
}

/**
 * Up to 10 per level, worst first, and no more than `max` in all. `reserved` keeps slots
 * for the step's own messages of a level (the failed verdict is an error annotation too).
 */
export function pickWorkflowAnnotations(report: Pick<Report, 'findings' | 'customRules'>, max: number, reserved: Partial<Record<AnnotationLevel, number>> = {}): WorkflowAnnotations {
  const { findings } = report
  const perLevel: Record<AnnotationLevel, number> = { failure: reserved.failure ?? 0, warning: reserved.warning ?? 0, notice: reserved.notice ?? 0 }
  const shown: LineAnnotation[] = []
  for (const f of findings) {
    if (shown.length >= max) break
    const a = annotationFor(f, report)
    if (perLevel[a.level] >= WORKFLOW_ANNOTATIONS_PER_LEVEL) continue
    perLevel[a.level]++
    shown.push(a)
  }
  return { shown, hidden: findings.length - shown.length }
}
