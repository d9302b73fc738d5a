/**
 * A wrong or missing key fails every request the same way, so the first 401 or 403 stops the
 * whole run: no further requests, one short message instead of the SDK's long text per asset.
 */
import {
  GatewayAuthenticationError,
  GatewayError,
  GatewayForbiddenError
} from '@ai-sdk/gateway'
import { APICallError } from '@ai-sdk/provider'
import { AuthenticationError } from '../errors.js'

/**
 * Where AI Gateway API keys are created: the SDK's own link, unescaped so that it reads the same
 * in a terminal and in a runner log (which escapes `%`).
 */
export const API_KEYS_URL = 'https://vercel.com/d?to=/[team]/~/ai/api-keys'

/** The default name of the key's source in messages: the CLI's environment variable. */
export const DEFAULT_KEY_SOURCE = 'AI_GATEWAY_API_KEY'

function statusOf(error: unknown): number | undefined {
  if (GatewayAuthenticationError.isInstance(error)) return 401
  if (GatewayForbiddenError.isInstance(error)) return 403
  if (GatewayError.isInstance(error) || APICallError.isInstance(error))
    return error.statusCode
  return undefined
}

/**
 * Returns the run-stopping error for a 401 or 403 from the gateway, else undefined. `keySource`
 * names where the key comes from (`AI_GATEWAY_API_KEY`, or the action's `api-key` input).
 */
export function authenticationFailure(
  error: unknown,
  keySource = DEFAULT_KEY_SOURCE
): AuthenticationError | undefined {
  const status = statusOf(error)
  if (status !== 401 && status !== 403) return undefined
  const what =
    status === 401
      ? 'the AI Gateway rejected the API key (401)'
      : 'the AI Gateway refused access with this API key (403)'
  return new AuthenticationError(
    `${what}: set ${keySource} to a valid AI Gateway API key (create one at ${API_KEYS_URL}); stopped the run, no further requests were sent`,
    { status, cause: error }
  )
}
