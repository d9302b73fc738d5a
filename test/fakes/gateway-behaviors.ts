/**
 * Ready-made behaviours for the fake gateway (./gateway.ts re-exports them)
 * and the band images it paints. Only type imports point back at
 * ./gateway.ts, so there is no runtime import cycle.
 */
import sharp from 'sharp'
import type {
  Behavior,
  FakeGatewayRequest,
  FakeReply,
  ImageRequestBody
} from './gateway.js'

/** Colour painted when a prompt names none. */
export const DEFAULT_GREY = '#808080'

/** A 1×1 GIF, for `ok({ image: ONE_PIXEL_GIF })` (a non-PNG/JPEG reply). */
export const ONE_PIXEL_GIF: Uint8Array = Buffer.from(
  'R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==',
  'base64'
)

const HEX = /#[0-9a-f]{6}(?![0-9a-f])/gi
const ONE_MEGAPIXEL = 1024 * 1024

/**
 * Colours of a fake image, top band first: a JSON prompt's `color_palette`,
 * else every `#RRGGBB` in the text (upper-cased, de-duplicated), else grey.
 */
export function promptColors(prompt: string | undefined): string[] {
  let found: string[] = []
  if (prompt?.trim().startsWith('{')) {
    try {
      const palette = (JSON.parse(prompt) as { color_palette?: unknown })
        .color_palette
      if (Array.isArray(palette)) {
        found = palette.filter(
          (c): c is string => typeof c === 'string' && /^#[0-9a-f]{6}$/i.test(c)
        )
      }
    } catch {
      // Not JSON after all: scan it as text below.
    }
  }
  if (found.length === 0) found = prompt?.match(HEX) ?? []
  const unique = [...new Set(found.map((c) => c.toUpperCase()))]
  return unique.length > 0 ? unique : [DEFAULT_GREY]
}

/**
 * Output size: `size` (WxH), else `aspectRatio` at about 1 MP with sides
 * rounded to multiples of 16 (as FLUX.2 requires), else 1024×1024.
 */
export function imageSize(body: ImageRequestBody): {
  width: number
  height: number
} {
  const size = /^(\d+)x(\d+)$/.exec(body.size ?? '')
  if (size) return { width: Number(size[1]), height: Number(size[2]) }
  const ratio = /^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(body.aspectRatio ?? '')
  const r = ratio ? Number(ratio[1]) / Number(ratio[2]) : 1
  if (!ratio || !(r > 0)) return { width: 1024, height: 1024 }
  const width = Math.max(16, Math.round(Math.sqrt(ONE_MEGAPIXEL * r) / 16) * 16)
  return { width, height: Math.max(16, Math.round(width / r / 16) * 16) }
}

/** Image encodings the fake can paint. */
export type FakeImageFormat = 'png' | 'jpeg' | 'webp'

// Renders are cached (as promises, so concurrent twins share one render):
// the benchmark must measure the client, not sharp in the fake.
const renders = new Map<string, Promise<Buffer>>()

/** Paints equal-height horizontal bands of `colors`, top to bottom. */
export function renderBands(
  width: number,
  height: number,
  colors: string[],
  format: FakeImageFormat = 'png'
): Promise<Buffer> {
  const key = `${width}x${height}:${format}:${colors.join(',')}`
  let render = renders.get(key)
  if (!render) {
    if (renders.size >= 64) renders.delete(renders.keys().next().value ?? '')
    render = paint(width, height, colors, format)
    renders.set(key, render)
    render.catch(() => renders.delete(key))
  }
  return render
}

async function paint(
  width: number,
  height: number,
  colors: string[],
  format: FakeImageFormat
): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3)
  const rows = colors.map((hex) => {
    const row = Buffer.alloc(width * 3)
    for (let x = 0; x < width; x++) {
      row[x * 3] = parseInt(hex.slice(1, 3), 16)
      row[x * 3 + 1] = parseInt(hex.slice(3, 5), 16)
      row[x * 3 + 2] = parseInt(hex.slice(5, 7), 16)
    }
    return row
  })
  for (let y = 0; y < height; y++) {
    const band = Math.floor((y * rows.length) / height)
    rows[band]?.copy(raw, y * width * 3)
  }
  const image = sharp(raw, { raw: { width, height, channels: 3 } })
  if (format === 'jpeg') {
    // 4:4:4 keeps band colours exact enough for colour assertions.
    return image.jpeg({ quality: 95, chromaSubsampling: '4:4:4' }).toBuffer()
  }
  if (format === 'webp') return image.webp({ lossless: true }).toBuffer()
  return image.png().toBuffer()
}

