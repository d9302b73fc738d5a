import { describe, expect, it } from 'vitest'
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

  it('tells what to do when the branch does not exist', async () => {
    await expect(
      commitFiles(octokit, request({ branch: 'gh-assets' }))
    ).rejects.toThrow(
      /Branch 'gh-assets' was not found in acme\/site.*push the branch first or set `branch`/
    )
  })
})
