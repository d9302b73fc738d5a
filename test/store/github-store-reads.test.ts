// The store's read side over the fake GitHub, for what a broken, partial or unreadable store
// branch does to a lookup: a miss for the entry concerned, a warning only when the store itself
// could not be read, and no download of what could never verify.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createOctokit } from '../../src/github.js'
import { MAX_RECORD_BYTES, storePaths } from '../../src/store/layout.js'
import { GitHubImageStore, writeStore } from '../../src/store/github-store.js'
import type { StoreEntry } from '../../src/store/types.js'
import { FakeGitHub } from '../fakes/github.js'
import { ok } from '../fakes/github-responses.js'
import { inputHash, storeEntry } from '../helpers/store-entry.js'

let github: FakeGitHub
let octokit: ReturnType<typeof createOctokit>
let log: ReturnType<typeof vi.fn<(message: string) => void>>
const where = { owner: 'acme', repo: 'site', branch: 'assetgen-store' }

beforeEach(async () => {
  github = await FakeGitHub.start()
  github.seedRepo({ 'README.md': 'hello' })
  octokit = createOctokit('test-token', {
    baseUrl: github.url,
    retryAfterBaseValue: 1,
    spaceWrites: false
  })
  log = vi.fn<(message: string) => void>()
})
afterEach(() => github.close())

/** The store's files for `entries`, record JSON as `writeStore` writes it unless overridden. */
function storeFiles(entries: StoreEntry[]): Record<string, Buffer> {
  const files: Record<string, Buffer> = {}
  for (const item of entries) {
    const paths = storePaths(item.hash, item.record.file)
    files[paths.image] = Buffer.from(item.image)
    files[paths.record] = Buffer.from(JSON.stringify(item.record))
    files[paths.preview] = Buffer.from(item.preview)
  }
  return files
}

/**
 * Answers tree listings without blob sizes: GitHub sends them, but the store must not depend on
 * them to bound a download.
 */
function listWithoutSizes(): void {
  github.onRequest({ method: 'GET', path: /\/git\/trees\/\w+$/ }, (request) => {
    const sha = request.path.split('/').pop() ?? ''
    const items = github.git.tree(sha)
    if (items === undefined) return undefined
    const tree = request.query.has('recursive')
      ? github.git.listRecursive(sha)
      : items.map((item) => ({ ...item, path: item.name }))
    return ok({
      sha,
      truncated: false,
      tree: tree.map(({ path, mode, type, sha: entrySha }) => ({
        path,
        mode,
        type,
        sha: entrySha
      }))
    })
  })
}

/** GET git/blobs requests for `sha`: what the lookup downloaded. */
const downloads = (sha: string) =>
  github.requestsOf('GET', new RegExp(`/git/blobs/${sha}$`))

/** The blob sha of `path` on the store branch. */
const shaAt = (path: string) =>
  github.git
    .flatten(github.commitOf(github.headSha(where.branch)).tree)
    .get(path)!.sha

describe('reading the store branch', () => {
  it('is a quiet miss while the branch does not exist yet', async () => {
    const store = new GitHubImageStore(octokit, where, log)
    expect((await store.lookup([inputHash('hero')])).size).toBe(0)
    expect(store.headSha).toBe(undefined)
    // The first run of every repository gets here: no warning for it.
    expect(log).not.toHaveBeenCalled()
  })

  it('warns, naming the branch, when GitHub refuses the read, and answers a miss', async () => {
    const hero = storeEntry('hero')
    github.seedRepo(storeFiles([hero]), where.branch)
    const refused = createOctokit('not-the-token', { baseUrl: github.url })
    const store = new GitHubImageStore(refused, where, log)
    expect((await store.lookup([hero.hash])).size).toBe(0)
    expect(log).toHaveBeenCalledTimes(1)
    expect(log.mock.calls[0][0]).toContain(where.branch)
  })

  it('warns when a folder listing comes back truncated, and reads it quietly otherwise', async () => {
    const hero = storeEntry('hero')
    github.seedRepo(storeFiles([hero]), where.branch)
    const store = new GitHubImageStore(octokit, where, log)
    expect((await store.lookup([hero.hash])).size).toBe(1)
    expect(log).not.toHaveBeenCalled()
    // GitHub lists a huge tree one level deep and says so: the entry is not found, and the
    // warning names the listing that was cut short.
    github.truncateTreeListings = true
    expect((await store.lookup([hero.hash])).size).toBe(0)
    expect(log).toHaveBeenCalledTimes(1)
    const root = github.commitOf(github.headSha(where.branch)).tree
    const prefixTree = github.git
      .tree(root)!
      .find((item) => item.name === hero.hash.slice(0, 2))!.sha
    expect(log.mock.calls[0][0]).toContain(prefixTree)
  })

  it('asks GitHub for recursive listings of the folders it reads', async () => {
    const hero = storeEntry('hero')
    await writeStore(octokit, where, [hero])
    github.requests.length = 0
    await new GitHubImageStore(octokit, where).lookup([hero.hash])
    const folder = github.git
      .tree(github.commitOf(github.headSha(where.branch)).tree)!
      .find((item) => item.name === hero.hash.slice(0, 2))!.sha
    const listing = github.requestsOf(
      'GET',
      new RegExp(`/git/trees/${folder}$`)
    )
    // `recursive=1` is the value GitHub documents; the fake accepts any.
    expect(listing.map((request) => request.query.get('recursive'))).toEqual([
      '1'
    ])
  })
})

