// Section 1: throughput through the fake gateway, with the naive sequential baseline.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gatewayEnv, planTime, timedBuild } from './gateway-builds.mjs'
import {
  NAIVE,
  baseEnv,
  expectExit,
  manyAssets,
  max,
  mb,
  median,
  ms,
  note,
  printTable,
  ratio,
  runNode,
  tempDir,
  times,
  writeSpec
} from './lib.mjs'

/** Section 1: N assets at concurrency C against fixed latency L, and the naive sequential loop. */
export async function throughput(fake, { runs, baselineRuns, N, C, L }) {
  const dir = tempDir('throughput')
  writeSpec(dir, manyAssets(N, '256x256'))
  const args = ['--concurrency', String(C)]
  await timedBuild(dir, fake, args, N) // warm-up: disk cache, the fake's render cache
  const samples = []
  for (let i = 0; i < runs; i += 1)
    samples.push(await timedBuild(dir, fake, args, N))
  const plan = await planTime(dir, runs, gatewayEnv(fake))

  const jobs = manyAssets(N, '256x256').assets.map((asset, i) => ({
    id: asset.id,
    prompt: asset.prompt,
    size: '256x256',
    seed: i + 1
  }))
  const jobsFile = join(dir, 'jobs.json')
  writeFileSync(jobsFile, JSON.stringify(jobs))
  const baseline = []
  for (let i = 0; i < baselineRuns; i += 1) {
    await fake.reset()
    const run = expectExit(
      await runNode([NAIVE, jobsFile, join(dir, 'naive')], {
        cwd: dir,
        env: baseEnv(gatewayEnv(fake))
      }),
      0,
      'naive sequential loop'
    )
    baseline.push({ wallMs: run.wallMs, maxRssKiB: run.maxRssKiB })
  }

  const ideal = Math.ceil(N / C) * L
  const wall = median(samples.map((s) => s.wallMs))
  const generation = wall - plan.medianMs
  const window = median(samples.map((s) => s.gateway.windowMs))
  const rss = median(samples.map((s) => s.maxRssKiB))
  const naive = median(baseline.map((s) => s.wallMs))
  printTable(
    `1. Throughput: N=${N} assets, concurrency ${C}, latency ${L} ms, 256x256 (median of ${runs} runs after 1 warm-up; baseline ${baselineRuns} runs)`,
    ['measure', 'time', 'ratio to ideal', 'overhead / image'],
    [
      ['ideal ceil(N/C)*L', ms(ideal), '1.000', ''],
      [
        'whole process: assetgen build',
        ms(wall),
        ratio(wall / ideal),
        ms((wall - ideal) / N)
      ],
      [
        '`assetgen plan` on the same spec (start-up, spec load, plan, exit)',
        ms(plan.medianMs),
        '',
        ''
      ],
      [
        'generation phase = build - plan',
        ms(generation),
        ratio(generation / ideal),
        ms((generation - ideal) / N)
      ],
      [
        'gateway window (first request in -> last answer out, fake clock)',
        ms(window),
        ratio(window / ideal),
        ms((window - ideal) / N)
      ],
      [
        'naive sequential generateImage loop (whole process)',
        ms(naive),
        ratio(naive / ideal),
        ''
      ],
      [
        'speed-up of assetgen over the naive loop (whole process)',
        times(naive / wall),
        '',
        ''
      ]
    ]
  )
  note(
    `peak RSS: assetgen build ${mb(rss)}, naive loop ${mb(median(baseline.map((s) => s.maxRssKiB)))}; ` +
      `peak requests in flight at the gateway: ${max(samples.map((s) => s.gateway.peakInFlight))}`
  )
  return {
    results: {
      N,
      C,
      L,
      runs,
      baselineRuns,
      idealMs: ideal,
      samples,
      plan,
      baseline,
      wallMs: wall,
      generationMs: generation,
      gatewayWindowMs: window,
      maxRssKiB: rss,
      naiveMs: naive
    },
    summary: [
      {
        metric: 'throughput: generation phase (build - plan) / ideal',
        measured: ratio(generation / ideal),
        target: '<= 1.05',
        pass: generation / ideal <= 1.05
      },
      {
        metric: 'throughput: whole process / ideal (strict: includes start-up)',
        measured: ratio(wall / ideal),
        target: '<= 1.05',
        pass: wall / ideal <= 1.05
      },
      {
        metric: 'throughput: speed-up over naive sequential loop',
        measured: times(naive / wall),
        target: ''
      }
    ]
  }
}
