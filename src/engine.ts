import { relative } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import type { AuthenticationError } from './errors.js'
import { InputError } from './errors.js'
import type { ImageModelFactory } from './generate/gateway.js'
import { initialOutcome, type AssetOutcome } from './generate/outcome.js'
import { mapBounded } from './concurrency.js'
import { budgetStopMessage, openBudget } from './generate/budget.js'
import { AdaptivePool } from './generate/pool.js'
import type { RequestTags } from './generate/request.js'
import type * as GenerationModuleType from './generate/run.js'
import type * as RestoreModuleType from './generate/restore.js'
import type { AssetRun, RunContext } from './generate/run.js'
import type { Lockfile } from './plan/lockfile.js'
import { LockfileWriter } from './plan/lockfile-writer.js'

type GenerationModule = typeof GenerationModuleType
type RestoreModule = typeof RestoreModuleType
import type { PlanItem } from './plan/plan.js'
import {
  imagesToGenerate,
  planLoaded,
  planWithStore,
  type PlanRequest,
  type Planned
} from './plan/planning.js'
import {
  acquireWorkspaceLock,
  type WorkspaceLockOptions
} from './plan/workspace-lock.js'
import { loadSpec } from './spec/load.js'
import type { Spec } from './spec/types.js'
import { storeEntry } from './store/lookup.js'
import type { StoreEntry } from './store/types.js'

export type { PlanRequest, Planned } from './plan/planning.js'
export { imagesToGenerate } from './plan/planning.js'

/** A progress event, one per asset as it completes (skipped ones first). */
export interface ProgressEvent {
  done: number
  total: number
  outcome: AssetOutcome
  /** The longest asset id, so progress lines can align. */
  idWidth: number
}

/** Build settings and collaborators. */
export interface BuildRequest extends PlanRequest {
  /** The model per asset; ignored (placeholder renderer) when `placeholder` is set. */
  imageModel?: ImageModelFactory
  concurrency: number
  maxRetries: number
  /** Per image, across its attempts. */
  timeoutMs: number
  /** Refuse before any call when more images would be generated; 0 = no cap. Counts paid images. */
  maxImages: number
  /** USD: refuse before any call when the estimate is higher, start no request past it; 0 = none. */
  maxCost?: number
  /** The gateway credit balance (USD), to warn when the estimate exceeds it; never fatal. */
  creditBalance?: () => Promise<number | undefined>
  /** Tag requests for the gateway's spend reports; undefined sends no tags. */
  tags?: RequestTags
  /** assetgen's version, recorded in each image's provenance. */
  version: string
  /** Fail an asset whose answer differs from the request (size, ignored settings). */
  strict?: boolean
  backoffMs?: number
  /** Aborting it (SIGINT/SIGTERM) starts nothing new and cancels what is in flight. */
  signal?: AbortSignal
  /** Where the key comes from, for the 401/403 message (default `AI_GATEWAY_API_KEY`). */
  keySource?: string
  now?: () => Date
  onProgress?: (event: ProgressEvent) => void
  /** Bounds for waiting on another build of the same workspace (see workspace-lock.ts). */
  workspaceLock?: Pick<WorkspaceLockOptions, 'waitMs' | 'staleMs' | 'pollMs'>
  /** Collect every image this build generates as a store entry (with its preview) in `stored`. */
  storeCandidates?: boolean
}

/** What a build did. */
export interface BuildResult extends Planned {
  outcomes: AssetOutcome[]
  generated: number
  reprocessed: number
  /** Assets written from the image store, with no model call. */
  restored: number
  skipped: number
  failed: number
  /** USD across every asset. */
  cost: number
  cancelled: boolean
  /** Set when a budget stopped assets: names the budget, for the exit message. */
  budgetStop?: string
  /** Workspace-relative paths written by this build, the lockfile included when it changed. */
  changedFiles: string[]
  /** Workspace-relative lockfile path. */
  lockfile: Lockfile
  lockfilePath: string
  peakInFlight: number
  /** Images this build generated (never restored ones, never placeholders), to add to the store. */
  stored: StoreEntry[]
}

/**
 * Loads and validates the spec, reads the lockfile and plans every asset, looks up what it would
 * generate in `request.store` (hits become `from-store` restores), then estimates the cost of the
 * rest. Makes no network call but the store's and `imagePrices`, when given and needed.
 */
export async function plan(request: PlanRequest): Promise<Planned> {
  return (await planWithStore(request)).planned
}

/**
 * Plans, then generates every asset that needs it with bounded concurrency, writing each image and
 * the lockfile as soon as it succeeds. One asset's failure does not stop the others; failed or
 * cancelled assets keep their previous files and lock entries.
 */
export async function build(request: BuildRequest): Promise<BuildResult> {
  // The generation path (AI SDK, image encoders) loads only for a build, while the plan reads files.
  const generation = Promise.all([
    import('./generate/run.js'),
    import('./generate/restore.js')
  ])
  const spec = await loadSpec({
    specPath: request.specPath,
    root: request.root
  })
  // Held from planning to the last lockfile write, so a second build plans on what this one wrote
  // and never pays for the same images.
  const workspaceLock = await acquireWorkspaceLock({
    ...request.workspaceLock,
    lockfilePath: spec.lockfilePath,
    ...(request.onWarning ? { onWait: request.onWarning } : {}),
    ...(request.signal ? { signal: request.signal } : {})
  })
  try {
    return await buildLocked(request, spec, generation)
  } finally {
    await workspaceLock.release()
  }
}

