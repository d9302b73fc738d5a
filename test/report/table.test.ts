import { describe, expect, it } from 'vitest'
import type { AssetOutcome } from '../../src/generate/outcome.js'
import { rowsFromOutcomes, textTable } from '../../src/report/table.js'

const outcome = (overrides: Partial<AssetOutcome>): AssetOutcome => ({
  id: 'hero',
  status: 'generated',
  planStatus: 'new',
  reason: 'not in the lockfile',
  out: 'assets/hero.png',
  cost: 0.5,
  durationMs: 0,
  attempts: 1,
  warnings: [],
  variants: [],
  placeholder: false,
  files: [],
  ...overrides
})

describe('rowsFromOutcomes', () => {
  it('shows estimate and actual, an unknown cost, and assets a budget stopped', () => {
    const rows = rowsFromOutcomes([
      outcome({ estimate: 0.03 }),
      outcome({ id: 'odd', estimate: null, costUnknown: true, cost: 0 }),
      outcome({
        id: 'late',
        status: 'skipped',
        stoppedBy: 'max-cost',
        cost: 0,
        estimate: 0.03
      })
    ])
    expect(
      textTable(rows, ['id', 'status', 'estimate', 'cost']).split('\n')
    ).toEqual([
      'id    status            estimate  cost',
      'hero  generated         $0.03     $0.50',
      'odd   generated         ?         ?',
      'late  skipped (budget)  $0.03'
    ])
  })
})
