import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { inputDigests, inputHash, sha256 } from '../../src/plan/hash.js'
import type { LockEntry, Lockfile } from '../../src/plan/lockfile.js'
import { planSpec, variantsDigest } from '../../src/plan/plan.js'
import type { Asset } from '../../src/spec/types.js'
import { countActions } from '../../src/report/status.js'
import { rowsFromPlan } from '../../src/report/table.js'
import { makeAsset, makeSpec } from '../helpers/asset.js'
import { tempDir } from '../helpers/temp-dir.js'

/** Writes the asset's output and returns the lock entry a successful run would have written. */
async function generated(
  root: string,
  asset: Asset,
  content = `image of ${asset.id}`,
  extra: Partial<LockEntry> = {}
): Promise<LockEntry> {
  await mkdir(join(root, 'assets'), { recursive: true })
  await writeFile(join(root, asset.out), content)
  const inputs = inputDigests(asset)
  return {
    inputHash: inputHash(inputs),
    inputs,
    out: asset.out,
    sha256: sha256(content),
    bytes: content.length,
    width: asset.width,
    height: asset.height,
    model: asset.model,
    seed: 1234,
    generatedAt: '2026-11-25T00:00:00Z',
    ...extra
  }
}

const lock = (assets: Record<string, LockEntry>): Lockfile => ({
  version: 1,
  assets
})

