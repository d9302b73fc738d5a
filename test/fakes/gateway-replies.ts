/** The fake gateway's JSON replies and its error body (./gateway.ts re-exports these). */
import type { FakeReply } from './gateway-types.js'

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
