// The spend guard's edges, unit by unit: where a limit starts to refuse, what a settle counts,
// and the stop message's wording per limit (the engine path is in budget.test.ts).
import { describe, expect, it, vi } from 'vitest'
import { BudgetExceededError } from '../../src/errors.js'
import {
  SpendGuard,
  budgetStopMessage,
  openBudget
} from '../../src/generate/budget.js'
import type { AssetOutcome } from '../../src/generate/outcome.js'

/** The BudgetExceededError `run` throws, or fails the test. */
function refusal(run: () => unknown): BudgetExceededError {
  try {
    run()
  } catch (error) {
    if (error instanceof BudgetExceededError) return error
    throw error
  }
  throw new Error('expected a BudgetExceededError')
}

describe('SpendGuard limits', () => {
  it('names the limit that refused, in the error itself', () => {
    const images = new SpendGuard({ maxCost: 0, maxImages: 1 })
    images.reserve('m', 0.1)
    expect(refusal(() => images.reserve('m', 0.1)).limit).toBe('max-images')
    const cost = new SpendGuard({ maxCost: 0.1, maxImages: 0 })
    expect(refusal(() => cost.reserve('m', 0.2)).limit).toBe('max-cost')
  })

  it('fills max-cost to the cent despite float sums, and max-images to the image', () => {
    // 0.1 + 0.1 + 0.1 is 0.30000000000000004 in floats: still within $0.30.
    const guard = new SpendGuard({ maxCost: 0.3, maxImages: 3 })
    for (let index = 0; index < 3; index++) guard.reserve('m', 0.1)
    expect(() => guard.reserve('m', 0)).toThrow(/max-images 3 reached/)
    expect(() =>
      new SpendGuard({ maxCost: 0.3, maxImages: 0 }).reserve('m', 0.31)
    ).toThrow(/max-cost \$0\.30 reached/)
  })

  it('has no limit at 0, and unknown prices count as nothing without max-cost', () => {
    const guard = new SpendGuard({ maxCost: 0, maxImages: 0 })
    for (let index = 0; index < 50; index++) {
      guard.reserve('m', index % 2 ? undefined : 10).settle({ paid: true })
    }
    expect(guard.images).toBe(50)
    expect(guard.spent).toBe(250)
  })

  it('counts a reservation settled twice once', () => {
    const guard = new SpendGuard({ maxCost: 1, maxImages: 2 })
    const reservation = guard.reserve('m', 0.5)
    reservation.settle({ paid: true, cost: 0.5 })
    reservation.settle({ paid: true, cost: 0.5 })
    reservation.settle({ paid: false })
    expect(guard.images).toBe(1)
    expect(guard.spent).toBe(0.5)
    // The second image still fits: nothing is left in flight from the first.
    expect(() => guard.reserve('m', 0.5)).not.toThrow()
  })

  it('never reserves less than the estimate, even after a cheaper result', () => {
    const guard = new SpendGuard({ maxCost: 1, maxImages: 0 })
    guard.reserve('m', 0.5).settle({ paid: true, cost: 0.25 })
    guard.reserve('m', 0.5)
    // 0.25 spent + 0.5 in flight + 0.5 for this one passes $1.
    expect(() => guard.reserve('m', 0.5)).toThrow(BudgetExceededError)
  })

  it('learns no correction from a result with no estimate to compare', () => {
    const guard = new SpendGuard({ maxCost: 1, maxImages: 0 })
    guard.reserve('m', 0).settle({ paid: true, cost: 0.01 })
    // A ratio over 0 would be infinite, and refuse any later estimate.
    expect(() => guard.reserve('m', 0.5)).not.toThrow()
  })
})

describe('openBudget limits', () => {
  const estimate = (total: number, unknown: string[] = []) => ({
    assets: new Map(),
    total,
    unknown,
    unknownModels: unknown.length ? ['acme/painter'] : []
  })
  const limits = { maxCost: 0.3, maxImages: 4 }

  it('opens a guard on the limits when the estimate fits, to the cent', async () => {
    const { guard, warnings } = await openBudget(estimate(0.1 + 0.2), limits)
    expect(guard.limits).toEqual(limits)
    expect(warnings).toEqual([])
    expect(guard.spent).toBe(0)
  })

  it('refuses an unknown price or an estimate over max-cost as a max-cost stop', async () => {
    await expect(
      openBudget(estimate(0.1, ['hero']), limits)
    ).rejects.toMatchObject({ limit: 'max-cost' })
    await expect(openBudget(estimate(0.31), limits)).rejects.toMatchObject({
      limit: 'max-cost'
    })
  })

  it('asks for no credit balance when nothing costs, and warns only past the balance', async () => {
    const balance = vi.fn(() => Promise.resolve(0))
    await openBudget(estimate(0), limits, balance)
    expect(balance).not.toHaveBeenCalled()
    const equal = await openBudget(estimate(0.25), limits, () =>
      Promise.resolve(0.25)
    )
    expect(equal.warnings).toEqual([])
  })
})

describe('budgetStopMessage', () => {
  const outcome = (stoppedBy?: AssetOutcome['stoppedBy']) =>
    ({ id: 'a', stoppedBy }) as AssetOutcome
  const paidOnce = (maxImages = 1) => {
    const guard = new SpendGuard({ maxCost: 2.5, maxImages })
    guard.reserve('m', 0.75).settle({ paid: true })
    return guard
  }

  it('says nothing when no asset was stopped', () => {
    expect(budgetStopMessage([outcome(), outcome()], paidOnce())).toBe(
      undefined
    )
  })

  it('names max-images by its count, in the singular for one', () => {
    expect(
      budgetStopMessage([outcome(), outcome('max-images')], paidOnce())
    ).toBe(
      'max-images 1 reached: 1 asset skipped (budget) after 1 paid image ($0.75); finished images were kept'
    )
  })

  it('names max-cost in dollars, in the plural for several', () => {
    const guard = paidOnce(3)
    guard.reserve('m', 0.75).settle({ paid: true, cost: 1 })
    expect(
      budgetStopMessage([outcome('max-cost'), outcome('max-cost')], guard)
    ).toBe(
      'max-cost $2.50 reached: 2 assets skipped (budget) after 2 paid images ($1.75); finished images were kept'
    )
  })
})
