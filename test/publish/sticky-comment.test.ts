import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PublishError } from '../../src/errors.js'
import { createOctokit } from '../../src/github.js'
import {
  COMMENT_BODY_LIMIT,
  commentAuthor,
  upsertStickyComment
} from '../../src/publish/comment.js'
import { clearSecrets, registerSecret } from '../../src/safe-text.js'
import { FakeGitHub, error } from '../fakes/github.js'

let github: FakeGitHub
let octokit: ReturnType<typeof createOctokit>
const bot = { login: 'github-actions[bot]', type: 'Bot' as const }

beforeEach(async () => {
  github = await FakeGitHub.start()
  octokit = createOctokit('test-token', {
    baseUrl: github.url,
    retryAfterBaseValue: 1,
    spaceWrites: false
  })
  for (let i = 0; i < 160; i++) github.addComment(7, `LGTM ${i}`)
})

afterEach(() => github.close())

const upsert = (body: string, marker = 'previews') =>
  upsertStickyComment(octokit, {
    owner: 'acme',
    repo: 'site',
    issueNumber: 7,
    marker,
    body
  })

describe('upsertStickyComment', () => {
  it('with updateOnly refreshes an existing comment but never creates one', async () => {
    const request = {
      owner: 'acme',
      repo: 'site',
      issueNumber: 7,
      marker: 'previews',
      updateOnly: true
    }
    const before = github.listComments(7).length
    expect(
      await upsertStickyComment(octokit, { ...request, body: 'up to date' })
    ).toEqual({ id: 0, action: 'absent' })
    expect(github.listComments(7)).toHaveLength(before)
    expect(github.requestsOf('POST')).toHaveLength(0)
    const created = await upsert('3 images')
    const refreshed = await upsertStickyComment(octokit, {
      ...request,
      body: 'up to date'
    })
    expect(refreshed).toMatchObject({ id: created.id, action: 'updated' })
    expect(github.listComments(7).at(-1)?.body).toBe(
      '<!-- assetgen:previews -->\nup to date'
    )
  })

  it('creates the comment once, then edits it in place across pages of comments', async () => {
    const created = await upsert('3 images')
    expect(created.action).toBe('created')
    expect(github.listComments(7)).toHaveLength(161)
    expect(github.listComments(7).at(-1)?.body).toBe(
      '<!-- assetgen:previews -->\n3 images'
    )

    github.requests.length = 0
    const updated = await upsert('4 images')
    expect(updated).toEqual({
      id: created.id,
      action: 'updated',
      url: expect.stringContaining(`#issuecomment-${created.id}`)
    })
    expect(github.listComments(7)).toHaveLength(161)
    expect(github.listComments(7).at(-1)?.body).toBe(
      '<!-- assetgen:previews -->\n4 images'
    )
    // 161 comments at 100 a page: the marked one is only on page 2.
    expect(
      github
        .requestsOf('GET', /comments$/)
        .map((r) => r.query.get('page') ?? '1')
    ).toEqual(['1', '2'])
    expect(
      github.requestsOf('GET', /comments$/)[0]?.query.get('per_page')
    ).toBe('100')
  })

  it('leaves an identical comment alone', async () => {
    const created = await upsert('same')
    github.requests.length = 0
    const again = await upsert('same')
    expect(again).toMatchObject({ id: created.id, action: 'unchanged' })
    expect(github.requestsOf('PATCH')).toEqual([])
    expect(github.requestsOf('POST')).toEqual([])
  })

  it("never edits a human's or another bot's comment that quotes the marker", async () => {
    const human = github.addComment(
      7,
      '<!-- assetgen:previews -->\ncopied by a human'
    )
    const other = github.addComment(7, '<!-- assetgen:previews -->\nimpostor', {
      login: 'other-app[bot]',
      type: 'Bot'
    })
    const created = await upsert('new')
    expect(created.action).toBe('created')
    // GITHUB_TOKEN: GET /user answers 403, so the identity is github-actions[bot].
    expect(github.requestsOf('GET', /^\/user$/)).toHaveLength(1)
    const updated = await upsert('newer')
    expect(updated).toMatchObject({ id: created.id, action: 'updated' })
    expect(github.requestsOf('PATCH').map((r) => r.path)).toEqual([
      `/repos/acme/site/issues/comments/${created.id}`
    ])
    expect(human.body).toContain('copied by a human')
    expect(other.body).toContain('impostor')
  })

  it("edits an App token's own comment, named by its slug", async () => {
    github.identity = { login: 'acme-assets[bot]', type: 'Bot' }
    const actions = github.addComment(7, '<!-- assetgen:previews -->\nold', bot)
    const ours = github.addComment(7, '<!-- assetgen:previews -->\nold', {
      login: 'acme-assets[bot]',
      type: 'Bot'
    })
    const result = await upsertStickyComment(octokit, {
      owner: 'acme',
      repo: 'site',
      issueNumber: 7,
      marker: 'previews',
      body: 'new',
      appSlug: 'acme-assets'
    })
    expect(result).toMatchObject({ id: ours.id, action: 'updated' })
    expect(actions.body).toContain('old')
  })

  it('takes an App slug given with its [bot] suffix', async () => {
    github.identity = { login: 'acme-assets[bot]', type: 'Bot' }
    const ours = github.addComment(7, '<!-- assetgen:previews -->\nold', {
      login: 'acme-assets[bot]',
      type: 'Bot'
    })
    const result = await upsertStickyComment(octokit, {
      owner: 'acme',
      repo: 'site',
      issueNumber: 7,
      marker: 'previews',
      body: 'new',
      appSlug: ' acme-assets[bot] '
    })
    expect(result).toMatchObject({ id: ours.id, action: 'updated' })
  })

  it('finds its comment when GitHub gave the body CRLF line endings', async () => {
    const ours = github.addComment(7, '<!-- assetgen:previews -->\r\nold', bot)
    const result = await upsert('new')
    expect(result).toMatchObject({ id: ours.id, action: 'updated' })
  })

  it('skips comments of a deleted user or with no body', async () => {
    const ghost = github.addComment(7, '<!-- assetgen:previews -->\nold', bot)
    Object.assign(ghost, { user: null })
    Object.assign(github.addComment(7, '', bot), { body: null })
    const result = await upsert('new')
    expect(result.action).toBe('created')
    expect(result.id).not.toBe(ghost.id)
  })

  it("edits a personal token's own comment, named by GET /user", async () => {
    const personal = await FakeGitHub.start({ user: 'octo-dev' })
    try {
      const client = createOctokit('test-token', {
        baseUrl: personal.url,
        spaceWrites: false
      })
      personal.addComment(7, '<!-- assetgen:previews -->\nold', bot)
      const ours = personal.addComment(7, '<!-- assetgen:previews -->\nold', {
        login: 'octo-dev',
        type: 'User'
      })
      const result = await upsertStickyComment(client, {
        owner: 'acme',
        repo: 'site',
        issueNumber: 7,
        marker: 'previews',
        body: 'new'
      })
      expect(result).toMatchObject({ id: ours.id, action: 'updated' })
      await expect(commentAuthor(client)).resolves.toBe('octo-dev')
      expect(personal.listComments(7)[0]?.body).toContain('old')
    } finally {
      await personal.close()
    }
  })

  it("stops with a PublishError when the token's identity can't be read", async () => {
    github.onRequest({ method: 'GET', path: '/user' }, () =>
      error(401, 'Bad credentials')
    )
    await expect(upsert('x')).rejects.toThrow(
      /Reading the token's identity \(GET \/user\) failed: 401/
    )
    expect(github.requestsOf('POST')).toEqual([])
  })

  it('redacts registered secrets from the body', async () => {
    registerSecret('agk_comment_secret_1234')
    try {
      await upsert('error: Invalid API key agk_comment_secret_1234')
    } finally {
      clearSecrets()
    }
    expect(github.listComments(7).at(-1)?.body).toBe(
      '<!-- assetgen:previews -->\nerror: Invalid API key ***'
    )
  })

  it('keeps comments with different markers apart', async () => {
    github.addComment(7, '<!-- assetgen:previews-2 -->\nshard 2', bot)
    const result = await upsert('shard 1')
    expect(result.action).toBe('created')
    expect(github.listComments(7).at(-2)?.body).toContain('shard 2')
  })

  it('truncates a body GitHub would refuse', async () => {
    const rows = Array.from(
      { length: 3000 },
      (_, i) => `| image-${i} | ${'x'.repeat(20)} |`
    )
    await upsert(rows.join('\n'))
    const stored = github.listComments(7).at(-1)?.body ?? ''
    expect(stored.length).toBeLessThanOrEqual(COMMENT_BODY_LIMIT)
    expect(stored).toMatch(
      /\| image-\d+ \| x{20} \|\n\n…and \d+ more lines truncated$/
    )
  })

  it('turns a 403 into a PublishError that names the permission', async () => {
    github.onRequest({ method: 'POST', path: /comments$/ }, () =>
      error(403, 'Resource not accessible by integration')
    )
    const failure = upsert('x')
    await expect(failure).rejects.toThrow(PublishError)
    await expect(failure).rejects.toThrow(
      /Creating the comment on #7 failed: 403 .*pull-requests: write/
    )
  })
})
