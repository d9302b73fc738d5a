/**
 * The fault matrix at the engine level: every way the AI Gateway can fail one request, against
 * the in-process fake. Each row checks that no earlier good output is lost, that the lockfile
 * agrees with the files on disk, the outcome's status and message, how many attempts were made,
 * and that a rerun once the fault is gone asks only for what is missing.
 */
import { createHash } from 'node:crypto'
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { BuildResult } from '../src/engine.js'
import { readLockfile, type Lockfile } from '../src/plan/lockfile.js'
import {
  ONE_PIXEL_GIF,
  byPrompt,
  emptyImages,
  error,
  hang,
  html,
  malformed,
  ok,
  rateLimited,
  resetMidBody,
  sequence,
  startFakeGateway,
  type Behavior,
  type FakeGateway
} from './fakes/gateway.js'
import { buildAgainst, workspace } from './helpers/workspace.js'

const MAX_RETRIES = 2
const VICTIM_PROMPT = 'The faulty one'

// Three small assets; `victim` is the one the faults hit.
const spec = `version: 1
palettes:
  brand: ["#0B5FFF", "#FFB000"]
defaults: { palette: brand, outDir: out }
assets:
  - id: hero
    prompt: A mountain trail at dawn
    size: 128x64
  - id: victim
    prompt: ${VICTIM_PROMPT}
    size: 64x64
  - id: icon
    prompt: An app icon
    size: 64x64
`
const OUTS = ['out/hero.png', 'out/icon.png', 'out/victim.png']

/** One fault the gateway can answer the victim's requests with. */
interface FaultRow {
  name: string
  /** A fresh behaviour for the victim's requests (others get `ok()`). */
  fault: () => Behavior
  status: 'generated' | 'failed'
  /** A fragment the outcome's error must contain (failed rows). */
  message?: RegExp
  /** Requests the outcome counts. */
  attempts: number
  /** Per-image timeout for the whole build; default 20 s. */
  timeoutMs?: number
  /** Extra checks on the victim's new file (generated rows). */
  checkFile?: (bytes: Buffer) => Promise<void>
}

const RETRIED = MAX_RETRIES + 1
const after = `after ${RETRIED} attempts`

const rows: FaultRow[] = [
  {
    name: '429 once, then ok',
    // Other colours, so a success is visible in the bytes.
    fault: () => sequence(rateLimited(0), ok({ colors: ['#00FF00'] })),
    status: 'generated',
    attempts: 2
  },
  {
    name: '429 persistently',
    fault: () => rateLimited(0),
    status: 'failed',
    message: new RegExp(`rate limited by the AI Gateway.*${after}`),
    attempts: RETRIED
  },
  {
    name: '500 persistently',
    fault: () => error(500, 'internal_server_error', 'upstream exploded'),
    status: 'failed',
    message: new RegExp(`AI Gateway error 500: .*upstream exploded.*${after}`),
    attempts: RETRIED
  },
  {
    name: '502 with an HTML body',
    fault: () => html(502),
    status: 'failed',
    message: new RegExp(`AI Gateway error 502: .*${after}`),
    attempts: RETRIED
  },
  {
    name: 'a request that hangs',
    fault: () => hang(),
    status: 'failed',
    message: new RegExp(
      `timed out: no image for "victim" within 1 s \\(the timeout input\\)`
    ),
    attempts: 1,
    timeoutMs: 1000
  },
  {
    name: 'a connection reset mid-body',
    fault: () => resetMidBody(),
    status: 'failed',
    message: new RegExp(
      `connection to the AI Gateway broke while reading the response for "victim".*${after}`
    ),
    attempts: RETRIED
  },
  {
    name: 'malformed JSON with status 200',
    fault: () => malformed(),
    status: 'failed',
    message: /malformed response for "victim"/,
    attempts: 1
  },
  {
    name: 'an empty images array (retryable)',
    fault: () => emptyImages(),
    status: 'failed',
    message: new RegExp(`returned no image for "victim".*${after}`),
    attempts: RETRIED
  },
  {
    name: 'an empty images array (isRetryable: false)',
    fault: () => emptyImages(false),
    status: 'failed',
    message: /returned no image for "victim"/,
    attempts: 1
  },
  {
    name: 'GIF bytes for a PNG asset',
    fault: () => ok({ image: ONE_PIXEL_GIF }),
    status: 'generated',
    attempts: 1,
    checkFile: async (bytes) => {
      // Converted: a real PNG (signature and decoder agree), not the GIF renamed.
      expect(bytes.subarray(0, 8)).toEqual(
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
      )
      expect((await sharp(bytes).metadata()).format).toBe('png')
    }
  },
  // A 401/403 stops the whole run instead: test/generate/authentication.test.ts.
  {
    name: '400 invalid request',
    fault: () => error(400, 'invalid_request_error', 'size not supported'),
    status: 'failed',
    message: /refused the request for "victim": size not supported/,
    attempts: 1
  }
]

let gateway: FakeGateway
beforeAll(async () => {
  gateway = await startFakeGateway({ apiKeys: 'test-key' })
})
afterAll(() => gateway.close())
beforeEach(() => {
  gateway.reset()
  gateway.behavior = ok()
})

const sha256 = (bytes: Buffer): string =>
  createHash('sha256').update(bytes).digest('hex')

const at = (iso: string) => () => new Date(iso)
const FIRST = '2030-01-01T00:00:00.000Z'
const SECOND = '2030-02-02T00:00:00.000Z'

const outcome = (result: BuildResult, id: string) =>
  result.outcomes.find((item) => item.id === id)

const victimRequests = (): number =>
  gateway.requests.filter((request) =>
    request.body.prompt?.startsWith(VICTIM_PROMPT)
  ).length

/**
 * The lockfile agrees with the disk: every entry's file exists with its sha256 and size, and the
 * output directory holds exactly the entries' files (no strays, no temp files).
 */
async function lockMatchesDisk(root: string): Promise<Lockfile> {
  const lockfile = await readLockfile(join(root, 'assetgen.lock.json'))
  for (const [id, entry] of Object.entries(lockfile.assets)) {
    const bytes = await readFile(join(root, entry.out))
    expect(sha256(bytes), `${id}: lock sha256 vs file`).toBe(entry.sha256)
    expect(bytes.length, `${id}: lock bytes vs file`).toBe(entry.bytes)
  }
  const files = (await readdir(join(root, 'out'))).map((name) => `out/${name}`)
  expect(files.sort()).toEqual(
    Object.values(lockfile.assets)
      .map((entry) => entry.out)
      .sort()
  )
  return lockfile
}

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
  const options = {
    maxRetries: MAX_RETRIES,
    ...(row.timeoutMs ? { timeoutMs: row.timeoutMs } : {})
  }

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

  if (row.status === 'failed') {
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
})
