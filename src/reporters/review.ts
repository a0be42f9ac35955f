// Inline review comments: findings on lines the pull request adds, one comment per line,
// posted as one review on the head commit. Anchors are checked against the diff first (one
// bad anchor makes GitHub reject the whole review), at most 30 comments go in a review and
// the rest in its body, and a finding already commented on a current line is not repeated.
// Where the line's findings have a mechanical fix, the comment carries it as a suggested
// change of the line, which a reviewer applies with one click.
import { createHash } from 'node:crypto'
import type { AddedLines } from '../changes/diff.js'
import { fixedLine } from '../fix-line.js'
import { fixedTarget, isFixable } from '../fixes.js'
import type { GitHubApi, RepoId } from '../github-api.js'
import type { Finding } from '../model.js'
import { COMMENT_MAX } from './comment.js'
import { findingParagraph, findingsTable, fitMarkdown } from './markdown.js'
import { markdownText } from './escape.js'
import { ruleLabel, type RuleCatalogue } from './rule-names.js'

/** More comments in one review trip GitHub's abuse detection and crowd the PR page. */
export const REVIEW_COMMENTS_MAX = 30

const markerPrefix = (name: string) => `<!-- translation-quality-gate review name=${encodeURIComponent(name).replace(/-/g, '%2D')}`

/** Stable across runs and line moves: what the finding says, not where. */
export function fingerprint(f: Finding): string {
  return createHash('sha256')
    .update(JSON.stringify([f.file, f.key ?? '', f.locale ?? '', f.issue.r, f.issue.d]))
    .digest('hex')
    .slice(0, 16)
}

export interface ReviewComment {
  path: string
  line: number
  side: 'RIGHT'
  body: string
}

export interface ReviewPlan {
  comments: ReviewComment[]
  /** On changed lines, but past the per-review cap: listed in the review body. */
  rest: Finding[]
  /** Not on a line the PR adds: left to the summary and the check run. */
  outside: number
  /** Already commented on their current line by an earlier run. */
  repeated: number
  /** Comments that carry a suggested change. */
  suggestions: number
}

/**
 * A ```suggestion block replacing the findings' line with one where their fixes are made, or
 * undefined when the line has none: findings of several segments, a fix that does not
 * apply after the others, or a line that cannot be rewritten verbatim.
 */