/** A JSON reply. */
export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): FakeReply {
  return {
    type: 'response',
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body)
  }
}

/** Optional parts of a gateway error body, plus response headers. */
export interface ErrorExtras {
  headers?: Record<string, string>
  param?: unknown
  code?: string | number
  generationId?: string
}

/** A gateway error reply: `{"error":{"message","type","param?","code?"}}`. */
export function errorReply(
  status: number,
  type: string | null,
  message: string,
  extras: ErrorExtras = {}
): FakeReply {
  const { headers, param, code, generationId } = extras
  const error = {
    message,
    type,
    ...(param !== undefined && { param }),
    ...(code !== undefined && { code })
  }
  return json(status, { error, ...(generationId && { generationId }) }, headers)
}

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

/**
 * Per-asset sequence: the nth request for an asset (see
 * `BehaviorContext.attempt`) gets the nth behaviour; the last one repeats.
 */
export function sequence(...behaviors: Behavior[]): Behavior {
  return (request, context) =>
    pick(behaviors, context.attempt)(request, context)
}

/** Global sequence: the nth call reaching this behaviour gets the nth one. */
export function inOrder(...behaviors: Behavior[]): Behavior {
  let calls = 0
  return (request, context) => pick(behaviors, calls++)(request, context)
}

function pick(behaviors: Behavior[], index: number): Behavior {
  const chosen = behaviors[Math.min(index, behaviors.length - 1)]
  if (!chosen) throw new Error('sequence() needs at least one behaviour')
  return chosen
}

/** First case whose key is a substring of the prompt wins, else `fallback`. */
export function byPrompt(
  cases: Record<string, Behavior>,
  fallback: Behavior = ok()
): Behavior {
  return (request, context) => {
    const prompt = request.body.prompt ?? ''
    const hit = Object.keys(cases).find((part) => prompt.includes(part))
    const chosen = hit === undefined ? fallback : (cases[hit] ?? fallback)
    return chosen(request, context)
  }
}

/** Chooses by the request's `seed`, else `fallback`. */
export function bySeed(
  cases: Record<number, Behavior>,
  fallback: Behavior = ok()
): Behavior {
  return (request, context) => {
    const seed = request.body.seed
    return ((seed !== undefined && cases[seed]) || fallback)(request, context)
  }
}

/** Waits `ms` (cut short if the client leaves), then runs `behavior`. */
export function delayed(ms: number, behavior: Behavior): Behavior {
  return async (request, context) => {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms)
      const stop = () => {
        clearTimeout(timer)
        resolve()
      }
      context.signal.addEventListener('abort', stop, { once: true })
    })
    return behavior(request, context)
  }
}

/** Behaviours by name for the standalone server's `--behavior` / `--on`. */
export const presets: Record<string, (okOptions?: OkOptions) => Behavior> = {
  ok: (o) => ok(o),
  flaky: (o) => sequence(rateLimited(0), ok(o)),
  'rate-limited': () => rateLimited(0),
  'invalid-request': () =>
    error(400, 'invalid_request_error', 'Invalid request: size'),
  unauthorized: () => error(401, 'authentication_error', 'Invalid API key'),
  forbidden: () => error(403, 'forbidden', 'Forbidden'),
  'model-not-found': () => modelNotFound(),
  'server-error': () =>
    error(500, 'internal_server_error', 'Internal server error'),
  html: () => html(502),
  hang: () => hang(),
  reset: (o) => resetMidBody(o),
  malformed: () => malformed(),
  empty: () => emptyImages(false),
  gif: () => ok({ image: ONE_PIXEL_GIF }),
  'ignores-size': (o) => ignoresSize(o),
  warnings: (o) => withWarnings(undefined, o)
}
