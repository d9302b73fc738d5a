/** Plan items for estimate tests: only the asset and the action matter to a price. */
import type { Plan, PlanAction, PlanItem } from '../../src/plan/plan.js'
import type { Asset } from '../../src/spec/types.js'

/** A plan item of `asset` with `action` (new when generated, up to date otherwise). */
export function item(asset: Asset, action: PlanAction = 'generate'): PlanItem {
  return {
    asset,
    action,
    status: action === 'generate' ? 'new' : 'up-to-date',
    reason: '',
    inputs: {} as PlanItem['inputs'],
    inputHash: 'h',
    seed: 1,
    variantsHash: 'v'
  }
}

/** A plan of `items` with no orphans. */
export const plan = (...items: PlanItem[]): Plan => ({ items, orphans: [] })
