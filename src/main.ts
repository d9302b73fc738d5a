import * as core from '@actions/core'
import {
  buildSummary,
  planSummary,
  reportFailure,
  reviewImages,
  writeSummary
} from './action-report.js'
import { build, plan, type BuildResult, type PlanRequest } from './engine.js'
import { getErrorMessage } from './errors.js'
import { getInputs, type Inputs } from './inputs.js'
import {
  resolvePublishMode,
  type EventContext,
  type PublishDecision
} from './publish/mode.js'
import type { Published } from './publish/publish.js'
import {
  buildManifest,
  planManifest,
  writeManifest
} from './report/manifest.js'
import { formatProgress } from './report/progress.js'
import { renderReport } from './report/summary.js'
import type { ImageStore } from './store/types.js'
import {
  eventContext,
  manifestPath,
  publishTarget,
  workspaceRoot
} from './runner-context.js'
import { VERSION } from './version.js'

/** Output names as declared in action.yml. */
export const OutputName = {
  Generated: 'generated',
  Skipped: 'skipped',
  Failed: 'failed',
  Changed: 'changed',
  CommitSha: 'commit-sha',
  ArtifactId: 'artifact-id',
  ArtifactUrl: 'artifact-url',
  CommentId: 'comment-id',
  Cost: 'cost',
  Manifest: 'manifest'
} as const

/** The action: inputs → plan/build → publish → summary and outputs. The one error boundary. */
export async function run(): Promise<void> {
  // Safe defaults first, so a failure still leaves every output defined.
  for (const name of [
    OutputName.Generated,
    OutputName.Skipped,
    OutputName.Failed,
    OutputName.Cost
  ]) {
    core.setOutput(name, '0')
  }
  core.setOutput(OutputName.Changed, 'false')
  try {
    const inputs = getInputs()
    const context = eventContext()
    const decision = resolvePublishMode(
      inputs.mode,
      context,
      inputs.branch ? { branch: inputs.branch } : {}
    )
    for (const warning of decision.warnings) core.warning(warning)
    if (decision.notice) core.notice(decision.notice)
    const root = workspaceRoot()
    const manifest = manifestPath(root)
    const selection: PlanRequest = {
      root,
      specPath: inputs.spec,
      only: inputs.only,
      force: inputs.force,
      placeholder: inputs.placeholder,
      ...(inputs.shard ? { shard: inputs.shard } : {})
    }
    if (inputs.dryRun || decision.mode === 'skip-fork') {
      const note = inputs.dryRun
        ? 'Dry run: nothing was generated or written.'
        : (decision.notice ?? '')
      return await planOnly(selection, note, manifest)
    }
    if (!inputs.placeholder && !inputs.apiKey) {
      throw new Error(
        'no AI Gateway key: add a repository secret and pass it as `api-key: ${{ secrets.AI_GATEWAY_API_KEY }}` (or env AI_GATEWAY_API_KEY), or set `placeholder: true` to render offline placeholders'
      )
    }
    // Every run reads the store before paying; only publishing runs add to it.
    const writes = decision.mode !== 'none'
    const store = inputs.storeBranch
      ? (await import('./store/action-store.js')).openActionStore(
          inputs,
          publishTarget(context),
          (message) => core.info(message)
        )
      : undefined
    const result = await generate(inputs, selection, store?.store, writes)
    // New images go to the store before anything else is published.
    const saved = store && writes ? await store.save(result) : {}
    if (saved.warning) core.warning(saved.warning)
    // After a failed store write, `store` mode keeps the images as artifacts: none is lost.
    const publishAs: PublishDecision =
      decision.mode === 'store'
        ? { ...decision, mode: saved.warning ? 'artifact' : 'none' }
        : decision
    const published = await publish(
      inputs,
      publishAs,
      context,
      result,
      manifest
    )
    if (saved.store) published.store = saved.store
    await writeManifest(manifest, buildManifest(result, published))
    const images = await reviewImages(
      inputs.githubToken,
      decision,
      context,
      result,
      published
    )
    const summary = buildSummary(
      result,
      published,
      decision,
      inputs.placeholder,
      images
    )
    await writeSummary(renderReport(summary))
    if (inputs.comment && decision.pullNumber) {
      // Nothing new: refresh an existing comment (no stale preview stays), never start one.
      const updateOnly = !(published.changed || result.failed > 0)
      await comment(
        inputs,
        context,
        decision.pullNumber,
        renderReport({ ...summary, title: 'assetgen preview' }, 60_000),
        updateOnly
      )
    }
    setOutputs(result, published, decision, manifest)
    if (result.cancelled)
      core.setFailed(
        'cancelled: finished images and their lock entries were kept'
      )
    else if (published.error) core.setFailed(published.error)
    else if (result.failed > 0 && inputs.failOnError) {
      core.setFailed(
        `${result.failed} of ${result.outcomes.length} assets failed`
      )
    }
  } catch (error) {
    await reportFailure(error)
    core.setFailed(getErrorMessage(error))
  }
}

