// The check run: one run named by the `name` input on the PR's head commit, created when the
// result is known (a run created `in_progress` stays pending forever if the job is
// cancelled), with one annotation per finding on its line, worst first. GitHub takes 50
// annotations per request; later batches go through updates, which append.
import type { GitHubApi, RepoId } from '../github-api.js'
import type { Report } from '../model.js'
import { annotationFor } from './annotation.js'
import { truncate } from './escape.js'

export const ANNOTATIONS_PER_REQUEST = 50
/** Characters GitHub accepts in a check run's summary and text. */
export const CHECK_OUTPUT_MAX = 65_535
const TITLE_MAX = 255

export interface CheckRunRequest {
  api: GitHubApi
  repo: RepoId
  name: string
  headSha: string
  report: Report
  /** Markdown within CHECK_OUTPUT_MAX (see reporters/markdown.ts). */
  summary: string
  maxAnnotations: number
  /** The workflow run, where the job summary is. */
  detailsUrl?: string
}

export interface CheckRunResult {
  id: number
  url?: string
  annotations: number
}

/** The run's one-line title: the counts, never the verdict's reasoning. */
export function checkTitle(report: Report): string {
  const s = report.summary
  const parts = [`${s.errors} error${s.errors === 1 ? '' : 's'}`, `${s.warnings} warning${s.warnings === 1 ? '' : 's'}`]
  if (s.belowThreshold > 0) parts.push(`${s.belowThreshold} below threshold`)
  if (s.notScored > 0) parts.push(`${s.notScored} not scored`)
  return truncate(`${report.verdict.passed ? 'Passed' : 'Failed'}: ${parts.join(', ')} in ${s.segments} segment${s.segments === 1 ? '' : 's'}`, TITLE_MAX)
}

export async function publishCheckRun(request: CheckRunRequest): Promise<CheckRunResult> {
  const { api, repo, report } = request
  const annotations = report.findings.slice(0, request.maxAnnotations).map((f) => {
    const a = annotationFor(f, report)
    return { path: a.file, start_line: a.line, end_line: a.line, annotation_level: a.level, title: a.title, message: a.message }
  })
  const batches: (typeof annotations)[] = []
  for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST) batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST))
  const title = checkTitle(report)
  const summary = truncate(request.summary, CHECK_OUTPUT_MAX)
  const { data } = await api.octokit.rest.checks.create({
    ...repo,
    name: request.name,
    head_sha: request.headSha,
    status: 'completed',
    // The policy decided; the check run only shows it.
    conclusion: report.verdict.passed ? 'success' : 'failure',
    completed_at: new Date().toISOString(),
    ...(request.detailsUrl && { details_url: request.detailsUrl }),
    output: { title, summary, annotations: batches[0] ?? [] },
  })
  // Serial on purpose: GitHub's secondary rate limits punish concurrent writes.
  for (const batch of batches.slice(1)) {
    await api.octokit.rest.checks.update({ ...repo, check_run_id: data.id, output: { title, summary, annotations: batch } })
  }
  return { id: data.id, url: data.html_url ?? undefined, annotations: annotations.length }
}
