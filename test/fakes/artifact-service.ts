/**
 * A fake Actions results service on 127.0.0.1, enough for @actions/artifact 6 to upload: the
 * Twirp JSON ArtifactService (CreateArtifact / FinalizeArtifact) and the Azure block-blob
 * endpoint its signed upload URL points at (PUT comp=block, then PUT comp=blocklist). It keeps
 * the uploaded bytes per artifact so tests can compare them with the files.
 */
import { createHash } from 'node:crypto'
import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

const TWIRP = '/twirp/github.actions.results.api.v1.ArtifactService/'
const RUN = 'run-1'
const JOB = 'job-1'

export interface StoredArtifact {
  id: number
  name: string
  mimeType?: string
  expiresAt?: string
  /** The committed blob; undefined until the block list is committed. */
  bytes?: Buffer
  finalized: boolean
}

export interface ArtifactRequest {
  method: string
  path: string
  query: URLSearchParams
  body: Buffer
}

/** Answer with `status` and a Twirp error body instead of handling the request. */
export type ArtifactHook = (
  request: ArtifactRequest,
  nth: number
) =>
  | { status: number; msg?: string }
  | void
  | Promise<{ status: number; msg?: string } | void>

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

export class FakeArtifactService {
  readonly requests: ArtifactRequest[] = []
  private readonly artifacts = new Map<string, StoredArtifact>()
  private readonly blocks = new Map<string, Map<string, Buffer>>()
  private readonly hooks: Array<{
    path: RegExp
    hook: ArtifactHook
    seen: number
  }> = []
  private nextId = 41

  private constructor(
    private readonly server: Server,
    readonly url: string
  ) {}

  static async start(): Promise<FakeArtifactService> {
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    const fake = new FakeArtifactService(server, `http://127.0.0.1:${port}`)
    server.on('request', (req, res) => {
      fake.handle(req, res).catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ code: 'internal', msg: String(error) }))
      })
    })
    return fake
  }

  async close(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise((resolve) => this.server.close(resolve))
  }

  /**
   * The env @actions/artifact reads at call time: a runtime token whose `scp` claim carries the
   * run/job backend ids (the client decodes it, never verifies it) and the results URL.
   */
  runtimeEnv(): Record<string, string> {
    const token = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({
      scp: `Actions.GenericRead:x Actions.Results:${RUN}:${JOB}`,
      exp: 4_102_444_800
    })}.`
    return { ACTIONS_RUNTIME_TOKEN: token, ACTIONS_RESULTS_URL: `${this.url}/` }
  }

  /** Runs `hook` for requests whose path matches, e.g. /CreateArtifact$/; `nth` counts from 1. */
  onRequest(path: RegExp, hook: ArtifactHook): void {
    this.hooks.push({ path, hook, seen: 0 })
  }

  artifact(name: string): StoredArtifact | undefined {
    return this.artifacts.get(name)
  }

  list(): StoredArtifact[] {
    return [...this.artifacts.values()]
  }

  private async handle(
    req: IncomingMessage,
    res: ServerResponse
  ): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const url = new URL(req.url ?? '/', this.url)
    const request = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      body: Buffer.concat(chunks)
    }
    this.requests.push(request)
    const json = (status: number, body: object) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    for (const entry of this.hooks) {
      if (!entry.path.test(request.path)) continue
      // A hook may take its time (a slow service): awaited, so it can delay the answer.
      const answer = await entry.hook(request, ++entry.seen)
      if (answer)
        return json(answer.status, {
          code: 'internal',
          msg: answer.msg ?? 'injected fault'
        })
    }
    if (request.path.startsWith(TWIRP)) {
      if (
        req.headers.authorization !==
        `Bearer ${this.runtimeEnv()['ACTIONS_RUNTIME_TOKEN']}`
      ) {
        return json(401, { code: 'unauthenticated', msg: 'bad token' })
      }
      const body = JSON.parse(request.body.toString())
      if (
        body.workflow_run_backend_id !== RUN ||
        body.workflow_job_run_backend_id !== JOB
      ) {
        return json(400, { code: 'invalid_argument', msg: 'unknown run' })
      }
      const method = request.path.slice(TWIRP.length)
      if (method === 'CreateArtifact') return json(...this.create(body))
      if (method === 'FinalizeArtifact') return json(...this.finalize(body))
      return json(404, { code: 'bad_route', msg: method })
    }
    if (req.method === 'PUT' && request.path.startsWith('/blob/')) {
      if (url.searchParams.get('sig') !== 'fake')
        return json(403, { msg: 'bad signature' })
      return this.putBlob(
        decodeURIComponent(request.path.slice('/blob/'.length)),
        request,
        res
      )
    }
    json(404, { msg: 'not found' })
  }

  private create(body: any): [number, object] {
    const name: string = body.name
    // Artifact names are unique per workflow run (upload-artifact#493).
    if (this.artifacts.has(name)) {
      return [
        409,
        {
          code: 'already_exists',
          msg: `an artifact named ${name} already exists`
        }
      ]
    }
    this.artifacts.set(name, {
      id: this.nextId++,
      name,
      mimeType: body.mime_type,
      expiresAt: body.expires_at,
      finalized: false
    })
    return [
      200,
      {
        ok: true,
        signed_upload_url: `${this.url}/blob/${encodeURIComponent(name)}?sig=fake&sv=2024-01-01`
      }
    ]
  }

  private finalize(body: any): [number, object] {
    const artifact = this.artifacts.get(body.name)
    if (artifact?.bytes === undefined) {
      return [404, { code: 'not_found', msg: `no upload for ${body.name}` }]
    }
    const hash = `sha256:${createHash('sha256').update(artifact.bytes).digest('hex')}`
    if (
      Number(body.size) !== artifact.bytes.length ||
      (body.hash && body.hash !== hash)
    ) {
      return [400, { code: 'invalid_argument', msg: 'size or hash mismatch' }]
    }
    artifact.finalized = true
    return [200, { ok: true, artifact_id: String(artifact.id) }]
  }

  /** Azure block blob: stage blocks, then commit them in the order the block list names. */
  private putBlob(
    name: string,
    request: ArtifactRequest,
    res: ServerResponse
  ): void {
    const artifact = this.artifacts.get(name)
    const reply = (status: number, extra: Record<string, string> = {}) => {
      res.writeHead(status, {
        etag: `"0x${Date.now().toString(16)}"`,
        'last-modified': new Date().toUTCString(),
        'x-ms-request-id': `req-${this.requests.length}`,
        'x-ms-version': '2024-11-04',
        'x-ms-request-server-encrypted': 'true',
        date: new Date().toUTCString(),
        ...extra
      })
      res.end()
    }
    if (artifact === undefined) return reply(404)
    const staged = this.blocks.get(name) ?? new Map<string, Buffer>()
    this.blocks.set(name, staged)
    const comp = request.query.get('comp')
    if (comp === 'block') {
      staged.set(request.query.get('blockid') ?? '', request.body)
      return reply(201)
    }
    if (comp === 'blocklist') {
      const ids = [
        ...request.body.toString().matchAll(/<(?:Latest|Uncommitted)>([^<]*)</g)
      ]
      const parts = ids.map(([, id]) => staged.get(id))
      if (parts.some((part) => part === undefined)) return reply(400)
      artifact.bytes = Buffer.concat(parts as Buffer[])
      return reply(201)
    }
    if (comp === null) {
      artifact.bytes = request.body
      return reply(201)
    }
    reply(400)
  }
}
