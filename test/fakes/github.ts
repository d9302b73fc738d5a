/**
 * A fake GitHub REST API on 127.0.0.1 for one repository: the Git Data endpoints (git-data.ts)
 * over a real git object store (git-repo.ts), and issue comments with Link-header pagination.
 * Requests need the token. Every request is recorded, and `onRequest` hooks can answer a request
 * themselves (faults) or change state first (races).
 */
import { createServer } from 'node:http'
import type { IncomingHttpHeaders, IncomingMessage, Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { FakeGitData } from './git-data.js'
import { error, ok, type FakeResponse } from './github-responses.js'

export { error }
export type { FakeResponse }

export interface RecordedRequest {
  method: string
  /** Decoded path without the query, e.g. `/repos/acme/site/git/ref/heads/main`. */
  path: string
  query: URLSearchParams
  headers: IncomingHttpHeaders
  body: any
}

/** Returns a response to answer the request itself, or nothing to let the fake handle it. */
export type RequestHook = (
  request: RecordedRequest,
  nth: number
) => FakeResponse | void | Promise<FakeResponse | void>

export interface FakeComment {
  id: number
  body: string
  user: { login: string; type: 'User' | 'Bot' }
  html_url: string
}

const BOT = { login: 'github-actions[bot]', type: 'Bot' as const }

/** The fake: one repository's Git Data (see git-data.ts) and issue comments, over HTTP. */
export class FakeGitHub extends FakeGitData {
  readonly requests: RecordedRequest[] = []
  private readonly comments = new Map<number, FakeComment[]>()
  private readonly hooks: Array<{
    method?: string
    path: RegExp
    hook: RequestHook
    seen: number
  }> = []
  private nextCommentId = 1000
  /** Who the token is: comments it creates are this user's. */
  identity: FakeComment['user'] = BOT
  /** Delay before every answer, like a distant API (the benchmark uses 50 ms). */
  latencyMs = 0
  /** Requests being answered right now, and the most at once (reset it to measure a phase). */
  inFlight = 0
  peakInFlight = 0
  private readonly server: Server
  readonly url: string
  readonly owner: string
  readonly repo: string
  readonly token: string

  // Plain fields, not parameter properties: the benchmark loads this file with Node's type
  // stripping, which cannot transform parameter properties.
  private constructor(
    server: Server,
    url: string,
    owner: string,
    repo: string,
    token: string
  ) {
    super()
    this.server = server
    this.url = url
    this.owner = owner
    this.repo = repo
    this.token = token
  }

  /**
   * `user` makes the token a personal token of that login (`GET /user` answers it, comments are
   * its); without it the token is an installation token like `GITHUB_TOKEN`: `GET /user` answers
   * 403 and comments are `github-actions[bot]`'s.
   */
  static async start(
    options: {
      owner?: string
      repo?: string
      token?: string
      user?: string
    } = {}
  ): Promise<FakeGitHub> {
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    const fake = new FakeGitHub(
      server,
      `http://127.0.0.1:${port}`,
      options.owner ?? 'acme',
      options.repo ?? 'site',
      options.token ?? 'test-token'
    )
    if (options.user) fake.identity = { login: options.user, type: 'User' }
    server.on('request', (req, res) => {
      fake.peakInFlight = Math.max(fake.peakInFlight, ++fake.inFlight)
      res.once('close', () => fake.inFlight--)
      fake.handle(req).then(
        ({ status, body, headers = {} }) => {
          const html = typeof body === 'string'
          res.writeHead(status, {
            'content-type': html
              ? 'text/html'
              : 'application/json; charset=utf-8',
            ...headers
          })
          res.end(body === undefined ? '' : html ? body : JSON.stringify(body))
        },
        (error: unknown) => {
          res.writeHead(500, { 'content-type': 'application/json' })
          res.end(JSON.stringify({ message: String(error) }))
        }
      )
    })
    return fake
  }

  async close(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise((resolve) => this.server.close(resolve))
  }

  /** Runs `hook` for requests whose method and decoded path match; `nth` counts from 1. */
  onRequest(
    match: { method?: string; path: string | RegExp },
    hook: RequestHook
  ): void {
    const path =
      typeof match.path === 'string'
        ? new RegExp(`^${match.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)
        : match.path
    this.hooks.push({ method: match.method, path, hook, seen: 0 })
  }

  /** Requests whose method is `method` (and path matches `path`, if given). */
  requestsOf(method: string, path?: RegExp): RecordedRequest[] {
    return this.requests.filter(
      (request) =>
        request.method === method &&
        (path === undefined || path.test(request.path))
    )
  }

  listComments(issue: number): FakeComment[] {
    return this.comments.get(issue) ?? []
  }

  addComment(
    issue: number,
    body: string,
    user: FakeComment['user'] = { login: 'octocat', type: 'User' }
  ): FakeComment {
    const id = this.nextCommentId++
    const comment = {
      id,
      body,
      user,
      html_url: `https://github.com/${this.owner}/${this.repo}/pull/${issue}#issuecomment-${id}`
    }
    this.comments.set(issue, [...this.listComments(issue), comment])
    return comment
  }

  private async handle(req: IncomingMessage): Promise<FakeResponse> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const raw = Buffer.concat(chunks).toString()
    const url = new URL(req.url ?? '/', this.url)
    const request: RecordedRequest = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname),
      query: url.searchParams,
      headers: req.headers,
      body: raw ? JSON.parse(raw) : undefined
    }
    this.requests.push(request)
    if (this.latencyMs > 0) await sleep(this.latencyMs)
    for (const entry of this.hooks) {
      if (entry.method !== undefined && entry.method !== request.method)
        continue
      if (!entry.path.test(request.path)) continue
      // A hook may take its time (a slow GitHub): awaited, so it can delay the answer.
      const answer = await entry.hook(request, ++entry.seen)
      if (answer) return answer
    }
    const auth = req.headers.authorization ?? ''
    if (auth !== `token ${this.token}` && auth !== `Bearer ${this.token}`) {
      return error(401, 'Bad credentials')
    }
    if (request.method === 'GET' && request.path === '/user') {
      // As GitHub answers an installation token (GITHUB_TOKEN, an App's).
      if (this.identity.type === 'Bot')
        return error(403, 'Resource not accessible by integration')
      return ok({ login: this.identity.login, type: 'User', id: 1 })
    }
    const prefix = `/repos/${this.owner}/${this.repo}/`
    if (!request.path.startsWith(prefix)) return error(404, 'Not Found')
    return this.route(request, request.path.slice(prefix.length))
  }

  private route(request: RecordedRequest, path: string): FakeResponse {
    const { method, body } = request
    const git = this.routeGit(method, path, request.query, body)
    if (git !== undefined) return git
    let m: RegExpMatchArray | null
    if ((m = path.match(/^issues\/(\d+)\/comments$/))) {
      const issue = Number(m[1])
      if (method === 'GET') return this.pageComments(request, issue)
      if (method === 'POST') {
        const tooLong = checkBody(body.body)
        return (
          tooLong ?? {
            status: 201,
            body: this.addComment(issue, body.body, this.identity)
          }
        )
      }
    }
    if (method === 'PATCH' && (m = path.match(/^issues\/comments\/(\d+)$/))) {
      const comment = [...this.comments.values()]
        .flat()
        .find((c) => c.id === Number(m?.[1]))
      if (comment === undefined) return error(404, 'Not Found')
      const tooLong = checkBody(body.body)
      if (tooLong) return tooLong
      comment.body = body.body
      return ok(comment)
    }
    return error(404, 'Not Found')
  }

  private pageComments(request: RecordedRequest, issue: number): FakeResponse {
    const all = this.listComments(issue)
    const perPage = Math.min(Number(request.query.get('per_page') ?? 30), 100)
    const page = Number(request.query.get('page') ?? 1)
    const last = Math.max(1, Math.ceil(all.length / perPage))
    const link = (n: number, rel: string) =>
      `<${this.url}${request.path}?per_page=${perPage}&page=${n}>; rel="${rel}"`
    const links = [
      ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []),
      ...(page > 1 ? [link(1, 'first'), link(page - 1, 'prev')] : [])
    ]
    return {
      status: 200,
      body: all.slice((page - 1) * perPage, page * perPage),
      headers: links.length > 0 ? { link: links.join(', ') } : {}
    }
  }
}

function checkBody(body: unknown): FakeResponse | undefined {
  if (typeof body === 'string' && body.length <= 65_536) return undefined
  return {
    status: 422,
    body: {
      message: 'Validation Failed',
      errors: [
        {
          resource: 'IssueComment',
          code: 'custom',
          field: 'body',
          message: 'body is too long (maximum is 65536 characters)'
        }
      ]
    }
  }
}
