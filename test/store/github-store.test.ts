import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createOctokit } from '../../src/github.js'
import { storePaths } from '../../src/store/layout.js'
import {
  GitHubImageStore,
  isPermissionDenied,
  writeStore
} from '../../src/store/github-store.js'
import { FakeGitHub } from '../fakes/github.js'
import { inputHash, storeEntry } from '../helpers/store-entry.js'

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

const hex = inputHash
const entry = storeEntry

describe('the image store on a branch', () => {
  it('starts the branch as an orphan commit holding the documented layout, leaving main alone', async () => {
    const mainBefore = github.headSha('main')
    const hero = entry('hero')
    const written = await writeStore(octokit, where, [hero, entry('icon')])
    expect(written.changed).toBe(true)
    expect(github.headSha('assetgen-store')).toBe(written.commitSha)
    expect(github.commitOf(written.commitSha).parents).toEqual([])
    expect(github.headSha('main')).toBe(mainBefore)
    const paths = storePaths(hero.hash, 'hero.png')
    expect(paths.image).toBe(`${hero.hash.slice(0, 2)}/${hero.hash}/hero.png`)
    expect(github.readFileAt('assetgen-store', paths.image)).toEqual(hero.image)
    expect(
      JSON.parse(github.readFileAt('assetgen-store', paths.record)!.toString())
    ).toEqual(hero.record)
    expect(github.readFileAt('assetgen-store', paths.preview)).toEqual(
      hero.preview
    )
    expect(written.previews.get(hero.hash)).toBe(paths.preview)
    expect(github.filesAt('assetgen-store')).toHaveLength(6)
    // Images and previews are uploaded; records travel inside the tree request.
    expect(github.requestsOf('POST', /git\/blobs$/)).toHaveLength(4)
    // The same entries again: nothing new, the head already holds them.
    const again = await writeStore(octokit, where, [hero])
    expect(again).toMatchObject({
      changed: false,
      commitSha: written.commitSha
    })
  })

  it('finds verified hits, reading only the folders it needs and never the whole store recursively', async () => {
    const many = Array.from({ length: 300 }, (_, i) => entry(`asset-${i}`))
    // Seeded directly (uploading 900 files through the API would only slow the test down).
    const files: Record<string, Buffer> = {}
    for (const item of many) {
      const paths = storePaths(item.hash, item.record.file)
      files[paths.image] = Buffer.from(item.image)
      files[paths.record] = Buffer.from(JSON.stringify(item.record))
      files[paths.preview] = Buffer.from(item.preview)
    }
    github.seedRepo(files, 'assetgen-store')
    const store = new GitHubImageStore(octokit, where)
    github.requests.length = 0
    const wanted = [many[3], many[150]]
    const missing = hex('not stored')
    const found = await store.lookup([
      ...wanted.map((item) => `sha256:${item.hash}`),
      missing
    ])
    expect([...found.keys()].sort()).toEqual(
      wanted.map((item) => item.hash).sort()
    )
    expect(found.get(many[3].hash)).toMatchObject({ record: many[3].record })
    expect(Buffer.from(found.get(many[3].hash)!.image)).toEqual(many[3].image)
    const trees = github.requestsOf('GET', /git\/trees\//)
    // The root one level, then one `<hash[0:2]>` folder per wanted hash that can exist.
    const prefixes = new Set(
      [...wanted.map((item) => item.hash), missing].map((key) =>
        key.slice(0, 2)
      )
    )
    expect(trees.length).toBeLessThanOrEqual(1 + prefixes.size)
    const rootTree = github.commitOf(github.headSha('assetgen-store')).tree
    for (const request of trees) {
      if (request.path.endsWith(rootTree))
        expect(request.query.has('recursive')).toBe(false)
    }
    // ref + commit + trees + (record + image) per hit.
    expect(github.requests.length).toBeLessThanOrEqual(
      2 + 1 + prefixes.size + 2 * wanted.length
    )
  })

  it('ignores an entry whose image does not match its record, and answers an empty map without a branch', async () => {
    const store = new GitHubImageStore(octokit, where)
    expect((await store.lookup([hex('hero')])).size).toBe(0)
    const hero = entry('hero')
    const tampered = { ...hero, image: Buffer.from(hero.image).fill(1, 0, 4) }
    await writeStore(octokit, where, [tampered, entry('icon')])
    const found = await store.lookup([hero.hash, hex('icon')])
    expect([...found.keys()]).toEqual([hex('icon')])
  })

  it('lands parallel writes (even two creating the branch at once) with no entry lost and no force', async () => {
    const writers = ['a', 'b', 'c'].map((name) =>
      writeStore(octokit, where, [entry(name)], { backoffMs: 1 })
    )
    await Promise.all(writers)
    const files = github.filesAt('assetgen-store')
    for (const name of ['a', 'b', 'c'])
      expect(files).toContain(storePaths(hex(name), `${name}.png`).image)
    expect(
      github
        .requestsOf('PATCH', /git\/refs/)
        .every((request) => request.body.force === false)
    ).toBe(true)
  })

  it('throws a permission error the caller can recognise when the token may not write', async () => {
    github.denyWritesTo('assetgen-store')
    const failure = await writeStore(octokit, where, [entry('hero')]).catch(
      (error: unknown) => error
    )
    expect(isPermissionDenied(failure)).toBe(true)
    expect(isPermissionDenied(new Error('other'))).toBe(false)
  })
})
