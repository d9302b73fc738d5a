import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FakeGitHub } from './github.js'

let github: FakeGitHub
beforeEach(async () => {
  github = await FakeGitHub.start({ token: 't0ken' })
})
afterEach(() => github.close())

async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(`${github.url}/repos/acme/site/${path}`, {
    method,
    headers: { authorization: 'token t0ken' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) })
  })
  return { status: response.status, body: (await response.json()) as any }
}

/** An orphan commit holding one file, made through the API as the store writer makes it. */
async function orphanCommit(path: string, content: string) {
  const tree = await call('POST', 'git/trees', {
    tree: [{ path, mode: '100644', type: 'blob', content }]
  })
  const commit = await call('POST', 'git/commits', {
    message: 'store',
    tree: tree.body.sha,
    parents: []
  })
  return commit.body.sha as string
}

describe('the fake GitHub: branches, refusals and raw URLs', () => {
  it('creates a branch from an orphan commit once; a second createRef is refused', async () => {
    const sha = await orphanCommit('ab/abcd/record.json', '{}')
    const created = await call('POST', 'git/refs', {
      ref: 'refs/heads/assetgen-store',
      sha
    })
    expect(created).toMatchObject({ status: 201, body: { object: { sha } } })
    expect(github.headSha('assetgen-store')).toBe(sha)
    expect(github.commitOf(sha).parents).toEqual([])
    const again = await call('POST', 'git/refs', {
      ref: 'refs/heads/assetgen-store',
      sha
    })
    expect(again).toMatchObject({
      status: 422,
      body: { message: 'Reference already exists' }
    })
    const missing = await call('POST', 'git/refs', {
      ref: 'refs/heads/other',
      sha: 'f'.repeat(40)
    })
    expect(missing.status).toBe(422)
  })

  it('denyWritesTo refuses object uploads and that branch, reads still work', async () => {
    const head = github.seedRepo({ 'a.txt': 'a' })
    github.denyWritesTo('assetgen-store')
    expect((await call('POST', 'git/blobs', { content: 'x' })).status).toBe(403)
    expect(
      (
        await call('POST', 'git/refs', {
          ref: 'refs/heads/assetgen-store',
          sha: head
        })
      ).body.message
    ).toBe('Resource not accessible by integration')
    expect(
      (await call('PATCH', 'git/refs/heads/assetgen-store', { sha: head }))
        .status
    ).toBe(403)
    // Another branch's ref is not refused by this mode.
    expect(
      (await call('POST', 'git/refs', { ref: 'refs/heads/other', sha: head }))
        .status
    ).toBe(201)
    expect((await call('GET', `git/commits/${head}`)).status).toBe(200)
  })

  it('resolves a commit-pinned blob URL to the bytes at that commit, encoded paths included', () => {
    const first = github.seedRepo({ 'img/a b.png': 'one' })
    github.pushCommit('main', { 'img/a b.png': 'two' })
    const url = (sha: string, path: string) =>
      `https://github.com/acme/site/blob/${sha}/${path}?raw=true`
    expect(github.rawUrl(url(first, 'img/a%20b.png'))?.toString()).toBe('one')
    expect(
      github.rawUrl(url(github.headSha('main'), 'img/a%20b.png'))?.toString()
    ).toBe('two')
    expect(github.rawUrl(url(first, 'img/missing.png'))).toBeUndefined()
    expect(github.rawUrl(url('0'.repeat(40), 'img/a%20b.png'))).toBeUndefined()
    expect(
      github.rawUrl(`https://github.com/acme/site/blob/${first}/img/a%20b.png`)
    ).toBeUndefined()
  })

  it('delays every answer by latencyMs and records every request', async () => {
    github.seedRepo({ 'a.txt': 'a' })
    github.latencyMs = 30
    const started = performance.now()
    await call('GET', 'git/ref/heads/main')
    expect(performance.now() - started).toBeGreaterThanOrEqual(29)
    expect(github.requests.map((request) => request.path)).toEqual([
      '/repos/acme/site/git/ref/heads/main'
    ])
  })
})
