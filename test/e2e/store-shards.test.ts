/**
 * The image store end to end, sharded: three `mode: store` runs of `dist/index.js` in parallel
 * against one fake GitHub and gateway, then one fan-in commit run that pays nothing.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readLockfile } from '../../src/plan/lockfile.js'
import { runAgainstFakes as run } from '../helpers/action-fakes.js'
import { STORE, entryOf, startFakes } from '../helpers/store-e2e.js'
import { workspace } from '../helpers/workspace.js'

describe('the image store, end to end', () => {
  it('4: three `mode: store` shards in parallel, then one commit run: 0 calls in the fan-in, exactly one new commit on main with every output', async () => {
    const fakes = await startFakes()
    const ids = ['s0', 's1', 's2']
    const spec = `version: 1
palettes:
  brand: ["#0B5FFF", "#FFB000"]
defaults: { palette: brand, outDir: img }
assets:
${ids.map((id) => `  - id: ${id}\n    prompt: Shard asset ${id}\n    size: 64x64\n`).join('')}`
    const { github, gateway } = fakes
    try {
      const seeded = github.seedRepo({ 'assetgen.yml': spec })
      await using ws1 = await workspace(spec)
      await using ws2 = await workspace(spec)
      await using ws3 = await workspace(spec)
      const shards = await Promise.all(
        [ws1, ws2, ws3].map((ws, index) =>
          run(fakes, ws.root, {
            inputs: { mode: 'store', shard: `${index + 1}/3` }
          })
        )
      )
      for (const shard of shards) expect(shard.code, shard.stdout).toBe(0)
      expect(gateway.requestCount()).toBe(3)
      expect(github.headSha('main')).toBe(seeded) // shards commit nothing to main
      expect(
        github
          .requestsOf('PATCH')
          .every((request) => request.body.force !== true)
      ).toBe(true)
      // Every shard's images landed in the store: no lost entry.
      const stored = github.filesAt(STORE)
      for (const id of ids) {
        expect(
          stored.some((path) => path.endsWith(`/${id}.png`)),
          id
        ).toBe(true)
      }

      gateway.reset()
      await using fanIn = await workspace(spec)
      const result = await run(fakes, fanIn.root, {
        inputs: { mode: 'commit' }
      })
      expect(result.code, result.stdout).toBe(0)
      expect(gateway.requestCount()).toBe(0)
      const head = github.headSha('main')
      expect(github.commitOf(head).parents).toEqual([seeded])
      for (const id of ids) {
        const onMain = github.readFileAt('main', `img/${id}.png`)
        expect(onMain, id).toBeDefined()
        expect(onMain).toEqual(
          github.readFileAt(STORE, (await entryOf(fanIn.root, id)).image)
        )
      }
      const lock = await readLockfile(join(fanIn.root, 'assetgen.lock.json'))
      expect(Object.keys(lock.assets).sort()).toEqual(ids)
    } finally {
      await fakes.close()
    }
  })
})
