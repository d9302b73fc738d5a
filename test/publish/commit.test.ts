import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PublishError } from '../../src/errors.js'
import { createOctokit } from '../../src/github.js'
import { commitFiles } from '../../src/publish/commit.js'
import type { CommitRequest } from '../../src/publish/commit.js'
import { clearSecrets, registerSecret } from '../../src/safe-text.js'
import { FakeGitHub, error } from '../fakes/github.js'

let github: FakeGitHub
let octokit: ReturnType<typeof createOctokit>

beforeEach(async () => {
  github = await FakeGitHub.start()
  github.seedRepo({
    'README.md': 'hello',
    'assets/assetgen.lock.json': '{"home":"h1"}'
  })
  octokit = createOctokit('test-token', {
    baseUrl: github.url,
    retryAfterBaseValue: 1,
    spaceWrites: false
  })
})

afterEach(() => github.close())

/** Every byte value, so any text/base64 mishandling shows. */
const binary = Buffer.from(
  Array.from({ length: 1024 }, (_, i) => (i * 7) % 256)
)
const card = Buffer.from('card bytes')

const request = (extra: Partial<CommitRequest> = {}): CommitRequest => ({
  owner: 'acme',
  repo: 'site',
  branch: 'main',
  message: 'chore: regenerate assets',
  files: [
    { path: 'assets/og/home.png', content: binary },
    { path: 'card.png', content: card }
  ],
  backoffMs: 5,
  ...extra
})

const writes = () =>
  github.requests.filter((r) => r.method === 'POST' || r.method === 'PATCH')

