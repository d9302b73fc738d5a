/**
 * The one place that builds an Octokit. Everything that talks to the GitHub REST API takes the
 * instance made here, so retries, rate-limit handling and the API base URL are decided once.
 */
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import type { ThrottlingOptions } from '@octokit/plugin-throttling'
import { PublishError } from './errors.js'

/** How often a request that hit a (secondary) rate limit is tried again. */
const RATE_LIMIT_RETRIES = 2

/**
 * Statuses plugin-retry must not retry. 422 is on it because a non-fast-forward ref update is
 * answered by commit.ts (re-read the head, rebuild), not by repeating the same request; 429 is
 * on it because the throttling plugin owns rate limits and both retrying would double the wait.
 */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451]

/** Options for {@link createOctokit}. */
export interface CreateOctokitOptions {
  /** REST API root; default `GITHUB_API_URL` (read at call time), else https://api.github.com. */
  baseUrl?: string
  /** Retries for 5xx and network failures (plugin-retry); default 3. */
  retries?: number
  /** Receives one line per retried rate limit. */
  log?: (message: string) => void
  /**
   * Milliseconds per unit of retry delay; default 1000. plugin-retry waits (n+1)² units before
   * retry n, the throttling plugin waits the seconds GitHub asks for. Tests pass ~1.
   */
  retryAfterBaseValue?: number
  /**
   * Default true: writes go one at a time, 1 s apart (3 s for comments), as GitHub asks of
   * content-creating requests to avoid secondary rate limits. Tests against a fake turn it off,
   * and so does env `ASSETGEN_GITHUB_WRITE_SPACING=off` (a fake GitHub, or an Enterprise Server
   * without secondary limits).
   */
  spaceWrites?: boolean
  /**
   * Longest single wait, in seconds, for a rate limit or a `retry-after`; default
   * {@link DEFAULT_MAX_WAIT_SECONDS}. When GitHub asks for longer, the request fails at once with a
   * RateLimitedError, and so does every later request through this Octokit: publishing stops.
   */
  maxWaitSeconds?: number
}

/** The default cap on one rate-limit wait: a minute. */
export const DEFAULT_MAX_WAIT_SECONDS = 60

/** GitHub asked to wait longer than the max-wait input allows: publishing stopped. */
export class RateLimitedError extends Error {
  override readonly name = 'RateLimitedError'
}

/**
 * Stands in for a Bottleneck group when writes need no spacing: the throttling plugin only calls
 * `group.key(id).schedule(options, job)` on the write and notification groups.
 */
const unspacedGroup = {
  key: () => ({
    schedule: (_options: unknown, job: () => Promise<unknown>) => job()
  })
} as unknown as NonNullable<ThrottlingOptions['write']>

/**
 * Builds an authenticated Octokit with plugin-retry (5xx, network errors) and plugin-throttling
 * (primary and secondary rate limits, retried {@link RATE_LIMIT_RETRIES} times and logged).
 */
export function createOctokit(
  token: string,
  options: CreateOctokitOptions = {}
) {
  const log = options.log ?? (() => {})
  const retryAfterBaseValue = options.retryAfterBaseValue ?? 1000
  const maxWait = options.maxWaitSeconds ?? DEFAULT_MAX_WAIT_SECONDS
  // Set once GitHub asks for a wait past max-wait: from then on nothing waits and nothing is sent.
  let stopped: string | undefined
  const onLimit =
    (kind: string) =>
    (
      retryAfter: number,
      request: { method: string; url: string },
      _octokit: unknown,
      retryCount: number
    ) => {
      if (retryAfter > maxWait) {
        stopped = `GitHub ${kind}: ${request.method} ${request.url} was asked to wait ${retryAfter} s, more than max-wait (${maxWait} s); publishing stopped`
        log(stopped)
        return false
      }
      const again = retryCount < RATE_LIMIT_RETRIES
      log(
        `GitHub ${kind} hit by ${request.method} ${request.url}; ` +
          (again
            ? `retrying in ${retryAfter} s (retry ${retryCount + 1} of ${RATE_LIMIT_RETRIES})`
            : 'giving up')
      )
      return again
    }
  const throttle: ThrottlingOptions = {
    onRateLimit: onLimit('rate limit'),
    onSecondaryRateLimit: onLimit('secondary rate limit'),
    retryAfterBaseValue,
    ...((options.spaceWrites ??
    process.env['ASSETGEN_GITHUB_WRITE_SPACING'] !== 'off')
      ? {}
      : { write: unspacedGroup, notifications: unspacedGroup })
  }
  const octokit = getOctokit(
    token,
    {
      // @actions/github reads GITHUB_API_URL when it is first imported; read it per call so a
      // process (or test) that sets it later still reaches the right host.
      baseUrl:
        options.baseUrl ??
        process.env['GITHUB_API_URL'] ??
        'https://api.github.com',
      throttle,
      retry: {
        doNotRetry: DO_NOT_RETRY,
        retries: options.retries ?? 3,
        retryAfterBaseValue
      }
    },
    retry,
    throttling
  )
  octokit.hook.before('request', () => {
    if (stopped) throw new RateLimitedError(stopped)
  })
  octokit.hook.error('request', (error) => {
    if (stopped) throw new RateLimitedError(stopped, { cause: error })
    throw error
  })
  return octokit
}

/** The Octokit every publishing module takes. */
export type Octokit = ReturnType<typeof createOctokit>

/** The HTTP status of an Octokit RequestError, if `error` is one. */
export function errorStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const status = (error as { status?: unknown }).status
  return typeof status === 'number' ? status : undefined
}

/**
 * GitHub's own message for a failed request. Some failures (e.g. blob uploads behind a proxy)
 * answer with an HTML page; that is reduced to its status instead of pasted into logs.
 */
export function errorMessage(error: unknown): string {
  const data = (error as { response?: { data?: unknown } } | null)?.response
    ?.data
  const fromBody =
    typeof data === 'object' && data !== null
      ? (data as { message?: unknown }).message
      : undefined
  const message =
    typeof fromBody === 'string'
      ? fromBody
      : error instanceof Error
        ? error.message
        : String(error)
  if (/<html|<!doctype/i.test(message)) {
    return 'an HTML error page instead of JSON'
  }
  return message
}

/**
 * Wraps a failed GitHub request as a PublishError that says what was being done, what GitHub
 * answered, and for permission errors what to change in the workflow.
 */
export function toPublishError(
  error: unknown,
  action: string,
  permission: string
): PublishError {
  if (error instanceof PublishError) return error
  // The rate-limit stop says what happened itself; GitHub's answer is its cause.
  if (error instanceof RateLimitedError)
    return new PublishError(error.message, { cause: error })
  const status = errorStatus(error)
  const message = errorMessage(error)
  let hint = ''
  if (status === 401) {
    hint = ' The token is invalid or expired.'
  } else if (status === 403 && !/rate limit/i.test(message)) {
    hint =
      ` The token lacks ${permission} permission: add \`permissions: { ${permission} }\` to the job.` +
      ' On pull_request runs from forks the token is read-only whatever you set.'
  }
  return new PublishError(
    `${action} failed: ${status === undefined ? '' : `${status} `}${message}.${hint}`,
    { cause: error }
  )
}
