import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { readLockfile } from '../../src/plan/lockfile.js'
import { bySeed, ok, type FakeGateway } from '../fakes/gateway.js'
import { fakeGatewayPerFile } from '../helpers/shared-gateway.js'
import { buildAgainst, workspace } from '../helpers/workspace.js'

let gateway!: FakeGateway
fakeGatewayPerFile((started) => {
  gateway = started
})

const palette = `palettes:
  brand: ["#0B5FFF", "#FFB000", { hex: "#111827", name: ink }]
`

/** The colour of the pixel at (x, y). */
async function pixel(image: Buffer, x: number, y: number): Promise<string> {
  const { data, info } = await sharp(image)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  const offset = (y * info.width + x) * info.channels
  return `#${[0, 1, 2]
    .map((index) => data[offset + index].toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase()}`
}

describe('colour control', () => {
  it('sends a structured prompt as JSON with color_palette equal to the palette', async () => {
    await using ws = await workspace(`version: 1
${palette}assets:
  - id: icon
    palette: brand
    size: 256x256
    prompt:
      scene: a single app icon
      subjects: [{ description: a map pin, position: centred }]
      style: flat vector
      color_palette: ["#000000"]
`)
    const result = await buildAgainst(ws.root, gateway)
    expect(result.generated).toBe(1)
    const sent = JSON.parse(gateway.requests[0]?.body.prompt ?? '') as Record<
      string,
      unknown
    >
    expect(sent).toEqual({
      scene: 'a single app icon',
      subjects: [{ description: 'a map pin', position: 'centred' }],
      style: 'flat vector',
      color_palette: ['#0B5FFF', '#FFB000', '#111827']
    })
  })

  it('sends the palette swatch as the last reference, decoding to the palette colours', async () => {
    const reference = await sharp({
      create: { width: 64, height: 64, channels: 3, background: '#808080' }
    })
      .png()
      .toBuffer()
    await using ws = await workspace(
      `version: 1
${palette}assets:
  - id: shot
    prompt: A product shot
    palette: brand
    size: 256x256
    swatch: true
    references: [refs/product.png]
`,
      { 'refs/product.png': reference }
    )
    await buildAgainst(ws.root, gateway)
    const files = gateway.requests[0]?.files ?? []
    expect(files).toHaveLength(2)
    expect(files[0]?.equals(reference)).toBe(true)
    const swatch = files[1]
    const { width = 0, height = 0 } = await sharp(swatch).metadata()
    const bands = [0, 1, 2].map((band) =>
      pixel(
        swatch,
        Math.floor(((band + 0.5) * width) / 3),
        Math.floor(height / 2)
      )
    )
    expect(await Promise.all(bands)).toEqual(['#0B5FFF', '#FFB000', '#111827'])
  })

  it('measures colour fidelity: passes in-palette images with a small ΔE', async () => {
    await using ws = await workspace(`version: 1
${palette}defaults: { palette: brand, colorCheck: { tolerance: 5, onMiss: fail } }
assets:
  - id: hero
    prompt: A banner
    size: 256x256
`)
    const result = await buildAgainst(ws.root, gateway)
    const check = result.outcomes[0]?.colorCheck
    expect(result.outcomes[0]?.status).toBe('generated')
    expect(check?.passed).toBe(true)
    expect(check?.worstDeltaE).toBeLessThan(2)
    expect(check?.colors.map((color) => color.hex)).toEqual([
      '#0B5FFF',
      '#FFB000',
      '#111827'
    ])
    for (const color of check?.colors ?? [])
      expect(color.coverage).toBeGreaterThan(0.25)
  })

  it('fails a shifted colour with onMiss fail, reporting its ΔE, and keeps the previous image', async () => {
    const spec = `version: 1
${palette}defaults: { palette: brand }
assets:
  - id: hero
    prompt: A banner
    size: 256x256
`
    await using ws = await workspace(spec)
    await buildAgainst(ws.root, gateway)
    const before = await readFile(join(ws.root, 'assets/hero.png'))
    await ws.write(
      'assetgen.yml',
      spec.replace(
        'size: 256x256',
        'size: 256x256\n    colorCheck: { tolerance: 5, onMiss: fail }'
      )
    )
    gateway.behavior = ok({ colorMap: { '#FFB000': '#FF6000' } })
    const result = await buildAgainst(ws.root, gateway, { force: true })
    const outcome = result.outcomes[0]
    expect(outcome?.status).toBe('failed')
    expect(outcome?.error).toMatch(
      /colours missed: worst ΔE2000 \d+\.\d > tolerance 5/
    )
    expect(await readFile(join(ws.root, 'assets/hero.png'))).toEqual(before)
    expect(outcome?.cost).toBeCloseTo(0.03, 6) // the miss was still paid for, and reported
  })

  it('retries a colour miss with a new seed, counting each attempt and its cost', async () => {
    await using ws = await workspace(`version: 1
${palette}defaults: { palette: brand }
assets:
  - id: hero
    prompt: A banner
    size: 256x256
    seed: 100
    colorCheck: { tolerance: 5, onMiss: retry, retries: 2 }
`)
    // Seed 100 comes back off-palette; any other seed is right.
    gateway.behavior = bySeed(
      { 100: ok({ colorMap: { '#FFB000': '#FF6000' } }) },
      ok()
    )
    const result = await buildAgainst(ws.root, gateway)
    const outcome = result.outcomes[0]
    const seeds = gateway.requests.map((request) => request.body.seed)
    expect(seeds).toHaveLength(2)
    expect(seeds[0]).toBe(100)
    expect(seeds[1]).not.toBe(100)
    expect(outcome).toMatchObject({
      status: 'generated',
      attempts: 2,
      seed: seeds[1]
    })
    expect(outcome?.cost).toBeCloseTo(0.06, 6)
    expect(outcome?.colorCheck?.passed).toBe(true)
    const lockfile = await readLockfile(join(ws.root, 'assetgen.lock.json'))
    expect(lockfile.assets.hero?.seed).toBe(seeds[1])
  })

  it('keeps the best image and warns when every colour retry misses (onMiss retry)', async () => {
    await using ws = await workspace(`version: 1
${palette}defaults: { palette: brand }
assets:
  - id: hero
    prompt: A banner
    size: 256x256
    colorCheck: { tolerance: 5, onMiss: retry, retries: 1 }
`)
    gateway.behavior = ok({ colorMap: { '#FFB000': '#FF6000' } })
    const result = await buildAgainst(ws.root, gateway)
    expect(gateway.requestCount()).toBe(2)
    expect(result.outcomes[0]?.status).toBe('generated')
    expect(result.outcomes[0]?.warnings.join()).toMatch(
      /colours missed.*after 2 tries/
    )
    const amber = result.outcomes[0]?.colorCheck?.colors.find(
      (color) => color.hex === '#FFB000'
    )
    expect(amber?.deltaE).toBeGreaterThan(5)
  })
})
