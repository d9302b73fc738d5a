/**
 * commitFiles' options the store and the lockfile use: a new branch started as an orphan, a
 * sparse head read for branches with many files, and small text sent inline in the tree request.
 * Against the fake GitHub (a real git object store); commit-tree, commit-retries and
 * commit-refusals.test.ts have the core, the races and the refusals.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createOctokit } from '../../src/github.js'
import { commitFiles } from '../../src/publish/commit.js'
import type { CommitRequest } from '../../src/publish/commit.js'
import { FakeGitHub } from '../fakes/github.js'

let github: FakeGitHub
let octokit: ReturnType<typeof createOctokit>

beforeEach(async () => {
  github = await FakeGitHub.start()
  github.seedRepo({ 'README.md': 'hello', 'docs/a.md': 'a', 'docs/b.md': 'b' })
  octokit = createOctokit('test-token', {
    baseUrl: github.url,
    retryAfterBaseValue: 1,
    spaceWrites: false
  })
})
afterEach(() => github.close())

const image = Buffer.from('image bytes')
const request = (extra: Partial<CommitRequest> = {}): CommitRequest => ({
  owner: 'acme',
  repo: 'site',
  branch: 'main',
  message: 'chore: assets',
  files: [{ path: 'img/a.png', content: image }],
  backoffMs: 5,
  ...extra
})

describe('commitFiles options', () => {
  it('starts a missing branch with an orphan commit holding only the files', async () => {
    const result = await commitFiles(
      octokit,
      request({ branch: 'assetgen-store', createBranch: true })
    )
    expect(result).toMatchObject({ changed: true, parentSha: undefined })
    const head = github.headSha('assetgen-store')
    expect(result.sha).toBe(head)
    expect(github.commitOf(head).parents).toEqual([])
    expect(github.filesAt('assetgen-store')).toEqual(['img/a.png'])
    expect(github.readFileAt('assetgen-store', 'img/a.png')).toEqual(image)
    // main is untouched.
    expect(github.filesAt('main').sort()).toEqual([
      'README.md',
      'docs/a.md',
      'docs/b.md'
    ])
  })

  it('reads only the folders on the way when sparse, the whole tree at once otherwise', async () => {
    const trees = () => github.requestsOf('GET', /\/git\/trees\//)
    await commitFiles(octokit, request({ sparse: true }))
    // The root only: img/ is not there yet, so nothing below it is read; never docs/.
    expect(trees().map((read) => read.query.has('recursive'))).toEqual([false])
    github.requests.length = 0
    await commitFiles(
      octokit,
      request({ files: [{ path: 'img/b.png', content: image }] })
    )
    expect(trees().map((read) => read.query.get('recursive'))).toEqual(['1'])
    expect(github.readFileAt('main', 'img/b.png')).toEqual(image)
  })

  it('sends an inline file inside the tree request, uploading only the others', async () => {
    const lock = Buffer.from('{"hero":"h1"}\n')
    const result = await commitFiles(
      octokit,
      request({
        files: [
          { path: 'img/a.png', content: image },
          { path: 'assetgen.lock.json', content: lock, inline: true }
        ]
      })
    )
    expect(result.filesCommitted).toEqual(['img/a.png', 'assetgen.lock.json'])
    expect(github.readFileAt('main', 'assetgen.lock.json')).toEqual(lock)
    const blobs = github.requestsOf('POST', /\/git\/blobs$/)
    expect(
      blobs.map((post) => Buffer.from(post.body.content, 'base64'))
    ).toEqual([image])
    const [tree] = github.requestsOf('POST', /\/git\/trees$/)
    expect(tree?.body.tree).toContainEqual({
      path: 'assetgen.lock.json',
      content: lock.toString('utf8'),
      mode: '100644',
      type: 'blob'
    })
    expect(github.commitOf(github.headSha('main')).parents).toHaveLength(1)
  })
})
