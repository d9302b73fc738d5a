/**
 * The shapes of the fake gateway (./gateway.ts re-exports them): what it records of a request,
 * what a behaviour answers, its options and model list entries, the running fake and its JSON
 * snapshot. Types only.
 */

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
