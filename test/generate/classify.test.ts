import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { APICallError } from '@ai-sdk/provider'
import { generateImage } from 'ai'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  classifyFailure,
  retryAfterMs,
  retryDelay
} from '../../src/generate/classify.js'
import { gatewayModelFactory } from '../../src/generate/gateway.js'
import {
  emptyImages,
  error,
  hang,
  json,
  malformed,
  ok,
  rateLimited,
  resetMidBody,
  startFakeGateway,
  type Behavior,
  type FakeGateway
} from '../fakes/gateway.js'
import { makeAsset } from '../helpers/asset.js'
import { buildAgainst, workspace } from '../helpers/workspace.js'

describe('retryAfterMs', () => {
  it('prefers retry-after-ms, reads seconds and HTTP dates, ignores unreasonable values', () => {
    expect(retryAfterMs({ 'retry-after-ms': '250', 'retry-after': '9' })).toBe(
      250
    )
    expect(retryAfterMs({ 'retry-after': '2' })).toBe(2000)
    const now = Date.parse('2026-11-25T12:00:00Z')
    expect(
      retryAfterMs({ 'retry-after': 'Wed, 25 Nov 2026 12:00:03 GMT' }, now)
    ).toBe(3000)
    expect(retryAfterMs({ 'retry-after': '3600' })).toBeUndefined()
    expect(retryAfterMs({ 'retry-after': '-1' })).toBeUndefined()
    expect(retryAfterMs(undefined)).toBeUndefined()
  })
})

describe('retryDelay', () => {
  it('uses retry-after when given, else doubles with jitter inside [ceiling/2, ceiling]', () => {
    const plain = { retryable: true, rateLimited: false, message: '' }
    expect(retryDelay(3, 1000, { ...plain, retryAfterMs: 10 })).toBe(10)
    expect(retryDelay(1, 1000, plain, () => 0)).toBe(500)
    expect(retryDelay(1, 1000, plain, () => 1)).toBe(1000)
    expect(retryDelay(3, 1000, plain, () => 0)).toBe(2000)
    expect(retryDelay(3, 1000, plain, () => 1)).toBe(4000)
  })
})

describe('classifyFailure', () => {
  it('reads status and retry-after from a bare APICallError', () => {
    const failure = classifyFailure(
      new APICallError({
        message: 'busy',
        url: 'http://127.0.0.1/v4/ai/image-model',
        requestBodyValues: {},
        statusCode: 503,
        responseHeaders: { 'retry-after': '2' },
        isRetryable: true
      }),
      'hero',
      'bfl/flux-2-pro'
    )
    expect(failure).toEqual({
      retryable: true,
      rateLimited: false,
      retryAfterMs: 2000,
      message: 'AI Gateway error 503: busy'
    })
  })

  it('treats unknown errors as final with their message', () => {
    expect(
      classifyFailure(new Error('boom'), 'hero', 'bfl/flux-2-pro')
    ).toEqual({
      retryable: false,
      rateLimited: false,
      message: 'boom'
    })
  })
})

/** A fetch failure as the SDK reports it: APICallError → TypeError('fetch failed') → cause. */
function fetchFailure(cause: Error & { code?: string }): APICallError {
  return new APICallError({
    message: `Cannot connect to API: ${cause.message}`,
    url: 'https://user:secret@gateway.example/v4/ai/image-model',
    requestBodyValues: {},
    cause: Object.assign(new TypeError('fetch failed'), { cause }),
    isRetryable: true
  })
}

describe('classifyFailure on network errors', () => {
  it('names the URL (without credentials) and says it could not connect, for DNS and socket timeouts', () => {
    const dns = Object.assign(
      new Error('getaddrinfo ENOTFOUND gateway.example'),
      { code: 'ENOTFOUND', hostname: 'gateway.example' }
    )
    expect(
      classifyFailure(fetchFailure(dns), 'hero', 'bfl/flux-2-pro')
    ).toEqual({
      retryable: true,
      rateLimited: false,
      message:
        'network error: could not connect to the AI Gateway at https://gateway.example/v4/ai/image-model (DNS lookup failed, ENOTFOUND)'
    })
    const timeout = Object.assign(new Error('Headers Timeout Error'), {
      code: 'UND_ERR_HEADERS_TIMEOUT'
    })
    expect(
      classifyFailure(fetchFailure(timeout), 'hero', 'bfl/flux-2-pro').message
    ).toBe(
      'network error: could not connect to the AI Gateway at https://gateway.example/v4/ai/image-model (socket timed out waiting for the response, UND_ERR_HEADERS_TIMEOUT)'
    )
  })
})

