import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PublishError } from '../../src/errors.js'
import { createOctokit } from '../../src/github.js'
import {
  COMMENT_BODY_LIMIT,
  commentAuthor,
  truncateCommentBody,
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

describe('truncateCommentBody', () => {
  it('returns a body within the limit unchanged', () => {
    expect(truncateCommentBody('a\nb', 3)).toBe('a\nb')
  })

  it('cuts at a line boundary and counts the dropped lines', () => {
    const lines = Array.from({ length: 8 }, (_, i) => String(i).repeat(10))
    const note = '\n\n…and 6 more lines truncated'
    const result = truncateCommentBody(lines.join('\n'), 21 + note.length)
    expect(result).toBe(`${lines[0]}\n${lines[1]}${note}`)
  })

  it('never exceeds the limit, whatever the line lengths', () => {
    const body = Array.from({ length: 500 }, (_, i) => 'y'.repeat(i % 37)).join(
      '\n'
    )
    for (const limit of [60, 200, 1000, 5000]) {
      const result = truncateCommentBody(body, limit)
      expect(result.length).toBeLessThanOrEqual(limit)
      const kept = result.split('\n\n…and ')[0]
      expect(body.startsWith(kept)).toBe(true)
      expect(body[kept.length]).toBe('\n')
    }
  })

  it('keeps as many whole lines as fit with the note', () => {
    const body = Array.from({ length: 40 }, (_, i) =>
      'z'.repeat((i * 7) % 23)
    ).join('\n')
    const lines = body.split('\n')
    const note = (dropped: number) => `\n\n…and ${dropped} more lines truncated`
    for (let limit = 40; limit < body.length; limit++) {
      const result = truncateCommentBody(body, limit)
      expect(result.length, `limit ${limit}`).toBeLessThanOrEqual(limit)
      const dropped = Number(
        /…and (\d+) more lines truncated$/.exec(result)?.[1]
      )
      const kept = lines.length - dropped
      if (kept === 0 || lines.slice(0, kept).join('\n').length === 0) continue
      expect(result, `limit ${limit}`).toBe(
        lines.slice(0, kept).join('\n') + note(dropped)
      )
      // One more line would not have fitted.
      expect(
        lines.slice(0, kept + 1).join('\n').length + note(dropped - 1).length,
        `limit ${limit}`
      ).toBeGreaterThan(limit)
    }
  })

  it('cuts an overlong first line at exactly the limit and counts the lines after it', () => {
    const note = '\n\n…and 9 more lines truncated'
    const cut = 100 - note.length
    // An emoji far before the cut, and one just after it: neither moves the cut.
    // Nine lines after the first: 9 fits in the note's one digit, 11 would not.
    const body = `🎨${'a'.repeat(cut - 1)}🎨${'b'.repeat(50)}${'\nx'.repeat(9)}`
    const result = truncateCommentBody(body, 100)
    expect(result).toBe(body.slice(0, cut) + note)
    expect(result).toHaveLength(100)
  })

  it('cuts inside a single overlong line without splitting an emoji', () => {
    const result = truncateCommentBody('🎨'.repeat(100), 60)
    expect(result.length).toBeLessThanOrEqual(60)
    expect(result).toMatch(/^(🎨)+\n\n…and 0 more lines truncated$/)
  })
})
