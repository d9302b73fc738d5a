import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { plan } from '../../src/engine.js'
import { readLockfile } from '../../src/plan/lockfile.js'
import { startFakeGateway, type FakeGateway } from '../fakes/gateway.js'
import { MemoryStore } from '../helpers/memory-store.js'
import { buildAgainst, workspace } from '../helpers/workspace.js'

let gateway: FakeGateway
beforeAll(async () => {
  gateway = await startFakeGateway({ apiKeys: 'test-key' })
})
afterAll(() => gateway.close())
beforeEach(() => gateway.reset())

const spec = `version: 1
palettes:
  brand: ["#0B5FFF", "#FFB000", "#111827"]
defaults: { palette: brand, outDir: out, colorCheck: { tolerance: 40, onMiss: warn } }
assets:
  - id: hero
    prompt: A mountain trail at dawn
    size: 512x256
    variants: [{ width: 128, format: webp }]
  - id: icon
    prompt: An app icon
    size: 128x128
`

/** Builds `spec` once in its own workspace and returns a store holding what it paid for. */
async function storeFromFirstRun(): Promise<{
  store: MemoryStore
  files: Map<string, Buffer>
}> {
  await using first = await workspace(spec)
  const result = await buildAgainst(first.root, gateway, {
    storeCandidates: true
  })
  expect(result.generated).toBe(2)
  const store = new MemoryStore()
  store.add(result.stored)
  const files = new Map<string, Buffer>()
  for (const path of result.changedFiles)
    files.set(path, await readFile(join(first.root, path)))
  gateway.reset()
  return { store, files }
}

describe('the image store in the engine', () => {
  it('collects every generated image with a record and a preview of at most 800 px', async () => {
    await using ws = await workspace(spec)
    const result = await buildAgainst(ws.root, gateway, {
      storeCandidates: true
    })
    const hero = result.stored.find((entry) => entry.record.id === 'hero')
    const lock = await readLockfile(join(ws.root, 'assetgen.lock.json'))
    expect(hero?.hash).toBe(lock.assets.hero?.inputHash.slice(7))
    expect(hero?.image).toEqual(await readFile(join(ws.root, 'out/hero.png')))
    expect(hero?.record).toMatchObject({
      file: 'hero.png',
      format: 'png',
      width: 512,
      height: 256,
      sha256: lock.assets.hero?.sha256,
      bytes: lock.assets.hero?.bytes,
      seed: lock.assets.hero?.seed,
      model: 'bfl/flux-2-pro'
    })
    expect(hero?.record.colorCheck).toBeDefined()
    const preview = await sharp(hero?.preview).metadata()
    expect(preview.format).toBe('webp')
    expect(preview.width).toBeLessThanOrEqual(800)
    // Without the flag a build collects nothing (no preview work for the CLI).
    gateway.reset()
    await using other = await workspace(spec)
    expect((await buildAgainst(other.root, gateway)).stored).toEqual([])
  })

  it('lands a hit byte for byte with 0 gateway calls, variants and lock entry computed locally', async () => {
    const { store, files } = await storeFromFirstRun()
    await using ws = await workspace(spec)
    const planned = await plan({
      root: ws.root,
      specPath: 'assetgen.yml',
      store
    })
    expect(planned.plan.items.map((item) => item.status)).toEqual([
      'from-store',
      'from-store'
    ])
    const result = await buildAgainst(ws.root, gateway, {
      store,
      storeCandidates: true
    })
    expect(gateway.requestCount()).toBe(0)
    expect(result.restored).toBe(2)
    expect(result.generated).toBe(0)
    expect(result.cost).toBe(0)
    expect(result.stored).toEqual([])
    // One batch, one lookup per build (the plan above made the other).
    expect(store.lookups.at(-1)).toHaveLength(2)
    for (const [path, bytes] of files) {
      if (path === 'assetgen.lock.json') continue
      expect(await readFile(join(ws.root, path)), path).toEqual(bytes)
    }
    const hero = result.outcomes.find((outcome) => outcome.id === 'hero')
    expect(hero).toMatchObject({
      status: 'restored',
      planStatus: 'from-store',
      cost: 0,
      attempts: 0
    })
    expect(hero?.colorCheck).toBeDefined()
    const before = JSON.parse(files.get('assetgen.lock.json')!.toString())
    const after = await readLockfile(join(ws.root, 'assetgen.lock.json'))
    const { cost: _cost, ...paid } = before.assets.hero
    expect(after.assets.hero).toEqual(paid)
    // Up to date afterwards: the next build neither looks up nor pays.
    const again = await buildAgainst(ws.root, gateway, { store })
    expect(again.skipped).toBe(2)
    expect(gateway.requestCount()).toBe(0)
  })

  it('ignores a hit whose bytes do not match its record, or that was made for another id, and generates', async () => {
    const { store } = await storeFromFirstRun()
    for (const hit of store.entries.values()) {
      if (hit.record.id === 'hero') {
        const image = Buffer.from(hit.image)
        image[image.length - 20] ^= 0xff
        hit.image = image
      } else hit.record = { ...hit.record, id: 'someone-else' }
    }
    await using ws = await workspace(spec)
    const result = await buildAgainst(ws.root, gateway, { store })
    expect(gateway.requestCount()).toBe(2)
    expect(result.generated).toBe(2)
    expect(result.restored).toBe(0)
  })

  it('never reads the store in a placeholder run, and a placeholder is never a store entry', async () => {
    const { store } = await storeFromFirstRun()
    await using ws = await workspace(spec)
    const result = await buildAgainst(ws.root, gateway, {
      store,
      placeholder: true,
      storeCandidates: true
    })
    expect(store.lookups).toEqual([])
    expect(result.generated).toBe(2)
    expect(result.stored).toEqual([])
  })

  it('pays again for a forced asset instead of restoring it', async () => {
    const { store } = await storeFromFirstRun()
    await using ws = await workspace(spec)
    const result = await buildAgainst(ws.root, gateway, {
      store,
      force: true,
      only: ['icon']
    })
    expect(result.generated).toBe(1)
    expect(gateway.requestCount()).toBe(1)
  })

  it('counts only what it must pay for against max-images', async () => {
    const { store } = await storeFromFirstRun()
    await using ws = await workspace(spec)
    const result = await buildAgainst(ws.root, gateway, {
      store,
      maxImages: 1
    })
    expect(result.restored).toBe(2)
  })
})
