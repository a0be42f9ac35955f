// The writes to GitHub, in order and one at a time: the check run, the sticky comment, the
// review. None is made when the PR's head moved on while this run was checking (a newer run
// reports on the new head). A write refused for lack of permission (forks get a read-only
// token) falls back to workflow-command annotations and the job summary, with one warning
// naming the missing permission; the verdict never changes.
import * as core from '@actions/core'
import { apiMessage, isPermissionError, httpStatus, type GitHubApi, type RepoId } from '../github-api.js'
import type { AddedLines } from '../changes/diff.js'
import type { Logger } from '../log.js'
import type { Report } from '../model.js'
import type { LineAnnotation } from '../reporters/annotation.js'
import { CHECK_OUTPUT_MAX, publishCheckRun, type CheckRunResult } from '../reporters/check-run.js'
import { COMMENT_MAX, commentMarker, upsertStickyComment, type StickyCommentResult } from '../reporters/comment.js'
import { renderMarkdown } from '../reporters/markdown.js'
import { postReview, type ReviewResult } from '../reporters/review.js'
import { pickWorkflowAnnotations } from '../reporters/workflow.js'
import type { Settings } from '../settings.js'
import type { Target } from './event.js'

export interface PublishRequest {
  api: GitHubApi
  repo: RepoId
  target: Exclude<Target, { kind: 'none' }>
  /** The commit checked: the PR's head, or the pushed commit. */
  headSha: string
  settings: Settings
  report: Report
  link: (file: string, line: number) => string
  /** The workflow run's page (its job summary). */
  runUrl?: string
  /** What was compared, for the comment. */
  context: string
  addedLines(paths: string[]): Promise<Map<string, AddedLines>>
  log: Logger
  /** Warnings the step has shown so far: each is an annotation, and GitHub shows 10 per step. */
  warned?: () => number
}

export interface PublishOutcome {
  checkRun?: CheckRunResult
  comment?: StickyCommentResult
  review?: ReviewResult
  workflowAnnotations?: { shown: number; hidden: number }
  /** Why nothing was written to the PR. */
  skipped?: string
  /** What the token lacked (`checks: write`...), as Markdown. */
  missing: string[]
  /** Writes that failed for another reason. */
  failures: string[]
}

function emit(a: LineAnnotation): void {
  const properties = { title: a.title, file: a.file, startLine: a.line }
  if (a.level === 'failure') core.error(a.message, properties)
  else if (a.level === 'warning') core.warning(a.message, properties)
  else core.notice(a.message, properties)
}

function workflowAnnotations(request: PublishRequest): { shown: number; hidden: number } {
  const { report, settings } = request
  // Slots for the failed verdict (an error), the warnings already shown and the one saying why annotations are here.
  const picked = pickWorkflowAnnotations(report, settings.maxAnnotations, { failure: report.verdict.passed ? 0 : 1, warning: (request.warned?.() ?? 0) + 1 })
  picked.shown.forEach(emit)
  return { shown: picked.shown.length, hidden: picked.hidden }
}

/** The PR's head now, or undefined when it cannot be read (the writes then go ahead). */
async function currentHead(request: PublishRequest, number: number): Promise<string | undefined> {
  try {
    const { data } = await request.api.octokit.rest.pulls.get({ ...request.repo, pull_number: number })
    return data.head.sha
  } catch (e) {
    request.log.debug(`Could not read the pull request to check its head: ${apiMessage(e)}`)
    return undefined
  }
}

