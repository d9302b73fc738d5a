import { spawn } from 'node:child_process'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import {
  createGateway,
  GatewayAuthenticationError,
  GatewayForbiddenError,
  GatewayInternalServerError,
  GatewayInvalidRequestError,
  GatewayModelNotFoundError,
  GatewayRateLimitError,
  GatewayResponseError
} from '@ai-sdk/gateway'
import { generateImage, NoImageGeneratedError, RetryError } from 'ai'
import sharp from 'sharp'
import { afterEach, describe, expect, it } from 'vitest'
import {
  byPrompt,
  emptyImages,
  error,
  hang,
  html,
  malformed,
  modelNotFound,
  ok,
  ONE_PIXEL_GIF,
  rateLimited,
  resetMidBody,
  sequence,
  startFakeGateway,
  type Behavior,
  type FakeGateway,
  type FakeGatewayOptions,
  type FakeGatewaySnapshot
} from './gateway.js'

let fake: FakeGateway | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

async function start(options?: FakeGatewayOptions) {
  fake = await startFakeGateway(options)
  return fake
}

type Options = Omit<Parameters<typeof generateImage>[0], 'model'>

/** Calls the real SDK against `url` with retries off unless asked. */
function generate(
  url: string,
  options: Partial<Options> = {},
  apiKey = 'test-key'
) {
  const gateway = createGateway({ baseURL: url, apiKey })
  const model = gateway.imageModel('bfl/flux-2-pro')
  return generateImage({ model, prompt: 'grey', maxRetries: 0, ...options })
}

/** The SDK error as a caller sees it once RetryError is unwrapped. */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  const caught = await promise.then(
    () => expect.unreachable('expected the call to fail'),
    (e: unknown) => e
  )
  return RetryError.isInstance(caught) ? caught.lastError : caught
}

async function pixel(bytes: Uint8Array, x: number, y: number) {
  const { data, info } = await sharp(bytes)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  const at = (y * info.width + x) * info.channels
  return [data[at], data[at + 1], data[at + 2]]
}

