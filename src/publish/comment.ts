/**
 * One sticky comment per pull request: found again by a hidden marker and edited in place, so a
 * PR that is pushed to ten times still has one assetgen comment, not ten.
 */
import { errorStatus, toPublishError } from '../github.js'
import type { Octokit } from '../github.js'
import { redact } from '../safe-text.js'

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
  /**
   * The App's slug when the token is a GitHub App installation token, so its comments
   * (`<slug>[bot]`) are recognised; without it an installation token is taken for `GITHUB_TOKEN`.
   */
  appSlug?: string
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

/** The login GitHub Actions' own `GITHUB_TOKEN` writes comments as. */
export const ACTIONS_BOT = 'github-actions[bot]'

/**
 * The login the token writes comments as: a personal token's user (`GET /user`), or, for an
 * installation token (`GITHUB_TOKEN` or an App's, for which `GET /user` answers 403 "Resource
 * not accessible by integration"), `<appSlug>[bot]` when the slug is given, else
 * `github-actions[bot]`. GitHub offers an installation token no way to read its App's slug.
 */
export async function commentAuthor(
  octokit: Octokit,
  appSlug?: string
): Promise<string> {
  try {
    const { data } = await octokit.rest.users.getAuthenticated()
    return data.login
  } catch (error) {
    if (errorStatus(error) !== 403) {
      throw toPublishError(
        error,
        "Reading the token's identity (GET /user)",
        'pull-requests: write'
      )
    }
    const slug = appSlug?.trim().replace(/\[bot\]$/, '')
    return slug ? `${slug}[bot]` : ACTIONS_BOT
  }
}

/**
 * Creates the PR comment marked `marker`, or edits the existing one when its body differs, or
 * leaves it alone when it is identical (no notification noise). Only a comment written by the
 * token's own identity ({@link commentAuthor}) is ever edited: a human's (or another bot's)
 * comment that quotes the marker is left alone.
 */
export async function upsertStickyComment(
  octokit: Octokit,
  request: StickyCommentRequest
): Promise<StickyCommentResult> {
  const { owner, repo, issueNumber } = request
  const marker = markerLine(request.marker)
  const body = truncateCommentBody(
    redact(`${marker}\n${request.body}`),
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
  const author = await commentAuthor(octokit, request.appSlug)
  const existing = comments.find(
    (comment) =>
      comment.user?.login === author &&
      comment.body?.split('\n', 1)[0]?.trim() === marker
  )
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
