import { createGateway } from '@ai-sdk/gateway'
import type { ImageModelV4 } from '@ai-sdk/provider'
import type { ImageModel } from 'ai'
import { getErrorMessage } from '../errors.js'
import type { PricingTable } from '../spec/pricing.js'
import type { Asset } from '../spec/types.js'
import { parseCost } from './cost.js'
import { cappedFetch, MAX_RESPONSE_BYTES } from './capped-fetch.js'

/** Builds the image model for an asset. The engine takes one of these, so tests can pass fakes. */
export type ImageModelFactory = (asset: Asset) => ImageModel

/** Settings for the real gateway. */
export interface GatewaySettings {
  apiKey: string
  /** e.g. `http://127.0.0.1:4010/v4/ai`; undefined uses the SDK's default (the Vercel AI Gateway). */
  baseURL?: string
  /** Largest response body read; default {@link MAX_RESPONSE_BYTES}. */
  maxResponseBytes?: number
}

/**
 * The one place that builds the AI Gateway provider. The key is passed explicitly rather than read
 * from the environment by the SDK, so the action controls (and masks) exactly which key is used.
 */
export function gatewayModelFactory(
  settings: GatewaySettings
): ImageModelFactory {
  // assetgen reports the SDK's warnings per asset (generate/verify.ts), through the text-safety
  // module; the SDK's own logging would print the gateway's text raw into the runner log.
  globalThis.AI_SDK_LOG_WARNINGS = false
  const gateway = createGateway({
    apiKey: settings.apiKey,
    ...(settings.baseURL ? { baseURL: settings.baseURL } : {}),
    fetch: cappedFetch(settings.maxResponseBytes ?? MAX_RESPONSE_BYTES)
  })
  return (asset) => retryableEmptyResults(gateway.imageModel(asset.model))
}

/** An empty `images` answer the gateway did not mark final (`isRetryable: false`). */
export class RetryableNoImageResultError extends Error {
  constructor() {
    super('No image generated.')
    this.name = 'RetryableNoImageResultError'
  }
}

/**
 * With the SDK's own retries off (see attempts.ts), `generateImage` reports an empty but retryable
 * answer as a final NoImageGeneratedError, the same as one marked `isRetryable: false`. Throwing
 * from the model instead keeps the difference, so classify.ts can retry the one and not the other.
 */
function retryableEmptyResults(model: ImageModelV4): ImageModelV4 {
  const wrapped = Object.create(model) as ImageModelV4
  wrapped.doGenerate = async (options) => {
    const result = await model.doGenerate(options)
    if (result.images.length === 0 && result.isRetryable !== false)
      throw new RetryableNoImageResultError()
    return result
  }
  return wrapped
}

/** The gateway's default base URL, whose origin serves the catalogue and credits. */
const DEFAULT_BASE_URL = 'https://ai-gateway.vercel.sh/v4/ai'

/** How long the catalogue may take, and how large it may be: it is a nicety, never a wait. */
const CATALOGUE_TIMEOUT_MS = 5000
const CATALOGUE_MAX_BYTES = 8 * 1024 * 1024

/**
 * Per-image prices of the gateway's image models, read from `GET {origin}/v1/models` (one request,
 * 5 s). The SDK's `getAvailableModels()` keeps only token prices, so the JSON is read here:
 * `{ data: [{ id, type: 'image', pricing: { image: '0.04' } }] }`. Never throws: a failure is a
 * warning and an empty table.
 */
export async function readImagePrices(
  settings: GatewaySettings,
  fetchImpl: typeof fetch = fetch
): Promise<{ prices: PricingTable; warning?: string }> {
  const url = new URL('/v1/models', settings.baseURL ?? DEFAULT_BASE_URL)
  try {
    const response = await fetchImpl(url, {
      headers: { authorization: `Bearer ${settings.apiKey}` },
      signal: AbortSignal.timeout(CATALOGUE_TIMEOUT_MS)
    })
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
    const length = Number(response.headers.get('content-length') ?? 0)
    if (length > CATALOGUE_MAX_BYTES) throw new Error('the answer is too large')
    const text = await response.text()
    if (text.length > CATALOGUE_MAX_BYTES)
      throw new Error('the answer is too large')
    return { prices: imagePrices(JSON.parse(text) as unknown) }
  } catch (error) {
    return {
      prices: {},
      warning: `could not read the gateway's price list (${url.pathname}): ${getErrorMessage(error)}; estimates use the other sources`
    }
  }
}

/** Picks believable per-image prices of image models out of a catalogue answer. */
export function imagePrices(catalogue: unknown): PricingTable {
  const data = (catalogue as { data?: unknown } | null)?.data
  const prices: PricingTable = {}
  if (!Array.isArray(data)) return prices
  for (const model of data.slice(0, 10_000) as Array<Record<string, unknown>>) {
    const id = model?.id
    const pricing = model?.pricing as { image?: unknown } | undefined
    const perImage = parseCost(pricing?.image)
    if (typeof id === 'string' && id.length <= 200 && perImage !== undefined)
      prices[id] = { perImage }
  }
  return prices
}

/**
 * The gateway credit balance in USD through the SDK's `getCredits()`; undefined when it cannot be
 * read (never fatal).
 */
export async function readCreditBalance(
  settings: GatewaySettings
): Promise<number | undefined> {
  try {
    const gateway = createGateway({
      apiKey: settings.apiKey,
      ...(settings.baseURL ? { baseURL: settings.baseURL } : {}),
      // Bounded like the catalogue: the balance is a courtesy check.
      fetch: (input, init) =>
        fetch(input, {
          ...init,
          signal: AbortSignal.timeout(CATALOGUE_TIMEOUT_MS)
        })
    })
    const credits = await gateway.getCredits()
    const balance = Number(credits.balance)
    return Number.isFinite(balance) ? balance : undefined
  } catch {
    return undefined
  }
}
