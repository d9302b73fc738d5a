import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  cappedFetch,
  ResponseTooLargeError
} from '../../src/generate/capped-fetch.js'
import { gatewayModelFactory } from '../../src/generate/gateway.js'
import { startFakeGateway, type FakeGateway } from '../fakes/gateway.js'
import { buildAgainst, workspace } from '../helpers/workspace.js'

const MiB = 1024 * 1024
let server: Server
let base: string
let sent = 0

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/announced') {
      // Claims 200 MB; nothing is sent unless the client reads.
      response.writeHead(200, { 'content-length': String(200 * MiB) })
      response.flushHeaders()
      return
    }
    const total = request.url === '/small' ? 1000 : 8 * MiB
    const chunk = Buffer.alloc(64 * 1024, 0x61)
    sent = 0
    response.writeHead(200, { 'content-type': 'application/json' })
    const pump = (): void => {
      while (sent < total) {
        sent += chunk.length
        if (!response.write(chunk)) return void response.once('drain', pump)
      }
      response.end()
    }
    response.on('close', () => response.destroy())
    pump()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => {
  server.closeAllConnections()
  return new Promise<void>((resolve) => server.close(() => resolve()))
})

describe('cappedFetch', () => {
  it('refuses a body announced past the cap without reading it', async () => {
    const error: unknown = await cappedFetch(64 * MiB)(
      `${base}/announced`
    ).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ResponseTooLargeError)
    expect((error as Error).message).toMatch(/larger than 64 MiB: refused/)
  })

  it('stops reading a streamed body at the cap', async () => {
    const response = await cappedFetch(1 * MiB)(`${base}/big`)
    const error: unknown = await response
      .arrayBuffer()
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ResponseTooLargeError)
    // The rest was never pulled: far less than the 8 MiB body went out.
    expect(sent).toBeLessThan(6 * MiB)
  })

  it('passes bodies under the cap through unchanged', async () => {
    const response = await cappedFetch(1 * MiB)(`${base}/small`)
    expect(response.status).toBe(200)
    expect((await response.text()).length).toBe(64 * 1024)
  })
})

describe('the gateway model with a response cap', () => {
  let gateway: FakeGateway
  beforeAll(async () => {
    gateway = await startFakeGateway({ apiKeys: 'test-key' })
  })
  afterAll(() => gateway.close())

  it('fails the asset with a clear message and keeps nothing from the oversized answer', async () => {
    await using ws = await workspace(
      'version: 1\nassets:\n  - id: big\n    prompt: A trail\n    size: 64x64\n'
    )
    const result = await buildAgainst(ws.root, gateway, {
      imageModel: gatewayModelFactory({
        apiKey: 'test-key',
        baseURL: gateway.url,
        maxResponseBytes: 100
      })
    })
    expect(result.outcomes[0]).toMatchObject({ status: 'failed' })
    expect(result.outcomes[0]?.error).toMatch(
      /^the AI Gateway's response from http:\/\/127\.0\.0\.1:\d+\/v4\/ai\/image-model is larger than 100 bytes: refused without reading the rest$/
    )
    // Not retried: a gateway that sent one oversized answer sends another, and each may be billed.
    expect(result.outcomes[0]?.attempts).toBe(1)
    expect(gateway.requestCount()).toBe(1)
    expect(result.changedFiles).toEqual([])
  })
})
