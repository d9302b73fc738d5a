/** The fake gateway as its own process (./gateway-server.ts), through the real SDK. */
import { spawn } from 'node:child_process'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { GatewayInternalServerError } from '@ai-sdk/gateway'
import { describe, expect, it } from 'vitest'
import { failure, generate, pixel } from '../helpers/sdk-gateway.js'
import type { FakeGatewaySnapshot } from './gateway.js'

describe('standalone gateway-server.ts', () => {
  it('runs as a child process and writes records on SIGTERM', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fake-gateway-'))
    const records = join(dir, 'records.json')
    const script = fileURLToPath(new URL('gateway-server.ts', import.meta.url))
    const args = ['--key', 'k1', '--latency-ms', '5', '--records', records]
    const child = spawn(
      process.execPath,
      [script, ...args, '--on', 'broken=server-error'],
      { stdio: ['ignore', 'pipe', 'inherit'] }
    )
    const exited = new Promise((resolve) => child.once('exit', resolve))
    try {
      const lines = createInterface({ input: child.stdout })
      const [line] = await Promise.race([
        lines[Symbol.asyncIterator]()
          .next()
          .then((r) => [r.value as string]),
        exited.then((code) =>
          expect.unreachable(`server exited: ${String(code)}`)
        )
      ])
      const { url } = JSON.parse(line ?? '') as { url: string }
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v4\/ai$/)

      const options = { prompt: '#FF0000', size: '32x32' } as const
      const result = await generate(url, options, 'k1')
      expect(await pixel(result.image.uint8Array, 0, 0)).toEqual([255, 0, 0])
      const caught = await failure(generate(url, { prompt: 'broken' }, 'k1'))
      expect(GatewayInternalServerError.isInstance(caught)).toBe(true)

      const response = await fetch(new URL('/__records', url))
      const live = (await response.json()) as FakeGatewaySnapshot
      expect(live.requests.map((r) => r.status)).toEqual([200, 500])
    } finally {
      child.kill('SIGTERM')
      await exited
    }
    const saved = JSON.parse(
      await readFile(records, 'utf8')
    ) as FakeGatewaySnapshot
    expect(saved.requestCount).toBe(2)
    expect(saved.requests[0]?.body).toMatchObject({
      prompt: '#FF0000',
      size: '32x32'
    })
  })
})
