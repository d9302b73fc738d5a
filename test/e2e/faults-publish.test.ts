/**
 * Faults after generation, through the bundled action (dist/index.js as a child process): GitHub
 * and the artifact service failing while publishing. SIGTERM mid-run: faults-sigterm.test.ts;
 * the scan for leaked secrets: secrets-scan.test.ts.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { FakeArtifactService } from '../fakes/artifact-service.js'
import type { FakeGateway } from '../fakes/gateway.js'
import type { FakeGitHub } from '../fakes/github.js'
import { actionFakesBeforeEach } from '../helpers/action-fakes.js'
import { expectLockMatchesDisk as lockMatchesDisk } from '../helpers/lock-on-disk.js'
import { KEY, OUTPUTS, TOKEN, spec } from '../helpers/publish-faults.js'
import { workspace } from '../helpers/workspace.js'

let gateway: FakeGateway
let github: FakeGitHub
let artifacts: FakeArtifactService
const run = actionFakesBeforeEach(KEY, TOKEN, (fakes) => {
  ;({ gateway, github, artifacts } = fakes)
})

const pullRequest = {
  eventName: 'pull_request',
  ref: 'refs/pull/7/merge',
  event: {
    number: 7,
    pull_request: {
      number: 7,
      head: { ref: 'feature/brand', repo: { full_name: 'acme/site' } }
    }
  }
}

describe('dist/index.js when publishing fails', () => {
  it('rides out 502s on blob creation (plugin-retry) and still commits everything in one commit', async () => {
    const seeded = github.seedRepo({ 'assetgen.yml': spec })
    github.onRequest(
      { method: 'POST', path: /\/git\/blobs$/ },
      (_request, nth) =>
        nth <= 2
          ? { status: 502, body: '<html><body>502 Bad Gateway</body></html>' }
          : undefined
    )
    await using ws = await workspace(spec)
    // The store off: only the main commit's blobs are counted (the store's writes: store-*.test.ts).
    const result = await run(ws.root, { inputs: { 'store-branch': '' } })
    expect(result.code, result.stdout).toBe(0)
    // Three blobs (two images and the lockfile), two of the POSTs answered twice.
    expect(github.requestsOf('POST', /\/git\/blobs$/)).toHaveLength(5)
    const head = github.headSha('main')
    expect(result.outputs['commit-sha']).toBe(head)
    expect(github.commitOf(head).parents).toEqual([seeded])
    for (const path of [...OUTPUTS, 'assetgen.lock.json'])
      expect(github.readFileAt('main', path)).toEqual(
        await readFile(join(ws.root, path))
      )
    expect(artifacts.list()).toHaveLength(0) // no fallback was needed
    expect(gateway.requestCount()).toBe(2)
  })

  it('on a read-only token (403 on the ref update) fails naming contents: write, saves -unpublished artifacts, keeps the lockfile', async () => {
    const seeded = github.seedRepo({ 'assetgen.yml': spec })
    github.onRequest(
      { method: 'PATCH', path: /\/git\/refs\/heads\/main$/ },
      () => ({
        status: 403,
        body: {
          message: 'Resource not accessible by integration',
          documentation_url: 'https://docs.github.com/rest'
        }
      })
    )
    await using ws = await workspace(spec)
    const result = await run(ws.root)
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(
      /::error::commit failed: Updating main failed: 403 Resource not accessible by integration\..*contents: write/
    )
    expect(github.headSha('main')).toBe(seeded) // nothing landed
    expect(github.requestsOf('PATCH')).toHaveLength(1) // a 403 is not retried
    expect(result.outputs['commit-sha']).toBeUndefined()
    expect(result.summary).toMatch(/saved as artifacts/)
    const saved = artifacts.list()
    expect(saved.map((artifact) => artifact.name).sort()).toEqual([
      'assetgen-unpublished-1-assetgen.lock.json',
      'assetgen-unpublished-1-public__img__hero.png',
      'assetgen-unpublished-1-public__img__icon.png'
    ])
    for (const artifact of saved) expect(artifact.finalized).toBe(true)
    expect(
      saved.find((artifact) => artifact.name.endsWith('hero.png'))?.bytes
    ).toEqual(await readFile(join(ws.root, 'public/img/hero.png')))
    // The runner's lockfile still records both, so a rerun here pays for nothing again.
    const lockfile = await lockMatchesDisk(ws.root, 'public/img')
    expect(Object.keys(lockfile.assets).sort()).toEqual(['hero', 'icon'])
  })

  // A persistent 5xx is retried by @actions/artifact's Twirp client 5 times with backoff from 3 s
  // (about 30 s in all), too slow here: a non-retryable 400 exercises the same failure path.
  it('on a pull request whose CreateArtifact keeps failing, fails the step clearly and keeps the files', async () => {
    artifacts.onRequest(/\/CreateArtifact$/, () => ({
      status: 400,
      msg: 'artifact storage quota exceeded'
    }))
    await using ws = await workspace(spec)
    // The store off: this is the artifact path alone (with the store a PR also writes its branch).
    const result = await run(ws.root, {
      ...pullRequest,
      inputs: { 'store-branch': '' }
    })
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(
      /::error::artifact upload failed: Uploading .*\.png as artifact 'assetgen-1-public__img__\w+\.png' failed: .*CreateArtifact.*400.*artifact storage quota exceeded/
    )
    expect(artifacts.list()).toHaveLength(0)
    expect(result.outputs['artifact-id']).toBeUndefined()
    expect(github.requestsOf('POST', /\/git\//)).toHaveLength(0) // previews never commit
    // The generated images and their lock entries stay in the workspace.
    const lockfile = await lockMatchesDisk(ws.root, 'public/img')
    expect(Object.keys(lockfile.assets).sort()).toEqual(['hero', 'icon'])
    expect(result.outputs.generated).toBe('2')
  })
})
