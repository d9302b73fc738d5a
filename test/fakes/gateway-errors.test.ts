/** Each failure of the fake gateway as the real SDK reports it: error classes and broken replies. */
import {
  GatewayAuthenticationError,
  GatewayForbiddenError,
  GatewayInternalServerError,
  GatewayInvalidRequestError,
  GatewayModelNotFoundError,
  GatewayRateLimitError,
  GatewayResponseError
} from '@ai-sdk/gateway'
import { NoImageGeneratedError } from 'ai'
import { describe, expect, it } from 'vitest'
import { gatewayStarter, failure, generate } from '../helpers/sdk-gateway.js'
import {
  emptyImages,
  error,
  hang,
  html,
  malformed,
  modelNotFound,
  rateLimited,
  resetMidBody,
  type Behavior
} from './gateway.js'

const start = gatewayStarter()

describe('fake gateway through the real SDK', () => {
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
})
