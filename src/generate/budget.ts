/**
 * The one spend guard. Every paid request reserves from it before it starts, colour retries
 * included, and settles when it ends, so neither `max-images` nor `max-cost` can be passed by
 * requests that were already on their way.
 */

import { BudgetExceededError } from '../errors.js'
import type { PlanEstimate } from '../plan/estimate.js'
import type { AssetOutcome } from './outcome.js'

/** The limits of a build; 0 means none. */
export interface BudgetLimits {
  /** USD across the build (`max-cost`). */
  maxCost: number
  /** Images paid for across the build (`max-images`). */
  maxImages: number
}

/** A started request's claim on the budget; settle it exactly once. */
export interface Reservation {
  /**
   * Ends the claim. A paid request adds its reported cost (or, when the cost is unknown, its
   * estimate, so an unreadable cost never makes the budget look larger than it is).
   */
  settle(outcome: { paid: boolean; cost?: number }): void
}

const EPSILON = 1e-9

/** Tracks spent and in-flight money and images against the limits. */
export class SpendGuard {
  readonly limits: BudgetLimits
  private spentUsd = 0
  private paidImages = 0
  private inFlightUsd = 0
  private inFlightImages = 0
  // Per model, the largest ratio of a reported cost to its estimate: once the gateway has shown
  // that a model costs more than estimated, later requests reserve the corrected amount.
  private readonly corrections = new Map<string, number>()

  constructor(limits: BudgetLimits) {
    this.limits = limits
  }

  /** USD paid so far, as reported (estimates stand in for unknown costs). */
  get spent(): number {
    return this.spentUsd
  }

  /** Images paid for so far. */
  get images(): number {
    return this.paidImages
  }

  /**
   * Claims one image at `estimate` USD (undefined: unknown, only allowed without `max-cost`).
   * Throws BudgetExceededError when spent + in flight + this request would pass a limit.
   */
  reserve(model: string, estimate: number | undefined): Reservation {
    const { maxCost, maxImages } = this.limits
    if (
      maxImages > 0 &&
      this.paidImages + this.inFlightImages + 1 > maxImages
    ) {
      throw new BudgetExceededError(
        'max-images',
        `max-images ${maxImages} reached: ${this.paidImages} images paid for, ${this.inFlightImages} in flight`
      )
    }
    const claim = (estimate ?? 0) * (this.corrections.get(model) ?? 1)
    if (
      maxCost > 0 &&
      this.spentUsd + this.inFlightUsd + claim > maxCost + EPSILON
    ) {
      throw new BudgetExceededError(
        'max-cost',
        `max-cost ${usd(maxCost)} reached: ${usd(this.spentUsd)} spent and ${usd(this.inFlightUsd)} in flight, and the next image is estimated at ${usd(claim)}`
      )
    }
    this.inFlightUsd += claim
    this.inFlightImages += 1
    let settled = false
    return {
      settle: ({ paid, cost }) => {
        if (settled) return
        settled = true
        this.inFlightUsd -= claim
        this.inFlightImages -= 1
        if (!paid) return
        this.paidImages += 1
        this.spentUsd += cost ?? claim
        if (cost !== undefined && estimate !== undefined && estimate > 0) {
          const ratio = cost / estimate
          if (ratio > (this.corrections.get(model) ?? 1))
            this.corrections.set(model, ratio)
        }
      }
    }
  }
}

function usd(amount: number): string {
  return `$${amount.toFixed(2)}`
}

/**
 * Opens the build's budget: refuses before any call when the estimate passes `max-cost`, or when a
 * price it needs is unknown (the budget could not be kept); warns (never fails) when the estimate
 * exceeds the gateway credit balance.
 */
export async function openBudget(
  estimate: PlanEstimate,
  limits: BudgetLimits,
  creditBalance?: () => Promise<number | undefined>
): Promise<{ guard: SpendGuard; warnings: string[] }> {
  const { maxCost } = limits
  if (maxCost > 0 && estimate.unknown.length > 0) {
    throw new BudgetExceededError(
      'max-cost',
      `max-cost is ${usd(maxCost)} but no price is known for ${estimate.unknownModels.join(', ')} (${estimate.unknown.join(', ')}): add it under \`pricing:\` in the spec, or set max-cost to 0`
    )
  }
  if (maxCost > 0 && estimate.total > maxCost + EPSILON) {
    throw new BudgetExceededError(
      'max-cost',
      `the plan is estimated at ${usd(estimate.total)}, more than max-cost ${usd(maxCost)}: nothing was generated. Raise max-cost, or narrow the run with only (ids or globs) or split it into shards`
    )
  }
  const warnings: string[] = []
  const balance =
    estimate.total > 0 && creditBalance ? await creditBalance() : undefined
  if (balance !== undefined && estimate.total > balance) {
    warnings.push(
      `the estimate ${usd(estimate.total)} exceeds the gateway credit balance ${usd(balance)}: requests may fail once it runs out`
    )
  }
  return { guard: new SpendGuard(limits), warnings }
}

/** The message of a build a budget stopped, naming the budget; undefined when none did. */
export function budgetStopMessage(
  outcomes: AssetOutcome[],
  guard: SpendGuard
): string | undefined {
  const stopped = outcomes.filter((outcome) => outcome.stoppedBy)
  const limit = stopped[0]?.stoppedBy
  if (!limit) return undefined
  const value =
    limit === 'max-cost'
      ? usd(guard.limits.maxCost)
      : String(guard.limits.maxImages)
  return `${limit} ${value} reached: ${stopped.length} asset${stopped.length === 1 ? '' : 's'} skipped (budget) after ${guard.images} paid image${guard.images === 1 ? '' : 's'} (${usd(guard.spent)}); finished images were kept`
}
