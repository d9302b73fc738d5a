import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { readProvenance } from '../../src/images/provenance.js'
import { sha256 } from '../../src/plan/hash.js'
import { readLockfile } from '../../src/plan/lockfile.js'
import type { FakeGateway } from '../fakes/gateway.js'
import { fakeGatewayPerFile } from '../helpers/shared-gateway.js'
import { buildAgainst, workspace } from '../helpers/workspace.js'

let gateway!: FakeGateway
fakeGatewayPerFile((started) => {
  gateway = started
})

describe('outputs for sites', () => {
  it('writes variants beside the output, tracked in the lockfile, with provenance that reads back', async () => {
    await using ws = await workspace(`version: 1
assets:
  - id: hero
    prompt: A banner
    size: 1024x512
    seed: 9
    out: public/hero.png
    variants: [{ width: 640, format: webp, quality: 80 }, { width: 320, format: avif }, { width: 4096, format: jpeg }]
`)
    const result = await buildAgainst(ws.root, gateway)
    expect(result.failed).toBe(0)
    const lockfile = await readLockfile(join(ws.root, 'assetgen.lock.json'))
    const variants = lockfile.assets.hero?.variants ?? []
    expect(variants.map((variant) => variant.out)).toEqual([
      'public/hero-640w.webp',
      'public/hero-320w.avif',
      'public/hero-4096w.jpeg'
    ])
    const expected = [
      ['webp', 640, 320],
      ['heif', 320, 160],
      ['jpeg', 1024, 512] // never upscaled past the original
    ]
    for (const [index, variant] of variants.entries()) {
      const bytes = await readFile(join(ws.root, variant.out))
      const meta = await sharp(bytes).metadata()
      expect([meta.format, meta.width, meta.height]).toEqual(expected[index])
      expect(variant.sha256).toBe(sha256(bytes))
    }
    expect(result.changedFiles).toEqual(
      expect.arrayContaining([
        'public/hero-640w.webp',
        'public/hero.png',
        'assetgen.lock.json'
      ])
    )
    const provenance = await readProvenance(
      await readFile(join(ws.root, 'public/hero.png'))
    )
    expect(provenance).toMatchObject({
      model: 'bfl/flux-2-pro',
      seed: 9,
      assetId: 'hero',
      inputHash: lockfile.assets.hero?.inputHash
    })
    expect(
      await readProvenance(
        await readFile(join(ws.root, 'public/hero-640w.webp'))
      )
    ).toMatchObject({ seed: 9, assetId: 'hero' })

    // The lockfile remembers the variant settings: an unchanged rerun re-renders nothing.
    const unchanged = await buildAgainst(ws.root, gateway)
    expect(unchanged.outcomes[0]?.planStatus).toBe('up-to-date')
    expect(unchanged.changedFiles).toEqual([])

    // Changing only the variants re-renders them from the existing image: no model call.
    gateway.reset()
    await ws.write(
      'assetgen.yml',
      (await readFile(join(ws.root, 'assetgen.yml'), 'utf8')).replace(
        'width: 320, format: avif',
        'width: 480, format: avif'
      )
    )
    const again = await buildAgainst(ws.root, gateway)
    expect(gateway.requestCount()).toBe(0)
    expect(again.outcomes[0]).toMatchObject({
      status: 'reprocessed',
      planStatus: 'variants'
    })
    expect(
      (
        await sharp(
          await readFile(join(ws.root, 'public/hero-480w.avif'))
        ).metadata()
      ).width
    ).toBe(480)
  })

  it('downscales an oversized reference set under the model limit, hashing the originals', async () => {
    const big = (color: string) =>
      sharp({
        create: { width: 2048, height: 2048, channels: 3, background: color }
      })
        .png()
        .toBuffer()
    const refs = {
      'refs/a.png': await big('#ff0000'),
      'refs/b.png': await big('#00ff00'),
      'refs/c.png': await big('#0000ff')
    }
    await using ws = await workspace(
      `version: 1
assets:
  - id: shot
    prompt: Three products
    size: 256x256
    references: [refs/a.png, refs/b.png, refs/c.png]
`,
      refs
    )
    await buildAgainst(ws.root, gateway)
    const files = gateway.requests[0]?.files ?? []
    expect(files).toHaveLength(3)
    let pixels = 0
    for (const file of files) {
      const meta = await sharp(file).metadata()
      expect(meta.format).toBe('png')
      pixels += (meta.width ?? 0) * (meta.height ?? 0)
    }
    expect(pixels).toBeLessThanOrEqual(9_000_000)
    expect(pixels).toBeGreaterThan(8_000_000)
    // The hash uses the original bytes: a rerun is a no-op.
    gateway.reset()
    await buildAgainst(ws.root, gateway)
    expect(gateway.requestCount()).toBe(0)
  })
})