const solid = (r: number, g: number, b: number) =>
  sharp({
    create: { width: 8, height: 8, channels: 3, background: { r, g, b } }
  })
    .png()
    .toBuffer()

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

  it('rejects an unknown API key with 401 authentication_error', async () => {
    const gateway = await start({ apiKeys: ['right'] })
    const caught = await failure(generate(gateway.url, {}, 'wrong'))
    expect(GatewayAuthenticationError.isInstance(caught)).toBe(true)
    expect((caught as GatewayAuthenticationError).statusCode).toBe(401)
    expect(gateway.requests[0]?.status).toBe(401)
  })

  type ErrorClass = { isInstance(e: unknown): boolean }
  const cases: Array<[string, Behavior, ErrorClass, number]> = [
    ['429', rateLimited(0), GatewayRateLimitError, 429],
    [
      '400',
      error(400, 'invalid_request_error', 'bad size'),
      GatewayInvalidRequestError,
      400
    ],
    [
      '401',
      error(401, 'authentication_error', 'nope'),
      GatewayAuthenticationError,
      401
    ],
    ['403', error(403, 'forbidden', 'blocked'), GatewayForbiddenError, 403],
    ['404', modelNotFound(), GatewayModelNotFoundError, 404],
    [
      '500',
      error(500, 'internal_server_error', 'boom'),
      GatewayInternalServerError,
      500
    ],
    ['HTML 502', html(502), GatewayResponseError, 502],
    ['malformed 200', malformed(), GatewayResponseError, 200]
  ]
  it.each(cases)('maps %s to its SDK error class', async (...row) => {
    const [, behavior, type, status] = row
    const gateway = await start({ behavior })
    const caught = await failure(generate(gateway.url))
    expect(type.isInstance(caught)).toBe(true)
    expect((caught as { statusCode: number }).statusCode).toBe(status)
    expect(gateway.requestCount()).toBe(1)
  })

  it('answers model_not_found with modelId via `models`', async () => {
    const gateway = await start({ models: ['bfl/flux-2-max'] })
    const caught = await failure(generate(gateway.url))
    expect(GatewayModelNotFoundError.isInstance(caught)).toBe(true)
    expect((caught as GatewayModelNotFoundError).modelId).toBe('bfl/flux-2-pro')
  })

  it('succeeds after 429 retry-after 0 when retries are allowed', async () => {
    const gateway = await start({ behavior: sequence(rateLimited(0), ok()) })
    const started = Date.now()
    const result = await generate(gateway.url, { maxRetries: 2 })
    expect(result.images).toHaveLength(1)
    expect(gateway.requests.map((r) => r.status)).toEqual([429, 200])
    // retry-after: 0 replaced the SDK's 2 s exponential backoff.
    expect(Date.now() - started).toBeLessThan(1500)
  })

  it('sequences per asset and routes by prompt', async () => {
    const gateway = await start({
      behavior: byPrompt(
        { broken: error(500, 'internal_server_error', 'x') },
        sequence(rateLimited(0), ok())
      )
    })
    const results = await Promise.allSettled([
      generate(gateway.url, { prompt: 'hero', maxRetries: 1 }),
      generate(gateway.url, { prompt: 'icon', maxRetries: 1 }),
      generate(gateway.url, { prompt: 'broken', maxRetries: 0 })
    ])
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected'
    ])
    const statuses = (p: string) =>
      gateway.requests.filter((r) => r.body.prompt === p).map((r) => r.status)
    expect(statuses('hero')).toEqual([429, 200])
    expect(statuses('icon')).toEqual([429, 200])
    expect(statuses('broken')).toEqual([500])
  })

  it('hangs until the client aborts; closes with a hung request', async () => {
    const gateway = await start({ behavior: hang() })
    const abortSignal = AbortSignal.timeout(300)
    const caught = await failure(generate(gateway.url, { abortSignal }))
    expect((caught as Error).name).toMatch(/TimeoutError|AbortError/)
    await expect.poll(() => gateway.inFlight).toBe(0)
    expect(gateway.requests[0]?.clientClosed).toBe(true)

    const pending = generate(gateway.url)
    await expect.poll(() => gateway.inFlight).toBe(1)
    await gateway.close()
    // A dropped connection is a network failure: GatewayResponseError 500.
    const dropped = await failure(pending)
    expect(GatewayResponseError.isInstance(dropped)).toBe(true)
  })

  it('rejects, retryably, when the connection resets mid-body', async () => {
    const gateway = await start({ behavior: resetMidBody() })
    const caught = await failure(generate(gateway.url, { size: '256x256' }))
    // The SDK reports the cut 200 body as a retryable GatewayResponseError.
    expect(GatewayResponseError.isInstance(caught)).toBe(true)
    expect(caught).toMatchObject({ statusCode: 200, isRetryable: true })
    expect(gateway.requests[0]?.status).toBe(200)
  })

  it('maps empty images to NoImageGeneratedError', async () => {
    const gateway = await start({ behavior: emptyImages(false) })
    const terminal = await failure(generate(gateway.url, { maxRetries: 2 }))
    expect(NoImageGeneratedError.isInstance(terminal)).toBe(true)
    expect(gateway.requestCount()).toBe(1)

    gateway.reset()
    gateway.behavior = emptyImages()
    const retried = await failure(generate(gateway.url, { maxRetries: 1 }))
    expect(NoImageGeneratedError.isInstance(retried)).toBe(true)
    expect(gateway.requestCount()).toBe(2)
  })

  it('rate limits with retry-after-ms, which the SDK honours', async () => {
    const gateway = await start({ rateLimit: { perSecond: 5, burst: 1 } })
    const [first, second] = await Promise.allSettled([
      generate(gateway.url, { prompt: 'a' }),
      generate(gateway.url, { prompt: 'b' })
    ])
    const settled = [first, second]
    const states = settled.map((r) => r?.status).sort()
    expect(states).toEqual(['fulfilled', 'rejected'])
    const rejected = settled.find((r) => r?.status === 'rejected')
    const caught = (rejected as PromiseRejectedResult).reason as Error
    expect(GatewayRateLimitError.isInstance(caught)).toBe(true)
    const cause = caught.cause as { responseHeaders: Record<string, string> }
    const headers = cause.responseHeaders
    expect(Number(headers['retry-after-ms'])).toBeGreaterThan(0)
    expect(Number(headers['retry-after-ms'])).toBeLessThanOrEqual(200)
    expect(headers['retry-after']).toBe('1')

    gateway.reset()
    const started = Date.now()
    const all = await Promise.all(
      ['x', 'y', 'z'].map((prompt) =>
        generate(gateway.url, { prompt, maxRetries: 4 })
      )
    )
    expect(all).toHaveLength(3)
    const limited = gateway.requests.filter((r) => r.status === 429)
    expect(limited.length).toBeGreaterThan(0)
    // The SDK waited retry-after-ms (~200 ms), not its 2 s backoff.
    expect(Date.now() - started).toBeLessThan(2000)
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

describe('standalone gateway-server.ts', () => {
  it('runs as a child process and writes records on SIGTERM', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fake-gateway-'))
    const records = join(dir, 'records.json')
    const script = fileURLToPath(new URL('gateway-server.ts', import.meta.url))
    const args = ['--key', 'k1', '--latency-ms', '5', '--records', records]
    const child = spawn(
      process.execPath,
      [script, ...args, '--on', 'broken=server-error'],
      { stdio: ['ignore', 'pipe', 'inherit'] }
    )
    const exited = new Promise((resolve) => child.once('exit', resolve))
    try {
      const lines = createInterface({ input: child.stdout })
      const [line] = await Promise.race([
        lines[Symbol.asyncIterator]()
          .next()
          .then((r) => [r.value as string]),
        exited.then((code) =>
          expect.unreachable(`server exited: ${String(code)}`)
        )
      ])
      const { url } = JSON.parse(line ?? '') as { url: string }
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v4\/ai$/)

      const options = { prompt: '#FF0000', size: '32x32' } as const
      const result = await generate(url, options, 'k1')
      expect(await pixel(result.image.uint8Array, 0, 0)).toEqual([255, 0, 0])
      const caught = await failure(generate(url, { prompt: 'broken' }, 'k1'))
      expect(GatewayInternalServerError.isInstance(caught)).toBe(true)

      const response = await fetch(new URL('/__records', url))
      const live = (await response.json()) as FakeGatewaySnapshot
      expect(live.requests.map((r) => r.status)).toEqual([200, 500])
    } finally {
      child.kill('SIGTERM')
      await exited
    }
    const saved = JSON.parse(
      await readFile(records, 'utf8')
    ) as FakeGatewaySnapshot
    expect(saved.requestCount).toBe(2)
    expect(saved.requests[0]?.body).toMatchObject({
      prompt: '#FF0000',
      size: '32x32'
    })
  })
})
