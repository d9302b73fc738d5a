import { describe, expect, it, vi } from 'vitest'
import { PublishError } from '../../src/errors.js'
import { commitFiles } from '../../src/publish/commit.js'
import { error, type FakeGitHub } from '../fakes/github.js'
import {
  binary,
  card,
  commitRequest as request,
  seededRepoPerTest,
  type TestOctokit
} from '../helpers/commit-repo.js'

let github!: FakeGitHub
let octokit!: TestOctokit
seededRepoPerTest((started, client) => {
  github = started
  octokit = client
})

describe('commitFiles', () => {
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

  it('does not retry a 422 that is not a lost race', async () => {
    github.onRequest({ method: 'PATCH', path: /git\/refs\/heads\/main$/ }, () =>
      error(422, 'Protected branch update failed for refs/heads/main.')
    )
    await expect(commitFiles(octokit, request())).rejects.toThrow(
      /Updating main failed: 422 Protected branch update failed/
    )
    expect(github.requestsOf('PATCH')).toHaveLength(1)
  })
})
