/**
 * What a build pays for again: nothing on a rerun, only what changed, never past max-images, and
 * a hand-edited output only with force.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { InputError } from '../src/errors.js'
import type { FakeGateway } from './fakes/gateway.js'
import { png, threeAssets } from './helpers/engine-fixtures.js'
import { fakeGatewayPerFile } from './helpers/shared-gateway.js'
import { buildAgainst, workspace } from './helpers/workspace.js'

let gateway: FakeGateway
fakeGatewayPerFile((started) => {
  gateway = started
})

describe('build against the AI Gateway', () => {
  it('makes zero requests on a second run, and only the changed asset after an edit', async () => {
    await using ws = await workspace(threeAssets)
    await buildAgainst(ws.root, gateway)
    gateway.reset()
    const again = await buildAgainst(ws.root, gateway)
    expect(gateway.requestCount()).toBe(0)
    expect(again.skipped).toBe(3)
    expect(again.changedFiles).toEqual([])
    await ws.write(
      'assetgen.yml',
      threeAssets.replace('An app icon', 'A rounder app icon')
    )
    const third = await buildAgainst(ws.root, gateway)
    expect(gateway.requestCount()).toBe(1)
    expect(
      third.outcomes.find((outcome) => outcome.id === 'icon')
    ).toMatchObject({
      status: 'generated',
      planStatus: 'changed',
      reason: 'prompt changed'
    })
  })

  it('refuses, before any call, a plan larger than max-images', async () => {
    await using ws = await workspace(threeAssets)
    await expect(
      buildAgainst(ws.root, gateway, { maxImages: 2 })
    ).rejects.toThrow(InputError)
    await expect(
      buildAgainst(ws.root, gateway, { maxImages: 2 })
    ).rejects.toThrow(/generates 3 images but max-images is 2/)
    expect(gateway.requestCount()).toBe(0)
  })

  it('keeps a hand-edited output and regenerates it only with force', async () => {
    await using ws = await workspace(threeAssets)
    await buildAgainst(ws.root, gateway)
    await writeFile(join(ws.root, 'out/icon.png'), await png('#123456', 128))
    gateway.reset()
    const kept = await buildAgainst(ws.root, gateway)
    expect(gateway.requestCount()).toBe(0)
    expect(
      kept.outcomes.find((outcome) => outcome.id === 'icon')
    ).toMatchObject({ status: 'skipped', planStatus: 'edited' })
    const forced = await buildAgainst(ws.root, gateway, {
      force: true,
      only: ['icon']
    })
    expect(forced.generated).toBe(1)
  })
})
