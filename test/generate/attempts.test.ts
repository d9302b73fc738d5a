/**
 * The attempts of one image against the fake gateway: how failures are retried, how long each
 * wait is (with an injected sleeper, so nothing sleeps), and how the attempts drive the adaptive
 * pool that a build shares between its images.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { GenerationError } from '../../src/errors.js'
import {
  requestImage,
  type AttemptContext
} from '../../src/generate/attempts.js'
import { SpendGuard } from '../../src/generate/budget.js'
import { parseCost } from '../../src/generate/cost.js'
import { gatewayModelFactory } from '../../src/generate/gateway.js'
import { AdaptivePool } from '../../src/generate/pool.js'
import {
  error,
  ok,
  rateLimited,
  sequence,
  startFakeGateway,
  type FakeGateway
} from '../fakes/gateway.js'
import { makeAsset } from '../helpers/asset.js'
import { buildAgainst, workspace } from '../helpers/workspace.js'

let gateway: FakeGateway
beforeAll(async () => {
  gateway = await startFakeGateway()
})
afterAll(() => gateway.close())
beforeEach(() => {
  gateway.reset()
  gateway.behavior = ok()
})

const asset = makeAsset({ id: 'hero', size: '64x64', palette: [] })
const request = {
  prompt: 'A banner',
  size: '64x64' as const,
  seed: 1,
  providerOptions: {}
}

/** An attempt context whose sleeper records each wait and returns at once. */
function context(
  pool = new AdaptivePool(4),
  overrides: Partial<AttemptContext> = {}
) {
  const waits: number[] = []
  const slotsHeldWhileWaiting: number[] = []
  const attempt: AttemptContext = {
    imageModel: gatewayModelFactory({
      apiKey: 'test-key',
      baseURL: gateway.url
    }),
    pool,
    maxRetries: 2,
    backoffMs: 100,
    signal: new AbortController().signal,
    timeoutMs: 20_000,
    budget: new SpendGuard({ maxCost: 0, maxImages: 0 }),
    sleep: (ms) => {
      waits.push(ms)
      slotsHeldWhileWaiting.push(pool.inFlight)
      return Promise.resolve()
    },
    ...overrides
  }
  return { attempt, waits, slotsHeldWhileWaiting, pool }
}

describe('reported costs', () => {
  it('reads the gateway cost as a decimal string or a number, else unknown', () => {
    expect(parseCost('0.03')).toBe(0.03)
    expect(parseCost(0.045)).toBe(0.045)
    expect(parseCost('free')).toBeUndefined()
    expect(parseCost('Infinity')).toBeUndefined()
    expect(parseCost(true)).toBeUndefined()
    expect(parseCost(undefined)).toBeUndefined()
  })

  it('returns the cost the gateway reported for the image', async () => {
    gateway.behavior = ok({ costPerImage: 0.0425 })
    const image = await requestImage(asset, request, context().attempt)
    expect(image).toMatchObject({
      cost: 0.0425,
      attempts: 1,
      mediaType: 'image/png'
    })
  })
})

describe('waits between attempts', () => {
  it("waits the gateway's retry-after exactly", async () => {
    gateway.behavior = sequence(rateLimited(2), ok())
    const { attempt, waits } = context()
    expect((await requestImage(asset, request, attempt)).attempts).toBe(2)
    expect(waits).toEqual([2000])
  })

  it('prefers retry-after-ms and reads it from any retryable status', async () => {
    gateway.behavior = sequence(
      error(503, 'internal_server_error', 'busy', { 'retry-after-ms': '1500' }),
      ok()
    )
    const { attempt, waits } = context()
    await requestImage(asset, request, attempt)
    expect(waits).toEqual([1500])
  })

  it('backs off exponentially with jitter without retry-after, holding no slot while waiting', async () => {
    gateway.behavior = sequence(
      error(500, 'internal_server_error', 'oops'),
      error(502, 'internal_server_error', 'oops'),
      ok()
    )
    const { attempt, waits, slotsHeldWhileWaiting, pool } = context()
    expect((await requestImage(asset, request, attempt)).attempts).toBe(3)
    expect(waits).toHaveLength(2)
    expect(waits[0]).toBeGreaterThanOrEqual(50)
    expect(waits[0]).toBeLessThanOrEqual(100)
    expect(waits[1]).toBeGreaterThanOrEqual(100)
    expect(waits[1]).toBeLessThanOrEqual(200)
    expect(slotsHeldWhileWaiting).toEqual([0, 0])
    expect(pool.inFlight).toBe(0)
    // Server errors are not rate limits: the pool keeps its size.
    expect(pool.limit).toBe(4)
  })

  it('says whether a wait was cut by the timeout or by cancelling', async () => {
    gateway.behavior = error(500, 'internal_server_error', 'oops')
    const messages: string[] = []
    for (const reason of [
      new DOMException('timed out', 'TimeoutError'),
      new DOMException('cancelled', 'AbortError')
    ]) {
      const controller = new AbortController()
      const { attempt } = context(undefined, {
        signal: controller.signal,
        timeoutMs: 90_000,
        sleep: () => {
          controller.abort(reason)
          return Promise.reject(reason)
        }
      })
      const failure = await requestImage(asset, request, attempt).catch(
        (caught: unknown) => caught
      )
      expect(failure).toBeInstanceOf(GenerationError)
      expect(failure).toMatchObject({ attempts: 1, cause: reason })
      messages.push((failure as Error).message)
    }
    expect(messages).toEqual([
      'timed out: no image for "hero" within 90 s (the timeout input)',
      'cancelled before "hero" finished'
    ])
  })

  it('gives up after maxRetries retries, naming the attempts', async () => {
    gateway.behavior = error(500, 'internal_server_error', 'oops')
    const { attempt, waits, pool } = context(undefined, { maxRetries: 1 })
    const failure = await requestImage(asset, request, attempt).catch(
      (caught: unknown) => caught
    )
    expect(failure).toBeInstanceOf(GenerationError)
    expect(failure).toMatchObject({ attempts: 2 })
    expect((failure as Error).message).toMatch(/ after 2 attempts$/)
    expect(gateway.requestCount()).toBe(2)
    expect(waits).toHaveLength(1)
    expect(pool.inFlight).toBe(0)
  })
})

