/** The fake gateway's token bucket (`rateLimit` option). */

/**
 * A bucket of `burst` tokens (default `perSecond`, at least 1) refilled at `perSecond`.
 * `take` returns 0 when a token was taken, else ms until one frees up.
 */
export function tokenBucket(limit: { perSecond: number; burst?: number }) {
  const { perSecond, burst } = limit
  const capacity = Math.max(1, burst ?? Math.floor(perSecond))
  let tokens = capacity
  let last = Date.now()
  return {
    take(now: number): number {
      tokens = Math.min(capacity, tokens + ((now - last) / 1000) * perSecond)
      last = now
      if (tokens >= 1) {
        tokens -= 1
        return 0
      }
      return Math.max(1, Math.ceil(((1 - tokens) / perSecond) * 1000))
    },
    refillAll() {
      tokens = capacity
      last = Date.now()
    }
  }
}
