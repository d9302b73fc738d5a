/**
 * planWithStore / planLoaded: spec, lockfile, plan, store lookup and estimate in one call, on a
 * real workspace on disk. The steps have their own tests; these pin how the request's options
 * reach them.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { LockEntry } from '../../src/plan/lockfile.js'
import { imagesToGenerate, planWithStore } from '../../src/plan/planning.js'
import { MemoryStore } from '../helpers/memory-store.js'
import { generated, lock } from '../helpers/plan-lock.js'
import { workspace } from '../helpers/workspace.js'

const twoAssets = `version: 1
assets:
  - id: a0
    prompt: Asset 0
    size: 64x64
  - id: a1
    prompt: Asset 1
    size: 64x64
`

describe('planWithStore', () => {
  it('plans every asset to generate and estimates it from the built-in prices', async () => {
    await using ws = await workspace(twoAssets)
    const store = new MemoryStore()
    const { planned, hits } = await planWithStore({
      root: ws.root,
      specPath: 'assetgen.yml',
      store
    })
    expect(planned.plan.items.map((item) => item.action)).toEqual([
      'generate',
      'generate'
    ])
    expect(imagesToGenerate(planned.plan)).toBe(2)
    // FLUX.2 [pro], first megapixel: $0.03 each.
    expect(planned.estimate.total).toBeCloseTo(0.06)
    expect(planned.lockfile.assets).toEqual({})
    expect(planned.spec.assets.map((asset) => asset.id)).toEqual(['a0', 'a1'])
    // Both hashes were looked up in the store, once; nothing was there.
    expect(store.lookups).toEqual([
      planned.plan.items.map((item) => item.inputHash.replace(/^sha256:/, ''))
    ])
    expect(hits.size).toBe(0)
  })

  it('narrows the plan with only, and pays nothing for a placeholder run', async () => {
    await using ws = await workspace(twoAssets)
    const only = await planWithStore({
      root: ws.root,
      specPath: 'assetgen.yml',
      only: ['a1']
    })
    expect(imagesToGenerate(only.planned.plan)).toBe(1)
    expect(only.planned.estimate.total).toBeCloseTo(0.03)
    const store = new MemoryStore()
    const catalogue = vi.fn()
    const placeholder = await planWithStore({
      root: ws.root,
      specPath: 'assetgen.yml',
      placeholder: true,
      store,
      imagePrices: catalogue
    })
    expect(placeholder.planned.estimate.total).toBe(0)
    // A placeholder is not a paid image: no store lookup, no catalogue.
    expect(store.lookups).toEqual([])
    expect(catalogue).not.toHaveBeenCalled()
  })

  it('plans only its round-robin share of a sharded build', async () => {
    await using ws = await workspace(twoAssets)
    const shard = (index: number) =>
      planWithStore({
        root: ws.root,
        specPath: 'assetgen.yml',
        shard: { index, count: 2 }
      })
    const [first, second] = await Promise.all([shard(1), shard(2)])
    const generated = (planned: typeof first.planned) =>
      planned.plan.items
        .filter((item) => item.action === 'generate')
        .map((item) => item.asset.id)
    expect(generated(first.planned)).toEqual(['a0'])
    expect(generated(second.planned)).toEqual(['a1'])
    expect(second.planned.estimate.total).toBeCloseTo(0.03)
  })

  it('asks the catalogue for a price no other source has', async () => {
    await using ws = await workspace(`version: 1
assets:
  - id: a0
    prompt: Asset 0
    size: 64x64
    model: acme/painter
`)
    const catalogue = vi.fn(() =>
      Promise.resolve({
        prices: { 'acme/painter': { perImage: 0.5 } },
        warning: 'catalogue is stale'
      })
    )
    const { planned } = await planWithStore({
      root: ws.root,
      specPath: 'assetgen.yml',
      imagePrices: catalogue
    })
    expect(catalogue).toHaveBeenCalledTimes(1)
    expect(planned.estimate.unknown).toEqual([])
    expect(planned.estimate.total).toBeCloseTo(0.5)
    // The unknown model id is warned about first, then the catalogue's own warning.
    expect(planned.warnings).toEqual([
      expect.stringMatching(
        /^model "acme\/painter" \(a0\) is not one assetgen knows/
      ),
      'catalogue is stale'
    ])
  })

  it('passes force and placeholder on to the plan of an up-to-date workspace', async () => {
    await using ws = await workspace(twoAssets)
    const request = { root: ws.root, specPath: 'assetgen.yml' }
    const { planned } = await planWithStore(request)
    // Record both outputs as placeholders a previous run wrote.
    const entries: Record<string, LockEntry> = {}
    for (const asset of planned.spec.assets)
      entries[asset.id] = await generated(ws.root, asset, { placeholder: true })
    await writeFile(
      join(ws.root, 'assetgen.lock.json'),
      JSON.stringify(lock(entries))
    )
    const actions = async (extra: object) =>
      (await planWithStore({ ...request, ...extra })).planned.plan.items.map(
        (item) => item.action
      )
    // A real run replaces placeholders; a placeholder run keeps them.
    expect(await actions({})).toEqual(['generate', 'generate'])
    expect(await actions({ placeholder: true })).toEqual(['keep', 'keep'])
    // force regenerates even what a placeholder run would keep.
    expect(await actions({ placeholder: true, force: true })).toEqual([
      'generate',
      'generate'
    ])
  })
})
