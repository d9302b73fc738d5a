/**
 * Sharding: three copies of the action, each in its own checkout of the same commit, build their
 * share of the spec in parallel and commit to the same branch. Every asset is generated once, and
 * the branch ends up with every file and one lockfile that covers them all, no commit lost.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { main } from '../../src/cli.js'
import { parseLockfile } from '../../src/plan/lockfile.js'
import {
  ok,
  startFakeGateway,
  type Behavior,
  type FakeGateway
} from '../fakes/gateway.js'
import { FakeGitHub } from '../fakes/github.js'
import { runAction, type ActionRun } from '../helpers/runner.js'
import { buildAgainst, workspace } from '../helpers/workspace.js'

const KEY = 'agw_shards_key_24680'
const TOKEN = 'ghs_shards_token_13579'
const IDS = Array.from({ length: 7 }, (_, index) => `s${index}`)
const spec = `version: 1
palettes:
  brand: ["#0B5FFF", "#FFB000"]
defaults: { palette: brand, outDir: img }
assets:
${IDS.map((id, index) => `  - id: ${id}\n    prompt: Shard asset ${index}\n    size: 64x64\n`).join('')}`
const outOf = (id: string): string => `img/${id}.png`
const idOfPrompt = (prompt: string | undefined): string => {
  const match = /^Shard asset (\d)/.exec(prompt ?? '')
  return match ? `s${match[1]}` : `unknown prompt ${prompt}`
}

const sha256 = (bytes: Buffer): string =>
  createHash('sha256').update(bytes).digest('hex')

/**
 * Holds every request until `count` have arrived, then answers them all: the shards finish
 * generating together, so they all read the branch head before any of them moves it and the
 * race on the ref update is certain, not left to timing. Gives up waiting after `maxWaitMs`.
 */
function barrier(count: number, then: Behavior, maxWaitMs = 30_000): Behavior {
  const waiting: Array<() => void> = []
  return async (request, context) => {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, maxWaitMs)
      waiting.push(() => {
        clearTimeout(timer)
        resolve()
      })
      if (waiting.length >= count) for (const release of waiting) release()
    })
    return then(request, context)
  }
}

let gateway: FakeGateway
let github: FakeGitHub
beforeEach(async () => {
  // buildAgainst (the in-process engine) sends 'test-key'.
  gateway = await startFakeGateway({ apiKeys: [KEY, 'test-key'] })
  github = await FakeGitHub.start({ token: TOKEN })
})
afterEach(async () => {
  await Promise.all([gateway.close(), github.close()])
})

