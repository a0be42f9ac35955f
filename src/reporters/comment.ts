// The sticky PR comment: one comment per PR and `name`, found again by a hidden marker on its
// first line (and its author) and edited in place on every run, never posted twice.
import type { GitHubApi, RepoId } from '../github-api.js'

/** Characters GitHub accepts in an issue or review comment body. */
export const COMMENT_MAX = 65_536

/**
 * The hidden marker of the comment for `name`. The name is percent-encoded (and `-` with
 * it), so no name can end the HTML comment early or look like another name's marker.
 */
export function commentMarker(name: string): string {
  return `<!-- translation-quality-gate name=${encodeURIComponent(name).replace(/-/g, '%2D')} -->`
}

export interface StickyCommentRequest {
  api: GitHubApi
  repo: RepoId
  number: number
  name: string
  /** The whole body, starting with commentMarker(name) and within COMMENT_MAX. */
  body: string
}

export interface StickyCommentResult {
  action: 'created' | 'updated'
  id: number
  url: string
}

export async function upsertStickyComment({ api, repo, number, name, body }: StickyCommentRequest): Promise<StickyCommentResult> {
  const marker = commentMarker(name)
  if (!body.startsWith(marker)) throw new Error('A sticky comment body must start with its marker')
  const comments = await api.octokit.paginate(api.octokit.rest.issues.listComments, { ...repo, issue_number: number, per_page: 100 })
  // The marker must open the body (a comment that merely quotes it is someone else's), and
  // the author must be us: someone could open a comment with the marker before our first run.
  let ours: (typeof comments)[number] | undefined
  for (const c of comments) {
    if (c.body?.startsWith(marker) && (await api.writesAs(c.user))) {
      ours = c
      break
    }
  }
  if (ours) {
    const { data } = await api.octokit.rest.issues.updateComment({ ...repo, comment_id: ours.id, body })
    return { action: 'updated', id: data.id, url: data.html_url }
  }
  const { data } = await api.octokit.rest.issues.createComment({ ...repo, issue_number: number, body })
  return { action: 'created', id: data.id, url: data.html_url }
}
