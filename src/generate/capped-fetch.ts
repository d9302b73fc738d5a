/**
 * A `fetch` that refuses to read more than a bound from any response. The gateway's answer is
 * untrusted: an image is a few MB as base64 JSON, and without a cap one hostile 200 MB body cost
 * 1.2 GB of memory while the SDK buffered and parsed it.
 */

/** The default cap on one gateway response body: 64 MiB. */
export const MAX_RESPONSE_BYTES = 64 * 1024 * 1024

const MIB = 1024 * 1024

/** A response body passed the cap; reading stopped there. */
export class ResponseTooLargeError extends Error {
  override readonly name = 'ResponseTooLargeError'
  readonly limit: number
  constructor(url: string, limit: number) {
    super(
      `the AI Gateway's response from ${url} is larger than ${limit >= MIB ? `${Math.round(limit / MIB)} MiB` : `${limit} bytes`}: refused without reading the rest`
    )
    this.limit = limit
  }
}

/**
 * Wraps `base` so that a body announced (content-length) or found to be larger than `limit` bytes
 * fails with a ResponseTooLargeError; the connection is cancelled instead of drained.
 */
export function cappedFetch(
  limit: number,
  base: typeof fetch = globalThis.fetch
): typeof fetch {
  return async (input, init) => {
    const response = await base(input, init)
    const url =
      response.url || (input instanceof Request ? input.url : input.toString())
    const announced = Number(response.headers.get('content-length') ?? 0)
    if (announced > limit) {
      await response.body?.cancel().catch(() => {})
      throw new ResponseTooLargeError(url, limit)
    }
    if (!response.body) return response
    let seen = 0
    const counted = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          seen += chunk.byteLength
          if (seen > limit)
            controller.error(new ResponseTooLargeError(url, limit))
          else controller.enqueue(chunk)
        }
      })
    )
    return new Response(counted, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers
    })
  }
}

/**
 * The ResponseTooLargeError somewhere down `error`'s cause chain (the SDK wraps what fetch
 * throws), if any. Such an answer is not retried: a gateway that sent one will send it again.
 */
export function findResponseTooLarge(
  error: unknown
): ResponseTooLargeError | undefined {
  let current = error
  for (let depth = 0; current instanceof Error && depth < 8; depth += 1) {
    if (current instanceof ResponseTooLargeError) return current
    current = current.cause
  }
  return undefined
}
