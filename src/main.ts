import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import * as core from '@actions/core'
import { build, plan, type BuildResult, type Planned } from './engine.js'
import { SpecError, getErrorMessage } from './errors.js'
import { gatewayModelFactory } from './generate/gateway.js'
import { createOctokit } from './github.js'
import { getInputs, type Inputs } from './inputs.js'
import { upsertStickyComment } from './publish/comment.js'
import {
  resolvePublishMode,
  type EventContext,
  type PublishDecision
} from './publish/mode.js'
import {
  publishArtifacts,
  publishCommit,
  type Published,
  type PublishTarget
} from './publish/publish.js'
import { formatProgress } from './report/progress.js'
import {
  manifestAssets,
  plannedAssets,
  writeManifest,
  type Manifest
} from './report/manifest.js'
import { renderReport, type SummaryInput } from './report/summary.js'
import { rowsFromOutcomes, rowsFromPlan } from './report/table.js'
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

function eventContext(): EventContext {
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

function publishTarget(context: EventContext): PublishTarget {
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

/** The action: inputs → plan/build → publish → summary and outputs. The one error boundary. */
export async function run(): Promise<void> {
  // Safe defaults first, so a failure still leaves every output defined.
  for (const name of [
    OutputName.Generated,
    OutputName.Skipped,
    OutputName.Failed
  ])
    core.setOutput(name, '0')
  core.setOutput(OutputName.Changed, 'false')
  core.setOutput(OutputName.Cost, '0')
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
    const root = resolve(process.env.GITHUB_WORKSPACE ?? process.cwd())
    const manifestPath = join(
      process.env.RUNNER_TEMP ?? root,
      `assetgen-manifest-${process.env.GITHUB_RUN_ID ?? 'local'}.json`
    )
    const selection = {
      root,
      specPath: inputs.spec,
      only: inputs.only,
      force: inputs.force,
      placeholder: inputs.placeholder,
      ...(inputs.shard ? { shard: inputs.shard } : {})
    }
    if (inputs.dryRun || decision.mode === 'skip-fork') {
      await planOnly(
        await plan(selection),
        inputs.dryRun
          ? 'dry run: nothing was generated or written'
          : (decision.notice ?? ''),
        manifestPath
      )
      return
    }
    if (!inputs.placeholder && !inputs.apiKey) {
      throw new Error(
        'no AI Gateway key: add a repository secret and pass it as `api-key: ${{ secrets.AI_GATEWAY_API_KEY }}` (or env AI_GATEWAY_API_KEY), or set `placeholder: true` to render offline placeholders'
      )
    }
    const result = await generate(inputs, selection)
    const published = await publish(
      inputs,
      decision,
      context,
      result,
      manifestPath
    )
    await report(inputs, decision, context, result, published, manifestPath)
    if (result.cancelled)
      core.setFailed(
        'cancelled: finished images and their lock entries were kept'
      )
    else if (published.error) core.setFailed(published.error)
    else if (result.failed > 0 && inputs.failOnError)
      core.setFailed(
        `${result.failed} of ${result.outcomes.length} assets failed`
      )
  } catch (error) {
    if (error instanceof SpecError) {
      for (const problem of error.problems) {
        core.error(
          `${problem.path ? `${problem.path}: ` : ''}${problem.message}`,
          {
            title: 'assetgen spec',
            file: problem.file,
            ...(problem.line ? { startLine: problem.line } : {}),
            ...(problem.column ? { startColumn: problem.column } : {})
          }
        )
      }
    }
    core.setFailed(getErrorMessage(error))
  }
}

async function generate(
  inputs: Inputs,
  selection: Parameters<typeof plan>[0]
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
    return await build({
      ...selection,
      ...(inputs.placeholder
        ? {}
        : {
            imageModel: gatewayModelFactory({
              apiKey: inputs.apiKey,
              ...(inputs.gatewayUrl ? { baseURL: inputs.gatewayUrl } : {})
            })
          }),
      concurrency: inputs.concurrency,
      maxRetries: inputs.maxRetries,
      timeoutMs: inputs.timeoutSeconds * 1000,
      maxImages: inputs.maxImages,
      version: VERSION,
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
  manifestPath: string
): Promise<Published> {
  const none: Published = {
    changed: false,
    artifacts: [],
    links: new Map(),
    thumbnails: false
  }
  if (result.cancelled || decision.mode === 'none') return none
  const target = publishTarget(context)
  core.startGroup(`Publish (${decision.mode})`)
  try {
    if (decision.mode === 'commit') {
      const octokit = createOctokit(inputs.githubToken, {
        log: (message) => core.info(message)
      })
      return await publishCommit(octokit, result, target, {
        branch: decision.branch as string,
        message: inputs.commitMessage,
        artifactName: inputs.artifactName,
        log: (message) => core.info(message)
      })
    }
    await writeManifest(manifestPath, manifestOf(result, none))
    return await publishArtifacts(result, target, {
      artifactName: inputs.artifactName,
      ...(inputs.retentionDays ? { retentionDays: inputs.retentionDays } : {}),
      manifestPath
    })
  } finally {
    core.endGroup()
  }
}

function manifestOf(result: BuildResult, published: Published): Manifest {
  return {
    spec: result.spec.specName,
    dryRun: false,
    totals: {
      generated: result.generated,
      reprocessed: result.reprocessed,
      skipped: result.skipped,
      failed: result.failed,
      cost: result.cost
    },
    assets: manifestAssets(result.outcomes),
    orphans: result.plan.orphans,
    ...(published.commitSha
      ? {
          commit: {
            sha: published.commitSha,
            ...(published.verified !== undefined
              ? { verified: published.verified }
              : {})
          }
        }
      : {}),
    ...(published.artifacts.length > 0
      ? {
          artifacts: published.artifacts.map(({ name, id, url }) => ({
            name,
            id,
            ...(url ? { url } : {})
          }))
        }
      : {})
  }
}

async function report(
  inputs: Inputs,
  decision: PublishDecision,
  context: EventContext,
  result: BuildResult,
  published: Published,
  manifestPath: string
): Promise<void> {
  await writeManifest(manifestPath, manifestOf(result, published))
  const notes: string[] = []
  if (published.commitSha)
    notes.push(
      `Committed ${published.commitSha.slice(0, 7)} to \`${decision.branch}\`${published.verified ? ' (verified)' : ''}.`
    )
  else if (decision.mode === 'commit' && !published.error)
    notes.push('Nothing to commit: every output already matches the branch.')
  if (published.error)
    notes.push(`❌ ${published.error}. ${published.recovery ?? ''}`)
  const input: SummaryInput = {
    title: 'assetgen',
    rows: rowsFromOutcomes(result.outcomes),
    totals: {
      generated: result.generated,
      skipped: result.skipped,
      failed: result.failed,
      cost: result.cost,
      placeholder: inputs.placeholder
    },
    notes,
    orphans: result.plan.orphans,
    table: {
      link: (row) => published.links.get(row.id),
      thumbnails: published.thumbnails
    }
  }
  await writeSummary(renderReport(input))
  if (
    inputs.comment &&
    decision.pullNumber &&
    (published.changed || result.failed > 0)
  ) {
    try {
      const target = publishTarget(context)
      const comment = await upsertStickyComment(
        createOctokit(inputs.githubToken),
        {
          owner: target.owner,
          repo: target.repo,
          issueNumber: decision.pullNumber,
          marker: inputs.artifactName,
          body: renderReport({ ...input, title: 'assetgen preview' }, 60_000)
        }
      )
      core.setOutput(OutputName.CommentId, String(comment.id))
    } catch (error) {
      core.warning(`could not post the PR comment: ${getErrorMessage(error)}`)
    }
  }
  core.setOutput(OutputName.Generated, String(result.generated))
  core.setOutput(OutputName.Skipped, String(result.skipped))
  core.setOutput(OutputName.Failed, String(result.failed))
  core.setOutput(
    OutputName.Changed,
    String(
      result.changedFiles.length > 0 &&
        (decision.mode !== 'commit' || published.changed)
    )
  )
  core.setOutput(OutputName.Cost, result.cost.toFixed(4))
  core.setOutput(OutputName.Manifest, manifestPath)
  if (published.commitSha)
    core.setOutput(OutputName.CommitSha, published.commitSha)
  const first = published.artifacts[0]
  if (first) {
    core.setOutput(OutputName.ArtifactId, String(first.id))
    if (first.url) core.setOutput(OutputName.ArtifactUrl, first.url)
  }
}

async function planOnly(
  planned: Planned,
  note: string,
  manifestPath: string
): Promise<void> {
  const work = planned.plan.items.filter(
    (item) => item.action !== 'keep'
  ).length
  await writeManifest(manifestPath, {
    spec: planned.spec.specName,
    dryRun: true,
    totals: {
      generated: 0,
      reprocessed: 0,
      skipped: planned.plan.items.length - work,
      failed: 0,
      cost: 0
    },
    assets: plannedAssets(planned.plan),
    orphans: planned.plan.orphans
  })
  core.info(`${work} of ${planned.plan.items.length} assets would be generated`)
  await writeSummary(
    renderReport({
      title: 'assetgen plan',
      rows: rowsFromPlan(planned.plan),
      totals: {
        generated: 0,
        skipped: planned.plan.items.length - work,
        failed: 0,
        cost: 0,
        placeholder: false
      },
      notes: [note, `${work} would be generated.`].filter(Boolean),
      orphans: planned.plan.orphans
    })
  )
  core.setOutput(OutputName.Skipped, String(planned.plan.items.length - work))
  core.setOutput(OutputName.Changed, 'false')
  core.setOutput(OutputName.Manifest, manifestPath)
}

async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  await core.summary.addRaw(markdown).write()
}
