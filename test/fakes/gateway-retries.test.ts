/** Retries against the fake gateway through the real SDK: sequences, routing and rate limits. */
import { GatewayRateLimitError } from '@ai-sdk/gateway'
import { describe, expect, it } from 'vitest'
import { gatewayStarter, generate } from '../helpers/sdk-gateway.js'
import { byPrompt, error, ok, rateLimited, sequence } from './gateway.js'

const start = gatewayStarter()

describe('fake gateway through the real SDK', () => {
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
})
