/**
 * The fault matrix at the engine level, from an empty workspace: each fault that fails its asset
 * (the rows: ./helpers/gateway-faults.ts) fails only that one, leaves no entry or file for it,
 * and a rerun once the fault is gone makes exactly one request. On a built workspace:
 * faults-forced-rebuild.test.ts.
 */
import { describe, expect, it } from 'vitest'
import { byPrompt, ok, type FakeGateway } from './fakes/gateway.js'
import {
  VICTIM_PROMPT,
  lockMatchesDisk,
  outcome,
  rowOptions,
  rows,
  spec,
  victimRequestCount
} from './helpers/gateway-faults.js'
import { fakeGatewayPerFile } from './helpers/shared-gateway.js'
import { buildAgainst, workspace } from './helpers/workspace.js'

let gateway: FakeGateway
fakeGatewayPerFile((started) => {
  gateway = started
})

const victimRequests = (): number => victimRequestCount(gateway)

describe.each(rows.filter((row) => row.status === 'failed'))(
  'gateway fault: $name',
  (row) => {
    const options = rowOptions(row)

    it('from an empty workspace, fails only its asset, and a rerun makes exactly one request', async () => {
      await using ws = await workspace(spec)
      gateway.behavior = byPrompt({ [VICTIM_PROMPT]: row.fault() })
      const result = await buildAgainst(ws.root, gateway, options)
      expect(result.generated).toBe(2)
      expect(result.failed).toBe(1)
      const victim = outcome(result, 'victim')
      expect(victim).toMatchObject({
        status: 'failed',
        attempts: row.attempts,
        files: []
      })
      expect(victim?.error).toMatch(row.message ?? /./)
      expect(victimRequests()).toBe(row.attempts)
      // No entry and no file for the failed asset; the others are complete.
      const lockfile = await lockMatchesDisk(ws.root)
      expect(Object.keys(lockfile.assets).sort()).toEqual(['hero', 'icon'])

      gateway.reset()
      gateway.behavior = ok()
      const rerun = await buildAgainst(ws.root, gateway, options)
      expect(gateway.requestCount()).toBe(1)
      expect(victimRequests()).toBe(1)
      expect(outcome(rerun, 'victim')?.status).toBe('generated')
      expect(rerun.skipped).toBe(2)
      const complete = await lockMatchesDisk(ws.root)
      expect(Object.keys(complete.assets).sort()).toEqual([
        'hero',
        'icon',
        'victim'
      ])
    })
  }
)
