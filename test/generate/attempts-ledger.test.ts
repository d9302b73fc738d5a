/**
 * What one image's attempts leave behind when some fail: the budget is charged only for the
 * attempt that paid, and the generation ids of failed attempts are kept for tracing, but only
 * believable ones. Against the fake gateway; the sleeper returns at once.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  requestImage,
  type AttemptContext
} from '../../src/generate/attempts.js'
import { SpendGuard } from '../../src/generate/budget.js'
import { gatewayModelFactory } from '../../src/generate/gateway.js'
import { AdaptivePool } from '../../src/generate/pool.js'
import {
  error,
  ok,
  sequence,
  startFakeGateway,
  type FakeGateway
} from '../fakes/gateway.js'
import { makeAsset } from '../helpers/asset.js'

let gateway: FakeGateway
beforeAll(async () => {
  gateway = await startFakeGateway({ costPerImage: 0.25 })
})
afterAll(() => gateway.close())
beforeEach(() => gateway.reset())

const asset = makeAsset({ id: 'hero', size: '64x64', palette: [] })
const request = {
  prompt: 'A banner',
  size: '64x64' as const,
  seed: 1,
  providerOptions: {}
}

/** An attempt context on `budget` with room for `maxRetries` retries and no real waits. */
function context(budget: SpendGuard, maxRetries = 4): AttemptContext {
  return {
    imageModel: gatewayModelFactory({
      apiKey: 'test-key',
      baseURL: gateway.url
    }),
    pool: new AdaptivePool(1),
    maxRetries,
    backoffMs: 100,
    signal: new AbortController().signal,
    timeoutMs: 20_000,
    budget,
    sleep: () => Promise.resolve()
  }
}

/** A retryable 500 that names `generationId` (none when undefined). */
const failing = (generationId?: string) =>
  error(500, 'internal_server_error', 'oops', {}, { generationId })

describe('failed attempts', () => {
  it('charge the budget nothing: only the attempt that paid counts', async () => {
    const budget = new SpendGuard({ maxCost: 0, maxImages: 1 })
    gateway.behavior = sequence(failing(), failing(), ok())
    const image = await requestImage(asset, request, context(budget))
    expect(image.attempts).toBe(3)
    // max-images 1 still let the third attempt start, and counted one image.
    expect(budget.images).toBe(1)
    expect(budget.spent).toBe(0.25)
  })

  it('keep the believable generation ids of failed attempts, before the paid one', async () => {
    gateway.behavior = sequence(
      failing('gen_fail_1'),
      failing(), // no id at all
      failing('gen 2'), // a space
      failing('gen_3<b>'), // markup after a plain id
      failing('g'.repeat(101)), // too long
      ok()
    )
    const budget = new SpendGuard({ maxCost: 0, maxImages: 0 })
    const image = await requestImage(asset, request, context(budget, 5))
    expect(image.attempts).toBe(6)
    expect(image.generationIds).toEqual(['gen_fail_1', 'gen_fake_5'])
  })

  it('name the kept ids in the final failure too', async () => {
    gateway.behavior = sequence(failing('gen_a'), failing(), failing('gen_c'))
    const budget = new SpendGuard({ maxCost: 0, maxImages: 0 })
    const failure = await requestImage(
      asset,
      request,
      context(budget, 2)
    ).catch((caught: unknown) => caught)
    expect(failure).toMatchObject({
      attempts: 3,
      generationIds: ['gen_a', 'gen_c']
    })
    expect(budget.images).toBe(0)
  })
})
