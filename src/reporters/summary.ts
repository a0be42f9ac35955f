// The job summary: the whole report as Markdown on the workflow run's page, which needs no
// write permission (so forks get it too). GitHub refuses a step summary over 1 MiB.
import type { Report } from '../model.js'
import { renderMarkdown, type MarkdownOptions } from './markdown.js'

export const JOB_SUMMARY_MAX_BYTES = 1024 * 1024

export function renderJobSummary(report: Report, options: Omit<MarkdownOptions, 'limit' | 'measure' | 'marker'>): string {
  return renderMarkdown(report, {
    ...options,
    // Room for the newline core.summary adds.
    limit: JOB_SUMMARY_MAX_BYTES - 16,
    measure: (text) => Buffer.byteLength(text, 'utf8'),
  })
}
