/**
 * A dry run reads the image store too: what the store holds is planned as a restore and left out
 * of the estimate, so the estimate is what the real run would pay.
 */
import { describe, expect, it } from 'vitest'
import { runAgainstFakes as run } from '../helpers/action-fakes.js'
import { baseSpec, prSpec, startFakes } from '../helpers/store-e2e.js'
import { workspace } from '../helpers/workspace.js'

describe('the image store, end to end', () => {
  it('a dry run plans what the store holds as from store and estimates only the rest', async () => {
    const fakes = await startFakes()
    const { github, gateway } = fakes
    try {
      github.seedRepo({ 'assetgen.yml': baseSpec })
      // hero goes into the store; nothing lands on main.
      await using stored = await workspace(baseSpec)
      const first = await run(fakes, stored.root, { inputs: { mode: 'store' } })
      expect(first.code, first.stdout).toBe(0)
      expect(gateway.requestCount()).toBe(1)

      // A fresh checkout with hero (stored) and icon (new): only icon is to pay for.
      gateway.reset()
      await using fresh = await workspace(
        prSpec.replace('A trail at dusk', 'A trail at dawn')
      )
      const dry = await run(fakes, fresh.root, {
        inputs: { mode: 'commit', 'dry-run': 'true' }
      })
      expect(dry.code, dry.stdout).toBe(0)
      expect(gateway.requestCount()).toBe(0)
      expect(dry.summary).toMatch(
        /Plan: 1 to generate, 0 to reprocess, 1 from store, 0 kept \(2 assets\)/
      )
      expect(dry.summary).toContain('📦 from store')
      expect(dry.outputs['estimated-cost']).toBe('0.0300')
    } finally {
      await fakes.close()
    }
  })
})
