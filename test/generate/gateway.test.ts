import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  imagePrices,
  readCreditBalance,
  readImagePrices
} from '../../src/generate/gateway.js'
import { startFakeGateway, type FakeGateway } from '../fakes/gateway.js'
import { buildAgainst, workspace } from '../helpers/workspace.js'

let gateway: FakeGateway
beforeAll(async () => {
  gateway = await startFakeGateway({
    apiKeys: 'test-key',
    credits: { balance: '12.50', total_used: '3.10' }
  })
})
afterAll(() => gateway.close())
beforeEach(() => gateway.reset())

describe('the gateway catalogue', () => {
  it('reads per-image prices of image models from GET /v1/models on the origin, in one request', async () => {
    const read = await readImagePrices({
      apiKey: 'test-key',
      baseURL: gateway.url
    })
    expect(read).toEqual({
      prices: {
        'bfl/flux-kontext-pro': { perImage: 0.04 },
        'acme/catalogued-image': { perImage: 0.25 }
      }
    })
    expect(gateway.metadataRequests).toEqual([
      { path: '/v1/models', authorization: 'Bearer test-key' }
    ])
  })

  it('never throws: a refused or unreachable catalogue is a warning and no prices', async () => {
    const refused = await readImagePrices({
      apiKey: 'wrong-key',
      baseURL: gateway.url
    })
    expect(refused.prices).toEqual({})
    expect(refused.warning).toMatch(
      /could not read the gateway's price list.*HTTP 401/
    )
    const unreachable = await readImagePrices({
      apiKey: 'test-key',
      baseURL: 'http://127.0.0.1:9/v4/ai'
    })
    expect(unreachable.prices).toEqual({})
    expect(unreachable.warning).toBeDefined()
  })

  it('keeps only believable prices', () => {
    expect(
      imagePrices({
        data: [
          { id: 'a/ok', pricing: { image: '0.02' } },
          { id: 'a/negative', pricing: { image: '-1' } },
          { id: 'a/huge', pricing: { image: '1e308' } },
          { id: 'a/tokens', pricing: { input: '0.1', output: '0.2' } },
          null
        ]
      })
    ).toEqual({ 'a/ok': { perImage: 0.02 } })
    expect(imagePrices({ models: [] })).toEqual({})
  })

  it('is read by the engine only when a model to pay for has no other price', async () => {
    const catalogue = () =>
      readImagePrices({ apiKey: 'test-key', baseURL: gateway.url })
    await using known = await workspace(
      'version: 1\nassets:\n  - id: a\n    prompt: A\n    size: 64x64\n'
    )
    const flux = await buildAgainst(known.root, gateway, {
      imagePrices: catalogue
    })
    expect(gateway.metadataRequests).toEqual([])
    expect(flux.estimate.assets.get('a')).toEqual({
      usd: 0.03,
      source: 'built-in'
    })
    await using unknown = await workspace(
      'version: 1\nassets:\n  - id: a\n    prompt: A\n    size: 64x64\n    model: acme/catalogued-image\n'
    )
    const acme = await buildAgainst(unknown.root, gateway, {
      imagePrices: catalogue
    })
    expect(gateway.metadataRequests.map((request) => request.path)).toEqual([
      '/v1/models'
    ])
    expect(acme.estimate.assets.get('a')).toEqual({
      usd: 0.25,
      source: 'catalogue'
    })
    expect(acme.outcomes[0]?.estimate).toBe(0.25)
  })
})

describe('the credit balance', () => {
  it('reads the balance through getCredits() on the origin', async () => {
    expect(
      await readCreditBalance({ apiKey: 'test-key', baseURL: gateway.url })
    ).toBe(12.5)
    expect(gateway.metadataRequests).toEqual([
      { path: '/v1/credits', authorization: 'Bearer test-key' }
    ])
  })

  it('is undefined, never an error, when it cannot be read', async () => {
    expect(
      await readCreditBalance({ apiKey: 'wrong-key', baseURL: gateway.url })
    ).toBeUndefined()
  })

  it('warns through the engine when the estimate exceeds it', async () => {
    await using ws = await workspace(
      'version: 1\npricing:\n  bfl/flux-2-pro: { perImage: 20 }\nassets:\n  - id: a\n    prompt: A\n    size: 64x64\n'
    )
    const result = await buildAgainst(ws.root, gateway, {
      creditBalance: () =>
        readCreditBalance({ apiKey: 'test-key', baseURL: gateway.url })
    })
    expect(result.warnings).toEqual([
      expect.stringContaining(
        'the estimate $20.00 exceeds the gateway credit balance $12.50'
      )
    ])
    expect(result.generated).toBe(1)
  })
})
