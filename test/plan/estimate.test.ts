import { describe, expect, it } from 'vitest'
import {
  estimateAsset,
  estimatePlan,
  estimateWithCatalogue,
  historyCost,
  pricedImage,
  type PriceSources
} from '../../src/plan/estimate.js'
import type { LockEntry, Lockfile } from '../../src/plan/lockfile.js'
import { makeAsset } from '../helpers/asset.js'
import { item, plan } from '../helpers/plan-items.js'

function entry(overrides: Partial<LockEntry>): LockEntry {
  return {
    inputHash: 'h',
    inputs: {} as LockEntry['inputs'],
    out: 'assets/x.png',
    sha256: 's',
    bytes: 1,
    width: 1024,
    height: 1024,
    model: 'bfl/flux-2-pro',
    seed: 1,
    generatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides
  }
}

const lock = (entries: Record<string, Partial<LockEntry>>): Lockfile => ({
  version: 1,
  assets: Object.fromEntries(
    Object.entries(entries).map(([id, value]) => [id, entry(value)])
  )
})

const none: PriceSources = { history: lock({}), spec: {} }

describe('pricedImage', () => {
  it('bills the generation size the model is asked for, not the fitted output', () => {
    const og = makeAsset({
      size: '1200x630',
      width: 1200,
      height: 630,
      generation: { width: 1216, height: 640 }
    })
    expect(pricedImage(og).megapixels).toBe((1216 * 640) / 1_048_576)
    expect(pricedImage(makeAsset({ width: 512, height: 256 })).megapixels).toBe(
      (512 * 256) / 1_048_576
    )
  })
})

describe('estimate sources, in order', () => {
  const acme = makeAsset({ model: 'acme/painter' })

  it('history first: the median recorded cost per image for the model at about the same megapixels', () => {
    const history = lock({
      a: { cost: '0.0400' },
      b: { cost: '0.1000', images: 2 }, // two paid images: 0.05 each
      c: { cost: '0.0600' },
      far: { cost: '9.0000', width: 2048, height: 2048 },
      other: { cost: '7.0000', model: 'bfl/flux-2-max' },
      placeholder: { cost: '5.0000', placeholder: true }
    })
    expect(historyCost(makeAsset(), history)).toBe(0.05)
    expect(
      estimateAsset(makeAsset(), {
        history,
        spec: { 'bfl/flux-2-pro': { perImage: 1 } }
      })
    ).toEqual({ usd: 0.05, source: 'history' })
  })

  it('then the spec pricing map, over the built-in table', () => {
    expect(
      estimateAsset(makeAsset(), {
        ...none,
        spec: { 'bfl/flux-2-pro': { perImage: 0.5 } }
      })
    ).toEqual({ usd: 0.5, source: 'spec' })
  })

  it('then the built-in table, priced by megapixel and references', () => {
    const asset = makeAsset({
      width: 1920,
      height: 1080,
      references: [
        {
          path: 'r.png',
          absolutePath: '/r.png',
          sha256: 'r',
          mediaType: 'image/png',
          bytes: 1,
          width: 1024,
          height: 1024
        }
      ]
    })
    // 1.98 MP → 2 started output MP (0.03 + 0.015) + 1 reference MP (0.015)
    expect(estimateAsset(asset, none)).toEqual({
      usd: 0.06,
      source: 'built-in'
    })
  })

  it('then the gateway catalogue, last', () => {
    expect(
      estimateAsset(acme, {
        ...none,
        catalogue: {
          'acme/painter': { perImage: 0.25 },
          'bfl/flux-2-pro': { perImage: 9 }
        }
      })
    ).toEqual({ usd: 0.25, source: 'catalogue' })
    expect(
      estimateAsset(makeAsset(), {
        ...none,
        catalogue: { 'bfl/flux-2-pro': { perImage: 9 } }
      }).source
    ).toBe('built-in')
  })

  it('an unknown price stays unknown, never $0, and is left out of the total', () => {
    const estimate = estimatePlan(
      plan(item(acme), item(makeAsset({ id: 'icon' }))),
      none
    )
    expect(estimate.assets.get('hero')).toEqual({})
    expect(estimate.unknown).toEqual(['hero'])
    expect(estimate.unknownModels).toEqual(['acme/painter'])
    expect(estimate.total).toBe(0.03)
  })
})

describe('estimatePlan', () => {
  it('charges $0 for kept and reprocessed items and for placeholder runs', () => {
    const items = plan(
      item(makeAsset({ id: 'a' })),
      item(makeAsset({ id: 'b' }), 'keep'),
      item(makeAsset({ id: 'c' }), 'reprocess'),
      item(makeAsset({ id: 'd', model: 'acme/painter' }), 'keep')
    )
    const estimate = estimatePlan(items, none)
    expect(Object.fromEntries(estimate.assets)).toEqual({
      a: { usd: 0.03, source: 'built-in' },
      b: { usd: 0 },
      c: { usd: 0 },
      d: { usd: 0 }
    })
    expect(estimate.total).toBe(0.03)
    expect(estimatePlan(items, none, true).total).toBe(0)
  })
})

describe('estimateWithCatalogue', () => {
  it('reads the catalogue once, and only when a price is missing elsewhere', async () => {
    let reads = 0
    const catalogue = () => {
      reads += 1
      return Promise.resolve({
        prices: { 'acme/painter': { perImage: 0.25 } }
      })
    }
    const known = await estimateWithCatalogue(plan(item(makeAsset())), none, {
      placeholder: false,
      catalogue
    })
    expect(reads).toBe(0)
    expect(known.estimate.total).toBe(0.03)
    const needed = await estimateWithCatalogue(
      plan(
        item(makeAsset({ id: 'a', model: 'acme/painter' })),
        item(makeAsset({ id: 'b', model: 'acme/painter' }))
      ),
      none,
      { placeholder: false, catalogue }
    )
    expect(reads).toBe(1)
    expect(needed.estimate.total).toBe(0.5)
  })

  it('passes on the warning of a catalogue that could not be read', async () => {
    const result = await estimateWithCatalogue(
      plan(item(makeAsset({ model: 'acme/painter' }))),
      none,
      {
        placeholder: false,
        catalogue: () =>
          Promise.resolve({ prices: {}, warning: 'no catalogue' })
      }
    )
    expect(result.warnings).toEqual(['no catalogue'])
    expect(result.estimate.unknown).toEqual(['hero'])
  })
})