export function suggestionFor(findings: Finding[], lineText: string | undefined, rules: RuleCatalogue): string | undefined {
  const segment = findings[0]?.segment
  if (!segment || lineText === undefined || findings.some((f) => f.segment !== segment)) return undefined
  const fixable = findings.filter((f) => isFixable(f.issue, segment))
  if (fixable.length === 0) return undefined
  const after = fixedTarget(fixable.map((f) => f.issue), segment)
  if (after === undefined) return undefined
  const line = fixedLine({ line: lineText, column: segment.column, format: segment.format, before: segment.target, after })
  if (line === undefined) return undefined
  // Longer than any run of backticks in the line, so the line cannot close the block.
  const fence = '`'.repeat(Math.max(3, ...(line.match(/`+/g) ?? []).map((run) => run.length + 1)))
  const fixes = [...new Set(fixable.map((f) => ruleLabel(rules, f.issue.r)))].map(markdownText).join(', ')
  return `Suggested change (fixes ${fixes}):\n\n${fence}suggestion\n${line}\n${fence}`
}

/**
 * Which findings become comments. Only errors and warnings that are not dismissed are
 * commented inline (notices stay in the summary); `anchors` holds the lines the PR adds per
 * path, `posted` the fingerprints an earlier run already commented.
 */
export function planReview(findings: Finding[], anchors: Map<string, AddedLines>, posted: Set<string>, name: string, rules: RuleCatalogue = {}): ReviewPlan {
  const byLine = new Map<string, Finding[]>()
  let outside = 0
  let repeated = 0
  for (const f of findings) {
    if (f.issue.x || f.issue.s === 0) continue
    if (!anchors.get(f.file)?.has(f.line)) {
      outside++
      continue
    }
    if (posted.has(fingerprint(f))) {
      repeated++
      continue
    }
    const key = `${f.line}\0${f.file}`
    byLine.set(key, [...(byLine.get(key) ?? []), f])
  }
  const groups = [...byLine.values()]
  let suggestions = 0
  const comments = groups.slice(0, REVIEW_COMMENTS_MAX).map((group) => {
    const { file, line } = group[0]
    const ids = group.map(fingerprint).join(',')
    // The marker leads, so cutting a very long comment to fit cannot lose it.
    const text = `${markerPrefix(name)} ids=${ids} -->\n${group.map((f) => findingParagraph(f, rules)).join('\n\n')}\n`
    const suggestion = suggestionFor(group, anchors.get(file)?.get(line), rules)
    // A suggestion is never cut: a comment too long for it goes without.
    const withSuggestion = suggestion && `${text}\n${suggestion}\n`
    if (withSuggestion && withSuggestion.length <= COMMENT_MAX) {
      suggestions++
      return { path: file, line, side: 'RIGHT' as const, body: withSuggestion }
    }
    return { path: file, line, side: 'RIGHT' as const, body: fitMarkdown(text, COMMENT_MAX, '*Cut to fit GitHub\'s limit.*') }
  })
  return { comments, rest: groups.slice(REVIEW_COMMENTS_MAX).flat(), outside, repeated, suggestions }
}

interface PostedComment {
  body: string
  line?: number | null
  user?: { login?: string; type?: string } | null
}

/** Fingerprints in this name's earlier review comments (ours, not copies of the marker) that still sit on a current line. */
async function postedFingerprints(api: GitHubApi, comments: PostedComment[], name: string): Promise<Set<string>> {
  const prefix = `${markerPrefix(name)} ids=`
  const out = new Set<string>()
  for (const c of comments) {
    if (c.line === null || c.line === undefined) continue
    const at = c.body.lastIndexOf(prefix)
    if (at < 0 || !(await api.writesAs(c.user))) continue
    const ids = /^([0-9a-f,]+) -->/.exec(c.body.slice(at + prefix.length))?.[1]
    for (const id of ids?.split(',') ?? []) out.add(id)
  }
  return out
}

export interface ReviewRequest {
  api: GitHubApi
  repo: RepoId
  number: number
  headSha: string
  name: string
  findings: Finding[]
  /** The report, which names the config file's custom rules. */
  rules: RuleCatalogue
  /** The lines the PR adds per path, with their text (anchors and suggested changes). */
  addedLines(paths: string[]): Promise<Map<string, AddedLines>>
  link: (file: string, line: number) => string
}

export interface ReviewResult extends Omit<ReviewPlan, 'comments' | 'rest'> {
  comments: number
  rest: number
  id?: number
}

export async function postReview(request: ReviewRequest): Promise<ReviewResult> {
  const { api, repo, name } = request
  const candidates = request.findings.filter((f) => !f.issue.x && f.issue.s > 0)
  if (candidates.length === 0) return { comments: 0, rest: 0, outside: 0, repeated: 0, suggestions: 0 }
  const anchors = await request.addedLines([...new Set(candidates.map((f) => f.file))])
  const existing = await api.octokit.paginate(api.octokit.rest.pulls.listReviewComments, { ...repo, pull_number: request.number, per_page: 100 })
  const plan = planReview(candidates, anchors, await postedFingerprints(api, existing, name), name, request.rules)
  const result = { comments: plan.comments.length, rest: plan.rest.length, outside: plan.outside, repeated: plan.repeated, suggestions: plan.suggestions }
  if (plan.comments.length === 0 && plan.rest.length === 0) return result
  const lines = [
    `${markerPrefix(name)} -->`,
    `**${markdownText(name)}**: ${plan.comments.length + plan.rest.length} new finding(s) on lines this pull request changes.`,
  ]
  if (plan.rest.length > 0) lines.push('', `GitHub takes ${REVIEW_COMMENTS_MAX} comments per review; the others:`, '', findingsTable(plan.rest, request.link, request.rules))
  const body = fitMarkdown(`${lines.join('\n')}\n`, COMMENT_MAX, '*Cut to fit GitHub\'s limit: the summary comment and the check run list every finding.*')
  const { data } = await api.octokit.rest.pulls.createReview({
    ...repo,
    pull_number: request.number,
    commit_id: request.headSha,
    event: 'COMMENT',
    body,
    comments: plan.comments,
  })
  return { ...result, id: data.id }
}
