/**
 * Recognises a failure to reach a peer at all (refused connection, DNS failure, socket timeout)
 * anywhere down an error's cause chain, and words it one way for every peer: the AI Gateway here,
 * and any other caller that talks to a network.
 */

/** Node and undici error codes that mean the peer was never (or no longer) reachable. */
const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENOTFOUND: 'DNS lookup failed',
  EAI_AGAIN: 'DNS lookup failed (temporary)',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_HEADERS_TIMEOUT: 'socket timed out waiting for the response',
  UND_ERR_BODY_TIMEOUT: 'socket timed out reading the response'
}

/** What a network failure was and, when known, which URL it was for. */
export interface NetworkFailure {
  /** The Node or undici code, e.g. `ECONNREFUSED`. */
  code: string
  /** In words, e.g. `connection refused`. */
  reason: string
  /** The request URL, without any credentials in it. */
  url?: string
  /** The host name, for DNS failures (`getaddrinfo ENOTFOUND host`). */
  host?: string
}

/** Deep enough for SDK error → APICallError → TypeError('fetch failed') → AggregateError → cause. */
const MAX_DEPTH = 8

/** The network failure behind `error`, if any; `url` names the request when the chain doesn't. */
export function findNetworkFailure(
  error: unknown,
  url?: string
): NetworkFailure | undefined {
  let found: NetworkFailure | undefined
  let requestUrl = url
  const seen = new Set<unknown>()
  const visit = (value: unknown, depth: number): void => {
    if (typeof value !== 'object' || value === null) return
    if (depth > MAX_DEPTH || seen.has(value)) return
    seen.add(value)
    const record = value as {
      url?: unknown
      code?: unknown
      hostname?: unknown
      cause?: unknown
      errors?: unknown
    }
    if (requestUrl === undefined && typeof record.url === 'string')
      requestUrl = record.url
    if (
      found === undefined &&
      typeof record.code === 'string' &&
      record.code in NETWORK_CODES
    ) {
      found = {
        code: record.code,
        reason: NETWORK_CODES[record.code] ?? record.code,
        ...(typeof record.hostname === 'string'
          ? { host: record.hostname }
          : {})
      }
    }
    visit(record.cause, depth + 1)
    // Node tries every address of a host and reports them together in an AggregateError.
    if (Array.isArray(record.errors))
      for (const inner of record.errors) visit(inner, depth + 1)
  }
  visit(error, 0)
  if (found === undefined) return undefined
  const safeUrl = withoutCredentials(requestUrl)
  return safeUrl ? { ...found, url: safeUrl } : found
}

/** `network error: could not connect to the AI Gateway at <url> (connection refused)`. */
export function networkErrorMessage(
  peer: string,
  failure: NetworkFailure
): string {
  const where = failure.url ? ` at ${failure.url}` : ''
  const host =
    failure.host && !failure.url?.includes(failure.host)
      ? ` for ${failure.host}`
      : ''
  return `network error: could not connect to ${peer}${where} (${failure.reason}${host}, ${failure.code})`
}

function withoutCredentials(url: string | undefined): string | undefined {
  if (url === undefined || !URL.canParse(url)) return undefined
  const parsed = new URL(url)
  parsed.username = ''
  parsed.password = ''
  return parsed.href
}
