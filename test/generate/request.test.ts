import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { buildRequest, tagRequest } from '../../src/generate/request.js'
import { buildManifest } from '../../src/report/manifest.js'
import {
  error,
  ok,
  startFakeGateway,
  type FakeGateway
} from '../fakes/gateway.js'
import { makeAsset } from '../helpers/asset.js'
import { buildAgainst, workspace } from '../helpers/workspace.js'

describe('tagRequest', () => {
  it('adds the repository and asset id as gateway tags, and the repository as user', () => {
    expect(
      tagRequest({}, makeAsset({ id: 'hero' }), { repository: 'octo/site' })
    ).toEqual({
      gateway: {
        tags: ['repository:octo/site', 'asset:hero'],
        user: 'octo/site'
      }
    })
  })

  it("keeps the spec's own gateway options, tags and user", () => {
    const options = {
      gateway: { tags: ['team:web', 'asset:hero'], user: 'me', order: ['bfl'] }
    }
    expect(
      tagRequest(options, makeAsset({ id: 'hero' }), { repository: 'o/r' })
    ).toEqual({
      gateway: {
        tags: ['team:web', 'asset:hero', 'repository:o/r'],
        user: 'me',
        order: ['bfl']
      }
    })
    // The spec's options are not changed in place.
    expect(options.gateway.tags).toEqual(['team:web', 'asset:hero'])
  })

  it('sends no gateway options when tagging is off', () => {
    expect(buildRequest(makeAsset(), 1, []).providerOptions).toEqual({
      blackForestLabs: { outputFormat: 'png' }
    })
  })
})

describe('reconciliation through the fake gateway', () => {
  let gateway: FakeGateway
  beforeAll(async () => {
    gateway = await startFakeGateway({
      apiKeys: 'test-key',
      costPerImage: 0.04
    })
  })
  afterAll(() => gateway.close())
  beforeEach(() => {
    gateway.reset()
    gateway.behavior = ok()
  })

  it('tags each request, records generation ids, and shows estimate and actual per asset and in total', async () => {
    await using ws = await workspace(
      'version: 1\nassets:\n  - id: a\n    prompt: A\n    size: 64x64\n  - id: b\n    prompt: B\n    size: 64x64\n'
    )
    const result = await buildAgainst(ws.root, gateway, {
      tags: { repository: 'octo/site' }
    })
    const tags = gateway.requests
      .map((request) => request.body.providerOptions?.gateway)
      .sort((x, y) => String(x?.tags).localeCompare(String(y?.tags)))
    expect(tags).toEqual([
      { tags: ['repository:octo/site', 'asset:a'], user: 'octo/site' },
      { tags: ['repository:octo/site', 'asset:b'], user: 'octo/site' }
    ])
    const manifest = buildManifest(result)
    expect(manifest.totals).toMatchObject({
      cost: 0.08,
      estimatedCost: 0.06,
      unpricedAssets: 0
    })
    for (const asset of manifest.assets) {
      expect(asset).toMatchObject({ estimate: 0.03, cost: 0.04 })
      expect(asset.generationIds).toEqual([
        expect.stringMatching(/^gen_fake_\d$/)
      ])
    }
  })

  it("records a failed attempt's generation id, so its charge can be traced", async () => {
    gateway.behavior = error(
      400,
      'invalid_request_error',
      'Bad size',
      undefined,
      {
        generationId: 'gen_refused_1'
      }
    )
    await using ws = await workspace(
      'version: 1\nassets:\n  - id: a\n    prompt: A\n    size: 64x64\n'
    )
    const result = await buildAgainst(ws.root, gateway)
    expect(result.outcomes[0]).toMatchObject({
      status: 'failed',
      generationIds: ['gen_refused_1']
    })
  })
})
