/**
 * Reading and moving a branch's ref for commit.ts: the head a commit builds on, and the
 * non-forced update (or, for a branch that starts as an orphan, the creation) that publishes it.
 */
import { PublishError } from '../errors.js'
import { errorMessage, errorStatus, toPublishError } from '../github.js'
import type { Octokit } from '../github.js'

/** Where the branch is. */
export interface BranchTarget {
  owner: string
  repo: string
  branch: string
}

const PERMISSION = 'contents: write'

/**
 * The branch's head commit. A missing branch is an error, unless `orNone` is set (the caller
 * will create it as an orphan): then it is undefined.
 */
export async function readHead(
  octokit: Octokit,
  { owner, repo, branch }: BranchTarget,
  orNone = false
): Promise<string | undefined> {
  try {
    const { data } = await octokit.rest.git.getRef({
      owner,
      repo,
      ref: `heads/${branch}`
    })
    return data.object.sha
  } catch (error) {
    const status = errorStatus(error)
    if (status === 404 && orNone) return undefined
    if (status === 404) {
      throw new PublishError(
        `Branch '${branch}' was not found in ${owner}/${repo}. assetgen adds a commit on top ` +
          'of an existing branch: push the branch first or set `branch` to one that exists ' +
          '(a 404 also means the token cannot see the repository).',
        { cause: error }
      )
    }
    if (status === 409) {
      throw new PublishError(
        `${owner}/${repo} has no commits yet; push an initial commit to '${branch}' first.`,
        { cause: error }
      )
    }
    throw toPublishError(error, `Reading branch ${branch}`, PERMISSION)
  }
}

/**
 * Points the branch at `sha`: a non-forced update on top of `head`, or the branch's creation when
 * there was no head. Returns 'head-moved' when someone else moved (or created) it first.
 */
export async function moveBranch(
  octokit: Octokit,
  { owner, repo, branch }: BranchTarget,
  head: string | undefined,
  sha: string
): Promise<'moved' | 'head-moved'> {
  try {
    if (head === undefined) {
      await octokit.rest.git.createRef({
        owner,
        repo,
        ref: `refs/heads/${branch}`,
        sha
      })
    } else {
      await octokit.rest.git.updateRef({
        owner,
        repo,
        ref: `heads/${branch}`,
        sha,
        force: false
      })
    }
    return 'moved'
  } catch (error) {
    if (
      errorStatus(error) === 422 &&
      /not a fast.forward|cannot be updated|already exists/i.test(
        errorMessage(error)
      )
    ) {
      return 'head-moved'
    }
    throw toPublishError(error, `Updating ${branch}`, PERMISSION)
  }
}
