/**
 * How a build handles a failing AI Gateway: retries, a failure confined to its asset, errors
 * reported clearly, and a stop on a wrong key.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { gatewayModelFactory } from '../src/generate/gateway.js'
import { readLockfile } from '../src/plan/lockfile.js'
import {
  byPrompt,
  emptyImages,
  error,
  hang,
  malformed,
  ok,
  rateLimited,
  sequence,
  type FakeGateway
} from './fakes/gateway.js'
import { threeAssets } from './helpers/engine-fixtures.js'
import { fakeGatewayPerFile } from './helpers/shared-gateway.js'
import { buildAgainst, workspace } from './helpers/workspace.js'

let gateway: FakeGateway
fakeGatewayPerFile((started) => {
  gateway = started
})

describe('build against the AI Gateway', () => {
  it('retries a 429 and succeeds; counts the attempts', async () => {
    gateway.behavior = sequence(rateLimited(0), ok())
    await using ws = await workspace(threeAssets)
    const result = await buildAgainst(ws.root, gateway, { only: ['hero'] })
    expect(result.generated).toBe(1)
    expect(
      result.outcomes.find((outcome) => outcome.id === 'hero')?.attempts
    ).toBe(2)
    expect(gateway.requestCount()).toBe(2)
  })

  it('fails only the asset whose requests keep failing, after max-retries, and keeps its old image and entry', async () => {
    await using ws = await workspace(threeAssets)
    await buildAgainst(ws.root, gateway)
    const before = await readFile(join(ws.root, 'out/hero.png'))
    const lockBefore = await readLockfile(join(ws.root, 'assetgen.lock.json'))
    gateway.reset()
    gateway.behavior = byPrompt({
      'A mountain trail': error(
        500,
        'internal_server_error',
        'upstream exploded'
      )
    })
    const result = await buildAgainst(ws.root, gateway, {
      force: true,
      maxRetries: 2
    })
    const hero = result.outcomes.find((outcome) => outcome.id === 'hero')
    expect(hero).toMatchObject({ status: 'failed', attempts: 3 })
    expect(hero?.error).toMatch(/500.*upstream exploded.*after 3 attempts/)
    expect(result.generated).toBe(2)
    expect(await readFile(join(ws.root, 'out/hero.png'))).toEqual(before)
    const lockAfter = await readLockfile(join(ws.root, 'assetgen.lock.json'))
    expect(lockAfter.assets.hero).toEqual(lockBefore.assets.hero)
    expect(lockAfter.assets.icon?.generatedAt).not.toBe(
      lockBefore.assets.icon?.generatedAt
    )
  })

  it('does not retry a 400 and reports the gateway message with the asset id', async () => {
    gateway.behavior = error(400, 'invalid_request_error', 'size not supported')
    await using ws = await workspace(threeAssets)
    const result = await buildAgainst(ws.root, gateway, { only: ['hero'] })
    expect(gateway.requestCount()).toBe(1)
    expect(
      result.outcomes.find((outcome) => outcome.id === 'hero')?.error
    ).toMatch(/refused the request for "hero": size not supported/)
  })

  it('says what to do on an authentication error and writes no lockfile', async () => {
    await using ws = await workspace(threeAssets)
    await expect(
      buildAgainst(ws.root, gateway, {
        only: ['icon'],
        imageModel: gatewayModelFactory({
          apiKey: 'wrong-key',
          baseURL: gateway.url
        })
      })
    ).rejects.toThrow(/set AI_GATEWAY_API_KEY to a valid AI Gateway API key/)
    expect(gateway.requestCount()).toBe(1)
    await expect(readFile(join(ws.root, 'assetgen.lock.json'))).rejects.toThrow(
      /ENOENT/
    )
  })

  it('times out a hung request and fails that asset only', async () => {
    gateway.behavior = byPrompt({ 'An app icon': hang() })
    await using ws = await workspace(threeAssets)
    const result = await buildAgainst(ws.root, gateway, { timeoutMs: 400 })
    expect(
      result.outcomes.find((outcome) => outcome.id === 'icon')
    ).toMatchObject({ status: 'failed' })
    expect(
      result.outcomes.find((outcome) => outcome.id === 'icon')?.error
    ).toMatch(/timed out.*0.4 s/)
    expect(result.generated).toBe(2)
  })

  it('reports a malformed 200 and an empty image list clearly, without retrying the malformed one', async () => {
    gateway.behavior = byPrompt({
      'A mountain trail': malformed(),
      'A social card': emptyImages(false)
    })
    await using ws = await workspace(threeAssets)
    const result = await buildAgainst(ws.root, gateway)
    const outcome = (id: string) =>
      result.outcomes.find((item) => item.id === id)
    expect(outcome('hero')?.error).toMatch(/malformed response for "hero"/)
    expect(outcome('hero')?.attempts).toBe(1)
    expect(outcome('og-image')?.error).toMatch(
      /returned no image for "og-image"/
    )
    expect(outcome('icon')?.status).toBe('generated')
    const lockfile = await readLockfile(join(ws.root, 'assetgen.lock.json'))
    expect(Object.keys(lockfile.assets)).toEqual(['icon'])
  })
})
