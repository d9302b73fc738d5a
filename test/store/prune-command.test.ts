import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import {
  afterAll,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  vi
} from 'vitest'
import { main } from '../../src/cli.js'
import { storePaths } from '../../src/store/layout.js'
import { startFakeGateway, type FakeGateway } from '../fakes/gateway.js'
import { git, gitRemote } from '../helpers/git-remote.js'
import { buildAgainst, workspace } from '../helpers/workspace.js'

let gateway: FakeGateway
beforeAll(async () => {
  gateway = await startFakeGateway({ apiKeys: 'test-key' })
})
afterAll(() => gateway.close())
beforeEach(() => gateway.reset())

const spec = `version: 1
assets:
  - id: hero
    prompt: A trail
    size: 64x64
  - id: icon
    prompt: An icon
    size: 64x64
`

async function cli(cwd: string, ...args: string[]) {
  let stdout = ''
  let stderr = ''
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk, _encoding, done) {
        append(String(chunk))
        done()
      }
    })
  const code = await main(args, {
    stdout: sink((text) => (stdout += text)),
    stderr: sink((text) => (stderr += text)),
    cwd
  })
  return { code, stdout, stderr }
}

/** What a teammate's PR run stored: both assets' entries, as store files. */
async function teammateStore(createdAt?: string) {
  await using ws = await workspace(spec)
  const result = await buildAgainst(ws.root, gateway, { storeCandidates: true })
  gateway.reset()
  const files: Record<string, Uint8Array> = {}
  for (const entry of result.stored) {
    const record = createdAt ? { ...entry.record, createdAt } : entry.record
    const paths = storePaths(entry.hash, record.file)
    files[paths.image] = entry.image
    files[paths.record] = Buffer.from(JSON.stringify(record))
    files[paths.preview] = entry.preview
  }
  return { files, stored: result.stored }
}

describe('the CLI and the store', () => {
  it('plan and build restore from origin/assetgen-store after a fetch: 0 calls; --no-store pays', async () => {
    const { files } = await teammateStore()
    await using remote = await gitRemote({ 'assetgen.yml': spec })
    await remote.push('assetgen-store', files)
    git(remote.clone, 'fetch', '--quiet', 'origin', 'assetgen-store')
    const planned = await cli(remote.clone, 'plan')
    expect(planned.stdout).toMatch(/hero\s+from store/)
    vi.stubEnv('AI_GATEWAY_API_KEY', 'test-key')
    try {
      const built = await cli(
        remote.clone,
        'build',
        '--gateway-url',
        gateway.url
      )
      expect(built.code, built.stderr).toBe(0)
      expect(gateway.requestCount()).toBe(0)
      expect(built.stdout).toContain('2 from the store')
      expect(built.stdout).toMatch(/hero\s+from store/)
      await readFile(join(remote.clone, 'assets/hero.png'))
      // Forced assets are paid for again (force asks for a new image), and --no-store reads nothing.
      const forced = await cli(
        remote.clone,
        'build',
        '--force',
        '--only',
        'icon',
        '--gateway-url',
        gateway.url
      )
      expect(forced.code).toBe(0)
      expect(gateway.requestCount()).toBe(1)
      git(remote.clone, 'checkout', '--quiet', '--', '.')
      git(remote.clone, 'clean', '-fdq')
      expect((await cli(remote.clone, 'plan', '--no-store')).stdout).toMatch(
        /hero\s+new/
      )
    } finally {
      vi.unstubAllEnvs()
    }
  })

  it('store prune keeps what the default branch lockfile references and says what it did', async () => {
    const { files, stored } = await teammateStore('2025-01-01T00:00:00.000Z')
    const hero = stored.find((entry) => entry.record.id === 'hero')!
    const lockfile = {
      version: 1,
      assets: { hero: { inputHash: `sha256:${hero.hash}` } }
    }
    await using remote = await gitRemote({
      'assetgen.yml': spec,
      'assetgen.lock.json': JSON.stringify(lockfile)
    })
    await remote.push('assetgen-store', files)
    const pruned = await cli(
      remote.clone,
      'store',
      'prune',
      '--older-than',
      '90d'
    )
    expect(pruned.stderr).toBe('')
    expect(pruned.code).toBe(0)
    expect(pruned.stdout).toMatch(/1 entries removed, 1 kept; force-pushed/)
    const left = git(
      remote.origin,
      'ls-tree',
      '-r',
      '--name-only',
      'assetgen-store'
    )
    expect(left).toContain(hero.hash)
    expect(left.split('\n').filter(Boolean)).toHaveLength(3)
    const bad = await cli(remote.clone, 'store', 'prune', '--older-than', '90')
    expect(bad.code).toBe(2)
  })

  it('store prune on a repo whose origin has no store branch yet says there is nothing to prune', async () => {
    // Git refuses to fetch a branch origin lacks: this used to end in that git error.
    await using remote = await gitRemote({ 'assetgen.yml': spec })
    const pruned = await cli(
      remote.clone,
      'store',
      'prune',
      '--older-than',
      '90d'
    )
    expect(pruned.stderr).toBe('')
    expect(pruned.code).toBe(0)
    expect(pruned.stdout).toBe(
      'origin has no assetgen-store branch: nothing to prune\n'
    )
  })
})
