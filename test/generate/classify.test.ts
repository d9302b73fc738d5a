import { APICallError } from '@ai-sdk/provider'
import { generateImage } from 'ai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  classifyFailure,
  retryAfterMs,
  retryDelay
} from '../../src/generate/classify.js'
import { gatewayModelFactory } from '../../src/generate/gateway.js'
import {
  emptyImages,
  error,
  malformed,
  rateLimited,
  resetMidBody,
  startFakeGateway,
  type Behavior,
  type FakeGateway
} from '../fakes/gateway.js'
import { makeAsset } from '../helpers/asset.js'

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
