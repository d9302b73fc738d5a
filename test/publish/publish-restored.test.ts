import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createOctokit } from '../../src/github.js'
import { parseLockfile } from '../../src/plan/lockfile.js'
import { gitBlobSha } from '../../src/publish/git-tree.js'
import { publishCommit } from '../../src/publish/publish.js'
import { storePaths } from '../../src/store/layout.js'
import { startFakeGateway, type FakeGateway } from '../fakes/gateway.js'
import { FakeGitHub } from '../fakes/github.js'
import { MemoryStore } from '../helpers/memory-store.js'
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
    prompt: A trail at dusk
    size: 64x64
`

describe('committing images restored from the store', () => {
  it("lands the restored lock entry over the head's, and shares the stored blob instead of uploading it", async () => {
    await using first = await workspace(spec)
    const paid = await buildAgainst(first.root, gateway, {
      storeCandidates: true
    })
    const store = new MemoryStore()
    store.add(paid.stored)
    const entry = paid.stored[0]
    const github = await FakeGitHub.start()
    try {
      // main has an older hero entry; the store branch holds the paid image.
      const oldLock = await readFile(join(first.root, 'assetgen.lock.json'))
      const stale = JSON.parse(oldLock.toString()) as {
        assets: Record<string, { sha256: string; inputHash: string }>
      }
      stale.assets.hero = {
        ...stale.assets.hero,
        sha256: '0'.repeat(64),
        inputHash: `sha256:${'1'.repeat(64)}`
      }
      github.seedRepo({ 'assetgen.lock.json': JSON.stringify(stale) })
      github.seedRepo(
        {
          [storePaths(entry.hash, entry.record.file).image]: Buffer.from(
            entry.image
          )
        },
        'assetgen-store'
      )
      gateway.reset()
      await using second = await workspace(spec)
      const result = await buildAgainst(second.root, gateway, { store })
      expect(result.restored).toBe(1)
      const octokit = createOctokit('test-token', {
        baseUrl: github.url,
        retryAfterBaseValue: 1,
        spaceWrites: false
      })
      const published = await publishCommit(
        octokit,
        result,
        { owner: 'acme', repo: 'site', serverUrl: 'https://github.com' },
        {
          branch: 'main',
          message: 'assets',
          artifactName: 'assetgen',
          log: () => {}
        }
      )
      expect(published.error).toBeUndefined()
      const landed = parseLockfile(
        github.readFileAt('main', 'assetgen.lock.json')!.toString(),
        'assetgen.lock.json'
      )
      expect(landed.assets.hero).toEqual(result.lockfile.assets.hero)
      expect(github.readFileAt('main', 'assets/hero.png')).toEqual(
        Buffer.from(entry.image)
      )
      const imageBlob = gitBlobSha(Buffer.from(entry.image))
      const uploads = github.requestsOf('POST', /git\/blobs$/)
      expect(
        uploads.some(
          (request) =>
            gitBlobSha(Buffer.from(request.body.content, 'base64')) ===
            imageBlob
        )
      ).toBe(false)
      expect(gateway.requestCount()).toBe(0)
    } finally {
      await github.close()
    }
  })
})
