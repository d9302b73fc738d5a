import * as core from '@actions/core'
import { OutputName, setOutput } from './action-outputs.js'
import type { BuildResult } from './engine.js'
import { getErrorMessage } from './errors.js'
import type { Inputs } from './inputs.js'
import type { EventContext, PublishDecision } from './publish/mode.js'
import type { Published } from './publish/publish.js'
import { buildManifest, writeManifest } from './report/manifest.js'
import { publishTarget } from './runner-context.js'
import { logText } from './safe-text.js'

/** Publishes a build as the decision says (commit or artifact); nothing when cancelled or mode `none`. */
export async function publish(
  inputs: Inputs,
  decision: PublishDecision,
  context: EventContext,
  result: BuildResult,
  manifest: string
): Promise<Published> {
  const none: Published = {
    changed: false,
    artifacts: [],
    links: new Map(),
    thumbnails: false
  }
  if (result.cancelled || decision.mode === 'none') return none
  const target = publishTarget(context)
  const { publishArtifacts, publishCommit } =
    await import('./publish/publish.js')
  core.startGroup(`Publish (${decision.mode})`)
  try {
    if (decision.mode === 'commit') {
      const { createOctokit } = await import('./github.js')
      const log = (message: string): void => core.info(logText(message))
      return await publishCommit(
        createOctokit(inputs.githubToken, {
          log,
          maxWaitSeconds: inputs.maxWait
        }),
        result,
        target,
        {
          branch: decision.branch as string,
          message: inputs.commitMessage,
          artifactName: inputs.artifactName,
          log
        }
      )
    }
    // The manifest travels with the preview images.
    await writeManifest(manifest, buildManifest(result))
    return await publishArtifacts(result, target, {
      artifactName: inputs.artifactName,
      ...(inputs.retentionDays ? { retentionDays: inputs.retentionDays } : {}),
      manifestPath: manifest
    })
  } finally {
    core.endGroup()
  }
}

/** Posts or refreshes the sticky PR comment; a failure is a warning, never fatal. */
export async function comment(
  inputs: Inputs,
  context: EventContext,
  pullNumber: number,
  body: string,
  updateOnly: boolean
): Promise<void> {
  try {
    const target = publishTarget(context)
    const { createOctokit } = await import('./github.js')
    const { upsertStickyComment } = await import('./publish/comment.js')
    const posted = await upsertStickyComment(
      createOctokit(inputs.githubToken, { maxWaitSeconds: inputs.maxWait }),
      {
        owner: target.owner,
        repo: target.repo,
        issueNumber: pullNumber,
        marker: inputs.artifactName,
        body,
        // An App token's comments are `<slug>[bot]`'s, and the token can't tell its slug.
        ...(process.env.ASSETGEN_APP_SLUG
          ? { appSlug: process.env.ASSETGEN_APP_SLUG }
          : {}),
        updateOnly
      }
    )
    if (posted.action === 'absent') return
    core.info(
      logText(`PR comment ${posted.action}: ${posted.url ?? posted.id}`)
    )
    setOutput(OutputName.CommentId, String(posted.id))
  } catch (error) {
    core.warning(
      `could not post the PR comment: ${logText(getErrorMessage(error))}`
    )
  }
}
