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
  cost: '$0.03',
  seed: String(index),
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
      '[<img src="https://example.test/asset-1.png" width="96" alt="asset">](https://example.test/asset-1.png)<br>[`asset-1`](https://example.test/asset-1.png)'
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
    expect(limited.trimEnd().endsWith('</details>')).toBe(false)
    expect(shown + omitted).toBe(500)
    expect(shown).toBeGreaterThan(0)
  })
})
