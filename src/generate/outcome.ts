import { BudgetExceededError, GenerationError } from '../errors.js'
import type { ColorCheckResult } from '../images/color-check.js'
import type { SnapStats } from '../images/snap.js'
import type { PlanItem, PlanStatus } from '../plan/plan.js'
import type { LockEntry, LockedVariant } from '../plan/lockfile.js'

/** What happened to one asset in a build; `restored` = written from the image store, not paid. */
export type OutcomeStatus =
  'generated' | 'reprocessed' | 'restored' | 'skipped' | 'failed' | 'cancelled'

/** One asset's result: the row of the manifest, the summary and the PR comment. */
export interface AssetOutcome {
  id: string
  status: OutcomeStatus
  planStatus: PlanStatus
  reason: string
  out: string
  bytes?: number
  sha256?: string
  width?: number
  height?: number
  seed?: number
  /** USD, summed over every paid attempt (colour retries included). */
  cost: number
  /** A paid image's reported cost was not believable: `cost` holds only the believable part. */
  costUnknown?: boolean
  /** Estimated USD before the run (0 when nothing is paid); null when no price is known. */
  estimate?: number | null
  /** The gateway's generation id of each attempt, so a charge can be traced. */
  generationIds?: string[]
  /** Set when a budget stopped the asset (`skipped (budget)`) before any image was paid. */
  stoppedBy?: 'max-cost' | 'max-images'
  durationMs: number
  /** Requests sent to the model. */
  attempts: number
  error?: string
  warnings: string[]
  colorCheck?: ColorCheckResult
  /** What `snapColors` did: the share of pixels exactly on the palette, and changed. */
  snapped?: SnapStats
  variants: LockedVariant[]
  placeholder: boolean
  /** Workspace-relative files this build wrote for the asset. */
  files: string[]
}

/** What an asset's paid images cost, as the gateway reported it, across colour retries. */
export class PaidLedger {
  cost = 0
  costUnknown = false
  images = 0
  readonly generationIds: string[] = []

  /** Adds one paid image; an undefined cost was reported but not believable. */
  add(paid: { cost: number | undefined; generationIds: string[] }): void {
    this.cost += paid.cost ?? 0
    this.costUnknown ||= paid.cost === undefined
    this.images += 1
    this.generationIds.push(...paid.generationIds)
  }

  /**
   * The lock entry's `cost` and `images`: the cost only when every paid image reported a believable
   * one, since estimates learn from it.
   */
  lockFields(): Pick<LockEntry, 'cost' | 'images'> {
    return {
      ...(this.cost > 0 && !this.costUnknown
        ? { cost: this.cost.toFixed(4) }
        : {}),
      ...(this.images > 1 ? { images: this.images } : {})
    }
  }

  /** The outcome fields that trace what was paid, plus the failed attempts' ids of `error`. */
  fields(
    error?: unknown
  ): Pick<AssetOutcome, 'cost' | 'costUnknown' | 'generationIds'> {
    const ids = [
      ...this.generationIds,
      ...(error instanceof GenerationError ? error.generationIds : [])
    ]
    return {
      cost: this.cost,
      ...(this.costUnknown ? { costUnknown: true } : {}),
      ...(ids.length > 0 ? { generationIds: ids } : {})
    }
  }
}

/**
 * The status of an asset that ended with `error`: skipped when a budget stopped it, cancelled when
 * the run was (a per-image timeout is a failure), else failed.
 */
export function failureStatus(
  error: unknown,
  signal: AbortSignal
): Pick<AssetOutcome, 'status' | 'stoppedBy'> {
  if (error instanceof BudgetExceededError)
    return { status: 'skipped', stoppedBy: error.limit }
  const timedOut =
    error instanceof GenerationError && /timed out/.test(error.message)
  return { status: signal.aborted && !timedOut ? 'cancelled' : 'failed' }
}

/** An outcome for a plan item with nothing done yet: the base every status starts from. */
export function initialOutcome(
  item: PlanItem,
  placeholder: boolean
): AssetOutcome {
  return {
    id: item.asset.id,
    status: 'skipped',
    planStatus: item.status,
    reason: item.reason,
    out: item.asset.out,
    cost: 0,
    durationMs: 0,
    attempts: 0,
    warnings: [],
    variants: [],
    placeholder,
    files: []
  }
}
