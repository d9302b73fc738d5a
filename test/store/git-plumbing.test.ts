// The CLI store's git plumbing, run against a real repository in a temp folder: these helpers
// parse git's own output formats, so only real git can tell a parsing slip.
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  git,
  listBlobs,
  readBlobs,
  resolveCommit
} from '../../src/store/git-plumbing.js'
import { tempDir } from '../helpers/temp-dir.js'

let repo: AsyncDisposable & { path: string }
let cwd: string

/** Runs git synchronously in the test repository (setup only, not under test). */
const run = (args: string[], input?: string | Buffer): string =>
  execFileSync('git', args, { cwd, encoding: 'utf8', input })

/** Writes `content` as a loose blob and returns its sha. */
const blob = (content: string | Buffer) =>
  run(['hash-object', '-w', '--stdin'], content).trim()

/** A commit of a tree holding `files` (path → blob sha), with nested folders built by git. */
function commitOf(files: Record<string, string>): string {
  const env = { ...process.env, GIT_INDEX_FILE: join(cwd, '.git', 'tmp-index') }
  const index = (args: string[], input?: string) =>
    execFileSync('git', args, { cwd, encoding: 'utf8', input, env })
  index(['read-tree', '--empty'])
  // -z: paths with newlines and tabs go in as they are.
  index(
    ['update-index', '--add', '-z', '--index-info'],
    Object.entries(files)
      .map(([path, sha]) => `100644 ${sha}\t${path}\0`)
      .join('')
  )
  const tree = index(['write-tree']).trim()
  return run([
    '-c',
    'user.name=t',
    '-c',
    'user.email=t@example.com',
    'commit-tree',
    tree,
    '-m',
    'store'
  ]).trim()
}

beforeEach(async () => {
  repo = await tempDir('assetgen-plumbing-')
  cwd = repo.path
  run(['init', '--quiet'])
})
afterEach(() => repo[Symbol.asyncDispose]())

describe('git', () => {
  it('resolves with stdout, passes input and env to git, and allows output over 1 MiB by default', async () => {
    const sha = await git(cwd, ['hash-object', '-w', '--stdin'], {
      input: 'hello\n'
    })
    expect(sha).toBe(`${blob('hello\n')}\n`)
    const ident = await git(cwd, ['var', 'GIT_AUTHOR_IDENT'], {
      env: { GIT_AUTHOR_NAME: 'Ada', GIT_AUTHOR_EMAIL: 'ada@example.com' }
    })
    expect(ident).toMatch(/^Ada <ada@example\.com> /)
    // Node's own default buffer is 1 MiB; a store listing can be far longer.
    const big = blob(Buffer.alloc(3 * 1024 * 1024, 'a'))
    expect(await git(cwd, ['cat-file', 'blob', big])).toHaveLength(
      3 * 1024 * 1024
    )
    await expect(
      git(cwd, ['cat-file', 'blob', big], { maxBuffer: 1024 })
    ).rejects.toThrow(/git cat-file failed/)
  })

  it("rejects with the subcommand and git's own reason, keeping the exit status as the cause", async () => {
    const failure = (await git(cwd, ['ls-tree', 'no-such-ref']).then(
      () => new Error('git did not fail'),
      (error: unknown) => error
    )) as Error & { cause: { code: number } }
    expect(failure.message).toMatch(
      /^git ls-tree failed: fatal: .*no-such-ref$/
    )
    expect(failure.cause.code).toBe(128)
  })
})

describe('resolveCommit', () => {
  it('names the commit a ref points at, and nothing for a missing ref, a non-commit or a non-clone', async () => {
    const commit = commitOf({ 'a.txt': blob('a') })
    run(['update-ref', 'refs/remotes/origin/store', commit])
    expect(await resolveCommit(cwd, 'refs/remotes/origin/store')).toBe(commit)
    expect(await resolveCommit(cwd, 'refs/remotes/origin/other')).toBe(
      undefined
    )
    // A tree is an object, but not a commit the store could be read from.
    const tree = run(['rev-parse', `${commit}^{tree}`]).trim()
    expect(await resolveCommit(cwd, tree)).toBe(undefined)
    await using outside = await tempDir('assetgen-not-a-clone-')
    expect(await resolveCommit(outside.path, 'HEAD')).toBe(undefined)
  })
})

