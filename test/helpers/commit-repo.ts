import { afterEach, beforeEach } from 'vitest'
import { createOctokit } from '../../src/github.js'
import type { CommitRequest } from '../../src/publish/commit.js'
import { FakeGitHub } from '../fakes/github.js'

/** The Octokit client `createOctokit` builds. */
export type TestOctokit = ReturnType<typeof createOctokit>

/**
 * A fresh fake GitHub for every test, seeded with acme/site at `main` holding README.md and
 * assets/assetgen.lock.json, and an Octokit client pointed at it (fast retries, unspaced writes):
 * both handed to `use` before each test, the server closed after it.
 */
export function seededRepoPerTest(
  use: (github: FakeGitHub, octokit: TestOctokit) => void
): void {
  let github: FakeGitHub | undefined
  beforeEach(async () => {
    github = await FakeGitHub.start()
    github.seedRepo({
      'README.md': 'hello',
      'assets/assetgen.lock.json': '{"home":"h1"}'
    })
    const octokit = createOctokit('test-token', {
      baseUrl: github.url,
      retryAfterBaseValue: 1,
      spaceWrites: false
    })
    use(github, octokit)
  })
  afterEach(() => github?.close())
}

/** Every byte value, so any text/base64 mishandling shows. */
export const binary = Buffer.from(
  Array.from({ length: 1024 }, (_, i) => (i * 7) % 256)
)

/** A small text file's bytes, committed as card.png. */
export const card = Buffer.from('card bytes')

/** A commit of assets/og/home.png and card.png to acme/site at `main`, with `extra` on top. */
export const commitRequest = (
  extra: Partial<CommitRequest> = {}
): CommitRequest => ({
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

/** The requests of `github` that write: every POST and PATCH. */
export const writesTo = (github: FakeGitHub) =>
  github.requests.filter((r) => r.method === 'POST' || r.method === 'PATCH')