describe('an entry that is broken or missing', () => {
  it('is a quiet miss for that entry only: no record, an unreadable record, no image, or a folder for the image', async () => {
    const hero = storeEntry('hero')
    const noImage = storeEntry('no-image')
    const badRecord = storeEntry('bad-record')
    const folderImage = storeEntry('folder-image')
    const files = storeFiles([hero, noImage, badRecord, folderImage])
    delete files[storePaths(noImage.hash, noImage.record.file).image]
    files[storePaths(badRecord.hash, 'x').record] = Buffer.from('{"id":')
    // A folder where the record promises a file.
    const folderPath = storePaths(folderImage.hash, folderImage.record.file)
    delete files[folderPath.image]
    files[`${folderPath.image}/inner.png`] = Buffer.from(folderImage.image)
    github.seedRepo(files, where.branch)
    // A key in a folder that exists, with no entry of its own.
    const noRecord = `${hero.hash.slice(0, 2)}${'0'.repeat(62)}`
    const store = new GitHubImageStore(octokit, where, log)
    const found = await store.lookup(
      [hero, noImage, badRecord, folderImage]
        .map((item) => item.hash)
        .concat(noRecord)
    )
    expect([...found.keys()]).toEqual([hero.hash])
    // Each is one entry's problem, not the store's: nothing to warn about.
    expect(log).not.toHaveBeenCalled()
  })
})

describe('the size checks before a download', () => {
  /** `entry` with its record JSON padded by spaces to exactly `bytes` bytes (still valid JSON). */
  function padRecord(
    files: Record<string, Buffer>,
    entry: StoreEntry,
    bytes: number
  ) {
    const json = JSON.stringify(entry.record)
    files[storePaths(entry.hash, entry.record.file).record] = Buffer.from(
      json.slice(0, -1) + ' '.repeat(bytes - json.length) + '}'
    )
  }

  it('reads a record of exactly 64 KiB and refuses a bigger one unread', async () => {
    const atLimit = storeEntry('at-limit')
    const over = storeEntry('over')
    const files = storeFiles([atLimit, over])
    padRecord(files, atLimit, MAX_RECORD_BYTES)
    padRecord(files, over, MAX_RECORD_BYTES + 1)
    github.seedRepo(files, where.branch)
    const store = new GitHubImageStore(octokit, where, log)
    const found = await store.lookup([atLimit.hash, over.hash])
    expect([...found.keys()]).toEqual([atLimit.hash])
    expect(downloads(shaAt(storePaths(over.hash, 'x').record))).toHaveLength(0)
  })

  it('does not download an image whose listed size is not the size its record promises', async () => {
    const hero = storeEntry('hero')
    const grown = storeEntry('grown')
    const files = storeFiles([hero, grown])
    const grownPath = storePaths(grown.hash, grown.record.file).image
    files[grownPath] = Buffer.concat([files[grownPath], Buffer.from('!')])
    github.seedRepo(files, where.branch)
    const store = new GitHubImageStore(octokit, where, log)
    const found = await store.lookup([hero.hash, grown.hash])
    expect([...found.keys()]).toEqual([hero.hash])
    expect(downloads(shaAt(grownPath))).toHaveLength(0)
    expect(
      downloads(shaAt(storePaths(hero.hash, 'hero.png').image))
    ).toHaveLength(1)
  })

  it('does not download an image its record says is over the 40 MiB blob limit, even unlisted by size', async () => {
    // Listings without sizes: the record's own claim is all there is to go by.
    listWithoutSizes()
    const huge = storeEntry('huge')
    const atLimit = storeEntry('at-limit')
    huge.record = { ...huge.record, bytes: 40 * 1024 * 1024 + 1 }
    atLimit.record = { ...atLimit.record, bytes: 40 * 1024 * 1024 }
    github.seedRepo(storeFiles([huge, atLimit]), where.branch)
    const store = new GitHubImageStore(octokit, where, log)
    expect((await store.lookup([huge.hash, atLimit.hash])).size).toBe(0)
    expect(
      downloads(shaAt(storePaths(huge.hash, 'huge.png').image))
    ).toHaveLength(0)
    // At the limit it is read, and then refused for not being what the record says.
    expect(
      downloads(shaAt(storePaths(atLimit.hash, 'at-limit.png').image))
    ).toHaveLength(1)
  })
})