describe('listBlobs', () => {
  it('lists every blob below the given folders with its size, and the whole tree without folders', async () => {
    const files = {
      'ab/abc/record.json': blob('{"id":"x"}'),
      'ab/abc/deep/image.png': blob(Buffer.alloc(1234, 7)),
      'cd/cde/record.json': blob('{}'),
      'README.md': blob('hi')
    }
    const commit = commitOf(files)
    const byPath = (blobs: Awaited<ReturnType<typeof listBlobs>>) =>
      Object.fromEntries(blobs.map((item) => [item.path, item]))
    expect(byPath(await listBlobs(cwd, commit, ['ab']))).toEqual({
      'ab/abc/record.json': {
        path: 'ab/abc/record.json',
        sha: files['ab/abc/record.json'],
        size: 10
      },
      'ab/abc/deep/image.png': {
        path: 'ab/abc/deep/image.png',
        sha: files['ab/abc/deep/image.png'],
        size: 1234
      }
    })
    expect(Object.keys(byPath(await listBlobs(cwd, commit))).sort()).toEqual(
      Object.keys(files).sort()
    )
    expect(await listBlobs(cwd, commit, ['ef'])).toEqual([])
  })

  it('keeps paths with spaces, tabs, newlines and non-ASCII intact', async () => {
    const names = [
      'ab/a b.png',
      'ab/tab\there.png',
      'ab/line\nbreak.png',
      'ab/é.png'
    ]
    const commit = commitOf(
      Object.fromEntries(names.map((name) => [name, blob(name)]))
    )
    const listed = await listBlobs(cwd, commit, ['ab'])
    expect(listed.map((item) => item.path).sort()).toEqual([...names].sort())
    for (const item of listed)
      expect(item.size).toBe(Buffer.byteLength(item.path))
  })

  it('rejects for a commit the clone does not have', async () => {
    await expect(listBlobs(cwd, 'f'.repeat(40))).rejects.toThrow(
      /git ls-tree failed/
    )
  })
})

describe('readBlobs', () => {
  it('reads each blob byte for byte, whatever its content, and leaves out the ones that are missing', async () => {
    // Content that looks like cat-file's own headers must not be read as one.
    const tricky = blob(Buffer.from(`${'0'.repeat(40)} blob 3\nabc\n\n`))
    const binary = blob(Buffer.from(Array.from({ length: 256 }, (_, i) => i)))
    const empty = blob('')
    const missing = 'e'.repeat(40)
    const found = await readBlobs(cwd, [tricky, missing, binary, empty])
    expect([...found.keys()].sort()).toEqual([tricky, binary, empty].sort())
    expect(found.get(tricky)?.toString()).toBe(
      `${'0'.repeat(40)} blob 3\nabc\n\n`
    )
    expect([...found.get(binary)!]).toEqual(
      Array.from({ length: 256 }, (_, i) => i)
    )
    expect(found.get(empty)?.length).toBe(0)
  })

  it('reads nothing without starting git, and rejects with git’s reason outside a clone', async () => {
    // No shas, no process: this works even where git could not run.
    expect(await readBlobs(join(cwd, 'no-such-folder'), [])).toEqual(new Map())
    await using outside = await tempDir('assetgen-not-a-clone-')
    await expect(readBlobs(outside.path, ['a'.repeat(40)])).rejects.toThrow(
      /^git cat-file failed: fatal: not a git repository/
    )
    await expect(
      readBlobs(join(cwd, 'no-such-folder'), ['a'.repeat(40)])
    ).rejects.toThrow(/ENOENT/)
  })
})
