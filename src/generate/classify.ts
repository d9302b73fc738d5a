import {
  GatewayAuthenticationError,
  GatewayError,
  GatewayForbiddenError,
  GatewayInvalidRequestError,
  GatewayModelNotFoundError,
  GatewayRateLimitError,
  GatewayResponseError
} from '@ai-sdk/gateway'
import { APICallError } from '@ai-sdk/provider'
import { NoImageGeneratedError } from 'ai'
import { getErrorMessage } from '../errors.js'
import { findNetworkFailure, networkErrorMessage } from './network.js'

/** How the retry loop should treat a failed attempt. */
export interface AttemptFailure {
  retryable: boolean
  /** A 429: the pool shrinks. */
  rateLimited: boolean
  /** The server's `retry-after-ms` / `retry-after`, when given and reasonable. */
  retryAfterMs?: number
  /** What went wrong and, where there is one, what to do about it. */
  message: string
}

function responseHeaders(error: unknown): Record<string, string> | undefined {
  if (APICallError.isInstance(error)) return error.responseHeaders
  if (GatewayError.isInstance(error) && APICallError.isInstance(error.cause)) {
    return error.cause.responseHeaders
  }
  return undefined
}

/** Reads `retry-after-ms` (ms) or `retry-after` (seconds or an HTTP date); ignores > 60 s. */
export function retryAfterMs(
  headers: Record<string, string> | undefined,
  now = Date.now()
): number | undefined {
  if (!headers) return undefined
  let ms: number | undefined
  const precise = headers['retry-after-ms']
  if (precise !== undefined && !Number.isNaN(Number.parseFloat(precise))) {
    ms = Number.parseFloat(precise)
  } else if (headers['retry-after'] !== undefined) {
    const value = headers['retry-after']
    const seconds = Number.parseFloat(value)
    ms = Number.isNaN(seconds) ? Date.parse(value) - now : seconds * 1000
  }
  return ms !== undefined && ms >= 0 && ms <= 60_000 ? ms : undefined
}

/** Classifies an error thrown by one `generateImage` attempt for asset `assetId` on `model`. */
export function classifyFailure(
  error: unknown,
  assetId: string,
  model: string
): AttemptFailure {
  const plain = { retryable: false, rateLimited: false }
  // Before the gateway's own classes: the SDK reports a refused connection as a 500 with an
  // "Invalid error response format", which says nothing of what happened.
  const network = findNetworkFailure(error)
  if (network) {
    return {
      retryable: true,
      rateLimited: false,
      message: networkErrorMessage('the AI Gateway', network)
    }
  }
  if (isMalformedBase64(error)) {
    // Not retried: the gateway may have charged for it, and a retry would pay again.
    return {
      ...plain,
      message: malformedImageMessage(assetId, 'its base64 does not decode')
    }
  }
  if (GatewayAuthenticationError.isInstance(error)) {
    return {
      ...plain,
      message: `AI Gateway authentication failed: set the AI_GATEWAY_API_KEY secret or the api-key input to a valid AI Gateway API key (${error.message})`
    }
  }
  if (GatewayModelNotFoundError.isInstance(error)) {
    return {
      ...plain,
      message: `the AI Gateway has no model "${model}": check the asset's model id (${error.message})`
    }
  }
  if (GatewayInvalidRequestError.isInstance(error)) {
    return {
      ...plain,
      message: `the AI Gateway refused the request for "${assetId}": ${error.message}`
    }
  }
  if (GatewayForbiddenError.isInstance(error)) {
    return {
      ...plain,
      message: `the AI Gateway forbade the request for "${assetId}": ${error.message}`
    }
  }
  if (GatewayRateLimitError.isInstance(error)) {
    return {
      retryable: true,
      rateLimited: true,
      retryAfterMs: retryAfterMs(responseHeaders(error)),
      message: `rate limited by the AI Gateway (${error.message})`
    }
  }
  if (GatewayResponseError.isInstance(error) && error.statusCode < 300) {
    // A success whose body broke off (connection reset) is marked retryable by the SDK; a body
    // that arrived whole but does not parse is not.
    if (error.isRetryable) {
      return {
        retryable: true,
        rateLimited: false,
        message: `the connection to the AI Gateway broke while reading the response for "${assetId}" (${causeMessages(error.cause)})`
      }
    }
    return {
      ...plain,
      message: `the AI Gateway sent a malformed response for "${assetId}": ${error.message}`
    }
  }
  if (GatewayError.isInstance(error) || APICallError.isInstance(error)) {
    const status = GatewayError.isInstance(error)
      ? error.statusCode
      : error.statusCode
    return {
      retryable: error.isRetryable,
      rateLimited: status === 429,
      retryAfterMs: retryAfterMs(responseHeaders(error)),
      message: `AI Gateway error${status ? ` ${status}` : ''}: ${error.message}`
    }
  }
  if (NoImageGeneratedError.isInstance(error)) {
    return { ...plain, message: `the model returned no image for "${assetId}"` }
  }
  if (error instanceof Error && error.name === 'RetryableNoImageResultError') {
    return {
      retryable: true,
      rateLimited: false,
      message: `the model returned no image for "${assetId}"`
    }
  }
  return { ...plain, message: getErrorMessage(error) }
}

/** `atob` (the SDK's base64 decoder) throws a DOMException named InvalidCharacterError. */
function isMalformedBase64(error: unknown): boolean {
  return error instanceof Error || error instanceof DOMException
    ? error.name === 'InvalidCharacterError'
    : false
}

/** The message for an image the gateway sent that can't be decoded, e.g. `not a PNG`. */
export function malformedImageMessage(assetId: string, detail: string): string {
  return `the AI Gateway returned a malformed image for "${assetId}": ${detail}`
}

/** The messages down an error's cause chain, e.g. `terminated: other side closed`. */
function causeMessages(cause: unknown): string {
  const messages: string[] = []
  for (let depth = 0; cause instanceof Error && depth < 4; depth += 1) {
    messages.push(cause.message)
    cause = cause.cause
  }
  return messages.join(': ') || 'no details'
}

/**
 * The delay before retry number `retry` (1-based): the server's retry-after when given, else
 * exponential backoff from `baseMs` with equal jitter (half fixed, half random), so many assets retrying at once spread out.
 */
export function retryDelay(
  retry: number,
  baseMs: number,
  failure: AttemptFailure,
  random = Math.random
): number {
  if (failure.retryAfterMs !== undefined) return failure.retryAfterMs
  const ceiling = baseMs * 2 ** (retry - 1)
  return Math.round(ceiling / 2 + (random() * ceiling) / 2)
}
