// Section 7: sharding, shards in parallel against one fake gateway.
import { gatewayEnv } from './gateway-builds.mjs'
import {
  expectExit,
  gatewayStats,
  manyAssets,
  max,
  median,
  ms,
  note,
  printTable,
  resetWorkspace,
  runCli,
  tempDir,
  times,
  writeSpec
} from './lib.mjs'

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
