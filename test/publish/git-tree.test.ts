import { execFileSync } from 'node:child_process'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createOctokit } from '../../src/github.js'
import {
  TREE_CHUNK_SIZE,
  createTreeChain,
  gitBlobSha,
  readBlob,
  readHeadTree
} from '../../src/publish/git-tree.js'
import { ok } from '../fakes/github-responses.js'
import { FakeGitHub } from '../fakes/github.js'

let github: FakeGitHub
let octokit: ReturnType<typeof createOctokit>
const where = { owner: 'acme', repo: 'site' }

beforeEach(async () => {
  github = await FakeGitHub.start()
  octokit = createOctokit('test-token', {
    baseUrl: github.url,
    retryAfterBaseValue: 1,
    spaceWrites: false
  })
})
afterEach(() => github.close())

/** Seeds `files` on main and returns the root tree's sha, which readHeadTree starts from. */
function seedTree(files: Record<string, string>): string {
  return github.commitOf(github.seedRepo(files)).tree
}

const treeReads = () => github.requestsOf('GET', /\/git\/trees\//)

describe('gitBlobSha', () => {
  it('gives the sha git itself gives the bytes', () => {
    // Every byte value, and a length past one digit, so the header and the bytes both count.
    const bytes = Buffer.from(Array.from({ length: 300 }, (_, i) => i % 256))
    for (const content of [Buffer.alloc(0), Buffer.from('hello\n'), bytes]) {
      const real = execFileSync('git', ['hash-object', '--stdin'], {
        input: content,
        encoding: 'utf8'
      }).trim()
      expect(gitBlobSha(content)).toBe(real)
    }
  })
})

describe('readHeadTree', () => {
  const files = {
    'README.md': 'hello',
    'assets/og/home.png': 'home',
    'assets/logo.png': 'logo'
  }

  it('lists the whole tree in one recursive read, and counts only blobs as known', async () => {
    const root = seedTree(files)
    const head = await readHeadTree(octokit, where, root, [
      'README.md',
      'new.png' // not there: a complete listing says so without a walk
    ])
    expect([...head.entries.keys()].sort()).toEqual([
      'README.md',
      'assets',
      'assets/logo.png',
      'assets/og',
      'assets/og/home.png'
    ])
    expect(head.entries.get('assets/logo.png')).toEqual({
      sha: gitBlobSha(Buffer.from('logo')),
      type: 'blob',
      mode: '100644'
    })
    expect(head.entries.get('assets/og')).toMatchObject({
      type: 'tree',
      mode: '040000'
    })
    const blobs = ['hello', 'home', 'logo'].map((text) =>
      gitBlobSha(Buffer.from(text))
    )
    expect([...head.blobShas].sort()).toEqual(blobs.sort())
    // A complete listing needs no walk.
    expect(treeReads()).toHaveLength(1)
    expect(treeReads()[0]?.query.get('recursive')).toBe('1')
  })

  it('walks to each wanted path the truncated listing missed, reading each folder once', async () => {
    const root = seedTree(files)
    github.truncateTreeListings = true
    const head = await readHeadTree(octokit, where, root, [
      'assets/og/home.png',
      'assets/logo.png',
      'assets/og', // a folder: listed, but not a known blob
      'assets/missing.png',
      'nowhere/deep.png', // a missing folder on the way
      'README.md/inside.png', // through a file: not there
      'README.md' // already in the truncated root listing
    ])
    expect(head.entries.get('assets/og/home.png')?.sha).toBe(
      gitBlobSha(Buffer.from('home'))
    )
    expect(head.entries.get('assets/logo.png')?.type).toBe('blob')
    expect(head.entries.get('assets/og')?.type).toBe('tree')
    expect(head.entries.has('assets/missing.png')).toBe(false)
    expect(head.entries.has('nowhere/deep.png')).toBe(false)
    expect(head.entries.has('README.md/inside.png')).toBe(false)
    expect(head.blobShas).toEqual(
      new Set(['hello', 'home', 'logo'].map((t) => gitBlobSha(Buffer.from(t))))
    )
    // The recursive read, then root, assets and assets/og one level each: never twice.
    const reads = treeReads()
    expect(reads.map((read) => read.query.has('recursive'))).toEqual([
      true,
      false,
      false,
      false
    ])
    expect(new Set(reads.slice(1).map((read) => read.path)).size).toBe(3)
  })

  it('walks nothing for a wanted path the truncated listing already holds', async () => {
    const root = seedTree(files)
    github.truncateTreeListings = true
    const head = await readHeadTree(octokit, where, root, ['README.md'])
    expect(head.entries.get('README.md')?.sha).toBe(
      gitBlobSha(Buffer.from('hello'))
    )
    expect(treeReads()).toHaveLength(1)
  })

  it('without recursion reads only the folders on the wanted paths, and knows only their blobs', async () => {
    const root = seedTree({ ...files, 'docs/a.md': 'a', 'docs/b.md': 'b' })
    const head = await readHeadTree(
      octokit,
      where,
      root,
      ['assets/logo.png', 'new/file.png'],
      { recursive: false }
    )
    expect([...head.entries.keys()]).toEqual(['assets/logo.png'])
    expect([...head.blobShas]).toEqual([gitBlobSha(Buffer.from('logo'))])
    const reads = treeReads()
    expect(reads.every((read) => !read.query.has('recursive'))).toBe(true)
    // root and assets; `new` is not in root, so nothing below it is read, and docs never.
    expect(reads).toHaveLength(2)
  })

  it('skips listed entries without a path or sha and fills in an absent type and mode', async () => {
    const root = seedTree(files)
    const sha = gitBlobSha(Buffer.from('x'))
    // A hand-made answer at the network boundary: the API marks these fields optional.
    github.onRequest({ method: 'GET', path: /\/git\/trees\// }, () =>
      ok({
        sha: root,
        truncated: false,
        tree: [{ path: 'bare.png', sha }, { path: 'no-sha.png' }, { sha }]
      })
    )
    const head = await readHeadTree(octokit, where, root, [])
    expect([...head.entries]).toEqual([
      ['bare.png', { sha, type: 'blob', mode: '100644' }]
    ])
    expect([...head.blobShas]).toEqual([sha])
    const walked = await readHeadTree(
      octokit,
      where,
      root,
      ['bare.png', 'no-sha.png'],
      { recursive: false }
    )
    expect([...walked.entries]).toEqual([
      ['bare.png', { sha, type: 'blob', mode: '100644' }]
    ])
    expect([...walked.blobShas]).toEqual([sha])
  })
})

describe('readBlob', () => {
  it('decodes the base64 the API wraps in lines', async () => {
    const bytes = Buffer.from(Array.from({ length: 500 }, (_, i) => i % 256))
    github.seedRepo({})
    const sha = github.git.putBlob(bytes)
    expect((await readBlob(octokit, where, sha)).equals(bytes)).toBe(true)
  })

  it('takes a blob sent as utf-8 text as that text', async () => {
    github.onRequest({ method: 'GET', path: /\/git\/blobs\// }, () =>
      ok({ sha: 'a'.repeat(40), encoding: 'utf-8', content: 'héllo' })
    )
    const bytes = await readBlob(octokit, where, 'a'.repeat(40))
    expect(bytes.toString('utf8')).toBe('héllo')
  })
})

describe('createTreeChain', () => {
  it('adds files to the base tree: blobs by sha, text inline, as plain files', async () => {
    const root = seedTree({ 'README.md': 'hello' })
    const image = github.git.putBlob(Buffer.from('image'))
    const tree = await createTreeChain(octokit, where, root, [
      { path: 'img/a.png', sha: image },
      { path: 'lock.json', sha: 'ignored', text: '{"a":1}' }
    ])
    const flat = github.git.flatten(tree)
    expect(Object.fromEntries(flat)).toEqual({
      'README.md': { mode: '100644', sha: gitBlobSha(Buffer.from('hello')) },
      'img/a.png': { mode: '100644', sha: image },
      'lock.json': { mode: '100644', sha: gitBlobSha(Buffer.from('{"a":1}')) }
    })
    const [post] = github.requestsOf('POST', /\/git\/trees$/)
    expect(post?.body.tree[0]).toEqual({
      path: 'img/a.png',
      sha: image,
      mode: '100644',
      type: 'blob'
    })
    expect(post?.body.tree[1]).not.toHaveProperty('sha')
  })

  it('chains large sets in chunks, each on the previous tree', async () => {
    github.seedRepo({})
    const count = TREE_CHUNK_SIZE * 2 + 1
    const files = Array.from({ length: count }, (_, i) => ({
      path: `f/${i}.txt`,
      sha: '',
      text: `file ${i}`
    }))
    const tree = await createTreeChain(octokit, where, undefined, files)
    expect(github.git.flatten(tree).size).toBe(count)
    const posts = github.requestsOf('POST', /\/git\/trees$/)
    expect(posts.map((post) => post.body.tree.length)).toEqual([
      TREE_CHUNK_SIZE,
      TREE_CHUNK_SIZE,
      1
    ])
    // No base for the first chunk; then each chunk builds on the one before.
    expect(posts[0]?.body).not.toHaveProperty('base_tree')
    const baseOf = (n: number) =>
      [...github.git.flatten(posts[n]?.body.base_tree).keys()].sort()
    expect(baseOf(1)).toEqual(
      files
        .slice(0, 100)
        .map((f) => f.path)
        .sort()
    )
    expect(baseOf(2)).toEqual(
      files
        .slice(0, 200)
        .map((f) => f.path)
        .sort()
    )
  })

  it('returns the base tree unchanged for no files, and refuses no base and no files', async () => {
    const root = seedTree({ 'README.md': 'hello' })
    expect(await createTreeChain(octokit, where, root, [])).toBe(root)
    expect(github.requestsOf('POST')).toEqual([])
    await expect(
      createTreeChain(octokit, where, undefined, [])
    ).rejects.toThrow('no base tree and no files to add')
  })
})