async function buildLocked(
  request: BuildRequest,
  spec: Spec,
  generation: Promise<[GenerationModule, RestoreModule]>
): Promise<BuildResult> {
  const { planned, hits } = await planLoaded(request, spec)
  const { plan: thePlan } = planned
  const toGenerate = imagesToGenerate(thePlan)
  if (request.maxImages > 0 && toGenerate > request.maxImages) {
    throw new InputError(
      `the plan generates ${toGenerate} images but max-images is ${request.maxImages}: raise max-images or narrow the run with only`
    )
  }
  const { estimate } = planned
  const opened = await openBudget(
    estimate,
    { maxCost: request.maxCost ?? 0, maxImages: request.maxImages },
    request.creditBalance
  )
  const budget = opened.guard
  const [{ generateAsset, reprocessAsset }, { restoreAsset }] = await generation
  const imageModel = request.placeholder
    ? (await import('./generate/placeholder.js')).placeholderModelFactory
    : request.imageModel
  if (!imageModel && toGenerate > 0)
    throw new InputError(
      'no image model: pass an API key or use the placeholder renderer'
    )

  // A 401/403 stops the whole run: the key is shared, so every other request would fail alike.
  const refusal = new AbortController()
  let refused: AuthenticationError | undefined
  const signal = AbortSignal.any([
    request.signal ?? new AbortController().signal,
    refusal.signal
  ])
  const pool = new AdaptivePool(request.concurrency)
  const lock = new LockfileWriter(spec, planned.lockfile)
  const outcomes: AssetOutcome[] = []
  const total = thePlan.items.length
  const idWidth = Math.max(0, ...spec.assets.map((asset) => asset.id.length))
  const report = (outcome: AssetOutcome): void => {
    outcome.estimate = estimate.assets.get(outcome.id)?.usd ?? null
    outcomes.push(outcome)
    request.onProgress?.({ done: outcomes.length, total, outcome, idWidth })
  }
  const base = {
    root: spec.root,
    version: request.version,
    placeholder: request.placeholder ?? false,
    strict: request.strict ?? false,
    now: request.now ?? (() => new Date()),
    imageModel:
      imageModel ??
      (() => {
        throw new InputError('no image model')
      }),
    pool,
    budget,
    ...(request.tags ? { tags: request.tags } : {}),
    maxRetries: request.maxRetries,
    backoffMs: request.backoffMs ?? 1000,
    // Ends early (rejecting) when the signal aborts, so a cancelled run never waits out a backoff.
    sleep: (ms: number, signal: AbortSignal) =>
      sleep(ms, undefined, { signal }),
    ...(request.keySource ? { keySource: request.keySource } : {}),
    onAuthenticationFailure: (error: AuthenticationError) => {
      refused ??= error
      // A short reason: every cancelled asset repeats it, the full message is thrown once below.
      refusal.abort(
        new Error('the run stopped: the AI Gateway refused the API key')
      )
    }
  }

  for (const item of thePlan.items) {
    if (item.action === 'keep') report(skippedOutcome(item, base.placeholder))
  }
  const work = thePlan.items.filter((item) => item.action !== 'keep')
  const stored: StoreEntry[] = []
  // Twice the request limit in progress: while some assets are being processed, others are
  // already waiting on the model, and memory stays bounded by the concurrency, not the asset count.
  await mapBounded(work, request.concurrency * 2, async (item) => {
    const timeout = AbortSignal.timeout(request.timeoutMs)
    const context: RunContext = {
      ...base,
      estimate: estimate.assets.get(item.asset.id)?.usd,
      timeoutMs: request.timeoutMs,
      signal: AbortSignal.any([signal, timeout])
    }
    const hit = hits.get(item.asset.id)
    const run: AssetRun =
      item.action === 'reprocess'
        ? await reprocessAsset(item, context)
        : hit
          ? await restoreAsset(item, context, hit)
          : await generateAsset(item, context)
    if (run.entry) await lock.record(item.asset.id, run.entry)
    const entry = request.storeCandidates
      ? await storeEntry(item, run)
      : undefined
    if (entry) stored.push(entry)
    report(run.outcome)
  })
  await lock.finish()
  // Thrown after the lockfile is written, so anything paid for before the refusal is kept.
  if (refused) throw refused

  const order = new Map(spec.assets.map((asset, index) => [asset.id, index]))
  outcomes.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))
  const count = (status: AssetOutcome['status']): number =>
    outcomes.filter((outcome) => outcome.status === status).length
  const lockfilePath = relative(spec.root, spec.lockfilePath)
    .split('\\')
    .join('/')
  const changedFiles = outcomes.flatMap((outcome) => outcome.files)
  if (lock.changed) changedFiles.push(lockfilePath)
  const budgetStop = budgetStopMessage(outcomes, budget)
  return {
    ...planned,
    warnings: [...planned.warnings, ...opened.warnings],
    ...(budgetStop ? { budgetStop } : {}),
    lockfile: lock.current,
    lockfilePath,
    outcomes,
    generated: count('generated'),
    reprocessed: count('reprocessed'),
    restored: count('restored'),
    skipped: count('skipped'),
    failed: count('failed') + count('cancelled'),
    cost: outcomes.reduce((sum, outcome) => sum + outcome.cost, 0),
    cancelled: signal.aborted,
    changedFiles,
    peakInFlight: pool.peakInFlight,
    stored
  }
}

function skippedOutcome(item: PlanItem, placeholder: boolean): AssetOutcome {
  const previous = item.previous
  return {
    ...initialOutcome(item, previous?.placeholder ?? placeholder),
    ...(previous
      ? {
          bytes: previous.bytes,
          sha256: previous.sha256,
          width: previous.width,
          height: previous.height,
          seed: previous.seed,
          variants: previous.variants ?? []
        }
      : {}),
    warnings: item.status === 'edited' ? [item.reason] : []
  }
}
