/**
 * Builds by the CLI bundle (dist/cli/index.js) as child processes against the fake gateway: a
 * rejected key, SIGTERM, two builds of one workspace at once, and --max-cost.
 */
import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readLockfile } from '../src/plan/lockfile.js'
import { startFakeGateway, type FakeGateway } from './fakes/gateway.js'
import { cli } from './helpers/cli.js'
import { CLI_ENTRY } from './helpers/runner.js'
import { workspace } from './helpers/workspace.js'

describe('the CLI bundle (dist/cli/index.js)', () => {
  let gateway: FakeGateway
  beforeAll(async () => {
    gateway = await startFakeGateway({ apiKeys: 'cli-key', latencyMs: 400 })
  })
  afterAll(() => gateway.close())

  it('stops at the first 401 with one short message naming AI_GATEWAY_API_KEY, and exits 1', async () => {
    const assets = Array.from(
      { length: 4 },
      (_, index) =>
        `  - id: a${index}\n    prompt: Asset ${index}\n    size: 64x64\n`
    ).join('')
    await using ws = await workspace(`version: 1\nassets:\n${assets}`)
    gateway.reset()
    const child = spawn(
      process.execPath,
      [CLI_ENTRY, 'build', '--concurrency', '1'],
      {
        cwd: ws.root,
        env: {
          ...process.env,
          AI_GATEWAY_API_KEY: 'not-the-key',
          AI_GATEWAY_BASE_URL: gateway.url
        }
      }
    )
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const code = await new Promise((resolve) => child.on('close', resolve))
    expect(code).toBe(1)
    expect(gateway.requestCount()).toBe(1)
    expect(output.match(/AI_GATEWAY_API_KEY/g)).toHaveLength(1)
    expect(output).toContain(
      'assetgen: the AI Gateway rejected the API key (401): set AI_GATEWAY_API_KEY to a valid AI Gateway API key (create one at https://vercel.com/d?to=/[team]/~/ai/api-keys)'
    )
    expect(output).not.toMatch(/secret|input|Invalid API key or token/)
  })

  it('on SIGTERM starts nothing new, keeps finished images in the lockfile, exits 143; a rerun does only the rest', async () => {
    const assets = Array.from(
      { length: 6 },
      (_, index) =>
        `  - id: a${index}\n    prompt: Asset ${index}\n    size: 64x64\n`
    ).join('')
    await using ws = await workspace(`version: 1\nassets:\n${assets}`)
    const env = {
      ...process.env,
      AI_GATEWAY_API_KEY: 'cli-key',
      AI_GATEWAY_BASE_URL: gateway.url
    }
    const child = spawn(
      process.execPath,
      [CLI_ENTRY, 'build', '--concurrency', '1'],
      { cwd: ws.root, env }
    )
    let stdout = ''
    const code = await new Promise<number | null>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString()
        if (/\[\d\/6\].*generated/.test(stdout) && !child.killed)
          child.kill('SIGTERM')
      })
      child.on('close', resolve)
    })
    expect(code).toBe(143)
    const lockfile = await readLockfile(join(ws.root, 'assetgen.lock.json'))
    const done = Object.keys(lockfile.assets)
    expect(done.length).toBeGreaterThanOrEqual(1)
    expect(done.length).toBeLessThan(6)
    for (const id of done)
      expect((await readFile(join(ws.root, `assets/${id}.png`))).length).toBe(
        lockfile.assets[id]?.bytes
      )
    gateway.reset()
    const rerun = spawn(
      process.execPath,
      [CLI_ENTRY, 'build', '--concurrency', '3'],
      { cwd: ws.root, env }
    )
    expect(await new Promise((resolve) => rerun.on('close', resolve))).toBe(0)
    expect(gateway.requestCount()).toBe(6 - done.length)
  })

  it('runs two builds of one workspace one after the other: each asset is paid for once', async () => {
    const assets = Array.from(
      { length: 8 },
      (_, index) =>
        `  - id: b${index}\n    prompt: Both ${index}\n    size: 64x64\n`
    ).join('')
    await using ws = await workspace(`version: 1\nassets:\n${assets}`)
    const env = {
      ...process.env,
      AI_GATEWAY_API_KEY: 'cli-key',
      AI_GATEWAY_BASE_URL: gateway.url
    }
    gateway.reset()
    const run = () => {
      const child = spawn(
        process.execPath,
        [CLI_ENTRY, 'build', '--concurrency', '8'],
        { cwd: ws.root, env }
      )
      let output = ''
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
      return new Promise<{ code: number | null; output: string }>((resolve) =>
        child.on('close', (code) => resolve({ code, output }))
      )
    }
    const [first, second] = await Promise.all([run(), run()])
    expect([first.code, second.code]).toEqual([0, 0])
    // One of them waited, said so, then found everything up to date.
    const waited = [first, second].filter((result) =>
      /another assetgen build \(pid \d+\) is building this workspace; waiting/.test(
        result.output
      )
    )
    expect(waited).toHaveLength(1)
    expect(waited[0]?.output).toContain('0 generated, 0 reprocessed, 8 skipped')
    expect(gateway.requestCount()).toBe(8)
    const lockfile = await readLockfile(join(ws.root, 'assetgen.lock.json'))
    expect(Object.keys(lockfile.assets)).toHaveLength(8)
    expect((await cli(ws.root, 'plan')).stdout).toContain(
      '0 to generate, 0 to reprocess, 8 kept (8 assets)'
    )
  })
})

describe('assetgen build --max-cost (bundle)', () => {
  let gateway: FakeGateway
  beforeAll(async () => {
    gateway = await startFakeGateway({ apiKeys: 'cli-key', costPerImage: 0.5 })
  })
  afterAll(() => gateway.close())

  it('stops at the budget: 2 paid calls of 6, finished images locked, exit 1 naming max-cost', async () => {
    const assets = Array.from(
      { length: 6 },
      (_, index) =>
        `  - id: a${index}\n    prompt: Asset ${index}\n    size: 64x64\n`
    ).join('')
    await using ws = await workspace(`version: 1\nassets:\n${assets}`)
    const child = spawn(
      process.execPath,
      [CLI_ENTRY, 'build', '--concurrency', '1', '--max-cost', '1.20'],
      {
        cwd: ws.root,
        env: {
          ...process.env,
          AI_GATEWAY_API_KEY: 'cli-key',
          AI_GATEWAY_BASE_URL: gateway.url
        }
      }
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const code = await new Promise((resolve) => child.on('close', resolve))
    expect(code).toBe(1)
    expect(stderr).toContain(
      'max-cost $1.20 reached: 4 assets skipped (budget)'
    )
    expect(stdout).toContain(
      '2 generated, 0 reprocessed, 4 skipped, 0 failed, $1.00 (estimated $0.18)'
    )
    expect(gateway.requestCount()).toBe(2)
    const lockfile = await readLockfile(join(ws.root, 'assetgen.lock.json'))
    expect(Object.keys(lockfile.assets).sort()).toEqual(['a0', 'a1'])
  })
})
