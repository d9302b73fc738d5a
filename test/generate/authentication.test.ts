import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { AuthenticationError } from '../../src/errors.js'
import { gatewayModelFactory } from '../../src/generate/gateway.js'
import { readLockfile } from '../../src/plan/lockfile.js'
import {
  error,
  ok,
  startFakeGateway,
  type FakeGateway
} from '../fakes/gateway.js'
import { buildAgainst, workspace } from '../helpers/workspace.js'

let gateway: FakeGateway
beforeAll(async () => {
  gateway = await startFakeGateway({ apiKeys: 'good-key' })
})
afterAll(() => gateway.close())
beforeEach(() => {
  gateway.reset()
  gateway.behavior = ok()
})

const sixAssets = `version: 1\nassets:\n${Array.from(
  { length: 6 },
  (_, index) =>
    `  - id: a${index}\n    prompt: Asset ${index}\n    size: 64x64\n`
).join('')}`

const withKey = (apiKey: string) =>
  gatewayModelFactory({ apiKey, baseURL: gateway.url })

async function refusal(
  promise: Promise<unknown>
): Promise<AuthenticationError> {
  const caught = await promise.then(
    () => undefined,
    (error: unknown) => error
  )
  expect(caught).toBeInstanceOf(AuthenticationError)
  return caught as AuthenticationError
}

describe('a refused key', () => {
  it('stops the run at the first 401: no further requests, one short message naming the key and where keys are made', async () => {
    await using ws = await workspace(sixAssets)
    const error = await refusal(
      buildAgainst(ws.root, gateway, {
        imageModel: withKey('wrong-key'),
        concurrency: 1
      })
    )
    expect(gateway.requestCount()).toBe(1)
    expect(error.status).toBe(401)
    expect(error.message).toBe(
      'the AI Gateway rejected the API key (401): set AI_GATEWAY_API_KEY to a valid AI Gateway API key (create one at https://vercel.com/d?to=/[team]/~/ai/api-keys); stopped the run, no further requests were sent'
    )
    // The SDK's multi-line text is not repeated into the message.
    expect(error.message).not.toContain('\n')
    expect(
      Object.keys((await readLockfile(`${ws.root}/assetgen.lock.json`)).assets)
    ).toEqual([])
  })

  it('stops at a 403 too, with requests in flight counted and nothing started after; the action names its input', async () => {
    await using ws = await workspace(sixAssets)
    gateway.behavior = error(403, 'forbidden', 'Forbidden')
    const error403 = await refusal(
      buildAgainst(ws.root, gateway, {
        imageModel: withKey('good-key'),
        concurrency: 2,
        keySource: 'the api-key input'
      })
    )
    expect(error403.status).toBe(403)
    expect(error403.message).toMatch(
      /^the AI Gateway refused access with this API key \(403\): set the api-key input to/
    )
    expect(gateway.requestCount()).toBeLessThanOrEqual(2)
  })

  it('keeps every good file and lock entry when a forced rebuild is refused', async () => {
    await using ws = await workspace(sixAssets)
    await buildAgainst(ws.root, gateway, { imageModel: withKey('good-key') })
    const lockPath = join(ws.root, 'assetgen.lock.json')
    const before = await readFile(lockPath, 'utf8')
    const image = await readFile(join(ws.root, 'assets/a0.png'))
    await refusal(
      buildAgainst(ws.root, gateway, {
        imageModel: withKey('wrong-key'),
        force: true
      })
    )
    expect(await readFile(lockPath, 'utf8')).toBe(before)
    expect(await readFile(join(ws.root, 'assets/a0.png'))).toEqual(image)
  })
})
