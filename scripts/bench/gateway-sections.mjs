// Sections that generate through the fake gateway: throughput (with the naive baseline), peak RSS
// at 4 MP, adaptive concurrency under a rate limit, and sharding.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  KEY,
  NAIVE,
  baseEnv,
  expectExit,
  gatewayStats,
  manyAssets,
  max,
  mb,
  median,
  ms,
  note,
  printTable,
  ratio,
  resetWorkspace,
  runCli,
  runNode,
  tempDir,
  times,
  writeSpec
} from './lib.mjs'

const gatewayEnv = (fake) => ({
  AI_GATEWAY_API_KEY: KEY,
  AI_GATEWAY_BASE_URL: fake.url
})

/** Median whole-process time of `assetgen plan` on a workspace with nothing built yet. */
async function planTime(dir, runs, env) {
  const walls = []
  for (let i = 0; i < runs; i += 1) {
    resetWorkspace(dir)
    walls.push(expectExit(await runCli(dir, ['plan'], env), 0, 'plan').wallMs)
  }
  return { medianMs: median(walls), samplesMs: walls }
}

/** One clean `assetgen build` against the fake, with what the gateway saw. */
async function timedBuild(dir, fake, args, expectedOk) {
  resetWorkspace(dir)
  await fake.reset()
  const run = expectExit(
    await runCli(dir, ['build', ...args], gatewayEnv(fake)),
    0,
    `build ${args.join(' ')}`
  )
  const gateway = gatewayStats(await fake.records())
  if (gateway.ok !== expectedOk)
    throw new Error(
      `expected ${expectedOk} images, gateway answered ${gateway.ok}`
    )
  return { wallMs: run.wallMs, maxRssKiB: run.maxRssKiB, gateway }
}

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

/** Section 4: peak RSS while generating N images of 2048x2048 at concurrency C. */
export async function peakRss4mp(fake, { runs, N, C, L }) {
  const dir = tempDir('rss-4mp')
  writeSpec(dir, manyAssets(N, '2048x2048'))
  const samples = []
  for (let i = 0; i < runs; i += 1)
    samples.push(await timedBuild(dir, fake, ['--concurrency', String(C)], N))
  const rss = median(samples.map((s) => s.maxRssKiB))
  const worst = max(samples.map((s) => s.maxRssKiB))
  const wall = median(samples.map((s) => s.wallMs))
  printTable(
    `4. Peak RSS: N=${N} images of 2048x2048 (4 MP), concurrency ${C}, latency ${L} ms (${runs} runs)`,
    ['measure', 'value'],
    [
      ['peak RSS, median', mb(rss)],
      ['peak RSS, worst run', mb(worst)],
      ['peak RSS per run', samples.map((s) => mb(s.maxRssKiB)).join(', ')],
      ['wall time, median (whole process)', ms(wall)],
      ['ideal ceil(N/C)*L', ms(Math.ceil(N / C) * L)]
    ]
  )
  note(
    'MB = 10^6 bytes; RSS is getrusage ru_maxrss of the CLI process (sharp threads included).'
  )
  return {
    results: {
      N,
      C,
      L,
      runs,
      samples,
      maxRssKiB: rss,
      worstRssKiB: worst,
      wallMs: wall
    },
    summary: [
      {
        metric: 'peak RSS, 48 x 4 MP at concurrency 8 (worst run)',
        measured: mb(worst),
        target: '<= 300 MB',
        pass: (worst * 1024) / 1e6 <= 300
      }
    ]
  }
}

/** One `build --json` under the rate limit: wall, failures and the gateway's 429s. */
async function rateLimitedBuild(dir, fake, concurrency) {
  resetWorkspace(dir)
  await fake.reset()
  const run = await runCli(
    dir,
    ['build', '--json', '--concurrency', String(concurrency)],
    gatewayEnv(fake)
  )
  if (run.code !== 0 && run.code !== 1) expectExit(run, 0, 'rate-limited build')
  const manifest = JSON.parse(run.stdout)
  const gateway = gatewayStats(await fake.records())
  return {
    wallMs: run.wallMs,
    maxRssKiB: run.maxRssKiB,
    failed: manifest.totals.failed,
    generated: manifest.totals.generated,
    attempts: manifest.assets.reduce((sum, asset) => sum + asset.attempts, 0),
    errors: manifest.assets
      .filter((asset) => asset.error)
      .map((asset) => `${asset.id}: ${asset.error}`)
      .slice(0, 3),
    gateway
  }
}

