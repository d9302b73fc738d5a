/** What the fake gateway records and answers when it succeeds, through the real SDK. */
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import {
  gatewayStarter,
  generate,
  pixel,
  solid
} from '../helpers/sdk-gateway.js'
import { ok, ONE_PIXEL_GIF } from './gateway.js'

const start = gatewayStarter()

describe('fake gateway through the real SDK', () => {
  it('records the request and returns images the SDK accepts', async () => {
    const gateway = await start()
    const ref1 = await solid(255, 0, 0)
    const ref2 = await solid(0, 0, 255)
    const result = await generate(gateway.url, {
      prompt: { text: 'Bands of #FFB000 then #1e40af', images: [ref1, ref2] },
      size: '512x256',
      seed: 7
    })

    const [request] = gateway.requests
    expect(gateway.requestCount()).toBe(1)
    expect(request?.headers).toMatchObject({
      authorization: 'Bearer test-key',
      'ai-model-id': 'bfl/flux-2-pro',
      'ai-image-model-specification-version': '4',
      'content-type': 'application/json'
    })
    expect(request?.modelId).toBe('bfl/flux-2-pro')
    expect(request?.body).toMatchObject({
      prompt: 'Bands of #FFB000 then #1e40af',
      n: 1,
      size: '512x256',
      seed: 7,
      providerOptions: {}
    })
    const files = request?.body.files ?? []
    const types = files.map((f) => f.type === 'file' && f.mediaType)
    expect(types).toEqual(['image/png', 'image/png'])
    // Decoded byte-for-byte and in the order the SDK was given them.
    expect(request?.files).toEqual([ref1, ref2])
    expect(request?.status).toBe(200)

    expect(result.image.mediaType).toBe('image/png')
    const meta = await sharp(result.image.uint8Array).metadata()
    expect([meta.width, meta.height]).toEqual([512, 256])
    const bytes = result.image.uint8Array
    expect(await pixel(bytes, 256, 10)).toEqual([255, 176, 0])
    expect(await pixel(bytes, 256, 250)).toEqual([30, 64, 175])
    expect(result.providerMetadata.gateway).toEqual({
      cost: '0.03',
      generationId: 'gen_fake_0'
    })
    expect(result.image.providerMetadata).toEqual({
      blackForestLabs: { seed: 7 }
    })
  })

  it('honours n, aspectRatio, jpeg, palettes and costPerImage', async () => {
    const gateway = await start({ costPerImage: 0.04 })
    // The palette wins over hex codes elsewhere in a JSON prompt.
    const prompt = JSON.stringify({
      scene: 'a #000000 cat',
      color_palette: ['#00FF00']
    })
    const result = await generate(gateway.url, {
      prompt,
      n: 3,
      aspectRatio: '16:9',
      providerOptions: { blackForestLabs: { outputFormat: 'jpeg' } }
    })
    expect(gateway.requestCount()).toBe(1)
    expect(result.images).toHaveLength(3)
    expect(result.image.mediaType).toBe('image/jpeg')
    const meta = await sharp(result.image.uint8Array).metadata()
    expect([meta.width, meta.height]).toEqual([1360, 768])
    const bytes = result.image.uint8Array
    const [r = -1, g = -1, b = -1] = await pixel(bytes, 600, 300)
    expect(r).toBeLessThanOrEqual(3) // JPEG: near, not exact
    expect(g).toBeGreaterThanOrEqual(252)
    expect(b).toBeLessThanOrEqual(3)
    expect(result.providerMetadata.gateway).toEqual({
      cost: '0.12',
      generationId: 'gen_fake_0'
    })
  })

  it('paints grey, shifted colours and custom bytes', async () => {
    const gateway = await start({
      behavior: ok({ colorMap: { '#ffb000': '#FF6000' } })
    })
    const size = '64x64'
    const prompt = '#FFB000 logo'
    const shifted = await generate(gateway.url, { prompt, size })
    expect(await pixel(shifted.image.uint8Array, 1, 1)).toEqual([255, 96, 0])
    gateway.behavior = ok()
    const grey = await generate(gateway.url, { prompt: 'no colours', size })
    expect(await pixel(grey.image.uint8Array, 1, 1)).toEqual([128, 128, 128])
    gateway.behavior = ok({ image: ONE_PIXEL_GIF })
    const gif = await generate(gateway.url)
    expect(gif.image.mediaType).toBe('image/gif')
  })

  it('tracks peak concurrency and reset() clears it', async () => {
    const gateway = await start({ latencyMs: 150 })
    const prompts = ['a', 'b', 'c', 'd']
    await Promise.all(
      prompts.map((prompt) => generate(gateway.url, { prompt }))
    )
    expect(gateway.peakInFlight).toBe(4)
    expect(gateway.inFlight).toBe(0)
    gateway.reset()
    expect([gateway.peakInFlight, gateway.requestCount()]).toEqual([0, 0])
  })
})
