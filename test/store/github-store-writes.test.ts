// The store's write side over the fake GitHub: what one run's commit holds and says, how it reads
// a big store branch, and what reaches the caller's log.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createOctokit } from '../../src/github.js'
import { storePaths } from '../../src/store/layout.js'
import { writeStore } from '../../src/store/github-store.js'
import { FakeGitHub } from '../fakes/github.js'
import { storeEntry } from '../helpers/store-entry.js'

let github: FakeGitHub
let octokit: ReturnType<typeof createOctokit>
const where = { owner: 'acme', repo: 'site', branch: 'assetgen-store' }

beforeEach(async () => {
  github = await FakeGitHub.start()
  github.seedRepo({ 'README.md': 'hello' })
  octokit = createOctokit('test-token', {
    baseUrl: github.url,
    retryAfterBaseValue: 1,
    spaceWrites: false
  })
})
afterEach(() => github.close())

describe('writing to the store branch', () => {
  it('stores an entry given twice (with and without its sha256: prefix) once', async () => {
    const hero = storeEntry('hero')
    const written = await writeStore(octokit, where, [
      hero,
      { ...hero, hash: `sha256:${hero.hash}` }
    ])
    expect([...written.previews.keys()]).toEqual([hero.hash])
    expect(github.filesAt(where.branch).sort()).toEqual(
      Object.values(storePaths(hero.hash, 'hero.png'))
        .filter((path) => path !== storePaths(hero.hash, 'hero.png').folder)
        .sort()
    )
  })

  it("says in the commit message how many entries it adds and lists each one's id and key", async () => {
    const hero = storeEntry('hero')
    const icon = storeEntry('icon')
    const written = await writeStore(octokit, where, [hero, icon])
    // The store branch's history is where people look for what a run stored.
    expect(github.commitOf(written.commitSha).message).toBe(
      `assetgen: store 2 image(s)\n\n- hero ${hero.hash}\n- icon ${icon.hash}\n`
    )
  })

  it('reads only the folders on the way to its paths, never the whole store tree', async () => {
    const files: Record<string, Buffer> = {}
    for (const item of Array.from({ length: 50 }, (_, i) =>
      storeEntry(`old-${i}`)
    )) {
      const paths = storePaths(item.hash, item.record.file)
      files[paths.image] = Buffer.from(item.image)
      files[paths.record] = Buffer.from(JSON.stringify(item.record))
      files[paths.preview] = Buffer.from(item.preview)
    }
    github.seedRepo(files, where.branch)
    github.requests.length = 0
    const written = await writeStore(octokit, where, [storeEntry('new')])
    expect(written.changed).toBe(true)
    expect(github.filesAt(where.branch)).toHaveLength(153)
    const listings = github.requestsOf('GET', /\/git\/trees\//)
    expect(listings.length).toBeGreaterThan(0)
    for (const request of listings)
      expect(request.query.has('recursive')).toBe(false)
  })

  it("passes the commit's progress to the caller's log (a lost race, then the retry)", async () => {
    const hero = storeEntry('hero')
    await writeStore(octokit, where, [storeEntry('first')])
    // Another run lands between this write's read and its ref update, once.
    github.onRequest(
      { method: 'PATCH', path: /\/git\/refs\/heads\/assetgen-store$/ },
      (_request, nth) => {
        if (nth === 1) github.pushCommit(where.branch, { 'other.txt': 'x' })
      }
    )
    const log = vi.fn<(message: string) => void>()
    const written = await writeStore(octokit, where, [hero], {
      log,
      backoffMs: 1
    })
    expect(github.filesAt(where.branch)).toContain('other.txt')
    expect(github.headSha(where.branch)).toBe(written.commitSha)
    expect(log).toHaveBeenCalled()
    expect(log.mock.calls.some(([line]) => line.includes(where.branch))).toBe(
      true
    )
  })

  it('throws rather than name a commit when given nothing to store and there is no branch', async () => {
    await expect(writeStore(octokit, where, [])).rejects.toThrow(
      /made no commit/
    )
    expect(github.refs.has(where.branch)).toBe(false)
  })
})
