/**
 * The fault matrix of the engine-level fault tests: every way the AI Gateway can fail one
 * request, as rows, with the three-asset spec whose `victim` the faults hit, and the checks the
 * tests share.
 */
import type { BuildResult } from '../../src/engine.js'
import type { Lockfile } from '../../src/plan/lockfile.js'
import {
  ONE_PIXEL_GIF,
  emptyImages,
  error,
  hang,
  html,
  malformed,
  ok,
  rateLimited,
  resetMidBody,
  sequence,
  type Behavior,
  type FakeGateway
} from '../fakes/gateway.js'
import { expectLockMatchesDisk } from './lock-on-disk.js'

/** Retries each build allows. */
export const MAX_RETRIES = 2
/** The prompt of the asset the faults hit. */
export const VICTIM_PROMPT = 'The faulty one'

/** Three small assets; `victim` is the one the faults hit. */
export const spec = `version: 1
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
/** The files the spec's build writes. */
export const OUTS = ['out/hero.png', 'out/icon.png', 'out/victim.png']

/** One fault the gateway can answer the victim's requests with. */
export interface FaultRow {
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

/** Every fault, with the outcome it must lead to. */
export const rows: FaultRow[] = [
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
    // Only raster formats a spec can ask for are taken from a model.
    name: 'GIF bytes for a PNG asset',
    fault: () => ok({ image: ONE_PIXEL_GIF }),
    status: 'failed',
    message:
      /the model returned image\/gif, not a PNG, JPEG, WebP or AVIF image: refused/,
    attempts: 1
  },
  {
    name: 'SVG bytes for a PNG asset',
    fault: () =>
      ok({
        image: Buffer.from(
          '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><script>alert(1)</script></svg>'
        )
      }),
    status: 'failed',
    message: /the model returned SVG or other markup, not a PNG/,
    attempts: 1
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

/** The build options of a row: the retries, and its own timeout if it has one. */
export function rowOptions(row: FaultRow) {
  return {
    maxRetries: MAX_RETRIES,
    ...(row.timeoutMs ? { timeoutMs: row.timeoutMs } : {})
  }
}

/** The outcome of asset `id` in a build's result. */
export const outcome = (result: BuildResult, id: string) =>
  result.outcomes.find((item) => item.id === id)

/** How many of the gateway's recorded requests were for the victim. */
export function victimRequestCount(gateway: FakeGateway): number {
  return gateway.requests.filter((request) =>
    request.body.prompt?.startsWith(VICTIM_PROMPT)
  ).length
}

/**
 * The lockfile agrees with the disk: every entry's file exists with its sha256 and size, and the
 * output directory holds exactly the entries' files (no strays, no temp files).
 */
export function lockMatchesDisk(root: string): Promise<Lockfile> {
  return expectLockMatchesDisk(root, 'out', { bytes: true })
}
