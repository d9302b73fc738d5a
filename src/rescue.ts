/**
 * The action's rescue on a cancel: the images this run paid for, not yet published, are uploaded
 * as `-unpublished` artifacts before the runner kills the process, and what could not be saved is
 * named in the log.
 */
import * as core from '@actions/core'
import type { Cancellation } from './cancellation.js'
import type { BuildResult } from './engine.js'
import type { Inputs } from './inputs.js'
import type { EventContext } from './publish/mode.js'
import { publishTarget } from './runner-context.js'
import { logText } from './safe-text.js'

/**
 * A cancelled job is killed 10 s after its first signal (SIGINT, SIGTERM 7.5 s later, SIGKILL
 * 2.5 s after that); the uploads get what is left of 9 s, so the log lines still make it out.
 */
export const RESCUE_DEADLINE_MS = 9000

/** Runs `task` once; later calls get the same promise. */
export function once<T>(task: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | undefined
  return () => (running ??= task())
}

/** Saves the run's written files as `-unpublished` artifacts within the deadline, and logs it. */
export async function rescueImages(
  inputs: Pick<Inputs, 'artifactName'>,
  context: EventContext,
  result: BuildResult,
  cancellation: Cancellation
): Promise<void> {
  if (result.changedFiles.length === 0) return
  core.info(
    `Saving ${result.changedFiles.length} files as ${inputs.artifactName}-unpublished artifacts`
  )
  try {
    // Loaded only when needed: the artifact client (and its Azure SDK) would triple the action's
    // start-up bundle, and a rescue has seconds, not milliseconds, to spend.
    const { saveUnpublished } = await import('./publish/unpublished.js')
    const rescue = await saveUnpublished(result, publishTarget(context), {
      artifactName: inputs.artifactName,
      deadlineMs: RESCUE_DEADLINE_MS - cancellation.elapsedMs()
    })
    for (const artifact of rescue.saved)
      core.info(`saved ${logText(artifact.name)}`)
    for (const missed of rescue.missed)
      core.warning(
        `could not save ${logText(missed.path)}: ${logText(missed.reason)}`
      )
  } catch (error) {
    core.warning(
      `could not save the images: ${logText(error instanceof Error ? error.message : String(error))}`
    )
  }
}
