import { generateImage } from 'ai'
import { GenerationError } from '../errors.js'
import type { Asset } from '../spec/types.js'
import { classifyFailure, retryDelay, type AttemptFailure } from './classify.js'
import type { ImageModelFactory } from './gateway.js'
import type { AdaptivePool } from './pool.js'
import type { ImageRequest } from './request.js'

/** Retry settings and shared collaborators for the attempts of one image. */
export interface AttemptContext {
  imageModel: ImageModelFactory
  pool: AdaptivePool
  /** Retries after the first attempt. */
  maxRetries: number
  /** First backoff step in ms (doubles per retry). */
  backoffMs: number
  signal: AbortSignal
  /** The per-image timeout behind `signal`, for messages. */
  timeoutMs: number
  sleep: (ms: number, signal: AbortSignal) => Promise<void>
}

/** One image the model returned, with what it cost. */
export interface GeneratedImage {
  bytes: Uint8Array
  mediaType: string
  /** USD, from `providerMetadata.gateway.cost`. */
  cost: number
  attempts: number
}

/** Reads the gateway's cost (a decimal string) from a result's provider metadata. */
export function readCost(providerMetadata: unknown): number {
  const gateway = (
    providerMetadata as { gateway?: { cost?: unknown } } | undefined
  )?.gateway
  const raw = gateway?.cost
  const cost =
    typeof raw === 'string' || typeof raw === 'number'
      ? Number(raw)
      : Number.NaN
  return Number.isFinite(cost) ? cost : 0
}

/**
 * Calls the model for one image, retrying retryable failures (408, 409, 429, 5xx, network) with
 * backoff and retry-after. The SDK's own retries are off (`maxRetries: 0`) so that every attempt
 * takes a pool slot and every 429 reaches the adaptive pool.
 */
export async function requestImage(
  asset: Asset,
  request: ImageRequest,
  context: AttemptContext
): Promise<GeneratedImage> {
  for (let attempt = 1; ; attempt += 1) {
    const release = await context.pool.acquire(context.signal, attempt > 1)
    let failure: AttemptFailure
    try {
      const result = await generateImage({
        model: context.imageModel(asset),
        ...request,
        maxRetries: 0,
        abortSignal: context.signal
      })
      context.pool.onSuccess()
      return {
        bytes: result.image.uint8Array,
        mediaType: result.image.mediaType,
        cost: readCost(result.providerMetadata),
        attempts: attempt
      }
    } catch (error) {
      if (context.signal.aborted)
        throw abortError(asset, context, attempt, error)
      failure = classifyFailure(error, asset.id, asset.model)
      if (failure.rateLimited) context.pool.onRateLimited()
      if (!failure.retryable || attempt > context.maxRetries) {
        const tries = attempt === 1 ? '' : ` after ${attempt} attempts`
        throw new GenerationError(asset.id, `${failure.message}${tries}`, {
          cause: error,
          attempts: attempt
        })
      }
    } finally {
      // Released once per attempt, before any backoff: a waiting asset holds no slot.
      release()
    }
    await context
      .sleep(retryDelay(attempt, context.backoffMs, failure), context.signal)
      .catch((sleepError: unknown) => {
        throw abortError(asset, context, attempt, sleepError)
      })
  }
}

function abortError(
  asset: Asset,
  context: AttemptContext,
  attempts: number,
  cause: unknown
): GenerationError {
  const reason = context.signal.reason as { name?: string } | undefined
  const message =
    reason?.name === 'TimeoutError'
      ? `timed out: no image for "${asset.id}" within ${context.timeoutMs / 1000} s (the timeout input)`
      : `cancelled before "${asset.id}" finished`
  return new GenerationError(asset.id, message, { cause, attempts })
}
