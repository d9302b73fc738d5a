import { describe, expect, it } from 'vitest'
import { mapBounded } from '../../src/concurrency.js'
import { AdaptivePool } from '../../src/generate/pool.js'

const tick = () => new Promise((resolve) => setImmediate(resolve))

describe('AdaptivePool', () => {
  it('never lets more than the limit in flight and records the peak', async () => {
    const pool = new AdaptivePool(3)
    let running = 0
    let highest = 0
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        const release = await pool.acquire()
        running += 1
        highest = Math.max(highest, running)
        await tick()
        running -= 1
        release()
      })
    )
    expect(highest).toBe(3)
    expect(pool.peakInFlight).toBe(3)
    expect(pool.inFlight).toBe(0)
  })

  it('halves on rate limiting and climbs back additively on success', () => {
    const pool = new AdaptivePool(8)
    pool.onRateLimited()
    expect(pool.limit).toBe(4)
    pool.onRateLimited()
    pool.onRateLimited()
    pool.onRateLimited()
    expect(pool.limit).toBe(1)
    let successes = 0
    while (pool.limit < 8) {
      pool.onSuccess()
      successes += 1
    }
    // Additive: one step per `limit` successes, so the climb takes many, not one.
    expect(successes).toBeGreaterThan(20)
    pool.onSuccess()
    expect(pool.limit).toBe(8)
  })

  it('admits waiting requests only when the shrunken limit allows', async () => {
    const pool = new AdaptivePool(2)
    const first = await pool.acquire()
    const second = await pool.acquire()
    pool.onRateLimited()
    let thirdIn = false
    const third = pool.acquire().then((release) => {
      thirdIn = true
      return release
    })
    first()
    await tick()
    expect(thirdIn).toBe(false) // limit is 1 and one is still in flight
    second()
    ;(await third)()
    expect(thirdIn).toBe(true)
  })

  it('rejects a waiting acquire when its signal aborts, and frees nothing it did not take', async () => {
    const pool = new AdaptivePool(1)
    const held = await pool.acquire()
    const controller = new AbortController()
    const waiting = pool.acquire(controller.signal)
    controller.abort(new Error('cancelled'))
    await expect(waiting).rejects.toThrow('cancelled')
    held()
    expect(pool.inFlight).toBe(0)
  })
})

describe('mapBounded', () => {
  it('keeps input order and bounds concurrency', async () => {
    let running = 0
    let highest = 0
    const results = await mapBounded([5, 1, 4, 2, 3], 2, async (value) => {
      running += 1
      highest = Math.max(highest, running)
      await new Promise((resolve) => setTimeout(resolve, value))
      running -= 1
      return value * 10
    })
    expect(results).toEqual([50, 10, 40, 20, 30])
    expect(highest).toBe(2)
  })

  it('starts nothing new after a failure, lets running tasks finish, then throws the first error', async () => {
    const started: number[] = []
    let finished = 0
    const run = mapBounded([1, 2, 3, 4, 5], 2, async (value) => {
      started.push(value)
      if (value === 1) throw new Error('first failed')
      await new Promise((resolve) => setTimeout(resolve, 5))
      finished += 1
      return value
    })
    await expect(run).rejects.toThrow('first failed')
    expect(started).toEqual([1, 2])
    expect(finished).toBe(1)
  })
})

describe('AdaptivePool retries', () => {
  it('grants a waiting retry before earlier first attempts', async () => {
    const pool = new AdaptivePool(1)
    const held = await pool.acquire()
    const order: string[] = []
    const first = pool.acquire().then((release) => {
      order.push('first attempt')
      release()
    })
    const retry = pool.acquire(undefined, true).then((release) => {
      order.push('retry')
      release()
    })
    held()
    await Promise.all([first, retry])
    expect(order).toEqual(['retry', 'first attempt'])
  })
})

describe('AdaptivePool releases', () => {
  it('frees a slot once however often its release is called', async () => {
    const pool = new AdaptivePool(1)
    const release = await pool.acquire()
    release()
    release()
    expect(pool.inFlight).toBe(0)
    const [first, second] = [pool.acquire(), pool.acquire()]
    await first
    await tick()
    // A second release of the old slot must not let the waiting request in.
    release()
    await tick()
    expect(pool.inFlight).toBe(1)
    let granted = false
    void second.then(() => (granted = true))
    await tick()
    expect(granted).toBe(false)
  })
})

describe('AdaptivePool edges', () => {
  it('refuses a size below 1 or not whole', () => {
    for (const size of [0, -1, 1.5, Number.NaN])
      expect(() => new AdaptivePool(size)).toThrow(
        new RangeError('pool size must be >= 1')
      )
    expect(new AdaptivePool(1).limit).toBe(1)
  })

  it('rejects an acquire whose signal already aborted, taking no slot', async () => {
    const pool = new AdaptivePool(1)
    const reason = new Error('stop')
    await expect(pool.acquire(AbortSignal.abort(reason))).rejects.toBe(reason)
    expect(pool.inFlight).toBe(0)
  })

  it('serves first attempts in the order they asked', async () => {
    const pool = new AdaptivePool(1)
    const held = await pool.acquire()
    const order: string[] = []
    const waiters = ['a', 'b'].map((name) =>
      pool.acquire().then((release) => {
        order.push(name)
        release()
      })
    )
    held()
    await Promise.all(waiters)
    expect(order).toEqual(['a', 'b'])
  })

  it('admits a waiting request as soon as a success raises the limit', async () => {
    const pool = new AdaptivePool(2)
    pool.onRateLimited()
    await pool.acquire()
    let admitted = false
    void pool.acquire().then(() => (admitted = true))
    await tick()
    expect(admitted).toBe(false)
    pool.onSuccess() // 1 → 2: no release needed
    await tick()
    expect(admitted).toBe(true)
  })
})
