import { BudgetExceededError, GenerationError } from '../errors.js'
import type { ColorCheckResult } from '../images/color-check.js'
import type { PlanItem, PlanStatus } from '../plan/plan.js'
import type { LockedVariant } from '../plan/lockfile.js'

/** What happened to one asset in a build. */
export type OutcomeStatus =
  'generated' | 'reprocessed' | 'skipped' | 'failed' | 'cancelled'

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
  variants: LockedVariant[]
  placeholder: boolean
  /** Workspace-relative files this build wrote for the asset. */
  files: string[]
}

/** What an asset's paid images cost, as the gateway reported it. */
export interface PaidTotals {
  cost: number
  costUnknown: boolean
  images: number
}

/** The outcome fields that trace what was paid. */
export function paidFields(
  totals: PaidTotals,
  generationIds: string[]
): Pick<AssetOutcome, 'costUnknown' | 'generationIds'> {
  return {
    ...(totals.costUnknown ? { costUnknown: true } : {}),
    ...(generationIds.length > 0 ? { generationIds } : {})
  }
}

/**
 * The status of an asset that ended with `error`: skipped when a budget stopped it, cancelled when
 * the run was (a per-image timeout is a failure), else failed.
 */
export function failureStatus(
  error: unknown,
  signal: AbortSignal
): OutcomeStatus {
  if (error instanceof BudgetExceededError) return 'skipped'
  const timedOut =
    error instanceof GenerationError && /timed out/.test(error.message)
  return signal.aborted && !timedOut ? 'cancelled' : 'failed'
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
