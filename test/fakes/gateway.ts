/**
 * A fake Vercel AI Gateway image endpoint on 127.0.0.1 that speaks the wire
 * protocol `@ai-sdk/gateway` uses (see /work/shared/docs/ai-gateway.md §2).
 * Ready-made behaviours live in ./gateway-behaviors.ts and are re-exported.
 *
 * Only erasable TypeScript is used so Node 24 can run it through
 * ./gateway-server.ts (which maps the `.js` specifiers below to `.ts`).
 */
import {
  createServer,
  type IncomingMessage,
  type ServerResponse
} from 'node:http'
import { createHash } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { errorReply, json, ok } from './gateway-behaviors.js'

export * from './gateway-behaviors.js'

/** A reference image as the SDK serialises it in the request body. */
export type ImageRequestFile =
  | { type: 'file'; data: string; mediaType: string }
  | { type: 'url'; url: string }

/** The JSON body of `POST <prefix>/image-model`. */
export interface ImageRequestBody {
  prompt?: string
  n?: number
  size?: string
  aspectRatio?: string
  seed?: number
  providerOptions?: Record<string, Record<string, unknown>>
  files?: ImageRequestFile[]
  mask?: ImageRequestFile
}

/** One recorded `image-model` request. */
export interface FakeGatewayRequest {
  /** 0-based arrival order since start or the last `reset()`. */
  index: number
  /** `Date.now()` when the request arrived (before its body was read). */
  receivedAt: number
  /** `Date.now()` when the status line was written; unset while pending. */
  respondedAt?: number
  /** HTTP status sent; unset for hung or abandoned requests. */
  status?: number
  /** True when the client closed the connection before the reply finished. */
  clientClosed?: boolean
  /** Lower-cased request headers, repeated ones joined with ', '. */
  headers: Record<string, string>
  body: ImageRequestBody
  /** The `ai-model-id` header. */
  modelId: string | undefined
  /** Decoded `files[].data` of `type: 'file'` entries, in order. */
  files: Buffer[]
  /** Decoded `mask.data`, if a file mask was sent. */
  mask?: Buffer
}

/** What the server writes back. `destroyAfterBytes` cuts the body short. */
export type FakeReply =
  | {
      type: 'response'
      status: number
      headers?: Record<string, string>
      body: string | Uint8Array
      destroyAfterBytes?: number
    }
  | { type: 'hang' }

/** Per-request information handed to a behaviour. */
export interface BehaviorContext {
  /**
   * Earlier requests for the same asset (same prompt, seed, size,
   * aspectRatio and n), so retries of one asset count 0, 1, 2…
   */
  attempt: number
  /** Configured price per generated image in USD. */
  costPerImage: number
  /** Aborted when the client closes the connection or the fake closes. */
  signal: AbortSignal
}

/** Decides the reply to one authenticated, rate-limit-admitted request. */
export type Behavior = (
  request: FakeGatewayRequest,
  context: BehaviorContext
) => FakeReply | Promise<FakeReply>

/** Options for {@link startFakeGateway}. */
export interface FakeGatewayOptions {
  /** Accepted bearer tokens. Default `'test-key'`. */
  apiKeys?: string | string[]
  /** Path prefix the SDK's `baseURL` ends with. Default `'/v4/ai'`. */
  prefix?: string
  /** Port on 127.0.0.1. Default 0 (any free port). */
  port?: number
  /** Fixed delay before each admitted request is answered. Default 0. */
  latencyMs?: number
  /** USD per image, for `providerMetadata.gateway.cost`. Default 0.03. */
  costPerImage?: number
  /** Replies to admitted requests. Default `ok()`. */
  behavior?: Behavior
  /** Token bucket: `perSecond` refill, `burst` capacity (default ≥ 1). */
  rateLimit?: { perSecond: number; burst?: number }
  /** When set, other `ai-model-id`s get 404 `model_not_found`. */
  models?: string[]
  /**
   * Entries of `GET /v1/models` (on the origin, like the real gateway), in its
   * OpenAI-style list format; default {@link DEFAULT_CATALOGUE}.
   */
  catalogue?: CatalogueModel[]
  /** `GET /v1/credits` body (`{ balance, total_used }`); default 100 / 0. */
  credits?: { balance: string; total_used: string }
}

/** One model in the gateway's `/v1/models` list. */
export interface CatalogueModel {
  id: string
  object: 'model'
  owned_by: string
  name: string
  type: 'language' | 'embedding' | 'image' | 'video'
  /** Decimal USD strings; image models carry a per-image `image` price. */
  pricing: Record<string, string>
}