export async function publish(request: PublishRequest): Promise<PublishOutcome> {
  const { api, repo, target, settings, report, log } = request
  const outcome: PublishOutcome = { missing: [], failures: [] }
  const pull = target.kind === 'pull-request' ? target.number : undefined
  const wantsCheck = settings.annotations === 'check'
  const wantsComment = pull !== undefined && (settings.comment === 'summary' || settings.comment === 'both')
  const wantsReview = pull !== undefined && (settings.comment === 'review' || settings.comment === 'both')

  if (pull !== undefined && (wantsCheck || wantsComment || wantsReview)) {
    const head = await currentHead(request, pull)
    if (head !== undefined && head !== request.headSha) {
      outcome.skipped = `the pull request's head moved from ${request.headSha.slice(0, 7)} to ${head.slice(0, 7)} while this run was checking; the run for ${head.slice(0, 7)} reports on it`
      log.warning(`Nothing written to the pull request: ${outcome.skipped}.`)
      if (settings.annotations !== 'off') outcome.workflowAnnotations = workflowAnnotations(request)
      return outcome
    }
  }

  const refused = (permission: string, what: string, e: unknown): boolean => {
    if (isPermissionError(e)) {
      // 401: no token or a bad one, whatever its permissions.
      const lacking = httpStatus(e) === 401 ? 'a valid `github-token`' : `\`${permission}\``
      if (!outcome.missing.includes(lacking)) outcome.missing.push(lacking)
      log.info(`${what}: ${httpStatus(e)} ${apiMessage(e)}`)
      return true
    }
    outcome.failures.push(`${what}: ${apiMessage(e)}`)
    log.warning(`${what} failed: ${httpStatus(e) ?? ''} ${apiMessage(e)}`.replace(/ {2,}/g, ' '))
    return false
  }

  if (wantsCheck) {
    await log.group('Check run', async () => {
      try {
        const capped = report.findings.length > settings.maxAnnotations ? [`Annotated on their lines: the ${settings.maxAnnotations} worst of ${report.findings.length} findings (\`max-annotations\`).`] : []
        const summary = renderMarkdown(report, { title: settings.name, link: request.link, context: request.context, extra: capped, limit: CHECK_OUTPUT_MAX, overflow: 'The job summary has every finding.' })
        outcome.checkRun = await publishCheckRun({ api, repo, name: settings.name, headSha: request.headSha, report, summary, maxAnnotations: settings.maxAnnotations, detailsUrl: request.runUrl })
        log.info(`Check run '${settings.name}' on ${request.headSha.slice(0, 7)}: ${report.verdict.passed ? 'success' : 'failure'}, ${outcome.checkRun.annotations} annotation(s)`)
      } catch (e) {
        refused('checks: write', 'Creating the check run', e)
        outcome.workflowAnnotations = workflowAnnotations(request)
      }
    })
  } else if (settings.annotations === 'workflow') {
    outcome.workflowAnnotations = workflowAnnotations(request)
  }

  if (wantsComment) {
    await log.group('Comment', async () => {
      const more = request.runUrl ? `The [job summary](${request.runUrl}) has every finding.` : 'The job summary has every finding.'
      const body = renderMarkdown(report, { title: settings.name, marker: commentMarker(settings.name), link: request.link, context: request.context, services: 'brief', limit: COMMENT_MAX, overflow: more })
      try {
        outcome.comment = await upsertStickyComment({ api, repo, number: pull!, name: settings.name, body })
        log.info(`Comment ${outcome.comment.action}: ${outcome.comment.url}`)
      } catch (e) {
        refused('pull-requests: write', 'Writing the PR comment', e)
      }
    })
  }

  if (wantsReview) {
    await log.group('Review', async () => {
      try {
        outcome.review = await postReview({ api, repo, number: pull!, headSha: request.headSha, name: settings.name, findings: report.findings, rules: report, addedLines: request.addedLines, link: request.link })
        const r = outcome.review
        log.info(`Review: ${r.comments} comment(s) on changed lines (${r.suggestions} with a suggested change), ${r.rest} more in its body, ${r.repeated} already commented, ${r.outside} not on changed lines`)
      } catch (e) {
        refused('pull-requests: write', 'Posting the review', e)
      }
    })
  }

  if (outcome.missing.length > 0) {
    const fork = target.kind === 'pull-request' && target.fork && target.event === 'pull_request' ? ' Pull requests from forks get a read-only token.' : ''
    log.warning(
      `The token lacks ${outcome.missing.join(' and ')}, so the results are not on the pull request.${fork} The worst findings are annotated from this step and the job summary lists them all; the verdict is unchanged. Give the workflow \`permissions: { checks: write, pull-requests: write }\` (see the README on forks).`,
    )
  }
  return outcome
}