/** Section 5: N assets at concurrency C against a gateway limited to R requests per second. */
export async function adaptive(fake, { runs, N, C, R, L, burst }) {
  const dir = tempDir('adaptive')
  writeSpec(dir, manyAssets(N, '256x256'))
  const plan = await planTime(dir, runs, gatewayEnv(fake))
  const samples = []
  for (let i = 0; i < runs; i += 1)
    samples.push(await rateLimitedBuild(dir, fake, C))
  const handTuned = await rateLimitedBuild(
    dir,
    fake,
    Math.max(1, Math.round((R * L) / 1000))
  )
  const ideal = (N / R) * 1000
  const wall = median(samples.map((s) => s.wallMs))
  const generation = wall - plan.medianMs
  const failed = max(samples.map((s) => s.failed))
  const row = (label, s) => [
    label,
    ms(s.wallMs),
    ratio(s.wallMs / ideal),
    String(s.failed),
    String(s.gateway.rateLimited),
    String(s.attempts),
    String(s.gateway.peakInFlight)
  ]
  printTable(
    `5. Adaptive concurrency: N=${N}, concurrency ${C}, fake limit ${R}/s (burst ${burst}), latency ${L} ms (${runs} runs + 1 hand-tuned)`,
    [
      'run',
      'wall (whole)',
      'wall / (N/R)',
      'failed',
      '429s',
      'attempts',
      'peak in flight'
    ],
    [
      ...samples.map((s, i) => row(`concurrency ${C}, run ${i + 1}`, s)),
      row(
        `hand-tuned concurrency ${Math.round((R * L) / 1000)} (= R*L)`,
        handTuned
      )
    ]
  )
  note(
    `ideal N/R = ${ms(ideal)}; median whole process ${ms(wall)} (ratio ${ratio(wall / ideal)}); ` +
      `plan ${ms(plan.medianMs)}, so generation phase ${ms(generation)} (ratio ${ratio(generation / ideal)})\n` +
      `The fake's bucket starts full (${burst} tokens), so the real floor is about (N - burst)/R + L = ` +
      `${ms(((N - burst) / R) * 1000 + L)}: ratios to N/R below 1 come from that burst.`
  )
  for (const s of samples) for (const error of s.errors) note(`error: ${error}`)
  return {
    results: {
      N,
      C,
      R,
      L,
      burst,
      runs,
      idealMs: ideal,
      plan,
      samples,
      handTuned,
      wallMs: wall,
      generationMs: generation
    },
    summary: [
      {
        metric: `adaptive: generation phase / (N/R), concurrency ${C} at ${R}/s`,
        measured: ratio(generation / ideal),
        target: '<= 1.2',
        pass: generation / ideal <= 1.2
      },
      {
        metric: 'adaptive: whole process / (N/R) (strict: includes start-up)',
        measured: ratio(wall / ideal),
        target: '<= 1.2',
        pass: wall / ideal <= 1.2
      },
      {
        metric: 'adaptive: failed assets (worst run)',
        measured: String(failed),
        target: '0',
        pass: failed === 0
      },
      {
        metric: 'adaptive: 429s answered by the fake (median)',
        measured: String(median(samples.map((s) => s.gateway.rateLimited))),
        target: ''
      }
    ]
  }
}

/** Section 7: the same N split with --shard i/n, shards in parallel against one fake. */
export async function sharding(fake, { runs, N, C, L, counts }) {
  const rows = []
  const results = []
  for (const n of counts) {
    const dirs = Array.from({ length: n }, (_, i) => {
      const dir = tempDir(`shard-${i + 1}-of-${n}`)
      writeSpec(dir, manyAssets(N, '256x256'))
      return dir
    })
    const samples = []
    for (let r = 0; r < runs; r += 1) {
      for (const dir of dirs) resetWorkspace(dir)
      await fake.reset()
      const shardRuns = await Promise.all(
        dirs.map((dir, i) =>
          runCli(
            dir,
            ['build', '--concurrency', String(C), '--shard', `${i + 1}/${n}`],
            gatewayEnv(fake)
          )
        )
      )
      shardRuns.forEach((run, i) => expectExit(run, 0, `shard ${i + 1}/${n}`))
      const gateway = gatewayStats(await fake.records())
      if (gateway.ok !== N)
        throw new Error(`shards answered ${gateway.ok} of ${N}`)
      samples.push({
        slowestMs: max(shardRuns.map((run) => run.wallMs)),
        shardsMs: shardRuns.map((run) => run.wallMs)
      })
    }
    const slowest = median(samples.map((s) => s.slowestMs))
    results.push({ n, samples, slowestMs: slowest })
    const per = Math.ceil(N / n)
    rows.push([`${n}`, String(per), ms(Math.ceil(per / C) * L), ms(slowest)])
  }
  const one = results[0].slowestMs
  rows.forEach((row, i) => row.push(times(one / results[i].slowestMs)))
  printTable(
    `7. Sharding: N=${N}, latency ${L} ms, each shard at concurrency ${C}, shards in parallel (median of ${runs} runs)`,
    [
      'shards',
      'assets/shard',
      'ideal gen. time',
      'slowest shard (whole process)',
      'speed-up vs 1'
    ],
    rows
  )
  note(
    'All shard processes run on this one 2-core machine and share its CPU (start-up and image\n' +
      'processing compete); a CI matrix gives each shard its own runner, so real speed-ups are higher.'
  )
  return {
    results: { N, C, L, runs, shards: results },
    summary: results.slice(1).map((r) => ({
      metric: `sharding: speed-up with ${r.n} parallel shards`,
      measured: times(one / r.slowestMs),
      target: ''
    }))
  }
}