describe('answers that are final', () => {
  const cases = [
    [
      '404 model_not_found',
      error(404, 'model_not_found', 'Model bfl/x not found'),
      /the AI Gateway has no model "bfl\/flux-2-pro": check the asset's model id/
    ],
    [
      '403 forbidden',
      error(403, 'forbidden', 'Team has no access'),
      // A refused key stops the whole run; the one full message comes from the refusal itself.
      /^the AI Gateway refused the API key \(403\); the run stopped$/
    ],
    [
      '400 invalid_request_error',
      error(400, 'invalid_request_error', 'Bad size'),
      /the AI Gateway refused the request for "hero": .*Bad size/
    ],
    [
      '401 authentication_error',
      error(401, 'authentication_error', 'Invalid API key'),
      /^the AI Gateway refused the API key \(401\); the run stopped$/
    ]
  ] as const
  for (const [name, behavior, message] of cases) {
    it(`does not retry a ${name}, and says what to do`, async () => {
      gateway.behavior = behavior
      const { attempt, waits } = context()
      const failure = await requestImage(asset, request, attempt).catch(
        (caught: unknown) => caught
      )
      expect(failure).toBeInstanceOf(GenerationError)
      expect(failure).toMatchObject({ attempts: 1 })
      expect((failure as Error).message).toMatch(message)
      // One attempt: the message does not count attempts.
      expect((failure as Error).message).not.toMatch(/attempt/)
      expect(gateway.requestCount()).toBe(1)
      expect(waits).toEqual([])
    })
  }
})

describe('the adaptive pool under a build', () => {
  it('halves the limit on a 429 and raises it again with successes', async () => {
    const pool = new AdaptivePool(4)
    gateway.behavior = sequence(rateLimited(0), ok())
    const { attempt } = context(pool)
    const limits: number[] = []
    await requestImage(asset, request, attempt)
    limits.push(pool.limit)
    gateway.behavior = ok()
    for (const id of ['a', 'b', 'c']) {
      await requestImage(
        makeAsset({ id }),
        { ...request, seed: id.charCodeAt(0) },
        attempt
      )
      limits.push(pool.limit)
    }
    // 4 → 2 on the 429, then + 1/limit per success: 2.5, 2.9, 3.24, 3.55.
    expect(limits).toEqual([2, 2, 3, 3])
  })

  it('sends a retry ahead of first attempts waiting for a slot', async () => {
    const pool = new AdaptivePool(1)
    const order: string[] = []
    let queued: Promise<void> | undefined
    gateway.behavior = sequence(
      error(500, 'internal_server_error', 'oops'),
      ok()
    )
    const { attempt } = context(pool, {
      // While the failed attempt backs off, another asset takes the slot and a fresh one queues.
      sleep: async () => {
        const held = await pool.acquire()
        queued = pool.acquire().then((release) => {
          order.push(`fresh asset after ${gateway.requestCount()} requests`)
          release()
        })
        setImmediate(held)
      }
    })
    await requestImage(asset, request, attempt)
    await queued
    expect(order).toEqual(['fresh asset after 2 requests'])
  })

  it('queues a first attempt behind assets already waiting', async () => {
    const pool = new AdaptivePool(1)
    const held = await pool.acquire()
    const order: string[] = []
    const waiting = pool.acquire().then((release) => {
      order.push(`waiting asset after ${gateway.requestCount()} requests`)
      release()
    })
    const first = requestImage(asset, request, context(pool).attempt)
    held()
    await Promise.all([waiting, first])
    expect(order).toEqual(['waiting asset after 0 requests'])
  })

  it('keeps a build with retries within its concurrency', async () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f']
    await using ws = await workspace(
      `version: 1\nassets:\n${ids.map((id) => `  - { id: ${id}, prompt: ${id}, size: 64x64 }`).join('\n')}\n`
    )
    const slow = await startFakeGateway({
      latencyMs: 30,
      behavior: sequence(error(500, 'internal_server_error', 'oops'), ok())
    })
    try {
      const result = await buildAgainst(ws.root, slow, { concurrency: 2 })
      expect(result.generated).toBe(6)
      expect(slow.requestCount()).toBe(12)
      expect(slow.peakInFlight).toBe(2)
      expect(result.peakInFlight).toBe(2)
    } finally {
      await slow.close()
    }
  })
})
