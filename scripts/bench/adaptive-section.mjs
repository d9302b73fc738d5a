// Section 5: adaptive concurrency against a rate-limited fake gateway.
import { gatewayEnv, planTime } from './gateway-builds.mjs'
import {
  expectExit,
  gatewayStats,
  manyAssets,
  max,
  median,
  ms,
  note,
  printTable,
  ratio,
  resetWorkspace,
  runCli,
  tempDir,
  writeSpec
} from './lib.mjs'

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
