/**
 * One sticky comment per pull request: found again by a hidden marker and edited in place, so a
 * PR that is pushed to ten times still has one assetgen comment, not ten.
 */
import { toPublishError } from '../github.js'
import type { Octokit } from '../github.js'

/** GitHub refuses comment bodies longer than this. */
export const COMMENT_BODY_LIMIT = 65_536

/** Where to comment and what to say. */
export interface StickyCommentRequest {
  owner: string
  repo: string
  issueNumber: number
  /** Tells this comment apart from other assetgen comments on the PR (e.g. a job name). */
  marker: string
  body: string
  /** Only edit an existing comment, never create one (a PR back to up to date refreshes its comment). */
  updateOnly?: boolean
}

/** The comment and what was done to it. */
export interface StickyCommentResult {
  id: number
  /** `absent`: `updateOnly` was set and there was no comment to edit (`id` is 0). */
  action: 'created' | 'updated' | 'unchanged' | 'absent'
  url?: string
}

/** The hidden first line that marks a comment as ours. */
export function markerLine(marker: string): string {
  return `<!-- assetgen:${marker} -->`
}

/**
 * Cuts `body` to at most `limit` characters at a line boundary and appends how many lines were
 * dropped. A single line longer than the room left is cut inside the line.
 */
export function truncateCommentBody(body: string, limit: number): string {
  if (body.length <= limit) return body
  const lines = body.split('\n')
  const note = (dropped: number) => `\n\n…and ${dropped} more lines truncated`
  let kept = 0
  let length = 0
  while (kept < lines.length) {
    const next = length + (kept === 0 ? 0 : 1) + lines[kept].length
    if (next + note(lines.length - kept - 1).length > limit) break
    length = next
    kept++
  }
  if (kept === 0) {
    let cut = Math.max(0, limit - note(lines.length - 1).length)
    // Don't split a surrogate pair (an emoji would turn into a replacement character).
    if (/[\uD800-\uDBFF]/.test(body.charAt(cut - 1))) cut--
    return body.slice(0, cut) + note(lines.length - 1)
  }
  return lines.slice(0, kept).join('\n') + note(lines.length - kept)
}

/**
 * Creates the PR comment marked `marker`, or edits the existing one when its body differs, or
 * leaves it alone when it is identical (no notification noise). Comments by bots win over a
 * human's comment that happens to quote the marker.
 */
export async function upsertStickyComment(
  octokit: Octokit,
  request: StickyCommentRequest
): Promise<StickyCommentResult> {
  const { owner, repo, issueNumber } = request
  const marker = markerLine(request.marker)
  const body = truncateCommentBody(
    `${marker}\n${request.body}`,
    COMMENT_BODY_LIMIT
  )
  const fail = (action: string) => (error: unknown) => {
    throw toPublishError(
      error,
      `${action} on #${issueNumber}`,
      'pull-requests: write'
    )
  }
  const comments = await octokit
    .paginate(octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number: issueNumber,
      per_page: 100
    })
    .catch(fail('Listing comments'))
  const ours = comments.filter(
    (comment) => comment.body?.split('\n', 1)[0]?.trim() === marker
  )
  const existing =
    ours.find((comment) => comment.user?.type === 'Bot') ?? ours[0]
  if (existing === undefined && request.updateOnly) {
    return { id: 0, action: 'absent' }
  }
  if (existing === undefined) {
    const { data } = await octokit.rest.issues
      .createComment({ owner, repo, issue_number: issueNumber, body })
      .catch(fail('Creating the comment'))
    return { id: data.id, action: 'created', url: data.html_url }
  }
  if (existing.body === body) {
    return { id: existing.id, action: 'unchanged', url: existing.html_url }
  }
  const { data } = await octokit.rest.issues
    .updateComment({ owner, repo, comment_id: existing.id, body })
    .catch(fail('Updating the comment'))
  return { id: data.id, action: 'updated', url: data.html_url }
}
