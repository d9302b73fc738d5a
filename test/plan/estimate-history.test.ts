/**
 * The edges of the estimate's history source and of the catalogue's use: the median of an even
 * count, numeric order, the megapixel tolerance, costs that cannot count, and which models the
 * catalogue is asked about.
 */
import { describe, expect, it, vi } from 'vitest'
import {
  estimateWithCatalogue,
  historyCost,
  modelsWithoutPrice,
  pricedImage
} from '../../src/plan/estimate.js'
import type { LockEntry, Lockfile } from '../../src/plan/lockfile.js'
import type { Asset } from '../../src/spec/types.js'
import { makeAsset } from '../helpers/asset.js'
import { item, plan } from '../helpers/plan-items.js'

/** A lockfile of `entries`, each a paid 1024×1024 FLUX.2 [pro] image unless overridden. */
const history = (...entries: Partial<LockEntry>[]): Lockfile => ({
  version: 1,
  assets: Object.fromEntries(
    entries.map((overrides, index) => [
      `a${index}`,
      {
        inputHash: 'h',
        inputs: {} as LockEntry['inputs'],
        out: `assets/a${index}.png`,
        sha256: 's',
        bytes: 1,
        width: 1024,
        height: 1024,
        model: 'bfl/flux-2-pro',
        seed: 1,
        generatedAt: '2026-01-01T00:00:00.000Z',
        ...overrides
      }
    ])
  )
})

describe('historyCost', () => {
  it('takes the mean of the two middle costs of an even count', () => {
    expect(
      historyCost(makeAsset(), history({ cost: '0.04' }, { cost: '0.06' }))
    ).toBe(0.05)
    expect(
      historyCost(
        makeAsset(),
        history(
          { cost: '0.01' },
          { cost: '0.03' },
          { cost: '0.05' },
          { cost: '0.50' }
        )
      )
    ).toBe(0.04)
  })

  it('orders costs as numbers, not as recorded or as text', () => {
    // Recorded 30, 2, 10: in text order 10, 2, 30; as numbers 2, 10, 30.
    expect(
      historyCost(
        makeAsset(),
        history({ cost: '30' }, { cost: '2' }, { cost: '10' })
      )
    ).toBe(10)
  })

  it('counts an entry exactly 10% off in megapixels, and scales the tolerance by them', () => {
    // 640×640 is 0.390625 MP; 704×640 is exactly 10% more.
    const asset = makeAsset({ width: 640, height: 640 })
    expect(
      historyCost(asset, history({ cost: '0.07', width: 704, height: 640 }))
    ).toBe(0.07)
    // 0.5 MP is 100% off a 0.25 MP asset: not history for it (a tolerance of 0.1 / 0.25 MP
    // would take it).
    const small = makeAsset({ width: 512, height: 512 })
    expect(
      historyCost(small, history({ cost: '9', width: 1024, height: 512 }))
    ).toBeUndefined()
  })

  it('leaves out costs that are zero, negative or unreadable', () => {
    const recorded = history(
      { cost: '0' },
      { cost: '-0.02' },
      { cost: 'n/a' },
      {},
      { cost: '0.05' }
    )
    expect(historyCost(makeAsset(), recorded)).toBe(0.05)
    expect(historyCost(makeAsset(), history({ cost: '0' }, {}))).toBeUndefined()
  })
})

describe('pricedImage', () => {
  it('adds up the references in megapixels', () => {
    const reference = { width: 2048, height: 1024 }
    const asset = makeAsset({
      references: [reference, reference] as Asset['references']
    })
    expect(pricedImage(asset).referenceMegapixels).toBe(4)
  })
})

describe('modelsWithoutPrice', () => {
  it('names each unpriced model of a paid item once, and none of kept items or placeholder runs', () => {
    const painted = plan(
      item(makeAsset({ id: 'a', model: 'acme/painter' })),
      item(makeAsset({ id: 'b', model: 'acme/painter' })),
      item(makeAsset({ id: 'c', model: 'acme/sketcher' }), 'keep'),
      item(makeAsset({ id: 'd' }))
    )
    const sources = { history: history(), spec: {} }
    expect(modelsWithoutPrice(painted, sources)).toEqual(['acme/painter'])
    expect(modelsWithoutPrice(painted, sources, true)).toEqual([])
  })
})

describe('estimateWithCatalogue', () => {
  it('adds no warning when the catalogue gave none', async () => {
    const catalogue = vi.fn(() =>
      Promise.resolve({ prices: { 'acme/painter': { perImage: 0.2 } } })
    )
    const { estimate, warnings } = await estimateWithCatalogue(
      plan(item(makeAsset({ model: 'acme/painter' }))),
      { history: history(), spec: {} },
      { placeholder: false, catalogue }
    )
    expect(catalogue).toHaveBeenCalledTimes(1)
    expect(estimate.total).toBeCloseTo(0.2)
    expect(warnings).toEqual([])
  })
})
