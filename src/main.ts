import * as core from '@actions/core'
import { OutputName, setOutput, setOutputs } from './action-outputs.js'
import { comment, publish } from './action-publish.js'
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
import { resolvePublishMode, type PublishDecision } from './publish/mode.js'
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
import { watchSignals } from './cancellation.js'
import { once, rescueImages } from './rescue.js'
import { logText } from './safe-text.js'
import { VERSION } from './version.js'

export { OutputName } from './action-outputs.js'

/** The action: inputs → plan/build → publish → summary and outputs. The one error boundary. */
export async function run(): Promise<void> {
  // Safe defaults first, so a failure still leaves every output defined.
  for (const name of [
    OutputName.Generated,
    OutputName.Skipped,
    OutputName.Failed,
    OutputName.Cost,
    OutputName.EstimatedCost
  ]) {
    setOutput(name, '0')
  }
  setOutput(OutputName.Changed, 'false')
  // Watched for the whole run, so a signal in any phase (publishing too) saves what was paid for.
  const cancellation = watchSignals((name) =>
    core.warning(
      `${name}: starting nothing new; saving the images paid for so far`
    )
  )
  try {
    const inputs = getInputs()
    const context = eventContext()
    const decision = resolvePublishMode(
      inputs.mode,
      context,
      inputs.branch ? { branch: inputs.branch } : {}
    )
    for (const warning of decision.warnings) core.warning(logText(warning))
    if (decision.notice) core.notice(logText(decision.notice))
    const root = workspaceRoot()
    const manifest = manifestPath(root)
    const selection: PlanRequest = {
      root,
      specPath: inputs.spec,
      only: inputs.only,
      force: inputs.force,
      placeholder: inputs.placeholder,
      ...(inputs.shard ? { shard: inputs.shard } : {}),
      ...priceList(inputs),
      onWarning: (message) => core.warning(logText(message))
    }
    // Every run reads the store before paying, a dry run too, so its estimate leaves out what
    // the store already holds; only publishing runs add to it.
    const store = inputs.storeBranch
      ? (await import('./store/action-store.js')).openActionStore(
          inputs,
          publishTarget(context),
          (message) => core.info(logText(message))
        )
      : undefined
    if (inputs.dryRun || decision.mode === 'skip-fork') {
      const note = inputs.dryRun
        ? 'Dry run: nothing was generated or written.'
        : (decision.notice ?? '')
      return await planOnly(
        store ? { ...selection, store: store.store } : selection,
        note,
        manifest
      )
    }
    if (!inputs.placeholder && !inputs.apiKey) {
      throw new Error(
        'no AI Gateway key: add a repository secret and pass it as `api-key: ${{ secrets.AI_GATEWAY_API_KEY }}` (or env AI_GATEWAY_API_KEY), or set `placeholder: true` to render offline placeholders'
      )
    }
    const writes = decision.mode !== 'none'
    const result = await generate(
      inputs,
      selection,
      cancellation.signal,
      store?.store,
      writes
    )
    const rescue = once(() =>
      rescueImages(inputs, context, result, cancellation)
    )
    // Cancelled while generating: nothing is published, so what was paid for is saved now.
    if (result.cancelled && writes) await rescue()
    // A signal while publishing (the store included): save the images as artifacts at once, then stop.
    if (!result.cancelled && writes)
      cancellation.onCancel(() => {
        void rescue().finally(() => {
          core.setFailed(
            'cancelled while publishing: see above for what was saved'
          )
          process.exit()
        })
      })
    // New images go to the store before anything else is published.
    const saved =
      store && writes && !result.cancelled ? await store.save(result) : {}
    if (saved.warning) core.warning(logText(saved.warning))
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
    cancellation.onCancel(undefined)
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
    else if (published.error) core.setFailed(logText(published.error))
    else if (result.budgetStop)
      core.setFailed(
        logText(
          `${result.budgetStop}; raise max-cost or max-images, or narrow the run with only or shards`
        )
      )
    else if (result.failed > 0 && inputs.failOnError) {
      core.setFailed(
        `${result.failed} of ${result.outcomes.length} assets failed`
      )
    }
  } catch (error) {
    await reportFailure(error)
    core.setFailed(logText(getErrorMessage(error)))
  } finally {
    cancellation.dispose()
  }
}

async function planOnly(
  selection: PlanRequest,
  note: string,
  manifest: string
): Promise<void> {
  const planned = await plan(selection)
  for (const warning of planned.warnings) core.warning(logText(warning))
  const summary = planSummary(planned, note)
  core.info(logText(summary.notes.at(-1) ?? ''))
  await writeManifest(manifest, planManifest(planned))
  await writeSummary(renderReport(summary))
  setOutput(OutputName.Skipped, String(summary.totals.skipped))
  setOutput(OutputName.EstimatedCost, planned.estimate.total.toFixed(4))
  setOutput(OutputName.Manifest, manifest)
}

/** The gateway catalogue as the estimate's last source, when there is a key to read it with. */
function priceList(inputs: Inputs): Pick<PlanRequest, 'imagePrices'> {
  if (!inputs.apiKey || inputs.placeholder) return {}
  return {
    imagePrices: async () =>
      (await import('./generate/gateway.js')).readImagePrices(
        gatewaySettings(inputs)
      )
  }
}

function gatewaySettings(inputs: Inputs): { apiKey: string; baseURL?: string } {
  return {
    apiKey: inputs.apiKey,
    ...(inputs.gatewayUrl ? { baseURL: inputs.gatewayUrl } : {})
  }
}

async function generate(
  inputs: Inputs,
  selection: PlanRequest,
  signal: AbortSignal,
  store?: ImageStore,
  storeCandidates = false
): Promise<BuildResult> {
  core.startGroup('Generate images')
  try {
    // Network peers load when needed, so a dry run or a fork PR starts fast.
    const { gatewayModelFactory, readCreditBalance } =
      await import('./generate/gateway.js')
    const gateway = gatewaySettings(inputs)
    const repository = process.env.GITHUB_REPOSITORY
    const result = await build({
      ...selection,
      ...(inputs.placeholder
        ? {}
        : {
            imageModel: gatewayModelFactory(gateway),
            creditBalance: () => readCreditBalance(gateway)
          }),
      maxCost: inputs.maxCost,
      ...(inputs.tagRequests ? { tags: repository ? { repository } : {} } : {}),
      concurrency: inputs.concurrency,
      maxRetries: inputs.maxRetries,
      timeoutMs: inputs.timeoutSeconds * 1000,
      maxImages: inputs.maxImages,
      strict: inputs.strict,
      version: VERSION,
      ...(store ? { store, storeCandidates } : {}),
      signal,
      keySource: 'the api-key input (secret AI_GATEWAY_API_KEY)',
      onProgress: (event) => {
        core.info(formatProgress(event))
        // What the model did differently from the request, as annotations (see generate/verify.ts).
        if (event.outcome.status !== 'generated') return
        for (const warning of event.outcome.warnings) {
          core.warning(logText(warning), {
            title: `assetgen: ${event.outcome.id}`
          })
        }
      }
    })
    for (const warning of result.warnings) core.warning(logText(warning))
    return result
  } finally {
    core.endGroup()
  }
}
