/**
 * The CLI's commands in-process (src/cli.ts): plan, check, build, help and version, their exit
 * codes and output, --strict, and what it prints of a gateway that echoes the key. The bundle's
 * builds as child processes: cli-bundle-builds.test.ts.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  afterAll,
  afterEach,
  beforeAll,
  describe,
  expect,
  it,
  vi
} from 'vitest'
import { VERSION } from '../src/version.js'
import { clearSecrets } from '../src/safe-text.js'
import {
  error,
  ignoresSize,
  startFakeGateway,
  type FakeGateway
} from './fakes/gateway.js'
import { cli } from './helpers/cli.js'
import { workspace } from './helpers/workspace.js'

const spec = `version: 1
assets:
  - id: hero
    prompt: A trail
    size: 128x64
  - id: icon-a
    prompt: Icon A
    size: 64x64
  - id: icon-b
    prompt: Icon B
    size: 64x64
`

describe('assetgen CLI', () => {
  it('plan prints the table and exits 0; --json is machine-readable', async () => {
    await using ws = await workspace(spec)
    const plan = await cli(ws.root, 'plan')
    expect(plan.code).toBe(0)
    expect(plan.stdout).toMatch(
      /^id\s+status\s+reason\s+out\s+size\s+estimate/m
    )
    // FLUX.2 [pro] bills the first started megapixel at $0.03 (built-in table).
    expect(plan.stdout).toMatch(
      /hero\s+new\s+not in the lockfile\s+assets\/hero.png\s+128x64\s+\$0\.03/
    )
    expect(plan.stdout).toContain(
      '3 to generate, 0 to reprocess, 0 kept (3 assets); estimated $0.09.'
    )
    const json = await cli(ws.root, 'plan', '--json', '--only', 'icon-*')
    const parsed = JSON.parse(json.stdout) as {
      toGenerate: number
      estimatedCost: number
      assets: Array<{ id: string; status: string; estimate: number | null }>
    }
    expect(parsed.toGenerate).toBe(2)
    expect(parsed.estimatedCost).toBe(0.06)
    const hero = parsed.assets.find((asset) => asset.id === 'hero')
    expect(hero).toMatchObject({ status: 'skipped', estimate: 0 })
  })

  it('check exits 1 while work remains and 0 once built', async () => {
    await using ws = await workspace(spec)
    expect((await cli(ws.root, 'check')).code).toBe(1)
    const built = await cli(ws.root, 'build', '--placeholder')
    expect(built.code).toBe(0)
    expect(built.stdout).toContain(
      '3 generated, 0 reprocessed, 0 skipped, 0 failed (placeholders)'
    )
    expect((await cli(ws.root, 'check', '--placeholder')).code).toBe(0)
    // A real run would still replace the placeholders.
    expect((await cli(ws.root, 'check')).code).toBe(1)
  })

  it('falls back to placeholders without a key, loudly', async () => {
    await using ws = await workspace(spec)
    const saved = process.env.AI_GATEWAY_API_KEY
    delete process.env.AI_GATEWAY_API_KEY
    const built = await cli(ws.root, 'build', '--only', 'hero')
    if (saved !== undefined) process.env.AI_GATEWAY_API_KEY = saved
    expect(built.code).toBe(0)
    expect(built.stderr).toMatch(
      /WARNING: no AI_GATEWAY_API_KEY set: rendering PLACEHOLDER images/
    )
  })

  it('exits 1 with located problems on a bad spec, and 2 on bad arguments', async () => {
    await using ws = await workspace('version: 2\nassets: []\n')
    const bad = await cli(ws.root, 'plan')
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/^assetgen\.yml:1:10: version: /m)
    expect(bad.stderr).toMatch(/^assetgen\.yml:2:\d+: assets: /m)
    expect((await cli(ws.root, 'plan', '--nope')).code).toBe(2)
    expect((await cli(ws.root, 'explode')).code).toBe(2)
    expect((await cli(ws.root, 'build', '--concurrency', '0')).code).toBe(2)
    expect((await cli(ws.root, 'plan', '--shard', '5/4')).code).toBe(2)
  })

  it('prints help and the version', async () => {
    await using ws = await workspace(spec)
    expect((await cli(ws.root, '--help')).stdout).toMatch(
      /assetgen plan .*\n.*assetgen check/
    )
    expect((await cli(ws.root, '--version')).stdout.trim()).toBe(VERSION)
    const pkg = JSON.parse(
      await readFile(join(import.meta.dirname, '..', 'package.json'), 'utf8')
    ) as { version: string }
    expect(VERSION).toBe(pkg.version)
  })
})

describe('assetgen build --strict', () => {
  let gateway: FakeGateway
  beforeAll(async () => {
    gateway = await startFakeGateway({
      apiKeys: 'cli-key',
      behavior: ignoresSize()
    })
  })
  afterAll(() => gateway.close())
  afterEach(() => {
    vi.unstubAllEnvs()
    clearSecrets()
  })

  it('warns about an answer of another size, and fails the asset with --strict', async () => {
    vi.stubEnv('AI_GATEWAY_API_KEY', 'cli-key')
    await using ws = await workspace(
      'version: 1\nassets:\n  - { id: wide, prompt: A banner, size: 1024x576 }\n'
    )
    const strict = await cli(
      ws.root,
      'build',
      '--strict',
      '--gateway-url',
      gateway.url
    )
    expect(strict.code).toBe(1)
    expect(strict.stdout).toContain(
      'the model returned 1024x1024 instead of the requested 1024x576 (strict: the previous image is kept)'
    )
    const lenient = await cli(ws.root, 'build', '--gateway-url', gateway.url)
    expect(lenient.code).toBe(0)
    expect(lenient.stdout).toContain(
      'warning: the model returned 1024x1024 instead of the requested 1024x576'
    )
  })
})

describe('the CLI against a gateway that echoes the key', () => {
  it('prints no key and no live workflow command, on stdout or stderr', async () => {
    const key = 'agk_cli_in_process_key_77'
    const gateway = await startFakeGateway({
      apiKeys: key,
      behavior: error(
        400,
        'invalid_request_error',
        `Invalid request for API key ${key}\n::error title=pwned::x\n\u001b[2J`
      )
    })
    vi.stubEnv('AI_GATEWAY_API_KEY', key)
    try {
      await using ws = await workspace(spec)
      const args = ['build', '--max-retries', '0', '--gateway-url', gateway.url]
      for (const result of [
        await cli(ws.root, ...args),
        await cli(ws.root, ...args, '--json')
      ]) {
        expect(result.code).toBe(1)
        const printed = result.stdout + result.stderr
        expect(printed).toContain('Invalid request for API key ***')
        expect(printed).not.toContain(key)
        expect(printed).not.toMatch(/^\s*::/m)
        expect(printed).not.toContain('\u001b')
      }
    } finally {
      vi.unstubAllEnvs()
      clearSecrets()
      await gateway.close()
    }
  })
})
