import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LocalGitImageStore } from '../../src/store/local-git-store.js'
import { storePaths } from '../../src/store/layout.js'
import { parseDuration, pruneStore } from '../../src/store/prune.js'
import { git, gitRemote, type GitRemote } from '../helpers/git-remote.js'
import { entryFiles, hex } from '../helpers/store-files.js'

let remote: GitRemote
let origin: string
let clone: string
let folder: string
const run = git

const pushStore = (files: Record<string, Buffer>) =>
  remote.push('assetgen-store', files)

beforeEach(async () => {
  remote = await gitRemote()
  ;({ origin, clone, folder } = remote)
})
afterEach(() => remote[Symbol.asyncDispose]())

describe('the store in the local clone', () => {
  it('reads verified hits from origin/<branch> after a fetch, and nothing before', async () => {
    const tampered = entryFiles('icon', '2026-11-01T00:00:00Z')
    const iconImage = storePaths(hex('icon'), 'icon.png').image
    tampered[iconImage] = Buffer.from('image of icoN\n\0\xff')
    await pushStore({
      ...entryFiles('hero', '2026-11-01T00:00:00Z'),
      ...tampered
    })
    const store = new LocalGitImageStore(clone, 'assetgen-store')
    expect(await store.exists()).toBe(false)
    expect((await store.lookup([hex('hero')])).size).toBe(0)
    run(clone, 'fetch', '--quiet', 'origin', 'assetgen-store')
    expect(await store.exists()).toBe(true)
    const found = await store.lookup([
      `sha256:${hex('hero')}`,
      hex('icon'),
      hex('missing')
    ])
    expect([...found.keys()]).toEqual([hex('hero')])
    expect(Buffer.from(found.get(hex('hero'))!.image).toString()).toBe(
      'image of hero\n\0\xff'
    )
  })

  it('is an empty store outside a git clone', async () => {
    const store = new LocalGitImageStore(folder, 'assetgen-store')
    expect((await store.lookup([hex('hero')])).size).toBe(0)
  })
})

describe('store prune', () => {
  const now = new Date('2026-11-30T00:00:00Z')

  it('keeps young entries and those the lockfile references, force-pushing an orphan to the store branch only', async () => {
    await pushStore({
      ...entryFiles('old-landed', '2026-01-01T00:00:00Z'),
      ...entryFiles('old-unused', '2026-01-01T00:00:00Z'),
      ...entryFiles('young', '2026-11-20T00:00:00Z'),
      'README.md': Buffer.from('store')
    })
    const mainBefore = run(origin, 'rev-parse', 'main').trim()
    const result = await pruneStore({
      root: clone,
      branch: 'assetgen-store',
      olderThanMs: parseDuration('90d'),
      now,
      keep: new Set([hex('old-landed')])
    })
    expect(result).toMatchObject({ kept: 2, removed: 1 })
    const files = run(origin, 'ls-tree', '-r', '--name-only', 'assetgen-store')
    expect(files).toContain(storePaths(hex('old-landed'), 'x').folder)
    expect(files).toContain(storePaths(hex('young'), 'x').folder)
    expect(files).not.toContain(hex('old-unused'))
    expect(files).toContain('README.md')
    expect(run(origin, 'rev-parse', 'assetgen-store').trim()).toBe(result.after)
    expect(run(origin, 'rev-list', '--count', 'assetgen-store').trim()).toBe(
      '1'
    )
    expect(run(origin, 'rev-parse', 'main').trim()).toBe(mainBefore)
    // Nothing left to remove: no push.
    const again = await pruneStore({
      root: clone,
      branch: 'assetgen-store',
      olderThanMs: parseDuration('90d'),
      now,
      keep: new Set([hex('old-landed')])
    })
    expect(again.removed).toBe(0)
    expect(again.after).toBeUndefined()
  })

  it('refuses to overwrite entries pushed after it read the branch (force-with-lease)', async () => {
    await pushStore(entryFiles('old', '2026-01-01T00:00:00Z'))
    run(clone, 'fetch', '--quiet', 'origin', 'assetgen-store')
    await pushStore(entryFiles('racing', '2026-11-29T00:00:00Z'))
    const raced = run(origin, 'rev-parse', 'assetgen-store').trim()
    await expect(
      pruneStore({
        root: clone,
        branch: 'assetgen-store',
        olderThanMs: parseDuration('90d'),
        now,
        keep: new Set(),
        fetch: false
      })
    ).rejects.toThrow(/stale info|rejected/)
    expect(run(origin, 'rev-parse', 'assetgen-store').trim()).toBe(raced)
  })

  it('parses durations and refuses anything else', () => {
    expect(parseDuration('2w')).toBe(14 * 86_400_000)
    expect(parseDuration('12h')).toBe(12 * 3_600_000)
    expect(parseDuration(' 90 d ')).toBe(90 * 86_400_000)
    for (const bad of [
      '90',
      '0d',
      '-1d',
      '1y',
      'x90d',
      '90dx',
      '90xd',
      '',
      undefined
    ])
      expect(() => parseDuration(bad)).toThrow(/--older-than/)
  })
})
