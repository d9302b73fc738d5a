import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import * as core from '@actions/core'
import { getErrorMessage } from './errors.js'
import type { EventContext } from './publish/mode.js'
import type { PublishTarget } from './publish/publish.js'

/**
 * What the runner tells the action through its environment, read when called (never at import
 * time), so tests can run `dist/index.js` with any env.
 */

/** The event: name, repository, ref and the payload at GITHUB_EVENT_PATH. */
export function eventContext(): EventContext {
  const path = process.env.GITHUB_EVENT_PATH
  let payload: EventContext['payload'] = {}
  try {
    if (path)
      payload = JSON.parse(
        readFileSync(path, 'utf8')
      ) as EventContext['payload']
  } catch (error) {
    core.warning(
      `could not read the event payload at ${path}: ${getErrorMessage(error)}`
    )
  }
  return {
    eventName: process.env.GITHUB_EVENT_NAME ?? '',
    repository: process.env.GITHUB_REPOSITORY ?? '',
    ...(process.env.GITHUB_REF ? { ref: process.env.GITHUB_REF } : {}),
    payload
  }
}

/** The repository and run that publishing writes to. */
export function publishTarget(context: EventContext): PublishTarget {
  const [owner = '', repo = ''] = context.repository.split('/')
  return {
    owner,
    repo,
    serverUrl: process.env.GITHUB_SERVER_URL ?? 'https://github.com',
    ...(process.env.GITHUB_RUN_ID ? { runId: process.env.GITHUB_RUN_ID } : {}),
    ...(process.env.GITHUB_RUN_ATTEMPT
      ? { runAttempt: process.env.GITHUB_RUN_ATTEMPT }
      : {})
  }
}

/** The checked-out repository: every spec path is confined to it. */
export function workspaceRoot(): string {
  return resolve(process.env.GITHUB_WORKSPACE ?? process.cwd())
}

/** Where the manifest goes: the runner's temp dir, so it is never committed. */
export function manifestPath(root: string): string {
  return join(
    process.env.RUNNER_TEMP ?? root,
    `assetgen-manifest-${process.env.GITHUB_RUN_ID ?? 'local'}.json`
  )
}
