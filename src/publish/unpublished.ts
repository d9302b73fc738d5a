/**
 * Saving paid-for images that were not published, as `<artifact-name>-unpublished` artifacts: on a
 * cancel (any phase) and when publishing stopped. Each file is uploaded on its own, so what
 * finished before the deadline is saved and the rest is named in the log.
 */
import { join } from 'node:path'
import type { BuildResult } from '../engine.js'
import { getErrorMessage } from '../errors.js'
import { uploadPreviews, type UploadedArtifact } from './artifacts.js'
import type { PublishTarget } from './publish.js'

/** What {@link saveUnpublished} managed. */
export interface Rescue {
  saved: UploadedArtifact[]
  /** Workspace-relative paths not saved, each with why. */
  missed: Array<{ path: string; reason: string }>
}

/** Uploads every file the build wrote, giving up on what is unfinished after `deadlineMs`. */
export async function saveUnpublished(
  result: Pick<BuildResult, 'changedFiles'> & { spec: { root: string } },
  target: PublishTarget,
  options: { artifactName: string; deadlineMs: number }
): Promise<Rescue> {
  const rescue: Rescue = { saved: [], missed: [] }
  const pending = new Set(result.changedFiles)
  const uploads = result.changedFiles.map(async (path) => {
    try {
      const uploaded = await uploadPreviews({
        files: [{ path: join(result.spec.root, path) }],
        rootDirectory: result.spec.root,
        namePrefix: `${options.artifactName}-unpublished`,
        ...(target.runId ? { runId: target.runId } : {}),
        ...(target.runAttempt ? { runAttempt: target.runAttempt } : {})
      })
      rescue.saved.push(...uploaded.artifacts)
    } catch (error) {
      rescue.missed.push({ path, reason: getErrorMessage(error) })
    } finally {
      pending.delete(path)
    }
  })
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, Math.max(0, options.deadlineMs))
  })
  await Promise.race([Promise.all(uploads), deadline])
  clearTimeout(timer)
  for (const path of pending)
    rescue.missed.push({ path, reason: 'not finished before the deadline' })
  return rescue
}
