import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PublishError } from '../src/errors.js'
import {
  createOctokit,
  RateLimitedError,
  toPublishError
} from '../src/github.js'
import { FakeGitHub, error } from './fakes/github.js'

let github: FakeGitHub

beforeEach(async () => {
  github = await FakeGitHub.start()
  github.seedRepo({ 'README.md': 'hello' })
})

afterEach(async () => {
  vi.unstubAllEnvs()
  await github.close()
})

const fast = { retryAfterBaseValue: 1, spaceWrites: false }
const getRef = (octokit: ReturnType<typeof createOctokit>) =>
  octokit.rest.git.getRef({ owner: 'acme', repo: 'site', ref: 'heads/main' })
const refPath = '/repos/acme/site/git/ref/heads/main'

describe('createOctokit', () => {
  it('reads GITHUB_API_URL when called, not when imported, and sends the token', async () => {
    vi.stubEnv('GITHUB_API_URL', github.url)
    const { data } = await getRef(createOctokit('test-token', fast))
    expect(data.object.sha).toBe(github.headSha('main'))
    expect(github.requests[0]?.headers.authorization).toBe('token test-token')
  })

  it('prefers an explicit baseUrl', async () => {
    vi.stubEnv('GITHUB_API_URL', 'http://127.0.0.1:9/unused')
    await getRef(createOctokit('test-token', { ...fast, baseUrl: github.url }))
    expect(github.requests).toHaveLength(1)
  })

  it('retries 5xx answers', async () => {
    github.onRequest({ path: refPath }, (_request, nth) =>
      nth <= 2 ? error(502, 'Bad Gateway') : undefined
    )
    const octokit = createOctokit('test-token', {
      ...fast,
      baseUrl: github.url
    })
    await expect(getRef(octokit)).resolves.toBeDefined()
    expect(github.requests).toHaveLength(3)
  })

  it('stops after `retries` retries', async () => {
    github.onRequest({ path: refPath }, () => error(500, 'Server Error'))
    const octokit = createOctokit('test-token', {
      ...fast,
      baseUrl: github.url,
      retries: 1
    })
    await expect(getRef(octokit)).rejects.toMatchObject({ status: 500 })
    expect(github.requests).toHaveLength(2)
  })

  it.each([
    [400, 'Bad Request'],
    [401, 'Bad credentials'],
    [403, 'Resource not accessible by integration'],
    [404, 'Not Found'],
    [422, 'Update is not a fast forward']
  ])('does not retry %i', async (status, message) => {
    github.onRequest({ path: refPath }, () => error(status, message))
    const octokit = createOctokit('test-token', {
      ...fast,
      baseUrl: github.url
    })
    await expect(getRef(octokit)).rejects.toMatchObject({ status })
    expect(github.requests).toHaveLength(1)
  })

  it('retries a primary rate limit twice, logging each, then gives up', async () => {
    const reset = String(Math.floor(Date.now() / 1000))
    github.onRequest({ path: refPath }, () => ({
      ...error(403, 'API rate limit exceeded for installation'),
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }
    }))
    const log = vi.fn()
    const octokit = createOctokit('test-token', {
      ...fast,
      baseUrl: github.url,
      log
    })
    await expect(getRef(octokit)).rejects.toMatchObject({ status: 403 })
    expect(github.requests).toHaveLength(3)
    expect(log.mock.calls.map(([line]) => line)).toEqual([
      expect.stringMatching(/rate limit hit by GET .*retry 1 of 2/),
      expect.stringMatching(/retry 2 of 2/),
      expect.stringMatching(/giving up/)
    ])
  })

  it('never waits longer than max-wait: a reset an hour away stops this and every later request at once', async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 3600)
    github.onRequest({ path: refPath }, () => ({
      ...error(403, 'API rate limit exceeded for installation'),
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }
    }))
    const log = vi.fn()
    // The real base value: a wait that happened would take an hour, not a millisecond.
    const octokit = createOctokit('test-token', {
      baseUrl: github.url,
      spaceWrites: false,
      maxWaitSeconds: 60,
      log
    })
    const failure: unknown = await getRef(octokit).catch(
      (caught: unknown) => caught
    )
    expect(failure).toBeInstanceOf(RateLimitedError)
    const message =
      /GitHub rate limit: GET \/repos\/\{owner\}\/\{repo\}\/git\/ref\/\{ref\} was asked to wait 360\d s, more than max-wait \(60 s\); publishing stopped/
    expect((failure as Error).message).toMatch(message)
    expect(
      toPublishError(failure, 'Reading', 'contents: write').message
    ).toMatch(message)
    expect(log).toHaveBeenCalledWith(expect.stringMatching(message))
    // Publishing stops: the next request is not even sent.
    await expect(getRef(octokit)).rejects.toBeInstanceOf(RateLimitedError)
    expect(github.requests).toHaveLength(1)
  })

  it('caps a secondary rate limit’s retry-after the same way', async () => {
    github.onRequest({ path: refPath }, () => ({
      ...error(403, 'You have exceeded a secondary rate limit'),
      headers: { 'retry-after': '61' }
    }))
    const octokit = createOctokit('test-token', {
      ...fast,
      baseUrl: github.url,
      maxWaitSeconds: 60
    })
    await expect(getRef(octokit)).rejects.toThrow(
      /secondary rate limit: .* asked to wait 61 s, more than max-wait \(60 s\)/
    )
    expect(github.requests).toHaveLength(1)
  })

  it('waits out a secondary rate limit and succeeds', async () => {
    github.onRequest({ path: refPath }, (_request, nth) =>
      nth === 1
        ? {
            ...error(403, 'You have exceeded a secondary rate limit'),
            headers: { 'retry-after': '1' }
          }
        : undefined
    )
    const log = vi.fn()
    const octokit = createOctokit('test-token', {
      ...fast,
      baseUrl: github.url,
      log
    })
    await expect(getRef(octokit)).resolves.toBeDefined()
    expect(log).toHaveBeenCalledWith(
      expect.stringMatching(/secondary rate limit hit .*retrying in 1 s/)
    )
  })

  it('spaces writes 1 s apart unless told not to', async () => {
    const blob = (octokit: ReturnType<typeof createOctokit>) =>
      octokit.rest.git.createBlob({ owner: 'acme', repo: 'site', content: 'x' })
    const spaced = createOctokit('test-token', { baseUrl: github.url })
    let started = Date.now()
    await Promise.all([blob(spaced), blob(spaced)])
    expect(Date.now() - started).toBeGreaterThanOrEqual(900)

    const unspaced = createOctokit('test-token', {
      ...fast,
      baseUrl: github.url
    })
    started = Date.now()
    await Promise.all([blob(unspaced), blob(unspaced)])
    expect(Date.now() - started).toBeLessThan(500)
  })
})

describe('toPublishError', () => {
  it('says which permission a 403 needs', async () => {
    github.onRequest({ path: refPath }, () =>
      error(403, 'Resource not accessible by integration')
    )
    const octokit = createOctokit('test-token', {
      ...fast,
      baseUrl: github.url
    })
    const failure = await getRef(octokit).catch((e: unknown) => e)
    const wrapped = toPublishError(failure, 'Reading main', 'contents: write')
    expect(wrapped).toBeInstanceOf(PublishError)
    expect(wrapped.message).toMatch(
      /^Reading main failed: 403 Resource not accessible by integration\. .*`permissions: \{ contents: write \}`.*forks/
    )
  })

  it('reduces an HTML error page to its status', async () => {
    github.onRequest({ path: refPath }, () => ({
      status: 400,
      body: '<!DOCTYPE html><html><body>Unicorn!</body></html>'
    }))
    const octokit = createOctokit('test-token', {
      ...fast,
      baseUrl: github.url
    })
    const failure = await getRef(octokit).catch((e: unknown) => e)
    expect(
      toPublishError(failure, 'Reading main', 'contents: write').message
    ).toBe('Reading main failed: 400 an HTML error page instead of JSON.')
  })
})
