import { describe, expect, it, vi } from 'vitest'
import { commitFiles } from '../../src/publish/commit.js'
import { clearSecrets, registerSecret } from '../../src/safe-text.js'
import { type FakeGitHub } from '../fakes/github.js'
import {
  binary,
  card,
  commitRequest as request,
  seededRepoPerTest,
  type TestOctokit,
  writesTo
} from '../helpers/commit-repo.js'

let github!: FakeGitHub
let octokit!: TestOctokit
seededRepoPerTest((started, client) => {
  github = started
  octokit = client
})

const writes = () => writesTo(github)

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
