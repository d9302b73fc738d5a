/** The shard split around assets that need no work: only the work is split between shards. */
import { describe, expect, it } from 'vitest'
import { planSpec } from '../../src/plan/plan.js'
import { makeSpec } from '../helpers/asset.js'
import { asset, generated, lock } from '../helpers/plan-lock.js'
import { tempDir } from '../helpers/temp-dir.js'

describe('shards and assets that need no work', () => {
  it('splits only the work: kept assets stay as they are in every shard', async () => {
    await using dir = await tempDir()
    const done = asset('done', 0)
    const entries = { done: await generated(dir.path, done) }
    const spec = makeSpec(dir.path, [
      done,
      asset('a', 1),
      asset('b', 2),
      asset('c', 3)
    ])
    const plans = await Promise.all(
      [1, 2].map((index) =>
        planSpec(spec, lock(entries), { shard: { index, count: 2 } })
      )
    )
    const view = plans.map((plan) =>
      plan.items.map((item) => `${item.asset.id}:${item.action}`)
    )
    expect(view).toEqual([
      ['done:keep', 'a:generate', 'b:keep', 'c:generate'],
      ['done:keep', 'a:keep', 'b:generate', 'c:keep']
    ])
    for (const plan of plans)
      expect(plan.items[0]).toMatchObject({ status: 'up-to-date' })
    expect(plans[1]?.items[1]).toMatchObject({
      status: 'not-selected',
      reason: 'new, built by shard 1/2'
    })
    expect(plans[1]?.items[3]?.reason).toBe('new, built by shard 1/2')
    expect(plans[0]?.items[2]?.reason).toBe('new, built by shard 2/2')
  })
})
