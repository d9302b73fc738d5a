/**
 * What a build sends the AI Gateway and writes: prompts, sizes and seeds, references in order,
 * and never more requests in flight than the concurrency.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { readLockfile } from '../src/plan/lockfile.js'
import { startFakeGateway, type FakeGateway } from './fakes/gateway.js'
import { png, threeAssets } from './helpers/engine-fixtures.js'
import { fakeGatewayPerFile } from './helpers/shared-gateway.js'
import { buildAgainst, workspace } from './helpers/workspace.js'

let gateway: FakeGateway
fakeGatewayPerFile((started) => {
  gateway = started
})

describe('build against the AI Gateway', () => {
  it('sends prompts with every palette hex, size, aspectRatio and seed, and writes files and lockfile', async () => {
    await using ws = await workspace(threeAssets)
    const result = await buildAgainst(ws.root, gateway)
    expect(result.generated).toBe(3)
    expect(result.failed).toBe(0)
    const byId = (text: string) =>
      gateway.requests.find((request) => request.body.prompt?.startsWith(text))
    const hero = byId('A mountain trail')
    for (const hex of ['#0B5FFF', '#FFB000', '#111827'])
      expect(hero?.body.prompt).toContain(hex)
    expect(hero?.body.prompt).toContain('ink #111827')
    expect(hero?.body).toMatchObject({ size: '512x256', seed: 42, n: 1 })
    expect(hero?.headers.authorization).toBe('Bearer test-key')
    expect(hero?.modelId).toBe('bfl/flux-2-pro')
    expect(hero?.body.providerOptions).toEqual({
      blackForestLabs: { outputFormat: 'png' }
    })
    const og = byId('A social card')
    expect(og?.body.aspectRatio).toBe('16:9')
    expect(og?.body.size).toBeUndefined()
    // No seed in the spec: a stable one is derived, sent and recorded.
    expect(typeof og?.body.seed).toBe('number')

    const lockfile = await readLockfile(join(ws.root, 'assetgen.lock.json'))
    expect(Object.keys(lockfile.assets).sort()).toEqual([
      'hero',
      'icon',
      'og-image'
    ])
    expect(lockfile.assets['og-image']?.seed).toBe(og?.body.seed)
    const heroBytes = await readFile(join(ws.root, 'out/hero.png'))
    const meta = await sharp(heroBytes).metadata()
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 512, 256])
    expect(lockfile.assets.hero?.sha256).toBe(
      result.outcomes.find((outcome) => outcome.id === 'hero')?.sha256
    )
    expect(result.cost).toBeCloseTo(0.09, 6)
    expect(result.changedFiles.sort()).toEqual([
      'assetgen.lock.json',
      'out/hero.png',
      'out/icon.png',
      'out/og-image.png'
    ])
  })

  it('sends references byte-identical and in spec order, with the JPEG output format asked for', async () => {
    const first = await png('#ff0000')
    const second = await png('#00ff00', 80)
    const third = await sharp(await png('#0000ff', 48))
      .webp()
      .toBuffer()
    await using ws = await workspace(
      `version: 1
assets:
  - id: product
    prompt: The product on a table
    out: shots/product.jpg
    references: [refs/b-second.png, refs/a-first.png, "refs/more/*.webp"]
`,
      {
        'refs/a-first.png': second,
        'refs/b-second.png': first,
        'refs/more/c.webp': third
      }
    )
    const result = await buildAgainst(ws.root, gateway)
    expect(result.failed).toBe(0)
    const [request] = gateway.requests
    expect(
      request?.files.map(
        (file) =>
          file.equals(first) || file.equals(second) || file.equals(third)
      )
    ).toEqual([true, true, true])
    expect(request?.files[0]?.equals(first)).toBe(true)
    expect(request?.files[1]?.equals(second)).toBe(true)
    expect(request?.files[2]?.equals(third)).toBe(true)
    expect(request?.body.providerOptions?.blackForestLabs).toEqual({
      outputFormat: 'jpeg'
    })
    const meta = await sharp(
      await readFile(join(ws.root, 'shots/product.jpg'))
    ).metadata()
    expect(meta.format).toBe('jpeg')
  })

  it('never has more requests in flight than the concurrency', async () => {
    const assets = Array.from(
      { length: 12 },
      (_, index) =>
        `  - id: a${index}\n    prompt: Asset number ${index}\n    size: 64x64\n`
    ).join('')
    const slow = await startFakeGateway({ apiKeys: 'test-key', latencyMs: 60 })
    try {
      await using ws = await workspace(`version: 1\nassets:\n${assets}`)
      const result = await buildAgainst(ws.root, slow, { concurrency: 3 })
      expect(result.generated).toBe(12)
      expect(slow.peakInFlight).toBe(3)
      expect(result.peakInFlight).toBe(3)
    } finally {
      await slow.close()
    }
  })
})
