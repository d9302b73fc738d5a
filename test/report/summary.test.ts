import { describe, expect, it } from 'vitest'
import { renderReport } from '../../src/report/summary.js'
import type { AssetRow } from '../../src/report/table.js'

const row = (index: number): AssetRow => ({
  id: `asset-${index}`,
  status: 'generated',
  reason: 'prompt | palette changed',
  out: `assets/asset-${index}.png`,
  size: '64×64',
  color: '',
  time: '1.0s',
  estimate: '$0.03',
  cost: '$0.03',
  note: '',
  ok: true
})

const input = (count: number) => ({
  title: 'assetgen',
  rows: Array.from({ length: count }, (_, index) => row(index)),
  totals: {
    generated: count,
    skipped: 0,
    failed: 0,
    cost: 0.03 * count,
    placeholder: false
  },
  notes: ['Committed abc1234 to `main` (verified).'],
  orphans: [{ id: 'old', out: 'assets/old.png' }]
})

describe('renderReport', () => {
  it('renders totals, notes, a row per asset with escaped cells, links and orphans', () => {
    const text = renderReport({
      ...input(2),
      table: {
        link: (item) => `https://example.test/${item.id}.png`,
        thumbnails: true
      }
    })
    expect(text).toContain('**2 generated · 0 skipped · 0 failed · $0.06**')
    expect(text).toContain('Committed abc1234 to `main` (verified).')
    expect(text).toContain('prompt \\| palette changed')
    expect(text).toContain(
      '[<img src="https://example.test/asset-1.png" width="96" alt="asset-1"><br>`asset-1`](https://example.test/asset-1.png)'
    )
    expect(text).toContain('`assets/old.png`')
  })

  it('drops rows from the end, saying how many, to stay under the limit', () => {
    const full = renderReport(input(500))
    const limited = renderReport(input(500), 10_000)
    expect(full.length).toBeGreaterThan(10_000)
    expect(limited.length).toBeLessThanOrEqual(10_000)
    const omitted = Number(
      /…and (\d+) more assets \(see the manifest\)/.exec(limited)?.[1]
    )
    const shown = limited
      .split('\n')
      .filter((line) => line.startsWith('| `asset-')).length
    expect(shown + omitted).toBe(500)
    expect(shown).toBeGreaterThan(0)
  })

  it('shows the estimate per asset and in total, with unknown prices as ?', () => {
    const text = renderReport({
      ...input(1),
      rows: [{ ...row(0), estimate: '?', cost: '' }],
      totals: {
        ...input(1).totals,
        cost: 0,
        estimate: { total: 0.12, unknown: 1 }
      }
    })
    expect(text).toContain('| Time | Estimate | Cost |')
    expect(text).toContain('| 1.0s | ? |  |')
    expect(text).toContain(
      '**1 generated · 0 skipped · 0 failed · estimated $0.12 + ? (1 asset without a price)**'
    )
  })
})
