/**
 * Decides how a run publishes from the `mode` input and the event that started it. Pure: the
 * caller passes the event context in, so every rule is testable without a runner.
 */
import { PublishError } from '../errors.js'

/** The `mode` input. */
export type PublishModeInput = 'auto' | 'commit' | 'artifact' | 'store' | 'none'

/** The parts of the workflow event the decision reads. */
export interface EventContext {
  /** `GITHUB_EVENT_NAME`, e.g. `push`, `pull_request`. */
  eventName: string
  /** `GITHUB_REPOSITORY`: `owner/repo`. */
  repository: string
  /** `GITHUB_REF`, e.g. `refs/heads/main`. */
  ref?: string
  /** The event payload (`GITHUB_EVENT_PATH`); only the pull request is read. */
  payload: {
    pull_request?: {
      number: number
      head: {
        ref: string
        /** null when the fork was deleted. */
        repo?: { full_name: string } | null
      }
    }
  }
}

/**
 * What to do: `skip-fork` means plan only and say why in `notice`; `store` means add new images to
 * the image store only (no commit, artifacts or comment: a matrix shard's step).
 */
export interface PublishDecision {
  mode: 'commit' | 'artifact' | 'store' | 'none' | 'skip-fork'
  /** The branch to commit to (commit mode). */
  branch?: string
  /** The pull request to comment on. */
  pullNumber?: number
  warnings: string[]
  /** A one-off explanation for the log and job summary. */
  notice?: string
}

const COMMIT_EVENTS = new Set([
  'push',
  'schedule',
  'workflow_dispatch',
  'repository_dispatch'
])
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target'])

const FORK_NOTICE =
  'This pull request comes from a fork: GitHub gives such runs no secrets and a read-only ' +
  'token, so assetgen only plans (nothing is generated, committed or commented). For previews ' +
  'of fork PRs use the two-workflow pattern: a `pull_request` job uploads the spec as an ' +
  'artifact, and a `workflow_run` job (which has the secrets) generates and comments.'

const TARGET_WARNING =
  'Running on `pull_request_target`: the job has secrets and a write token, so a spec from ' +
  'the PR is untrusted input. Never check out and build the PR head here; treat its spec as ' +
  'data and cap image count and cost.'

/**
 * Resolves the publish mode. `options.branch` (the `branch` input) wins over the branch the event
 * implies in commit mode. Throws a PublishError when commit mode has no branch to commit to.
 */
export function resolvePublishMode(
  input: PublishModeInput,
  context: EventContext,
  options: { branch?: string } = {}
): PublishDecision {
  const warnings: string[] = []
  const isPullRequest = PULL_REQUEST_EVENTS.has(context.eventName)
  if (context.eventName === 'pull_request_target') warnings.push(TARGET_WARNING)
  if (input === 'none') return { mode: 'none', warnings }

  const pull = isPullRequest ? pullRequestOf(context) : undefined
  const fromFork =
    pull !== undefined && pull.head.repo?.full_name !== context.repository
  if (fromFork && context.eventName === 'pull_request') {
    return {
      mode: 'skip-fork',
      pullNumber: pull.number,
      warnings,
      notice: FORK_NOTICE
    }
  }

  if (input === 'store') return { mode: 'store', warnings }
  if (
    input === 'commit' ||
    (input === 'auto' && COMMIT_EVENTS.has(context.eventName))
  ) {
    return {
      mode: 'commit',
      branch: commitBranch(context, pull, fromFork, options),
      warnings
    }
  }
  if (input === 'artifact' || (input === 'auto' && pull !== undefined)) {
    return pull === undefined
      ? { mode: 'artifact', warnings }
      : { mode: 'artifact', pullNumber: pull.number, warnings }
  }
  return {
    mode: 'none',
    warnings,
    notice:
      `The \`${context.eventName}\` event has no default publish mode, so nothing is ` +
      'published. Set `mode: commit` or `mode: artifact` to publish on it.'
  }
}

type PullRequest = NonNullable<EventContext['payload']['pull_request']>

function pullRequestOf(context: EventContext): PullRequest {
  const pull = context.payload.pull_request
  if (pull === undefined) {
    throw new PublishError(
      `The ${context.eventName} event payload has no pull_request; cannot tell which PR this is.`
    )
  }
  return pull
}

function commitBranch(
  context: EventContext,
  pull: PullRequest | undefined,
  fromFork: boolean,
  options: { branch?: string }
): string {
  if (options.branch) return options.branch
  if (pull !== undefined) {
    if (fromFork) {
      // The head branch lives in the fork: a same-named branch here would be the wrong one.
      throw new PublishError(
        `The pull request's branch '${pull.head.ref}' is in the fork ` +
          `${pull.head.repo?.full_name ?? '(deleted)'}, which this token cannot push to; set \`branch\`.`
      )
    }
    return pull.head.ref
  }
  const ref = context.ref ?? ''
  if (ref.startsWith('refs/heads/')) return ref.slice('refs/heads/'.length)
  throw new PublishError(
    `Cannot commit to ${ref ? `'${ref}'` : 'a detached head'}: tags/detached refs can't be ` +
      'committed to; set `branch`.'
  )
}
