/**
 * Ready-made behaviours for the fake gateway (./gateway.ts re-exports them): success with painted
 * images, and each way a gateway fails one request. Behaviours that pick among others are in
 * ./gateway-combinators.ts, the server's named presets in ./gateway-presets.ts.
 */
import {
  imageSize,
  promptColors,
  renderBands,
  type FakeImageFormat
} from './gateway-images.js'
import { errorReply, json, type ErrorExtras } from './gateway-replies.js'
import type { Behavior, FakeGatewayRequest } from './gateway-types.js'

/** Options for {@link ok}. */
export interface OkOptions {
  /** Paint these instead of the prompt's colours. */
  colors?: string[]
  /** Replace colours (case-insensitive), e.g. `{ '#FFB000': '#FF6000' }`. */
  colorMap?: Record<string, string>
  /** Send these bytes as every image instead of painting (e.g. a GIF). */
  image?: Uint8Array
  /** Encoding; default from `providerOptions.blackForestLabs.outputFormat`. */
  format?: FakeImageFormat
  /** Size instead of the one derived from the request. */
  size?: { width: number; height: number }
  /** Images to return instead of the requested `n`. */
  count?: number
  /** USD per image instead of the gateway's `costPerImage`. */
  costPerImage?: number
  warnings?: unknown[]
  /** Extra `providerMetadata` keys (non-gateway keys need `images: []`). */
  providerMetadata?: Record<string, Record<string, unknown>>
  headers?: Record<string, string>
}

/** Success: `n` painted images plus gateway cost and BFL seed metadata. */
export function ok(options: OkOptions = {}): Behavior {
  return async (request, context) => {
    const count = options.count ?? request.body.n ?? 1
    const bytes = options.image
      ? Buffer.from(options.image)
      : await paintFor(request, options)
    const image = bytes.toString('base64')
    const seed = request.body.seed ?? request.index
    const cost = options.costPerImage ?? context.costPerImage
    return json(
      200,
      {
        images: Array.from({ length: count }, () => image),
        warnings: options.warnings ?? [],
        providerMetadata: {
          gateway: {
            cost: formatUsd(cost, count),
            generationId: `gen_fake_${request.index}`
          },
          blackForestLabs: {
            images: Array.from({ length: count }, (_, i) => ({
              seed: seed + i
            }))
          },
          ...options.providerMetadata
        }
      },
      options.headers
    )
  }
}

function paintFor(request: FakeGatewayRequest, options: OkOptions) {
  const map = Object.fromEntries(
    Object.entries(options.colorMap ?? {}).map(([k, v]) => [k.toUpperCase(), v])
  )
  const colors = (options.colors ?? promptColors(request.body.prompt)).map(
    (c) => map[c.toUpperCase()] ?? c
  )
  const bfl = request.body.providerOptions?.blackForestLabs
  const format =
    options.format ?? (bfl?.outputFormat === 'jpeg' ? 'jpeg' : 'png')
  const { width, height } = options.size ?? imageSize(request.body)
  return renderBands(width, height, colors, format)
}

/**
 * A provider that ignores `size` (and `aspectRatio`): always answers
 * 1024×1024, as some do silently.
 */
export function ignoresSize(options: OkOptions = {}): Behavior {
  return ok({ ...options, size: { width: 1024, height: 1024 } })
}

/**
 * Success whose answer carries SDK warnings, by default the gateway's
 * `unsupported` warning for `seed` (a provider that ignores it).
 */
export function withWarnings(
  warnings: unknown[] = [
    {
      type: 'unsupported',
      feature: 'seed',
      details: 'This provider does not support seeds.'
    }
  ],
  options: OkOptions = {}
): Behavior {
  return ok({ ...options, warnings })
}

/** `count × perImage` as a decimal string without float noise ("0.09"). */
export function formatUsd(perImage: number, count: number): string {
  const micros = Math.round(perImage * 1e6) * count
  return (micros / 1e6).toFixed(6).replace(/\.?0+$/, '')
}

/** An error reply, e.g. `error(400, 'invalid_request_error', 'Bad size')`. */
export function error(
  status: number,
  type: string | null,
  message: string,
  headers?: Record<string, string>,
  extras: Omit<ErrorExtras, 'headers'> = {}
): Behavior {
  return () => errorReply(status, type, message, { ...extras, headers })
}

/** 429 `rate_limit_exceeded` with `retry-after` (0 retries at once). */
export function rateLimited(retryAfterSeconds = 0): Behavior {
  return error(429, 'rate_limit_exceeded', 'Rate limit exceeded', {
    'retry-after': String(retryAfterSeconds)
  })
}

/** 404 `model_not_found` with `param.modelId` (the requested model). */
export function modelNotFound(): Behavior {
  return (request) =>
    errorReply(404, 'model_not_found', `Model ${request.modelId} not found`, {
      param: { modelId: request.modelId }
    })
}

/** An HTML error page, as a CDN or proxy in front of the gateway sends. */
export function html(status = 502): Behavior {
  const title = `${status} Bad Gateway`
  const page =
    `<!DOCTYPE html><html><head><title>${title}</title></head>` +
    `<body><h1>${title}</h1><hr><center>nginx</center></body></html>`
  return () => ({
    type: 'response',
    status,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: page
  })
}

/** Never answers; ends when the client aborts or the fake closes. */
export function hang(): Behavior {
  return () => ({ type: 'hang' })
}

/** Sends the headers and half of a success body, then destroys the socket. */
export function resetMidBody(options: OkOptions = {}): Behavior {
  const success = ok(options)
  return async (request, context) => {
    const reply = await success(request, context)
    if (reply.type === 'hang') return reply
    const bytes = Buffer.byteLength(reply.body)
    return { ...reply, destroyAfterBytes: Math.floor(bytes / 2) }
  }
}

/** 200 with a truncated JSON body. */
export function malformed(): Behavior {
  return () => ({
    type: 'response',
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: '{"images":["iVBORw0'
  })
}

/** 200 `{"images":[]}`; the SDK retries it unless `isRetryable` is false. */
export function emptyImages(isRetryable?: boolean): Behavior {
  return () =>
    json(200, { images: [], ...(isRetryable !== undefined && { isRetryable }) })
}
