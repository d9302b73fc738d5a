import { readdir } from 'node:fs/promises'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { MAX_RECORD_BYTES, storePaths } from '../../src/store/layout.js'
import { pruneStore, type PruneOptions } from '../../src/store/prune.js'
import { git, gitRemote, type GitRemote } from '../helpers/git-remote.js'
import { entryFiles, hex } from '../helpers/store-files.js'
import { tempDir } from '../helpers/temp-dir.js'

// The broad cases (young, referenced, the lease) are in local-git-store.test.ts; these pin the
// edges: the exact bound, entries without a usable record, files that are not entries, what a
// prune leaves behind in the clone, and who its commit is by.

const BRANCH = 'assetgen-store'
const NOW = new Date('2026-11-30T00:00:00.000Z')
const NINETY_DAYS = 90 * 86_400_000
const OLD = '2026-01-01T00:00:00.000Z'
const YOUNG = '2026-11-20T00:00:00.000Z'

let remote: GitRemote
beforeEach(async () => {
  remote = await gitRemote()
})
afterEach(async () => {
  vi.unstubAllEnvs()
  await remote[Symbol.asyncDispose]()
})

const prune = (options: Partial<PruneOptions> = {}) =>
  pruneStore({
    root: remote.clone,
    branch: BRANCH,
    olderThanMs: NINETY_DAYS,
    now: NOW,
    keep: new Set(),
    ...options
  })

/** The paths on origin's store branch. */
const storeFiles = () =>
  git(remote.origin, 'ls-tree', '-r', '--name-only', BRANCH)
    .split('\n')
    .filter(Boolean)

/** `entryFiles` with the record replaced by `record` (or left out when undefined). */
function withRecord(name: string, record: Buffer | undefined) {
  const files = entryFiles(name, YOUNG)
  const path = storePaths(hex(name), `${name}.png`).record
  if (record) files[path] = record
  else delete files[path]
  return files
}

/** A young record of `name`, padded with trailing spaces (still valid JSON) to `size` bytes. */
function paddedRecord(name: string, size: number): Buffer {
  const path = storePaths(hex(name), `${name}.png`).record
  const text = entryFiles(name, YOUNG)[path].toString()
  return Buffer.from(text.padEnd(size, ' '))
}

describe('pruneStore', () => {
  it('finds nothing to prune when origin has no store branch, fetching or not', async () => {
    expect(await prune()).toEqual({ kept: 0, removed: 0 })
    expect(await prune({ fetch: false })).toEqual({ kept: 0, removed: 0 })
    expect(git(remote.origin, 'branch', '--list', BRANCH).trim()).toBe('')
  })

  it('keeps an entry created exactly at the bound and drops one a millisecond older', async () => {
    await remote.push(BRANCH, {
      ...entryFiles('at-bound', '2026-09-01T00:00:00.000Z'),
      ...entryFiles('just-older', '2026-08-31T23:59:59.999Z')
    })
    expect(await prune()).toMatchObject({ kept: 1, removed: 1 })
    const files = storeFiles().join('\n')
    expect(files).toContain(hex('at-bound'))
    expect(files).not.toContain(hex('just-older'))
  })

  it('drops a young entry whose record is missing, not a record, or over 64 KiB', async () => {
    await remote.push(BRANCH, {
      ...withRecord('at-limit', paddedRecord('at-limit', MAX_RECORD_BYTES)),
      ...withRecord(
        'over-limit',
        paddedRecord('over-limit', MAX_RECORD_BYTES + 1)
      ),
      ...withRecord('garbled', Buffer.from('{"id": "garbled"')),
      ...withRecord('no-record', undefined)
    })
    // Sanity: the oversized record is a well-formed one, refused for its size alone.
    expect(paddedRecord('over-limit', MAX_RECORD_BYTES + 1).length).toBe(
      MAX_RECORD_BYTES + 1
    )
    expect(await prune()).toMatchObject({ kept: 1, removed: 3 })
    const folders = new Set(storeFiles().map((path) => path.split('/')[1]))
    expect([...folders]).toEqual([hex('at-limit')])
  })

  it('keeps an unreadable entry the lockfile references', async () => {
    await remote.push(BRANCH, withRecord('landed', undefined))
    expect(await prune({ keep: new Set([hex('landed')]) })).toMatchObject({
      kept: 1,
      removed: 0
    })
  })

  it('leaves files outside entry folders alone, even ones that look like an entry deeper down', async () => {
    const nested = `notes/${storePaths(hex('nested'), 'x.png').image}`
    await remote.push(BRANCH, {
      ...entryFiles('old', OLD),
      'README.md': Buffer.from('the image store'),
      [nested]: Buffer.from('not an entry')
    })
    expect(await prune()).toMatchObject({ kept: 0, removed: 1 })
    expect(storeFiles().sort()).toEqual([nested, 'README.md'].sort())
  })

  it("leaves the clone's index, work tree and temp folder as they were", async () => {
    await using tmp = await tempDir()
    // The throwaway index goes under the OS temp folder; point that somewhere only this test sees.
    vi.stubEnv('TMPDIR', tmp.path)
    await remote.push(BRANCH, {
      ...entryFiles('old', OLD),
      ...entryFiles('young', YOUNG)
    })
    const head = git(remote.clone, 'rev-parse', 'HEAD').trim()
    expect((await prune()).after).toBeDefined()
    expect(git(remote.clone, 'status', '--porcelain')).toBe('')
    expect(git(remote.clone, 'rev-parse', 'HEAD').trim()).toBe(head)
    expect(await readdir(tmp.path)).toEqual([])
  })

  it('commits as assetgen when no identity is set in the environment, else as that identity', async () => {
    // A clone-level identity stands in for whatever the machine has configured: the environment,
    // not git config, decides the prune commit's author.
    git(remote.clone, 'config', 'user.name', 'Config Person')
    git(remote.clone, 'config', 'user.email', 'config@example.com')
    const identity = (commit: string) =>
      git(remote.origin, 'log', '-1', '--format=%an <%ae>|%cn <%ce>', commit)
        .trim()
        .split('|')
    for (const name of ['AUTHOR', 'COMMITTER'])
      for (const part of ['NAME', 'EMAIL'])
        vi.stubEnv(`GIT_${name}_${part}`, undefined)
    await remote.push(BRANCH, entryFiles('first', OLD))
    const first = await prune()
    expect(identity(first.after!)).toEqual([
      'assetgen <assetgen@users.noreply.github.com>',
      'assetgen <assetgen@users.noreply.github.com>'
    ])

    vi.stubEnv('GIT_AUTHOR_NAME', 'Pat')
    vi.stubEnv('GIT_AUTHOR_EMAIL', 'pat@example.com')
    vi.stubEnv('GIT_COMMITTER_NAME', 'Robin')
    vi.stubEnv('GIT_COMMITTER_EMAIL', 'robin@example.com')
    await remote.push(BRANCH, entryFiles('second', OLD))
    const second = await prune()
    expect(identity(second.after!)).toEqual([
      'Pat <pat@example.com>',
      'Robin <robin@example.com>'
    ])
  })
})
