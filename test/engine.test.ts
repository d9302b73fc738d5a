import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { InputError } from '../src/errors.js'
import { gatewayModelFactory } from '../src/generate/gateway.js'
import { readLockfile } from '../src/plan/lockfile.js'
import {
  emptyImages,
  error,
  hang,
  malformed,
  byPrompt,
  ok,
  rateLimited,
  sequence,
  startFakeGateway,
  type FakeGateway
} from './fakes/gateway.js'
import { buildAgainst, workspace } from './helpers/workspace.js'

let gateway: FakeGateway
beforeAll(async () => {
  gateway = await startFakeGateway({ apiKeys: 'test-key' })
})
afterAll(() => gateway.close())
beforeEach(() => {
  gateway.reset()
  gateway.behavior = ok()
})

const png = (color: string, size = 64) =>
  sharp({
    create: { width: size, height: size, channels: 3, background: color }
  })
    .png()
    .toBuffer()

const threeAssets = `version: 1
palettes:
  brand: ["#0B5FFF", "#FFB000", { hex: "#111827", name: ink }]
defaults:
  palette: brand
  outDir: out
assets:
  - id: hero
    prompt: A mountain trail at dawn
    size: 512x256
    seed: 42
  - id: og-image
    prompt: A social card
    aspectRatio: "16:9"
  - id: icon
    prompt: An app icon
    size: 128x128
`

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

  it('makes zero requests on a second run, and only the changed asset after an edit', async () => {
    await using ws = await workspace(threeAssets)
    await buildAgainst(ws.root, gateway)
    gateway.reset()
    const again = await buildAgainst(ws.root, gateway)
    expect(gateway.requestCount()).toBe(0)
    expect(again.skipped).toBe(3)
    expect(again.changedFiles).toEqual([])
    await ws.write(
      'assetgen.yml',
      threeAssets.replace('An app icon', 'A rounder app icon')
    )
    const third = await buildAgainst(ws.root, gateway)
    expect(gateway.requestCount()).toBe(1)
    expect(
      third.outcomes.find((outcome) => outcome.id === 'icon')
    ).toMatchObject({
      status: 'generated',
      planStatus: 'changed',
      reason: 'prompt changed'
    })
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

  it('retries a 429 and succeeds; counts the attempts', async () => {
    gateway.behavior = sequence(rateLimited(0), ok())
    await using ws = await workspace(threeAssets)
    const result = await buildAgainst(ws.root, gateway, { only: ['hero'] })
    expect(result.generated).toBe(1)
    expect(
      result.outcomes.find((outcome) => outcome.id === 'hero')?.attempts
    ).toBe(2)
    expect(gateway.requestCount()).toBe(2)
  })

  it('fails only the asset whose requests keep failing, after max-retries, and keeps its old image and entry', async () => {
    await using ws = await workspace(threeAssets)
    await buildAgainst(ws.root, gateway)
    const before = await readFile(join(ws.root, 'out/hero.png'))
    const lockBefore = await readLockfile(join(ws.root, 'assetgen.lock.json'))
    gateway.reset()
    gateway.behavior = byPrompt({
      'A mountain trail': error(
        500,
        'internal_server_error',
        'upstream exploded'
      )
    })
    const result = await buildAgainst(ws.root, gateway, {
      force: true,
      maxRetries: 2
    })
    const hero = result.outcomes.find((outcome) => outcome.id === 'hero')
    expect(hero).toMatchObject({ status: 'failed', attempts: 3 })
    expect(hero?.error).toMatch(/500.*upstream exploded.*after 3 attempts/)
    expect(result.generated).toBe(2)
    expect(await readFile(join(ws.root, 'out/hero.png'))).toEqual(before)
    const lockAfter = await readLockfile(join(ws.root, 'assetgen.lock.json'))
    expect(lockAfter.assets.hero).toEqual(lockBefore.assets.hero)
    expect(lockAfter.assets.icon?.generatedAt).not.toBe(
      lockBefore.assets.icon?.generatedAt
    )
  })

  it('does not retry a 400 and reports the gateway message with the asset id', async () => {
    gateway.behavior = error(400, 'invalid_request_error', 'size not supported')
    await using ws = await workspace(threeAssets)
    const result = await buildAgainst(ws.root, gateway, { only: ['hero'] })
    expect(gateway.requestCount()).toBe(1)
    expect(
      result.outcomes.find((outcome) => outcome.id === 'hero')?.error
    ).toMatch(/refused the request for "hero": size not supported/)
  })

  it('says what to do on an authentication error and writes no lockfile', async () => {
    await using ws = await workspace(threeAssets)
    await expect(
      buildAgainst(ws.root, gateway, {
        only: ['icon'],
        imageModel: gatewayModelFactory({
          apiKey: 'wrong-key',
          baseURL: gateway.url
        })
      })
    ).rejects.toThrow(/set AI_GATEWAY_API_KEY to a valid AI Gateway API key/)
    expect(gateway.requestCount()).toBe(1)
    await expect(readFile(join(ws.root, 'assetgen.lock.json'))).rejects.toThrow(
      /ENOENT/
    )
  })

  it('times out a hung request and fails that asset only', async () => {
    gateway.behavior = byPrompt({ 'An app icon': hang() })
    await using ws = await workspace(threeAssets)
    const result = await buildAgainst(ws.root, gateway, { timeoutMs: 400 })
    expect(
      result.outcomes.find((outcome) => outcome.id === 'icon')
    ).toMatchObject({ status: 'failed' })
    expect(
      result.outcomes.find((outcome) => outcome.id === 'icon')?.error
    ).toMatch(/timed out.*0.4 s/)
    expect(result.generated).toBe(2)
  })

  it('reports a malformed 200 and an empty image list clearly, without retrying the malformed one', async () => {
    gateway.behavior = byPrompt({
      'A mountain trail': malformed(),
      'A social card': emptyImages(false)
    })
    await using ws = await workspace(threeAssets)
    const result = await buildAgainst(ws.root, gateway)
    const outcome = (id: string) =>
      result.outcomes.find((item) => item.id === id)
    expect(outcome('hero')?.error).toMatch(/malformed response for "hero"/)
    expect(outcome('hero')?.attempts).toBe(1)
    expect(outcome('og-image')?.error).toMatch(
      /returned no image for "og-image"/
    )
    expect(outcome('icon')?.status).toBe('generated')
    const lockfile = await readLockfile(join(ws.root, 'assetgen.lock.json'))
    expect(Object.keys(lockfile.assets)).toEqual(['icon'])
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

  it('refuses, before any call, a plan larger than max-images', async () => {
    await using ws = await workspace(threeAssets)
    await expect(
      buildAgainst(ws.root, gateway, { maxImages: 2 })
    ).rejects.toThrow(InputError)
    await expect(
      buildAgainst(ws.root, gateway, { maxImages: 2 })
    ).rejects.toThrow(/generates 3 images but max-images is 2/)
    expect(gateway.requestCount()).toBe(0)
  })

  it('keeps a hand-edited output and regenerates it only with force', async () => {
    await using ws = await workspace(threeAssets)
    await buildAgainst(ws.root, gateway)
    await writeFile(join(ws.root, 'out/icon.png'), await png('#123456', 128))
    gateway.reset()
    const kept = await buildAgainst(ws.root, gateway)
    expect(gateway.requestCount()).toBe(0)
    expect(
      kept.outcomes.find((outcome) => outcome.id === 'icon')
    ).toMatchObject({ status: 'skipped', planStatus: 'edited' })
    const forced = await buildAgainst(ws.root, gateway, {
      force: true,
      only: ['icon']
    })
    expect(forced.generated).toBe(1)
  })
})
