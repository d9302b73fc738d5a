// Timed runs against the fake gateway that several sections share: the environment pointing the CLI
// at the fake, `assetgen plan` as the start-up baseline, and one clean build with the fake's stats.
import {
  KEY,
  expectExit,
  gatewayStats,
  median,
  resetWorkspace,
  runCli
} from './lib.mjs'

/** The environment that points the CLI at `fake` with the benchmark's key. */
export const gatewayEnv = (fake) => ({
  AI_GATEWAY_API_KEY: KEY,
  AI_GATEWAY_BASE_URL: fake.url
})

/** Median whole-process time of `assetgen plan` on a workspace with nothing built yet. */
export async function planTime(dir, runs, env) {
  const walls = []
  for (let i = 0; i < runs; i += 1) {
    resetWorkspace(dir)
    walls.push(expectExit(await runCli(dir, ['plan'], env), 0, 'plan').wallMs)
  }
  return { medianMs: median(walls), samplesMs: walls }
}

/** One clean `assetgen build` against the fake, with what the gateway saw. */
export async function timedBuild(dir, fake, args, expectedOk) {
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