describe('planSpec', () => {
  it('gives every status its reason', async () => {
    await using dir = await tempDir()
    const root = dir.path
    const upToDate = makeAsset({ id: 'same', out: 'assets/same.png' })
    const changed = makeAsset({ id: 'changed', out: 'assets/changed.png' })
    const missing = makeAsset({ id: 'missing', out: 'assets/missing.png' })
    const edited = makeAsset({ id: 'edited', out: 'assets/edited.png' })
    const placeholder = makeAsset({
      id: 'placeholder',
      out: 'assets/placeholder.png'
    })
    const fresh = makeAsset({ id: 'fresh', out: 'assets/fresh.png' })
    const entries = {
      same: await generated(root, upToDate),
      changed: await generated(root, changed),
      missing: await generated(root, missing),
      edited: await generated(root, edited),
      placeholder: await generated(root, placeholder, 'p', {
        placeholder: true
      }),
      removed: await generated(
        root,
        makeAsset({ id: 'removed', out: 'assets/removed.png' })
      )
    }
    await rm(join(root, 'assets/missing.png'))
    await writeFile(join(root, 'assets/edited.png'), 'touched up by a designer')
    const changedNow = {
      ...changed,
      prompt: 'A new prompt',
      palette: [{ hex: '#111827' }]
    }
    const spec = makeSpec(root, [
      upToDate,
      changedNow,
      missing,
      edited,
      placeholder,
      fresh
    ])

    const plan = await planSpec(spec, lock(entries))
    const byId = Object.fromEntries(
      plan.items.map((item) => [item.asset.id, item])
    )
    expect(byId.same).toMatchObject({ status: 'up-to-date', action: 'keep' })
    expect(byId.changed).toMatchObject({
      status: 'changed',
      action: 'generate',
      reason: 'prompt, palette changed'
    })
    expect(byId.missing).toMatchObject({
      status: 'missing',
      action: 'generate'
    })
    expect(byId.edited).toMatchObject({ status: 'edited', action: 'keep' })
    expect(byId.edited?.reason).toMatch(/edited by hand.*force/)
    expect(byId.placeholder).toMatchObject({
      status: 'placeholder',
      action: 'generate'
    })
    expect(byId.fresh).toMatchObject({ status: 'new', action: 'generate' })
    expect(plan.orphans).toEqual([{ id: 'removed', out: 'assets/removed.png' }])
    // The table names each status as the README does; a hand-edited file is not "up to date".
    expect(
      Object.fromEntries(rowsFromPlan(plan).map((row) => [row.id, row.status]))
    ).toEqual({
      same: 'up to date',
      changed: 'changed',
      missing: 'missing',
      edited: 'edited (kept)',
      placeholder: 'placeholder',
      fresh: 'new'
    })
    expect(countActions(plan)).toEqual({
      generate: 4,
      reprocess: 0,
      restore: 0,
      keep: 2
    })

    // A placeholder run keeps placeholder images; force regenerates even hand-edited ones.
    const placeholderRun = await planSpec(spec, lock(entries), {
      placeholder: true
    })
    expect(
      placeholderRun.items.find((item) => item.asset.id === 'placeholder')
        ?.status
    ).toBe('up-to-date')
    const forced = await planSpec(spec, lock(entries), { force: true })
    expect(
      forced.items.every(
        (item) => item.status === 'forced' && item.action === 'generate'
      )
    ).toBe(true)
  })

  it('keeps the seed of the last good image when the prompt changes, and uses a spec seed when given', async () => {
    await using dir = await tempDir()
    const asset = makeAsset()
    const entries = {
      hero: await generated(dir.path, asset, 'x', { seed: 777 })
    }
    const plan = await planSpec(
      makeSpec(dir.path, [{ ...asset, prompt: 'changed' }]),
      lock(entries)
    )
    expect(plan.items[0]?.seed).toBe(777)
    const seeded = await planSpec(
      makeSpec(dir.path, [{ ...asset, seed: 5 }]),
      lock(entries)
    )
    expect(seeded.items[0]?.seed).toBe(5)
  })

  it('selects with --only ids and globs; the rest are not selected', async () => {
    await using dir = await tempDir()
    const ids = ['hero', 'icon-a', 'icon-b', 'og-image']
    const spec = makeSpec(
      dir.path,
      ids.map((id, index) => makeAsset({ id, index, out: `assets/${id}.png` }))
    )
    const plan = await planSpec(spec, lock({}), { only: ['icon-*', 'HERO'] })
    expect(
      plan.items
        .filter((item) => item.action === 'generate')
        .map((item) => item.asset.id)
    ).toEqual(['hero', 'icon-a', 'icon-b'])
    expect(
      plan.items.find((item) => item.asset.id === 'og-image')?.status
    ).toBe('not-selected')
    expect(
      rowsFromPlan(plan).find((row) => row.id === 'og-image')?.status
    ).toBe('not selected')
  })

  it('refuses an --only pattern that selects nothing, naming it', async () => {
    await using dir = await tempDir()
    const spec = makeSpec(dir.path, [makeAsset({ id: 'hero' })])
    await expect(
      planSpec(spec, lock({}), { only: ['hero', 'icn-*'] })
    ).rejects.toThrow(/^only "icn-\*" matches no asset id in /)
    await expect(
      planSpec(spec, lock({}), { only: ['a', 'b'] })
    ).rejects.toThrow(/^only "a", "b" match no asset id/)
  })

  it('re-derives variants without a model call when only the variants changed or went missing', async () => {
    await using dir = await tempDir()
    const asset = makeAsset({ variants: [{ width: 640, format: 'webp' }] })
    await mkdir(join(dir.path, 'assets'), { recursive: true })
    await writeFile(join(dir.path, 'assets/hero-640w.webp'), 'v')
    const entry = await generated(dir.path, asset, 'x', {
      variantsHash: variantsDigest(asset),
      variants: [
        {
          out: 'assets/hero-640w.webp',
          sha256: sha256('v'),
          width: 640,
          format: 'webp'
        }
      ]
    })
    const same = await planSpec(
      makeSpec(dir.path, [asset]),
      lock({ hero: entry })
    )
    expect(same.items[0]?.status).toBe('up-to-date')
    const more = {
      ...asset,
      variants: [...asset.variants, { width: 320, format: 'avif' as const }]
    }
    const planned = await planSpec(
      makeSpec(dir.path, [more]),
      lock({ hero: entry })
    )
    expect(planned.items[0]).toMatchObject({
      status: 'variants',
      action: 'reprocess'
    })
    await writeFile(join(dir.path, 'assets/hero-640w.webp'), 'tampered')
    const stale = await planSpec(
      makeSpec(dir.path, [asset]),
      lock({ hero: entry })
    )
    expect(stale.items[0]?.action).toBe('reprocess')
  })

  it('splits the work round robin across shards, every asset in exactly one', async () => {
    await using dir = await tempDir()
    const spec = makeSpec(
      dir.path,
      Array.from({ length: 7 }, (_, index) =>
        makeAsset({ id: `a${index}`, index, out: `assets/a${index}.png` })
      )
    )
    const shares = await Promise.all(
      [1, 2, 3].map(async (index) => {
        const plan = await planSpec(spec, lock({}), {
          shard: { index, count: 3 }
        })
        return plan.items
          .filter((item) => item.action === 'generate')
          .map((item) => item.asset.id)
      })
    )
    expect(shares.map((share) => share.length)).toEqual([3, 2, 2])
    expect(shares.flat().sort()).toEqual(
      spec.assets.map((asset) => asset.id).sort()
    )
  })
})
