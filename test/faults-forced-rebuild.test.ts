/**
 * The fault matrix at the engine level, on a built workspace: a forced rebuild while the AI
 * Gateway fails the victim's requests (the rows: ./helpers/gateway-faults.ts). Each row checks
 * that no earlier good output is lost, that the lockfile agrees with the files on disk, the
 * outcome's status and message, how many attempts were made, and that a rerun once the fault is
 * gone asks for nothing. From an empty workspace: faults-empty-workspace.test.ts.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { byPrompt, ok, type FakeGateway } from './fakes/gateway.js'
import {
  OUTS,
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

const at = (iso: string) => () => new Date(iso)
const FIRST = '2030-01-01T00:00:00.000Z'
const SECOND = '2030-02-02T00:00:00.000Z'

async function readOutputs(root: string): Promise<Map<string, Buffer>> {
  return new Map(
    await Promise.all(
      OUTS.map(
        async (path) => [path, await readFile(join(root, path))] as const
      )
    )
  )
}

describe.each(rows)('gateway fault: $name', (row) => {
  const options = rowOptions(row)

  it('a forced rebuild keeps the good output and entry (unless it succeeded), and a rerun makes no request', async () => {
    await using ws = await workspace(spec)
    const first = await buildAgainst(ws.root, gateway, { now: at(FIRST) })
    expect(first.generated).toBe(3)
    const filesBefore = await readOutputs(ws.root)
    const lockBefore = await lockMatchesDisk(ws.root)

    gateway.reset()
    gateway.behavior = byPrompt({ [VICTIM_PROMPT]: row.fault() })
    const forced = await buildAgainst(ws.root, gateway, {
      ...options,
      force: true,
      now: at(SECOND)
    })

    // (c) status and message, (d) attempts: counted by the engine and seen by the gateway.
    const victim = outcome(forced, 'victim')
    expect(victim?.status).toBe(row.status)
    expect(victim?.attempts).toBe(row.attempts)
    expect(victimRequests()).toBe(row.attempts)
    if (row.message) expect(victim?.error).toMatch(row.message)
    else expect(victim?.error).toBeUndefined()
    // An HTML error page is summarised, never pasted into the message.
    expect(victim?.error ?? '').not.toMatch(/<html|<!doctype/i)
    // The fault is confined to its asset.
    for (const id of ['hero', 'icon']) {
      expect(outcome(forced, id)).toMatchObject({
        status: 'generated',
        attempts: 1
      })
    }

    // (b) the lockfile agrees with the disk; (a) nothing good was lost.
    const lockAfter = await lockMatchesDisk(ws.root)
    expect(Object.keys(lockAfter.assets).sort()).toEqual([
      'hero',
      'icon',
      'victim'
    ])
    for (const id of ['hero', 'icon'])
      expect(lockAfter.assets[id]?.generatedAt).toBe(SECOND)
    const victimFile = await readFile(join(ws.root, 'out/victim.png'))
    if (row.status === 'failed') {
      expect(victimFile).toEqual(filesBefore.get('out/victim.png'))
      expect(lockAfter.assets.victim).toEqual(lockBefore.assets.victim)
      expect(forced.failed).toBe(1)
      expect(forced.changedFiles).not.toContain('out/victim.png')
    } else {
      expect(victimFile).not.toEqual(filesBefore.get('out/victim.png'))
      expect(lockAfter.assets.victim?.generatedAt).toBe(SECOND)
      expect(lockAfter.assets.victim?.sha256).toBe(victim?.sha256)
      expect(forced.changedFiles).toContain('out/victim.png')
      await row.checkFile?.(victimFile)
    }

    // (e) fault cleared, no force: the failed asset still has its old good entry, so nothing to do.
    gateway.reset()
    gateway.behavior = ok()
    const rerun = await buildAgainst(ws.root, gateway, options)
    expect(gateway.requestCount()).toBe(0)
    expect(rerun.skipped).toBe(3)
    expect(rerun.changedFiles).toEqual([])
    await lockMatchesDisk(ws.root)
  })
})
