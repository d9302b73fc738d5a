// `assetgen store prune` in-process (pruneCommand) over a real clone of a bare origin: which
// lockfile it reads (origin's default branch, fetched fresh, next to the spec), how leniently,
// and what it reports. prune-command.test.ts drives the same command through the CLI's main.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { InputError } from '../../src/errors.js'
import {
  pruneCommand,
  type PruneValues
} from '../../src/store/prune-command.js'
import { git, gitRemote, type GitRemote } from '../helpers/git-remote.js'
import { entryFiles, hex } from '../helpers/store-files.js'

const spec = `version: 1
assets:
  - id: hero
    prompt: A trail
    size: 64x64
`
const OLD = '2025-01-01T00:00:00Z'
const STORE = 'assetgen-store'

let remote: GitRemote
afterEach(() => remote[Symbol.asyncDispose]())

/** A lockfile naming each of `names` by the input hash its store entry is keyed by. */
const lockfile = (...names: string[]) =>
  JSON.stringify({
    version: 1,
    assets: Object.fromEntries(
      names.map((name) => [name, { inputHash: `sha256:${hex(name)}` }])
    )
  })

/** Runs the command with `values` over the defaults; resolves with its code and stdout. */
async function prune(values: Partial<PruneValues> = {}) {
  let stdout = ''
  const code = await pruneCommand(
    {
      spec: 'assetgen.yml',
      'store-branch': STORE,
      'older-than': '90d',
      json: false,
      ...values
    },
    remote.clone,
    { write: (text) => ((stdout += text), true) }
  )
  return { code, stdout }
}

/** The store keys (64 hex folders) left on origin's store branch. */
function storedKeys(): string[] {
  const paths = git(remote.origin, 'ls-tree', '-r', '--name-only', STORE)
  const keys = paths.split('\n').map((path) => path.split('/')[1] ?? '')
  return [...new Set(keys.filter((key) => key.length === 64))].sort()
}

const keysOf = (...names: string[]) => names.map(hex).sort()

describe('store prune reads the default branch lockfile', () => {
  beforeEach(async () => {
    remote = await gitRemote({ 'assetgen.yml': spec })
    await remote.push(STORE, {
      ...entryFiles('landed', OLD),
      ...entryFiles('unused', OLD),
      ...entryFiles('young', new Date().toISOString())
    })
  })

  it('fetches the lockfile from origin rather than trusting the clone', async () => {
    // The clone was made before the lockfile landed on main: only a fetch sees it.
    await remote.push('main', { 'assetgen.lock.json': lockfile('landed') })
    expect((await prune()).code).toBe(0)
    expect(storedKeys()).toEqual(keysOf('landed', 'young'))
  })

  it('follows origin/HEAD to a default branch that is not main', async () => {
    await remote.push('main', { 'assetgen.lock.json': lockfile('unused') })
    await remote.push('trunk', { 'assetgen.lock.json': lockfile('landed') })
    git(remote.clone, 'fetch', '--quiet', 'origin')
    git(remote.clone, 'remote', 'set-head', 'origin', 'trunk')
    await prune()
    expect(storedKeys()).toEqual(keysOf('landed', 'young'))
  })

  it('reads the lockfile next to a spec in a subfolder', async () => {
    await remote.push('main', {
      'site/assetgen.yml': spec,
      'site/assetgen.lock.json': lockfile('landed'),
      'assetgen.lock.json': lockfile('unused')
    })
    git(remote.clone, 'pull', '--quiet', 'origin', 'main')
    await prune({ spec: 'site/assetgen.yml' })
    expect(storedKeys()).toEqual(keysOf('landed', 'young'))
  })

  it('keeps only young entries when the default branch has no lockfile yet', async () => {
    const { stdout } = await prune({ json: true })
    expect(storedKeys()).toEqual(keysOf('young'))
    const head = git(remote.origin, 'rev-parse', STORE).trim()
    expect(JSON.parse(stdout)).toEqual({
      kept: 1,
      removed: 2,
      before: expect.stringMatching(/^[0-9a-f]{40}$/),
      after: head
    })
  })

  it('refuses a lockfile that is not JSON and leaves the store as it was', async () => {
    await remote.push('main', { 'assetgen.lock.json': '{"assets": {' })
    const before = git(remote.origin, 'rev-parse', STORE)
    await expect(prune()).rejects.toBeInstanceOf(InputError)
    expect(git(remote.origin, 'rev-parse', STORE)).toBe(before)
  })

  it.each([
    ['without assets', { version: 1 }],
    ['with null assets', { version: 1, assets: null }],
    ['with assets that are text', { version: 1, assets: 'landed' }]
  ])('prunes as if nothing landed for a lockfile %s', async (_, content) => {
    await remote.push('main', { 'assetgen.lock.json': JSON.stringify(content) })
    await prune()
    expect(storedKeys()).toEqual(keysOf('young'))
  })

  it('skips lockfile entries without a usable hash and keeps the ones with one', async () => {
    const assets = {
      gone: null,
      numbered: { inputHash: 7 },
      broken: { inputHash: 'sha256:not-a-hash' },
      landed: { inputHash: hex('landed') }
    }
    await remote.push('main', {
      'assetgen.lock.json': JSON.stringify({ version: 1, assets })
    })
    await prune()
    expect(storedKeys()).toEqual(keysOf('landed', 'young'))
  })

  it('pushes nothing when nothing is old and unused, and says so', async () => {
    await remote.push('main', { 'assetgen.lock.json': lockfile('landed') })
    const head = git(remote.origin, 'rev-parse', STORE)
    const { code, stdout } = await prune({ 'older-than': '1000w' })
    expect(code).toBe(0)
    expect(git(remote.origin, 'rev-parse', STORE)).toBe(head)
    expect(stdout).toMatch(/3 entries kept, nothing pushed/)
    expect(stdout).toContain('older than 1000w')
  })

  it('takes the branch as a full ref name, and refuses an empty one', async () => {
    const { stdout } = await prune({ 'store-branch': `refs/heads/${STORE}` })
    expect(storedKeys()).toEqual(keysOf('young'))
    expect(stdout).toMatch(/2 entries removed, 1 kept; force-pushed/)
    await expect(prune({ 'store-branch': ' ' })).rejects.toBeInstanceOf(
      InputError
    )
  })
})

describe('store prune without a store branch', () => {
  beforeEach(async () => {
    remote = await gitRemote({ 'assetgen.yml': spec })
  })

  it('reports that there is nothing to prune and creates no branch', async () => {
    const { code, stdout } = await prune({ 'store-branch': 'cache' })
    expect(code).toBe(0)
    expect(stdout).toMatch(/no cache branch: nothing to prune/)
    expect(git(remote.origin, 'branch', '--list', 'cache').trim()).toBe('')
    const json = await prune({ 'store-branch': 'cache', json: true })
    expect(JSON.parse(json.stdout)).toEqual({ kept: 0, removed: 0 })
  })

  it('refuses a bad --older-than before touching git', async () => {
    await expect(prune({ 'older-than': '90' })).rejects.toThrow(/older-than/)
  })
})
