import type { ColorCheckResult } from '../images/color-check.js'
import type { PlanItem, PlanStatus } from '../plan/plan.js'
import type { LockedVariant } from '../plan/lockfile.js'

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