/** A small catalogue: one language model (token prices) and image models. */
export const DEFAULT_CATALOGUE: CatalogueModel[] = [
  {
    id: 'openai/gpt-5',
    object: 'model',
    owned_by: 'openai',
    name: 'GPT-5',
    type: 'language',
    pricing: { input: '0.00000125', output: '0.00001' }
  },
  {
    id: 'bfl/flux-kontext-pro',
    object: 'model',
    owned_by: 'bfl',
    name: 'FLUX.1 Kontext Pro',
    type: 'image',
    pricing: { image: '0.04' }
  },
  {
    id: 'acme/catalogued-image',
    object: 'model',
    owned_by: 'acme',
    name: 'Catalogued Image',
    type: 'image',
    pricing: { image: '0.25' }
  }
]

/** A running fake gateway. */
export interface FakeGateway {
  /** `createGateway({ baseURL })`, e.g. `http://127.0.0.1:1234/v4/ai`. */
  readonly url: string
  readonly port: number
  /** Every `image-model` request since start or the last `reset()`. */
  readonly requests: FakeGatewayRequest[]
  /** `GET /v1/models` and `/v1/credits` requests since start or `reset()`. */
  readonly metadataRequests: Array<{ path: string; authorization?: string }>
  /** Requests currently open (including hung ones). */
  readonly inFlight: number
  /** Highest `inFlight` seen since start or the last `reset()`. */
  readonly peakInFlight: number
  /** The responder; may be swapped between tests. */
  behavior: Behavior
  requestCount(): number
  /** Clears records, peak, per-asset attempt counts and the rate bucket. */
  reset(): void
  /** JSON-safe snapshot (files as size + sha256), as served at `/__records`. */
  snapshot(): FakeGatewaySnapshot
  /** Stops listening and destroys open sockets, hung requests included. */
  close(): Promise<void>
}

/** JSON form of the records, see {@link FakeGateway.snapshot}. */
export interface FakeGatewaySnapshot {
  url: string
  requestCount: number
  inFlight: number
  peakInFlight: number
  requests: Array<
    Omit<FakeGatewayRequest, 'files' | 'mask'> & {
      files: FileDigest[]
      mask?: FileDigest
    }
  >
}

/** Size and SHA-256 of a decoded reference image. */
export interface FileDigest {
  bytes: number
  sha256: string
}

/**
 * Starts a fake gateway on 127.0.0.1. Routes: `POST <prefix>/image-model`,
 * plus `GET /__records` (snapshot) and `POST /__reset` for other processes.
 */
