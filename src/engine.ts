import { relative } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { InputError } from './errors.js'
import type { ImageModelFactory } from './generate/gateway.js'
import { initialOutcome, type AssetOutcome } from './generate/outcome.js'
import { mapBounded } from './concurrency.js'
import { AdaptivePool } from './generate/pool.js'
import type { AssetRun, RunContext } from './generate/run.js'
import {
  readLockfile,
  serializeLockfile,
  writeLockfile,
  type Lockfile
} from './plan/lockfile.js'
import { planSpec, type Plan, type PlanItem } from './plan/plan.js'
import { loadSpec } from './spec/load.js'
import type { Spec } from './spec/types.js'
import { lookupStore, storeEntry } from './store/lookup.js'
import type { ImageStore, StoreEntry, StoreHit } from './store/types.js'

/** Selection and the spec to read. */
export interface PlanRequest {
  /** Absolute workspace root: every path in the spec is confined to it. */
  root: string
  /** The spec file, absolute or relative to root. */
  specPath: string
  only?: string[]
  force?: boolean
  placeholder?: boolean
  shard?: { index: number; count: number }
  /**
   * The image store to look up before paying: verified hits become `from-store` restores. Ignored
   * for placeholder runs (a placeholder is not a paid image).
   */
  store?: ImageStore
}

/** A loaded spec, its lockfile and the plan. */
export interface Planned {
  spec: Spec
  lockfile: Lockfile
  plan: Plan
}

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
  /** Refuse before any call when more images would be generated; 0 = no cap. */
  maxImages: number
  /** assetgen's version, recorded in each image's provenance. */
  version: string
  backoffMs?: number
  /** Aborting it (SIGINT/SIGTERM) starts nothing new and cancels what is in flight. */
  signal?: AbortSignal
  now?: () => Date
  onProgress?: (event: ProgressEvent) => void
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
 * Loads and validates the spec, reads the lockfile and plans every asset, then looks up what it
 * would generate in `request.store`, if any. Makes no network call but the store's.
 */
export async function plan(request: PlanRequest): Promise<Planned> {
  return (await planWithStore(request)).planned
}

async function planWithStore(
  request: PlanRequest
): Promise<{ planned: Planned; hits: Map<string, StoreHit> }> {
  const spec = await loadSpec({
    specPath: request.specPath,
    root: request.root
  })
  const lockfile = await readLockfile(spec.lockfilePath)
  const planned = await planSpec(spec, lockfile, {
    ...(request.only ? { only: request.only } : {}),
    force: request.force ?? false,
    placeholder: request.placeholder ?? false,
    ...(request.shard ? { shard: request.shard } : {})
  })
  const looked =
    request.store && !request.placeholder
      ? await lookupStore(planned, request.store)
      : { plan: planned, hits: new Map<string, StoreHit>() }
  return { planned: { spec, lockfile, plan: looked.plan }, hits: looked.hits }
}

/** Counts how many model calls a plan needs at least (one per generated asset). */
export function imagesToGenerate(planned: Plan): number {
  return planned.items.filter((item) => item.action === 'generate').length
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
  const { planned, hits } = await planWithStore(request)
  const { spec, plan: thePlan } = planned
  const toGenerate = imagesToGenerate(thePlan)
  if (request.maxImages > 0 && toGenerate > request.maxImages) {
    throw new InputError(
      `the plan generates ${toGenerate} images but max-images is ${request.maxImages}: raise max-images or narrow the run with only`
    )
  }
  const [{ generateAsset, reprocessAsset }, { restoreAsset }] = await generation
  const imageModel = request.placeholder
    ? (await import('./generate/placeholder.js')).placeholderModelFactory
    : request.imageModel
  if (!imageModel && toGenerate > 0)
    throw new InputError(
      'no image model: pass an API key or use the placeholder renderer'
    )

  const signal = request.signal ?? new AbortController().signal
  const pool = new AdaptivePool(request.concurrency)
  const lock = new LockfileWriter(spec, planned.lockfile)
  const outcomes: AssetOutcome[] = []
  const total = thePlan.items.length
  const idWidth = Math.max(0, ...spec.assets.map((asset) => asset.id.length))
  const report = (outcome: AssetOutcome): void => {
    outcomes.push(outcome)
    request.onProgress?.({ done: outcomes.length, total, outcome, idWidth })
  }
  const base = {
    root: spec.root,
    version: request.version,
    placeholder: request.placeholder ?? false,
    now: request.now ?? (() => new Date()),
    imageModel:
      imageModel ??
      (() => {
        throw new InputError('no image model')
      }),
    pool,
    maxRetries: request.maxRetries,
    backoffMs: request.backoffMs ?? 1000,
    // Ends early (rejecting) when the signal aborts, so a cancelled run never waits out a backoff.
    sleep: (ms: number, signal: AbortSignal) => sleep(ms, undefined, { signal })
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

  const order = new Map(spec.assets.map((asset, index) => [asset.id, index]))
  outcomes.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))
  const count = (status: AssetOutcome['status']): number =>
    outcomes.filter((outcome) => outcome.status === status).length
  const lockfilePath = relative(spec.root, spec.lockfilePath)
    .split('\\')
    .join('/')
  const changedFiles = outcomes.flatMap((outcome) => outcome.files)
  if (lock.changed) changedFiles.push(lockfilePath)
  return {
    ...planned,
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

/**
 * Keeps the lockfile on disk in step with the files: each success is written at once (atomically,
 * one write at a time), so a run killed halfway keeps what it paid for. Entries of assets no longer
 * in the spec are dropped; failed assets keep their previous entries.
 */
class LockfileWriter {
  current: Lockfile
  private readonly original: string
  private queue: Promise<void> = Promise.resolve()
  private readonly path: string

  constructor(spec: Spec, previous: Lockfile) {
    this.path = spec.lockfilePath
    this.original = serializeLockfile(previous)
    const ids = new Set(spec.assets.map((asset) => asset.id))
    const assets = Object.fromEntries(
      Object.entries(previous.assets).filter(([id]) => ids.has(id))
    )
    this.current = { version: previous.version, assets }
  }

  get changed(): boolean {
    return serializeLockfile(this.current) !== this.original
  }

  record(id: string, entry: Lockfile['assets'][string]): Promise<void> {
    this.current.assets[id] = entry
    return this.flush()
  }

  finish(): Promise<void> {
    return this.changed ? this.flush() : this.queue
  }

  private flush(): Promise<void> {
    const snapshot = {
      version: this.current.version,
      assets: { ...this.current.assets }
    }
    this.queue = this.queue.then(() => writeLockfile(this.path, snapshot))
    return this.queue
  }
}
