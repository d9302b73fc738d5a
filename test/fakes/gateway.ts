/**
 * A fake Vercel AI Gateway image endpoint on 127.0.0.1 that speaks the wire
 * protocol `@ai-sdk/gateway` uses (see /work/shared/docs/ai-gateway.md §2).
 * This module starts the server; it re-exports its types (./gateway-types.ts),
 * the model list (./gateway-catalogue.ts), the replies (./gateway-replies.ts),
 * the painted images (./gateway-images.ts) and the ready-made behaviours
 * (./gateway-behaviors.ts, ./gateway-combinators.ts, ./gateway-presets.ts).
 *
 * Only erasable TypeScript is used so Node 24 can run it through
 * ./gateway-server.ts (which maps the `.js` specifiers below to `.ts`).
 */
import {
  createServer,
  type IncomingMessage,
  type ServerResponse
} from 'node:http'
import type { AddressInfo } from 'node:net'
import { ok } from './gateway-behaviors.js'
import { DEFAULT_CATALOGUE } from './gateway-catalogue.js'
import { digest, readBody, send, sleep, toRecord } from './gateway-http.js'
import { tokenBucket } from './gateway-rate-limit.js'
import { errorReply, json } from './gateway-replies.js'
import type {
  Behavior,
  FakeGateway,
  FakeGatewayOptions,
  FakeGatewayRequest,
  FakeReply,
  ImageRequestBody
} from './gateway-types.js'

export * from './gateway-behaviors.js'
export * from './gateway-catalogue.js'
export * from './gateway-combinators.js'
export * from './gateway-images.js'
export * from './gateway-presets.js'
export * from './gateway-replies.js'
export * from './gateway-types.js'

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