export async function startFakeGateway(
  options: FakeGatewayOptions = {}
): Promise<FakeGateway> {
  const prefix = (options.prefix ?? '/v4/ai').replace(/\/$/, '')
  const keys = new Set([options.apiKeys ?? 'test-key'].flat())
  const costPerImage = options.costPerImage ?? 0.03
  const bucket = options.rateLimit && tokenBucket(options.rateLimit)
  let behavior = options.behavior ?? ok()
  let requests: FakeGatewayRequest[] = []
  let metadataRequests: Array<{ path: string; authorization?: string }> = []
  let attempts = new Map<string, number>()
  let inFlight = 0
  let peakInFlight = 0

  const handleImage = async (req: IncomingMessage, res: ServerResponse) => {
    const receivedAt = Date.now() // before the upload: latency includes it
    inFlight += 1
    peakInFlight = Math.max(peakInFlight, inFlight)
    const closed = new AbortController()
    res.on('close', () => {
      inFlight -= 1
      closed.abort()
    })
    let text: string
    try {
      text = await readBody(req)
    } catch {
      return // the client went away mid-upload
    }
    let body: ImageRequestBody = {}
    let parseError: string | undefined
    try {
      body = JSON.parse(text) as ImageRequestBody
    } catch (error) {
      parseError = String(error)
    }
    const record = toRecord(requests.length, receivedAt, req, body)
    requests.push(record)
    res.on('close', () => {
      if (!res.writableFinished) record.clientClosed = true
    })
    const reply = (r: FakeReply) => send(res, r, record)

    const auth = record.headers.authorization ?? ''
    if (!auth.startsWith('Bearer ') || !keys.has(auth.slice(7))) {
      return reply(errorReply(401, 'authentication_error', 'Invalid API key'))
    }
    if (parseError) {
      return reply(errorReply(400, 'invalid_request_error', parseError))
    }
    if (options.models && !options.models.includes(record.modelId ?? '')) {
      return reply(
        errorReply(404, 'model_not_found', `No model ${record.modelId}`, {
          param: { modelId: record.modelId }
        })
      )
    }
    const waitMs = bucket?.take(Date.now()) ?? 0
    if (waitMs > 0) {
      return reply(
        errorReply(429, 'rate_limit_exceeded', 'Rate limit exceeded', {
          headers: {
            'retry-after-ms': String(waitMs),
            'retry-after': String(Math.ceil(waitMs / 1000))
          }
        })
      )
    }
    await sleep(options.latencyMs ?? 0, closed.signal)
    if (closed.signal.aborted) return
    const key = JSON.stringify([
      body.prompt,
      body.seed,
      body.size,
      body.aspectRatio,
      body.n
    ])
    const attempt = attempts.get(key) ?? 0
    attempts.set(key, attempt + 1)
    try {
      const context = { attempt, costPerImage, signal: closed.signal }
      reply(await behavior(record, context))
    } catch (error) {
      // A throwing behaviour is a bug in the test; surface it as a 500.
      reply(errorReply(500, 'internal_server_error', `fake: ${String(error)}`))
    }
  }

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
    if (req.method === 'POST' && path === `${prefix}/image-model`) {
      void handleImage(req, res)
    } else if (
      req.method === 'GET' &&
      (path === '/v1/models' || path === '/v1/credits')
    ) {
      const authorization = req.headers.authorization
      metadataRequests.push({ path, ...(authorization && { authorization }) })
      if (!authorization || !keys.has(authorization.replace(/^Bearer /, ''))) {
        send(res, errorReply(401, 'authentication_error', 'Invalid API key'))
      } else if (path === '/v1/models') {
        const data = options.catalogue ?? DEFAULT_CATALOGUE
        send(res, json(200, { object: 'list', data }))
      } else {
        send(
          res,
          json(200, options.credits ?? { balance: '100', total_used: '0' })
        )
      }
    } else if (req.method === 'GET' && path === '/__records') {
      send(res, json(200, fake.snapshot()))
    } else if (req.method === 'POST' && path === '/__reset') {
      fake.reset()
      send(res, json(200, { reset: true }))
    } else {
      send(res, errorReply(404, 'not_found', `No route ${req.method} ${path}`))
    }
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', resolve)
  })
  const { port } = server.address() as AddressInfo
  const url = `http://127.0.0.1:${port}${prefix}`

  const fake: FakeGateway = {
    url,
    port,
    get requests() {
      return requests
    },
    get metadataRequests() {
      return metadataRequests
    },
    get inFlight() {
      return inFlight
    },
    get peakInFlight() {
      return peakInFlight
    },
    get behavior() {
      return behavior
    },
    set behavior(next: Behavior) {
      behavior = next
    },
    requestCount: () => requests.length,
    reset() {
      requests = []
      metadataRequests = []
      attempts = new Map()
      peakInFlight = inFlight
      bucket?.refillAll()
    },
    snapshot: () => ({
      url,
      requestCount: requests.length,
      inFlight,
      peakInFlight,
      requests: requests.map(({ files, mask, body, ...rest }) => ({
        ...rest,
        // Reference images are summarised: records can run to many MB.
        body: { ...body, files: undefined, mask: undefined },
        files: files.map(digest),
        ...(mask && { mask: digest(mask) })
      }))
    }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        // Keep-alive and hung sockets would otherwise hold close() open.
        server.closeAllConnections()
      })
  }
  return fake
}

function toRecord(
  index: number,
  receivedAt: number,
  req: IncomingMessage,
  body: ImageRequestBody
): FakeGatewayRequest {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = [value].flat().join(', ')
  }
  const decode = (file: ImageRequestFile | undefined) =>
    file?.type === 'file' ? [Buffer.from(file.data, 'base64')] : []
  const mask = decode(body.mask)[0]
  return {
    index,
    receivedAt,
    headers,
    body,
    modelId: headers['ai-model-id'],
    files: (body.files ?? []).flatMap(decode),
    ...(mask && { mask })
  }
}

function send(
  res: ServerResponse,
  reply: FakeReply,
  record?: FakeGatewayRequest
) {
  if (reply.type === 'hang' || res.destroyed) return
  const body = Buffer.from(reply.body)
  res.writeHead(reply.status, {
    'content-length': String(body.length),
    ...reply.headers
  })
  if (record) {
    record.status = reply.status
    record.respondedAt = Date.now()
  }
  const cut = reply.destroyAfterBytes
  if (cut === undefined) {
    res.end(body)
  } else {
    res.write(body.subarray(0, cut), () => res.destroy())
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve()
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal.addEventListener('abort', done)
  })
}

/** `take` returns 0 when a token was taken, else ms until one frees up. */
function tokenBucket(limit: { perSecond: number; burst?: number }) {
  const { perSecond, burst } = limit
  const capacity = Math.max(1, burst ?? Math.floor(perSecond))
  let tokens = capacity
  let last = Date.now()
  return {
    take(now: number): number {
      tokens = Math.min(capacity, tokens + ((now - last) / 1000) * perSecond)
      last = now
      if (tokens >= 1) {
        tokens -= 1
        return 0
      }
      return Math.max(1, Math.ceil(((1 - tokens) / perSecond) * 1000))
    },
    refillAll() {
      tokens = capacity
      last = Date.now()
    }
  }
}

function digest(buffer: Buffer): FileDigest {
  const sha256 = createHash('sha256').update(buffer).digest('hex')
  return { bytes: buffer.length, sha256 }
}