async function planOnly(
  selection: PlanRequest,
  note: string,
  manifest: string
): Promise<void> {
  const planned = await plan(selection)
  const summary = planSummary(planned, note)
  core.info(summary.notes.at(-1) ?? '')
  await writeManifest(manifest, planManifest(planned))
  await writeSummary(renderReport(summary))
  core.setOutput(OutputName.Skipped, String(summary.totals.skipped))
  core.setOutput(OutputName.Manifest, manifest)
}

async function generate(
  inputs: Inputs,
  selection: PlanRequest,
  store?: ImageStore,
  storeCandidates = false
): Promise<BuildResult> {
  const controller = new AbortController()
  const onSignal = (name: NodeJS.Signals): void => {
    core.warning(`${name}: starting nothing new; keeping what finished`)
    controller.abort(new Error(`cancelled by ${name}`))
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  core.startGroup('Generate images')
  try {
    // Network peers load when needed, so a dry run or a fork PR starts fast.
    const { gatewayModelFactory } = await import('./generate/gateway.js')
    const gateway = {
      apiKey: inputs.apiKey,
      ...(inputs.gatewayUrl ? { baseURL: inputs.gatewayUrl } : {})
    }
    return await build({
      ...selection,
      ...(inputs.placeholder
        ? {}
        : { imageModel: gatewayModelFactory(gateway) }),
      concurrency: inputs.concurrency,
      maxRetries: inputs.maxRetries,
      timeoutMs: inputs.timeoutSeconds * 1000,
      maxImages: inputs.maxImages,
      version: VERSION,
      ...(store ? { store, storeCandidates } : {}),
      signal: controller.signal,
      onProgress: (event) => core.info(formatProgress(event))
    })
  } finally {
    core.endGroup()
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}

async function publish(
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
      const log = (message: string): void => core.info(message)
      return await publishCommit(
        createOctokit(inputs.githubToken, { log }),
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

async function comment(
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
      createOctokit(inputs.githubToken),
      {
        owner: target.owner,
        repo: target.repo,
        issueNumber: pullNumber,
        marker: inputs.artifactName,
        body,
        updateOnly
      }
    )
    if (posted.action === 'absent') return
    core.info(`PR comment ${posted.action}: ${posted.url ?? posted.id}`)
    core.setOutput(OutputName.CommentId, String(posted.id))
  } catch (error) {
    core.warning(`could not post the PR comment: ${getErrorMessage(error)}`)
  }
}

function setOutputs(
  result: BuildResult,
  published: Published,
  decision: PublishDecision,
  manifest: string
): void {
  core.setOutput(OutputName.Generated, String(result.generated))
  core.setOutput(OutputName.Skipped, String(result.skipped))
  core.setOutput(OutputName.Failed, String(result.failed))
  const wroteFiles = result.changedFiles.length > 0
  core.setOutput(
    OutputName.Changed,
    String(wroteFiles && (decision.mode !== 'commit' || published.changed))
  )
  core.setOutput(OutputName.Cost, result.cost.toFixed(4))
  core.setOutput(OutputName.Manifest, manifest)
  if (published.commitSha)
    core.setOutput(OutputName.CommitSha, published.commitSha)
  const first = published.artifacts[0]
  if (first) {
    core.setOutput(OutputName.ArtifactId, String(first.id))
    if (first.url) core.setOutput(OutputName.ArtifactUrl, first.url)
  }
}
