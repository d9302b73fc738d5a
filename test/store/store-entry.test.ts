import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import type { AssetRun } from '../../src/generate/run.js'
import type { PlanItem } from '../../src/plan/plan.js'
import { createHash } from 'node:crypto'
import type { Plan } from '../../src/plan/plan.js'
import { lookupStore, storeEntry } from '../../src/store/lookup.js'
import type { StoreHit } from '../../src/store/types.js'

const HASH = 'ab'.repeat(32)

const item = {
  asset: { id: 'hero', out: 'out/art/hero.png', format: 'png' },
  inputHash: `sha256:${HASH}`
} as unknown as PlanItem

async function run(overrides: Record<string, unknown> = {}): Promise<AssetRun> {
  const image = await sharp({
    create: { width: 4, height: 2, channels: 3, background: '#0B5FFF' }
  })
    .png()
    .toBuffer()
  return {
    outcome: { status: 'generated', cost: 0.03 },
    entry: {
      model: 'bfl/flux-2-pro',
      seed: 7,
      width: 4,
      height: 2,
      sha256: 'f'.repeat(64),
      bytes: image.length,
      generatedAt: '2026-11-30T12:00:00.000Z'
    },
    image,
    ...overrides
  } as unknown as AssetRun
}

describe('storeEntry', () => {
  it('stores a generated image with its record, cost and a preview', async () => {
    const entry = await storeEntry(item, await run())
    expect(entry?.hash).toBe(HASH)
    expect(entry?.record).toEqual({
      id: 'hero',
      model: 'bfl/flux-2-pro',
      seed: 7,
      width: 4,
      height: 2,
      format: 'png',
      sha256: 'f'.repeat(64),
      bytes: entry?.image.length,
      cost: 0.03,
      createdAt: '2026-11-30T12:00:00.000Z',
      file: 'hero.png'
    })
    expect((await sharp(entry?.preview).metadata()).format).toBe('webp')
  })

  it('leaves the cost out when the image cost nothing', async () => {
    const entry = await storeEntry(
      item,
      await run({ outcome: { status: 'generated', cost: 0 } })
    )
    expect(entry?.record).not.toHaveProperty('cost')
  })

  it('stores nothing without an image or an entry, for a placeholder, or for a restore', async () => {
    const base = await run()
    for (const overrides of [
      { image: undefined },
      { entry: undefined },
      { entry: { ...base.entry, placeholder: true } },
      { outcome: { status: 'restored', cost: 0 } }
    ]) {
      expect(
        await storeEntry(item, { ...base, ...overrides } as AssetRun),
        JSON.stringify(Object.keys(overrides))
      ).toBeUndefined()
    }
  })

  it('stores nothing when the image cannot be previewed', async () => {
    expect(
      await storeEntry(item, await run({ image: Buffer.from('not an image') }))
    ).toBeUndefined()
  })
})

describe('lookupStore', () => {
  const image = new TextEncoder().encode('png bytes')
  const hit = (id: string): StoreHit => ({
    hash: HASH,
    image,
    record: {
      id,
      model: 'bfl/flux-2-pro',
      seed: 7,
      width: 4,
      height: 2,
      format: 'png',
      sha256: createHash('sha256').update(image).digest('hex'),
      bytes: image.length,
      createdAt: '2026-11-30T12:00:00.000Z',
      file: 'hero.png'
    }
  })
  const planOf = (status: string): Plan =>
    ({
      items: [{ ...item, action: 'generate', status, reason: 'new asset' }]
    }) as unknown as Plan
  const storeOf = (found: StoreHit) => ({
    lookup: (keys: string[]) =>
      Promise.resolve(new Map(keys.map((key) => [key, found])))
  })

  it('turns a verified hit for the same asset into a restore from the store', async () => {
    const looked = await lookupStore(planOf('new'), storeOf(hit('hero')))
    expect(looked.plan.items[0]).toMatchObject({
      action: 'restore',
      status: 'from-store'
    })
    expect([...looked.hits.keys()]).toEqual(['hero'])
  })

  it('generates a forced item, or one whose hit was made for another asset', async () => {
    for (const [status, found] of [
      ['forced', hit('hero')],
      ['new', hit('icon')]
    ] as const) {
      const looked = await lookupStore(planOf(status), storeOf(found))
      expect(looked.plan.items[0]?.action, status).toBe('generate')
      expect(looked.hits.size).toBe(0)
    }
  })

  it('never restores a forced item through a hit looked up for another item with the same input hash', async () => {
    // The input hash leaves the asset id out, so two assets with the same prompt and settings
    // share a store key: the key is asked for on behalf of the new one, and the hit (made for
    // the forced one) must not reach the forced one, which asked for a new image.
    const plan = {
      items: [
        {
          ...item,
          asset: { ...item.asset, id: 'icon' },
          action: 'generate',
          status: 'new',
          reason: 'new asset'
        },
        { ...item, action: 'generate', status: 'forced', reason: 'forced' }
      ]
    } as unknown as Plan
    const looked = await lookupStore(plan, storeOf(hit('hero')))
    expect(looked.plan.items.map((entry) => entry.action)).toEqual([
      'generate',
      'generate'
    ])
    expect(looked.hits.size).toBe(0)
  })
})
