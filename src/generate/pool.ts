/**
 * A bounded, adaptive limit on requests in flight. It starts at `max`; a rate-limited answer halves
 * it (multiplicative decrease) and each success adds 1/limit (additive increase), so under a rate
 * limit the pool settles near what the gateway accepts and climbs back when the limit lifts. Slots
 * are taken per attempt, so an asset waiting out a backoff does not hold one.
 */
export class AdaptivePool {
  readonly max: number
  private limitValue: number
  private active = 0
  private peak = 0
  private readonly waiting: Array<() => void> = []

  constructor(max: number) {
    if (!Number.isInteger(max) || max < 1)
      throw new RangeError('pool size must be >= 1')
    this.max = max
    this.limitValue = max
  }

  /** The current limit (between 1 and max). */
  get limit(): number {
    return Math.max(1, Math.floor(this.limitValue))
  }

  /** Requests in flight now. */
  get inFlight(): number {
    return this.active
  }

  /** The most requests ever in flight at once. */
  get peakInFlight(): number {
    return this.peak
  }

  /**
   * Waits for a slot; resolves with a release function. Rejects if the signal aborts first. A
   * `retry` waits ahead of first attempts: retried right after the limit was cut, it goes out when
   * the pool is most careful, rather than at the end of the run behind every fresh asset, where
   * only retries are left for the pool's next probe to land on.
   */
  acquire(signal?: AbortSignal, retry = false): Promise<() => void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason)
      const grant = (): void => {
        signal?.removeEventListener('abort', onAbort)
        this.active += 1
        this.peak = Math.max(this.peak, this.active)
        let released = false
        resolve(() => {
          if (released) return
          released = true
          this.active -= 1
          this.drain()
        })
      }
      const onAbort = (): void => {
        const index = this.waiting.indexOf(grant)
        if (index >= 0) this.waiting.splice(index, 1)
        reject(signal?.reason)
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      if (retry) this.waiting.unshift(grant)
      else this.waiting.push(grant)
      this.drain()
    })
  }

  /** A request was rate limited: halve the limit. */
  onRateLimited(): void {
    this.limitValue = Math.max(1, this.limitValue / 2)
  }

  /** A request succeeded: grow the limit by 1/limit, up to max. */
  onSuccess(): void {
    this.limitValue = Math.min(this.max, this.limitValue + 1 / this.limitValue)
    this.drain()
  }

  private drain(): void {
    while (this.active < this.limit && this.waiting.length > 0) {
      this.waiting.shift()?.()
    }
  }
}
