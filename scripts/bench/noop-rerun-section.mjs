// Section 2: the no-op rerun, an up-to-date spec built and checked again (needs no gateway).
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  PALETTE,
  expectExit,
  manyAssets,
  mb,
  median,
  ms,
  note,
  printTable,
  runCli,
  tempDir,
  writeSpec
} from './lib.mjs'

/** Section 2: an up-to-date spec of N assets with 2 references each: build and check again. */
export async function noopRerun({ runs, N }) {
  const { default: sharp } = await import('sharp')
  const dir = tempDir('noop')
  mkdirSync(join(dir, 'refs'))
  const noise = (seed) => {
    const raw = Buffer.alloc(64 * 64 * 3)
    let x = seed * 2654435761
    for (let i = 0; i < raw.length; i += 1) {
      x = (x * 1103515245 + 12345) >>> 0
      raw[i] = x >>> 24
    }
    return sharp(raw, { raw: { width: 64, height: 64, channels: 3 } })
      .png()
      .toBuffer()
  }
  const spec = manyAssets(N, '256x256', { palette: PALETTE })
  for (const [i, asset] of spec.assets.entries()) {
    const refs = [`refs/${asset.id}-a.png`, `refs/${asset.id}-b.png`]
    writeFileSync(join(dir, refs[0]), await noise(2 * i + 1))
    writeFileSync(join(dir, refs[1]), await noise(2 * i + 2))
    asset.references = refs
  }
  writeSpec(dir, spec)
  const first = expectExit(
    await runCli(dir, ['build', '--placeholder', '--concurrency', '8']),
    0,
    'first placeholder build'
  )
  const upToDate = new RegExp(
    `0 generated, 0 reprocessed, ${N} skipped, 0 failed`
  )
  const rebuild = async () => {
    const run = expectExit(
      await runCli(dir, ['build', '--placeholder']),
      0,
      'no-op build'
    )
    if (!upToDate.test(run.stdout))
      throw new Error(`not a no-op:\n${run.stdout.slice(-300)}`)
    return run
  }
  await rebuild() // warm-up
  const builds = []
  for (let i = 0; i < runs; i += 1) builds.push(await rebuild())
  const checks = []
  for (let i = 0; i < runs; i += 1)
    checks.push(
      expectExit(await runCli(dir, ['check', '--placeholder']), 0, 'check')
    )
  const build = median(builds.map((r) => r.wallMs))
  const check = median(checks.map((r) => r.wallMs))
  printTable(
    `2. No-op rerun: ${N} up-to-date assets, 2 PNG references each (median of ${runs} runs after 1 warm-up)`,
    ['command (whole process)', 'time', 'peak RSS'],
    [
      [
        'first `build --placeholder --concurrency 8` (makes it up to date; 1 run)',
        ms(first.wallMs),
        mb(first.maxRssKiB)
      ],
      [
        '`build --placeholder` again (no-op)',
        ms(build),
        mb(median(builds.map((r) => r.maxRssKiB)))
      ],
      [
        '`check --placeholder`',
        ms(check),
        mb(median(checks.map((r) => r.maxRssKiB)))
      ]
    ]
  )
  note(`no-op build per run: ${builds.map((r) => ms(r.wallMs)).join(', ')}`)
  return {
    results: {
      N,
      runs,
      firstBuildMs: first.wallMs,
      buildMs: builds.map((r) => r.wallMs),
      checkMs: checks.map((r) => r.wallMs),
      medianBuildMs: build,
      medianCheckMs: check
    },
    summary: [
      {
        metric: `no-op rerun: build --placeholder, ${N} assets x 2 refs`,
        measured: ms(build),
        target: '<= 800 ms',
        pass: build <= 800
      },
      {
        metric: 'no-op rerun: check --placeholder',
        measured: ms(check),
        target: ''
      }
    ]
  }
}