describe('three shards of one spec, in parallel, mode auto on push', () => {
  it('generate every asset once and all land on the branch, with one merged lockfile and no lost commit', async () => {
    const seeded = github.seedRepo({ 'assetgen.yml': spec, 'README.md': '#' })
    gateway.behavior = barrier(IDS.length, ok())
    // Three checkouts of the seeded commit.
    await using ws1 = await workspace(spec)
    await using ws2 = await workspace(spec)
    await using ws3 = await workspace(spec)
    const roots = [ws1.root, ws2.root, ws3.root]
    const runs: ActionRun[] = await Promise.all(
      roots.map((root, index) =>
        runAction({
          workspace: root,
          inputs: {
            'api-key': KEY,
            'github-token': TOKEN,
            'gateway-url': gateway.url,
            shard: `${index + 1}/3`,
            // Commit per shard, the store off (store shards + one fan-in: store-shards.test.ts).
            'store-branch': ''
          },
          env: {
            GITHUB_API_URL: github.url,
            GITHUB_SERVER_URL: 'https://github.com'
          }
        })
      )
    )
    for (const run of runs) expect(run.code, run.stdout).toBe(0)

    // Generated exactly once across the shards, split 3/2/2 round robin.
    expect(gateway.requestCount()).toBe(IDS.length)
    expect(
      gateway.requests.map((request) => idOfPrompt(request.body.prompt)).sort()
    ).toEqual(IDS)
    expect(runs.map((run) => run.outputs.generated)).toEqual(['3', '2', '2'])
    const builtBy = new Map<string, number>()
    for (const [index, run] of runs.entries()) {
      const generated = (run.manifest?.assets ?? [])
        .filter((asset) => asset.status === 'generated')
        .map((asset) => asset.id as string)
      for (const id of generated) {
        expect(builtBy.has(id), `${id} built twice`).toBe(false)
        builtBy.set(id, index)
      }
    }
    expect([...builtBy.keys()].sort()).toEqual(IDS)

    // The head has every output, byte for byte as the shard that built it wrote it.
    const head = github.headSha('main')
    for (const id of IDS) {
      const root = roots[builtBy.get(id) ?? -1] ?? ''
      expect(github.readFileAt('main', outOf(id)), id).toEqual(
        await readFile(join(root, outOf(id)))
      )
    }
    // ...and one lockfile covering all seven, each entry matching the committed bytes.
    const lockText = github.readFileAt('main', 'assetgen.lock.json')
    expect(lockText).toBeDefined()
    const lockfile = parseLockfile(
      (lockText as Buffer).toString('utf8'),
      'assetgen.lock.json'
    )
    expect(Object.keys(lockfile.assets).sort()).toEqual(IDS)
    for (const [id, entry] of Object.entries(lockfile.assets)) {
      expect(entry.out).toBe(outOf(id))
      const committed = github.readFileAt('main', entry.out) as Buffer
      expect(sha256(committed), id).toBe(entry.sha256)
    }
    expect(github.readFileAt('main', 'README.md')?.toString()).toBe('#')

    // No commit lost: the three shard commits are distinct, all in the head's history, each
    // naming its own assets; the head has nothing else on top of the seed.
    const commits = runs.map((run) => run.outputs['commit-sha'] ?? '')
    expect(new Set(commits).size).toBe(3)
    for (const [index, sha] of commits.entries()) {
      expect(github.git.isAncestor(sha, head), `shard ${index + 1}`).toBe(true)
      const listed = github
        .commitOf(sha)
        .message.split('\n')
        .filter((line) => line.startsWith('- '))
        .map((line) => line.slice(2))
      expect(listed.sort()).toEqual(
        IDS.filter((id) => builtBy.get(id) === index)
      )
    }
    expect(commits).toContain(head)
    let chain = 0
    for (let sha = head; sha !== seeded && chain < 10; chain += 1)
      sha = github.commitOf(sha).parents[0] ?? seeded
    expect(chain).toBe(3)

    // Never forced, and the race was real: some ref update lost and its shard rebuilt on the new head.
    const patches = github.requestsOf('PATCH', /\/git\/refs\/heads\/main$/)
    expect(patches.map((patch) => patch.body.force)).toEqual(
      patches.map(() => false)
    )
    expect(patches.length).toBeGreaterThan(3)
    expect(
      runs.some((run) => /main moved while committing/.test(run.stdout))
    ).toBe(true)
  })
})

function capture(): { stream: Writable; text: () => string } {
  let text = ''
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk)
      done()
    }
  })
  return { stream, text: () => text }
}

interface PlanJson {
  toGenerate: number
  assets: Array<{ id: string; status: string; reason: string }>
}

async function planShard(root: string, shard: string): Promise<PlanJson> {
  const out = capture()
  const err = capture()
  const code = await main(['plan', '--json', '--shard', shard], {
    stdout: out.stream,
    stderr: err.stream,
    cwd: root
  })
  expect(code, err.text()).toBe(0)
  return JSON.parse(out.text()) as PlanJson
}

/** Each shard's ids to build, checked to partition `expected` (every id in exactly one shard). */
async function expectPartition(
  root: string,
  expected: string[]
): Promise<string[][]> {
  const shares: string[][] = []
  for (let index = 1; index <= 3; index += 1) {
    const plan = await planShard(root, `${index}/3`)
    const share = plan.assets
      .filter((asset) => asset.status === 'would-generate')
      .map((asset) => asset.id)
    expect(plan.toGenerate).toBe(share.length)
    // Every other asset is listed as skipped, the unbuilt ones naming the shard that builds them.
    expect(plan.assets).toHaveLength(IDS.length)
    shares.push(share)
  }
  const all = shares.flat()
  expect(all.sort()).toEqual([...expected].sort())
  expect(new Set(all).size).toBe(all.length)
  // Near-equal shares.
  const sizes = shares.map((share) => share.length)
  expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1)
  return shares
}

describe('assetgen plan --shard i/3 --json', () => {
  it('partitions the work: every asset in exactly one shard, before and after part of it was built', async () => {
    await using ws = await workspace(spec)
    const shares = await expectPartition(ws.root, IDS)
    const first = await planShard(ws.root, '1/3')
    for (const id of shares[1] ?? [])
      expect(first.assets.find((asset) => asset.id === id)?.reason).toMatch(
        /built by shard 2\/3/
      )

    // Once three are built, only the other four are split; the built ones are skipped everywhere.
    const result = await buildAgainst(ws.root, gateway, {
      only: ['s0', 's3', 's5']
    })
    expect(result.generated).toBe(3)
    const rest = IDS.filter((id) => !['s0', 's3', 's5'].includes(id))
    await expectPartition(ws.root, rest)
  })
})
