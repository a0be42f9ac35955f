// One finding as a line annotation (a check-run annotation or a workflow command): its
// level, a short title and a plain-text message. Annotations are not Markdown, so untrusted
// text only loses its control and bidi characters and is bounded in length.
import type { Finding } from '../model.js'
import { ruleInfo, type RuleCatalogue } from './rule-names.js'
import { plainText, truncate } from './escape.js'

export type AnnotationLevel = 'failure' | 'warning' | 'notice'

export interface LineAnnotation {
  level: AnnotationLevel
  file: string
  line: number
  title: string
  message: string
}

const LEVEL: readonly AnnotationLevel[] = ['notice', 'warning', 'failure']
// GitHub allows 255 characters in a title and 64 KB in a message; a message this long is
// already more than a reader wants on a line.
const TITLE_MAX = 255
const MESSAGE_MAX = 4000
const TEXT_MAX = 1000

/** `rules`: the report, which names the config file's custom rules. */
export function annotationFor(f: Finding, rules?: RuleCatalogue): LineAnnotation {
  const rule = ruleInfo(rules, f.issue.r)?.id
  const where = [f.locale, f.key].filter(Boolean).join(' ')
  const title = `${f.issue.x ? 'Dismissed: ' : ''}${rule ?? 'rule'} (${f.issue.r})${where ? ` · ${where}` : ''}`
  const lines = [plainText(f.issue.d, TEXT_MAX)]
  if (f.issue.x) lines.push(plainText(`Dismissed${f.issue.c ? `: ${f.issue.c}` : ''}`, TEXT_MAX))
  const s = f.segment
  if (s) {
    if (s.source !== undefined) lines.push(plainText(`Source (${s.sourceLocale}): ${s.source}`, TEXT_MAX))
    lines.push(plainText(`Translation (${s.locale}): ${s.target}`, TEXT_MAX))
  }
  return {
    // A dismissed finding is shown, but never as a failure.
    level: f.issue.x ? 'notice' : LEVEL[f.issue.s],
    file: f.file,
    line: f.line,
    title: plainText(title, TITLE_MAX),
    message: truncate(lines.join('\n'), MESSAGE_MAX),
  }
}
