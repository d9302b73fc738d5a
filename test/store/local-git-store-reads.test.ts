// The local-git store's reads at their edges (local-git-store.test.ts has the common path):
// the record size bound, an entry missing its image, and a clone whose objects are broken.
import { chmod, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MAX_RECORD_BYTES, storePaths } from '../../src/store/layout.js'
import { LocalGitImageStore } from '../../src/store/local-git-store.js'
import { git, gitRemote, type GitRemote } from '../helpers/git-remote.js'
import { entryFiles, hex } from '../helpers/store-files.js'

const CREATED = '2026-11-01T00:00:00Z'
const STORE = 'assetgen-store'

let remote: GitRemote
beforeEach(async () => {
  remote = await gitRemote()
})
afterEach(() => remote[Symbol.asyncDispose]())

/** Pushes `files` to origin's store branch and fetches it into the clone. */
async function publish(files: Record<string, Buffer>): Promise<void> {
  await remote.push(STORE, files)
  git(remote.clone, 'fetch', '--quiet', 'origin', STORE)
}

/** The entry named `name` with its record padded (a valid extra key) to exactly `bytes`. */
function paddedEntry(name: string, bytes: number): Record<string, Buffer> {
  const files = entryFiles(name, CREATED)
  const path = storePaths(hex(name), `${name}.png`).record
  const record = JSON.parse(files[path].toString()) as object
  const bare = JSON.stringify({ ...record, note: '' }).length
  const padded = JSON.stringify({ ...record, note: 'x'.repeat(bytes - bare) })
  expect(padded.length).toBe(bytes)
  return { ...files, [path]: Buffer.from(padded) }
}

/**
 * The loose object file of `object` (a rev-parse expression) in the clone: a small fetch
 * unpacks what it receives, so each object of the store branch has one.
 */
function looseObject(object: string): string {
  const sha = git(remote.clone, 'rev-parse', object).trim()
  return join(remote.clone, '.git/objects', sha.slice(0, 2), sha.slice(2))
}

describe('the local store at its edges', () => {
  it('reads a record of exactly 64 KiB and skips a larger one', async () => {
    await publish({
      ...paddedEntry('exact', MAX_RECORD_BYTES),
      ...paddedEntry('over', MAX_RECORD_BYTES + 1)
    })
    const store = new LocalGitImageStore(remote.clone, STORE)
    const found = await store.lookup([hex('exact'), hex('over')])
    expect([...found.keys()]).toEqual([hex('exact')])
  })

  it('skips an entry whose image is missing and still returns the others', async () => {
    const broken = entryFiles('icon', CREATED)
    delete broken[storePaths(hex('icon'), 'icon.png').image]
    await publish({ ...entryFiles('hero', CREATED), ...broken })
    const logs: string[] = []
    const store = new LocalGitImageStore(remote.clone, STORE, (line) =>
      logs.push(line)
    )
    const found = await store.lookup([hex('hero'), hex('icon')])
    expect([...found.keys()]).toEqual([hex('hero')])
    expect(logs).toEqual([])
  })

  it('turns an unreadable object into an empty store and says which ref failed', async () => {
    await publish(entryFiles('hero', CREATED))
    // Corrupt the store commit's tree: ls-tree then fails.
    const object = looseObject(`refs/remotes/origin/${STORE}^{tree}`)
    await chmod(object, 0o644)
    await writeFile(object, 'not a zlib stream')
    const logs: string[] = []
    const store = new LocalGitImageStore(remote.clone, STORE, (line) =>
      logs.push(line)
    )
    expect((await store.lookup([hex('hero')])).size).toBe(0)
    expect(logs).toHaveLength(1)
    expect(logs[0]).toContain(`refs/remotes/origin/${STORE}`)
  })
})