describe('failure messages through the real SDK', () => {
  let gateway: FakeGateway
  beforeAll(async () => {
    gateway = await startFakeGateway({ apiKeys: 'test-key' })
  })
  afterAll(() => gateway.close())
  beforeEach(() => gateway.reset())

  const spec = `version: 1
assets:
  - id: hero
    size: 64x64
    prompt: a lighthouse
`

  it('reports a refused connection as a network error naming the URL', async () => {
    // A port that was just free: nothing listens on it any more.
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    await new Promise((resolve) => server.close(resolve))
    await using ws = await workspace(spec)
    const result = await buildAgainst(ws.root, gateway, {
      imageModel: gatewayModelFactory({
        apiKey: 'test-key',
        baseURL: `http://127.0.0.1:${port}/v4/ai`
      }),
      maxRetries: 0
    })
    const [outcome] = result.outcomes
    expect(outcome?.status).toBe('failed')
    expect(outcome?.error).toBe(
      `network error: could not connect to the AI Gateway at http://127.0.0.1:${port}/v4/ai/image-model (connection refused, ECONNREFUSED)`
    )
  })

  it('says "timed out", not "cancelled", when an image outlives its timeout on a hung socket', async () => {
    gateway.behavior = hang()
    await using ws = await workspace(spec)
    const result = await buildAgainst(ws.root, gateway, { timeoutMs: 300 })
    const [outcome] = result.outcomes
    expect(outcome?.status).toBe('failed')
    expect(outcome?.error).toMatch(
      /^timed out: no image for "hero" within 0\.3 s/
    )
    expect(outcome?.error).not.toMatch(/cancel/)
  })

  it('says the gateway returned a malformed image, for bad base64 and for bytes that are no image', async () => {
    gateway.behavior = () =>
      json(200, {
        images: ['%%% not base64 %%%'],
        providerMetadata: { gateway: { cost: '0.03' } }
      })
    await using ws = await workspace(spec)
    const bad = await buildAgainst(ws.root, gateway)
    expect(bad.outcomes[0]?.error).toBe(
      'the AI Gateway returned a malformed image for "hero": its base64 does not decode'
    )
    // Not retried: the gateway may have charged for the broken answer.
    expect(gateway.requestCount()).toBe(1)

    gateway.behavior = ok({ image: Buffer.from('<html>not an image</html>') })
    const garbage = await buildAgainst(ws.root, gateway)
    expect(garbage.outcomes[0]?.status).toBe('failed')
    expect(garbage.outcomes[0]?.error).toMatch(
      /^the AI Gateway returned a malformed image for "hero": /
    )
  })
})

describe('retryAfterMs bounds', () => {
  it('accepts 0 and 60 s, refuses just over 60 s, and falls back to retry-after', () => {
    expect(retryAfterMs({ 'retry-after': '0' })).toBe(0)
    expect(retryAfterMs({ 'retry-after': '60' })).toBe(60_000)
    expect(retryAfterMs({ 'retry-after-ms': '60001' })).toBeUndefined()
    expect(retryAfterMs({ 'retry-after-ms': 'soon', 'retry-after': '3' })).toBe(
      3000
    )
    expect(retryAfterMs({})).toBeUndefined()
  })
})

describe('classifyFailure on real gateway answers', () => {
  let gateway: FakeGateway
  beforeAll(async () => {
    gateway = await startFakeGateway()
  })
  afterAll(() => gateway.close())

  /** What one generateImage call against the fake throws, classified. */
  async function classified(behavior: Behavior) {
    gateway.behavior = behavior
    const model = gatewayModelFactory({
      apiKey: 'test-key',
      baseURL: gateway.url
    })(makeAsset())
    const thrown = await generateImage({
      model,
      prompt: 'p',
      size: '64x64',
      maxRetries: 0
    }).then(
      () => expect.unreachable('the call succeeded'),
      (caught: unknown) => caught
    )
    return classifyFailure(thrown, 'hero', 'bfl/flux-2-pro')
  }

  it('retries a 429 of any type, shrinking the pool, and reads its retry-after', async () => {
    expect(
      await classified(error(429, null, 'Too many', { 'retry-after': '4' }))
    ).toMatchObject({ retryable: true, rateLimited: true, retryAfterMs: 4000 })
    expect(await classified(rateLimited(3))).toEqual({
      retryable: true,
      rateLimited: true,
      retryAfterMs: 3000,
      message: 'rate limited by the AI Gateway (Rate limit exceeded)'
    })
  })

  it('retries a 5xx with its status in the message, without shrinking the pool', async () => {
    expect(
      await classified(error(500, 'internal_server_error', 'oops'))
    ).toEqual({
      retryable: true,
      rateLimited: false,
      retryAfterMs: undefined,
      message: 'AI Gateway error 500: oops'
    })
  })

  it('retries a success whose body broke off, naming the cause', async () => {
    const failure = await classified(resetMidBody())
    expect(failure).toMatchObject({ retryable: true, rateLimited: false })
    expect(failure.message).toMatch(
      /^the connection to the AI Gateway broke while reading the response for "hero" \(.+\)$/
    )
    expect(failure.message).not.toContain('no details')
  })

  it('does not retry a success whose body does not parse', async () => {
    const failure = await classified(malformed())
    expect(failure).toMatchObject({ retryable: false, rateLimited: false })
    expect(failure.message).toMatch(
      /^the AI Gateway sent a malformed response for "hero": /
    )
  })

  it('retries an empty answer unless the gateway marked it final', async () => {
    expect(await classified(emptyImages())).toEqual({
      retryable: true,
      rateLimited: false,
      message: 'the model returned no image for "hero"'
    })
    expect(await classified(emptyImages(false))).toEqual({
      retryable: false,
      rateLimited: false,
      message: 'the model returned no image for "hero"'
    })
  })
})
