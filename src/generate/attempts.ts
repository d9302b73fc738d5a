import { generateImage } from 'ai'
import {
  BudgetExceededError,
  GenerationError,
  type AuthenticationError
} from '../errors.js'
import type { Asset } from '../spec/types.js'
import { authenticationFailure } from './authentication.js'
import { classifyFailure, retryDelay, type AttemptFailure } from './classify.js'
import type { ImageModelFactory } from './gateway.js'
import type { SpendGuard } from './budget.js'
import { readCalls } from './cost.js'
import type { AdaptivePool } from './pool.js'
import type { ImageRequest } from './request.js'
import type { CallWarning } from './verify.js'

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
  /** Names the key's source in the 401/403 message; default `AI_GATEWAY_API_KEY`. */
  keySource?: string
  /** Called once a 401/403 arrives, to stop the whole run (abort the shared signal). */
  onAuthenticationFailure?: (error: AuthenticationError) => void
  /** The build's spend guard: every attempt reserves from it before it starts. */
  budget: SpendGuard
  /** This asset's estimated USD per image; undefined when no price is known. */
  estimate?: number
}

/** One image the model returned, with what it cost. */
export interface GeneratedImage {
  bytes: Uint8Array
  mediaType: string
  /** USD, summed over the result's calls; undefined when a reported cost was not believable. */
  cost: number | undefined
  attempts: number
  /** The gateway's generation id of every attempt that reported one, failed ones included. */
  generationIds: string[]
  /** What the calls reported besides the image: SDK warnings, unbelievable costs (cost.ts). */
  warnings: CallWarning[]
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
  const generationIds: string[] = []
  for (let attempt = 1; ; attempt += 1) {
    const release = await context.pool.acquire(context.signal, attempt > 1)
    let reservation: ReturnType<SpendGuard['reserve']> | undefined
    let failure: AttemptFailure
    try {
      reservation = context.budget.reserve(asset.model, context.estimate)
      const result = await generateImage({
        model: context.imageModel(asset),
        ...request,
        maxRetries: 0,
        abortSignal: context.signal
      })
      context.pool.onSuccess()
      const reported = readCalls(result.calls)
      reservation.settle({
        paid: true,
        ...(reported.cost !== undefined ? { cost: reported.cost } : {})
      })
      return {
        bytes: result.image.uint8Array,
        mediaType: result.image.mediaType,
        cost: reported.cost,
        attempts: attempt,
        generationIds: [...generationIds, ...reported.generationIds],
        warnings: reported.warnings
      }
    } catch (error) {
      reservation?.settle({ paid: false })
      if (error instanceof BudgetExceededError) throw error
      const failedId = readFailedGenerationId(error)
      if (failedId) generationIds.push(failedId)
      if (context.signal.aborted)
        throw abortError(asset, context, attempt, error)
      const refused = authenticationFailure(error, context.keySource)
      if (refused) {
        context.onAuthenticationFailure?.(refused)
        // Short here: the run's one full message comes from the refusal itself.
        const short = `the AI Gateway refused the API key (${refused.status}); the run stopped`
        throw new GenerationError(asset.id, short, {
          cause: refused,
          attempts: attempt
        })
      }
      failure = classifyFailure(error, asset.id, asset.model)
      if (failure.rateLimited) context.pool.onRateLimited()
      if (!failure.retryable || attempt > context.maxRetries) {
        const tries = attempt === 1 ? '' : ` after ${attempt} attempts`
        throw new GenerationError(asset.id, `${failure.message}${tries}`, {
          cause: error,
          attempts: attempt,
          generationIds
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

/** The generation id a gateway error carries (`GatewayError.generationId`), when believable. */
function readFailedGenerationId(error: unknown): string | undefined {
  const id = (error as { generationId?: unknown } | null)?.generationId
  return typeof id === 'string' && /^[\w-]{1,100}$/.test(id) ? id : undefined
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