describe('commitFiles', () => {
  it('redacts secrets from the commit message', async () => {
    registerSecret('ghs_commit_secret_token')
    try {
      await commitFiles(
        octokit,
        request({ message: 'chore: assets\n\n- ghs_commit_secret_token' })
      )
    } finally {
      clearSecrets()
    }
    expect(github.git.commit(github.headSha('main'))?.message).toBe(
      'chore: assets\n\n- ***'
    )
  })

  it('makes one commit whose tree holds the files byte for byte', async () => {
    const before = github.headSha('main')
    const log = vi.fn()
    const result = await commitFiles(octokit, request({ log }))
    expect(result).toEqual({
      changed: true,
      sha: github.headSha('main'),
      verified: true,
      verificationReason: 'valid',
      attempts: 1,
      filesCommitted: ['assets/og/home.png', 'card.png'],
      parentSha: before
    })
    expect(github.commitOf(result.sha as string).parents).toEqual([before])
    expect(github.readFileAt('main', 'assets/og/home.png')).toEqual(binary)
    expect(github.readFileAt('main', 'card.png')).toEqual(card)
    expect(github.readFileAt('main', 'README.md')?.toString()).toBe('hello')
    expect(
      github.requests.map(
        (r) => `${r.method} ${r.path.replace(/\w{40}/, 'SHA')}`
      )
    ).toEqual([
      'GET /repos/acme/site/git/ref/heads/main',
      'GET /repos/acme/site/git/commits/SHA',
      'GET /repos/acme/site/git/trees/SHA',
      'POST /repos/acme/site/git/blobs',
      'POST /repos/acme/site/git/blobs',
      'POST /repos/acme/site/git/trees',
      'POST /repos/acme/site/git/commits',
      'PATCH /repos/acme/site/git/refs/heads/main'
    ])
    expect(github.requests.at(-1)?.body).toEqual({
      sha: result.sha,
      force: false
    })
    expect(log).toHaveBeenCalledWith(
      expect.stringMatching(/as \w{40}; verified/)
    )
  })

  it('creates nothing when the branch already holds identical files', async () => {
    await commitFiles(octokit, request())
    const commits = github.commitCount()
    github.requests.length = 0
    const again = await commitFiles(octokit, request())
    expect(again).toMatchObject({
      changed: false,
      attempts: 1,
      filesCommitted: []
    })
    expect(writes()).toEqual([])
    expect(github.commitCount()).toBe(commits)
  })

  it('commits only changed files and uploads only blobs the repository lacks', async () => {
    await commitFiles(octokit, request())
    github.requests.length = 0
    const result = await commitFiles(
      octokit,
      request({
        files: [
          { path: 'assets/og/home.png', content: binary },
          { path: 'card.png', content: Buffer.from('new card') },
          // Same bytes as a file already in the repository: no upload needed.
          { path: 'copy/of/home.png', content: binary }
        ]
      })
    )
    expect(result.filesCommitted).toEqual(['card.png', 'copy/of/home.png'])
    expect(github.requestsOf('POST', /git\/blobs$/)).toHaveLength(1)
    expect(github.readFileAt('main', 'copy/of/home.png')).toEqual(binary)
  })

  it('rebuilds on the new head when the branch moves before the update, never forcing', async () => {
    let theirs = ''
    github.onRequest(
      { method: 'PATCH', path: /git\/refs\/heads\/main$/ },
      (_r, nth) => {
        if (nth === 1)
          theirs = github.pushCommit('main', { 'theirs.txt': 'other job' })
      }
    )
    const log = vi.fn()
    const result = await commitFiles(octokit, request({ log }))
    expect(result).toMatchObject({
      changed: true,
      attempts: 2,
      parentSha: theirs
    })
    expect(github.git.isAncestor(theirs, github.headSha('main'))).toBe(true)
    expect(github.readFileAt('main', 'theirs.txt')?.toString()).toBe(
      'other job'
    )
    expect(github.readFileAt('main', 'assets/og/home.png')).toEqual(binary)
    const patches = github.requestsOf('PATCH')
    expect(patches.map((r) => r.body.force)).toEqual([false, false])
    // Blobs from the lost attempt are reused.
    expect(github.requestsOf('POST', /git\/blobs$/)).toHaveLength(2)
    expect(log).toHaveBeenCalledWith(
      expect.stringMatching(/main moved .*attempt 1 of 5/)
    )
  })

  it('gives up with a PublishError when the branch keeps moving', async () => {
    github.onRequest(
      { method: 'PATCH', path: /git\/refs\/heads\/main$/ },
      (_r, nth) => {
        github.pushCommit('main', { [`theirs-${nth}.txt`]: 'x' })
      }
    )
    const failure = commitFiles(octokit, request({ maxAttempts: 3 }))
    await expect(failure).rejects.toThrow(PublishError)
    await expect(failure).rejects.toThrow(/'main' kept moving: 3 attempts/)
    expect(github.readFileAt('main', 'card.png')).toBeUndefined()
    expect(github.readFileAt('main', 'theirs-3.txt')).toBeDefined()
  })

  it('waits exponentially longer between attempts, and not after the last', async () => {
    github.onRequest(
      { method: 'PATCH', path: /git\/refs\/heads\/main$/ },
      (_r, nth) => {
        github.pushCommit('main', { [`theirs-${nth}.txt`]: 'x' })
      }
    )
    const waits: number[] = []
    const failure = commitFiles(
      octokit,
      request({
        maxAttempts: 3,
        backoffMs: 100,
        random: () => 0.5,
        sleep: (ms) => {
          waits.push(ms)
          return Promise.resolve()
        }
      })
    )
    await expect(failure).rejects.toThrow(/3 attempts/)
    // base × 2^(attempt-1) plus up to one base of jitter
    expect(waits).toEqual([150, 250])
    expect(github.requests.filter((r) => r.method === 'PATCH').length).toBe(3)
  })

  it('refuses the same path twice before any request', async () => {
    const files = [
      { path: 'card.png', content: card },
      { path: 'card.png', content: binary }
    ]
    await expect(commitFiles(octokit, request({ files }))).rejects.toThrow(
      "Cannot commit 'card.png' twice in one commit."
    )
    expect(github.requests).toEqual([])
  })

  it('says what is wrong with the branch when its head cannot be read', async () => {
    const ref = { method: 'GET', path: /git\/ref\/heads\/main$/ }
    const answers = [
      [404, /^Branch 'main' was not found in acme\/site\. /],
      [
        409,
        /^acme\/site has no commits yet; push an initial commit to 'main' first\.$/
      ],
      [403, /^Reading branch main failed: 403 /]
    ] as const
    let status = 0
    github.onRequest(ref, () => error(status, 'refused'))
    for (const [answer, message] of answers) {
      status = answer
      await expect(commitFiles(octokit, request())).rejects.toThrow(message)
    }
  })

  it('refuses a blob GitHub stored under another hash', async () => {
    github.onRequest({ method: 'POST', path: /git\/blobs$/ }, () => ({
      status: 201,
      body: { sha: '0'.repeat(40), url: 'x' }
    }))
    const before = github.headSha('main')
    await expect(
      commitFiles(
        octokit,
        request({ files: [{ path: 'card.png', content: card }] })
      )
    ).rejects.toThrow(
      /^Uploading card\.png: GitHub stored it as 0{40}, expected [0-9a-f]{40}; the bytes were altered on the way\.$/
    )
    expect(github.headSha('main')).toBe(before)
  })

  it('merges the lockfile with the head version on every attempt', async () => {
    github.onRequest(
      { method: 'PATCH', path: /git\/refs\/heads\/main$/ },
      (_r, nth) => {
        if (nth === 1) {
          github.pushCommit('main', {
            'assets/assetgen.lock.json': '{"home":"h1","other":"o1"}'
          })
        }
      }
    )
    const seen: Array<string | undefined> = []
    const result = await commitFiles(
      octokit,
      request({
        merge: {
          path: 'assets/assetgen.lock.json',
          combine: (head) => {
            seen.push(head?.toString())
            const merged = {
              ...JSON.parse(head?.toString() ?? '{}'),
              card: 'c1'
            }
            return Buffer.from(JSON.stringify(merged))
          }
        }
      })
    )
    expect(seen).toEqual(['{"home":"h1"}', '{"home":"h1","other":"o1"}'])
    expect(result.filesCommitted).toContain('assets/assetgen.lock.json')
    expect(
      JSON.parse(
        github.readFileAt('main', 'assets/assetgen.lock.json')?.toString() ?? ''
      )
    ).toEqual({
      home: 'h1',
      other: 'o1',
      card: 'c1'
    })
  })

  it('passes undefined to combine when the head has no such file', async () => {
    const combine = vi.fn(() => Buffer.from('{}'))
    await commitFiles(
      octokit,
      request({ merge: { path: 'new.lock.json', combine } })
    )
    expect(combine).toHaveBeenCalledWith(undefined)
    expect(github.readFileAt('main', 'new.lock.json')?.toString()).toBe('{}')
  })

  it('finds files and the lockfile when GitHub truncates the tree listing', async () => {
    await commitFiles(octokit, request())
    github.truncateTreeListings = true
    github.requests.length = 0
    const combine = vi.fn(
      (head: Buffer | undefined) => head ?? Buffer.from('lost')
    )
    const again = await commitFiles(
      octokit,
      request({ merge: { path: 'assets/assetgen.lock.json', combine } })
    )
    expect(again.changed).toBe(false)
    expect(combine.mock.calls[0]?.[0]?.toString()).toBe('{"home":"h1"}')
    expect(writes()).toEqual([])
  })

  it('refuses a file over 40 MiB before any request', async () => {
    const big = Buffer.alloc(41 * 1024 * 1024)
    const failure = commitFiles(
      octokit,
      request({ files: [{ path: 'huge.png', content: big }] })
    )
    await expect(failure).rejects.toThrow(PublishError)
    await expect(failure).rejects.toThrow(
      /huge\.png: it is 42991616 bytes \(41\.0 MiB\)/
    )
    expect(github.requests).toEqual([])
  })

  it('refuses paths that are not repo-relative POSIX paths', async () => {
    for (const path of [
      '../escape.png',
      '/abs.png',
      'a//b.png',
      'a\\b.png',
      'a/./b.png'
    ]) {
      await expect(
        commitFiles(octokit, request({ files: [{ path, content: card }] }))
      ).rejects.toThrow(/repo-relative POSIX/)
    }
    const combine = () => Buffer.from('{}')
    await expect(
      commitFiles(octokit, request({ merge: { path: '../lock', combine } }))
    ).rejects.toThrow(/repo-relative POSIX/)
    expect(github.requests).toEqual([])
  })

  it('lets plugin-retry repeat a blob upload that got a 5xx', async () => {
    github.onRequest({ method: 'POST', path: /git\/blobs$/ }, (_r, nth) =>
      nth === 1 ? error(502, 'Server Error') : undefined
    )
    const result = await commitFiles(
      octokit,
      request({ files: [{ path: 'card.png', content: card }] })
    )
    expect(result.changed).toBe(true)
    expect(github.requestsOf('POST', /git\/blobs$/)).toHaveLength(2)
    expect(github.readFileAt('main', 'card.png')).toEqual(card)
  })

  it('turns a 403 into a PublishError that says what to change', async () => {
    const before = github.headSha('main')
    github.onRequest({ method: 'POST', path: /git\/blobs$/ }, () =>
      error(403, 'Resource not accessible by integration')
    )
    const failure = commitFiles(octokit, request())
    await expect(failure).rejects.toThrow(PublishError)
    await expect(failure).rejects.toThrow(
      /Uploading assets\/og\/home\.png failed: 403 Resource not accessible by integration\. .*contents: write/
    )
    expect(github.headSha('main')).toBe(before)
    expect(github.requestsOf('POST', /git\/commits$/)).toEqual([])
  })

  it('does not retry a 422 that is not a lost race', async () => {
    github.onRequest({ method: 'PATCH', path: /git\/refs\/heads\/main$/ }, () =>
      error(422, 'Protected branch update failed for refs/heads/main.')
    )
    await expect(commitFiles(octokit, request())).rejects.toThrow(
      /Updating main failed: 422 Protected branch update failed/
    )
    expect(github.requestsOf('PATCH')).toHaveLength(1)
  })

  it('tells what to do when the branch does not exist', async () => {
    await expect(
      commitFiles(octokit, request({ branch: 'gh-assets' }))
    ).rejects.toThrow(
      /Branch 'gh-assets' was not found in acme\/site.*push the branch first or set `branch`/
    )
  })

  it('builds big sets as a chain of trees of 100 entries', async () => {
    const files = Array.from({ length: 250 }, (_, i) => ({
      path: `many/${String(i).padStart(3, '0')}.png`,
      content: Buffer.from(`image ${i}`)
    }))
    const result = await commitFiles(octokit, request({ files }))
    const trees = github.requestsOf('POST', /git\/trees$/)
    expect(trees.map((r) => r.body.tree.length)).toEqual([100, 100, 50])
    const head = github.commitOf(
      github.commitOf(result.sha as string).parents[0]
    )
    expect(trees[0]?.body.base_tree).toBe(head.tree)
    expect(github.requestsOf('POST', /git\/commits$/)).toHaveLength(1)
    expect(
      github.filesAt('main').filter((p) => p.startsWith('many/'))
    ).toHaveLength(250)
    expect(github.readFileAt('main', 'many/249.png')?.toString()).toBe(
      'image 249'
    )
  })
})
