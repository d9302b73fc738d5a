import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeManifest } from '../../src/report/manifest.js'
import { renderReport, totalsLine } from '../../src/report/summary.js'
import type { AssetRow } from '../../src/report/table.js'
import { clearSecrets, registerSecret } from '../../src/safe-text.js'
import { tempDir } from '../helpers/temp-dir.js'

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

  it('renders outside text in cells and orphans as text, and redacts', () => {
    registerSecret('agk_summary_secret_7')
    try {
      const hostile =
        '<img src=x> @acme/security-team [click](https://evil.example) | `x`'
      const text = renderReport({
        ...input(1),
        rows: [
          {
            ...row(0),
            id: 'hero',
            reason: hostile,
            note: `Invalid key agk_summary_secret_7\n${hostile}`,
            size: '<b>64</b>'
          }
        ],
        orphans: [{ id: 'old', out: `img/${hostile}.png` }],
        table: {
          link: () => 'https://example.test/a) [x](https://evil.example',
          thumbnails: true
        }
      })
      expect(text).not.toContain('agk_summary_secret_7')
      expect(text).toContain('Invalid key \\*\\*\\*')
      const outsideCode = text.replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, '')
      expect(outsideCode).not.toMatch(/<img src=x|<b>/)
      expect(outsideCode).not.toContain('@acme/')
      expect(outsideCode).not.toContain('[click]')
      // Only inside our (percent-encoded) link target, never as a link or autolink of its own.
      expect(outsideCode).not.toMatch(/(?<!%28)https:\/\/evil\.example/)
      // The row stays one row with as many cells as the header.
      const line = text.split('\n').find((l) => l.includes('hero')) ?? ''
      const header = text.split('\n').find((l) => l.startsWith('| Asset'))
      expect(line.split(/(?<!\\)\|/)).toHaveLength(
        (header ?? '').split('|').length
      )
      expect(text).toContain(
        '(https://example.test/a%29%20%5Bx%5D%28https://evil.example)'
      )
      expect(text).toMatch(/Orphans .*``img\/<img src=x> @acme/)
    } finally {
      clearSecrets()
    }
  })

  it('drops a link that is not http(s)', () => {
    const text = renderReport({
      ...input(1),
      table: { link: () => 'javascript:alert(1)' }
    })
    expect(text).not.toContain('javascript:')
    expect(text).toContain('| `asset-0` |')
  })
})

describe('writeManifest', () => {
  it('writes the manifest redacted', async () => {
    await using dir = await tempDir()
    const path = join(dir.path, 'manifest.json')
    registerSecret('agk_manifest_secret_3')
    try {
      await writeManifest(path, {
        spec: 'assetgen.yml',
        dryRun: false,
        totals: {
          generated: 0,
          reprocessed: 0,
          skipped: 0,
          failed: 1,
          cost: 0,
          estimatedCost: 0,
          unpricedAssets: 0
        },
        assets: [],
        orphans: [{ id: 'x', out: 'agk_manifest_secret_3.png' }]
      })
    } finally {
      clearSecrets()
    }
    const text = await readFile(path, 'utf8')
    expect(text).not.toContain('agk_manifest_secret_3')
    expect(JSON.parse(text).orphans[0].out).toBe('***.png')
  })
})

describe('a dry run summary', () => {
  it('says what would happen, kept apart, and never "0 generated"', () => {
    const text = renderReport({
      ...input(6),
      totals: {
        ...input(6).totals,
        generated: 0,
        planned: { generate: 4, reprocess: 1, restore: 0, keep: 1 }
      }
    })
    expect(text).toContain(
      '**Plan: 4 to generate, 1 to reprocess, 1 kept (6 assets)**'
    )
    expect(text).not.toMatch(/\d+ generated/)
    expect(totalsLine(input(2).totals)).toBe(
      '2 generated · 0 skipped · 0 failed · $0.06'
    )
    expect(
      totalsLine({
        ...input(3).totals,
        planned: { generate: 3, reprocess: 0, restore: 0, keep: 0 },
        estimate: { total: 0.09, unknown: 0 }
      })
    ).toBe(
      'Plan: 3 to generate, 0 to reprocess, 0 kept (3 assets) · estimated $0.09'
    )
  })
})

describe('renderReport size limits', () => {
  it('stays under GitHub’s 1 MiB with 30,000 orphans: lists collapse into counts', () => {
    const orphans = Array.from({ length: 30_000 }, (_, index) => ({
      id: `gone-${index}`,
      out: `assets/a-very-long-folder-name-for-orphans/gone-${index}-${'x'.repeat(30)}.png`
    }))
    const text = renderReport({ ...input(200), orphans })
    expect(Buffer.byteLength(text)).toBeLessThan(1024 * 1024)
    expect(text).toContain('and 29950 more (see the manifest)')
    expect(text).toContain(
      '`assets/a-very-long-folder-name-for-orphans/gone-0-'
    )
    expect(text).not.toContain('gone-50-')
  })

  it('measures the limit in bytes, as GitHub does', () => {
    const wide = input(300)
    for (const item of wide.rows) item.note = '✓'.repeat(20)
    const text = renderReport(wide, 20_000)
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(20_000)
  })
})
