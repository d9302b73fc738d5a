// Section 8: image store lookups. A 50-asset spec against a 5,000-entry store on a branch of the
// fake GitHub (test/fakes/github.ts, run in this process over 127.0.0.1) answering every request
// after 50 ms. The measured run is the bundled action (dist/index.js) in `mode: store` on a fresh
// checkout: every asset is in the store, so it only looks up and restores (0 gateway calls, no
// writes). Reports the GitHub requests it made, the lookup window and the whole run's seconds.
import { createHash, randomBytes } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { registerHooks } from 'node:module'
import { join } from 'node:path'
import sharp from 'sharp'
import { parse } from 'yaml'
import {
  ACTION,
  KEY,
  ROOT,
  baseEnv,
  expectExit,
  manyAssets,
  median,
  printTable,
  note,
  resetWorkspace,
  runCli,
  runNode,
  sec,
  ms,
  tempDir,
  writeSpec
} from './lib.mjs'

const TOKEN = 'bench-github-token'
const STORE = 'assetgen-store'

// The fakes import each other with NodeNext `.js` specifiers; Node's type stripping loads the
// `.ts` files but does not rewrite those, so map a missing relative `.js` to its `.ts` sibling.
registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context)
    } catch (error) {
      if (!/^\.\.?\/.*\.js$/.test(specifier)) throw error
      return nextResolve(`${specifier.slice(0, -3)}.ts`, context)
    }
  }
})

/** Every input the action declares, with its default, as the runner passes them. */
function defaultInputs() {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8'))
  const env = {}
  for (const [name, input] of Object.entries(action.inputs)) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] =
      input.default === '${{ github.token }}' ? TOKEN : (input.default ?? '')
  }
  return env
}

/** Store files for one entry, laid out as src/store/layout.ts documents. */
function entryFiles(hash, file, image, preview, record) {
  const folder = `${hash.slice(0, 2)}/${hash}`
  return {
    [`${folder}/${file}`]: image,
    [`${folder}/record.json`]: `${JSON.stringify(record, null, 2)}\n`,
    [`${folder}/preview.webp`]: preview
  }
}

/**
 * Builds the 50 assets once with the CLI against the fake gateway, then fills the store branch
 * with their entries (from the lockfile and the outputs) plus `entries - N` unrelated ones.
 */
async function seedStore(github, fake, dir, { N, entries }) {
  expectExit(
    await runCli(dir, ['build', '--concurrency', '8'], {
      AI_GATEWAY_API_KEY: KEY,
      AI_GATEWAY_BASE_URL: fake.url
    }),
    0,
    'seed build'
  )
  const lock = JSON.parse(readFileSync(join(dir, 'assetgen.lock.json'), 'utf8'))
  const files = {}
  const createdAt = new Date().toISOString()
  for (const [id, entry] of Object.entries(lock.assets)) {
    const image = readFileSync(join(dir, entry.out))
    const preview = await sharp(image).webp().toBuffer()
    const file = entry.out.split('/').at(-1)
    Object.assign(
      files,
      entryFiles(
        entry.inputHash.replace(/^sha256:/, ''),
        file,
        image,
        preview,
        {
          id,
          model: entry.model,
          seed: entry.seed,
          width: entry.width,
          height: entry.height,
          format: 'png',
          sha256: entry.sha256,
          bytes: entry.bytes,
          createdAt,
          file
        }
      )
    )
  }
  // Unrelated entries: small blobs, but real folders the lookup must not read.
  const filler = Buffer.from('not a real image')
  for (let index = N; index < entries; index += 1) {
    const hash = createHash('sha256').update(randomBytes(16)).digest('hex')
    Object.assign(
      files,
      entryFiles(hash, `other-${index}.png`, filler, filler, {
        id: `other-${index}`,
        model: 'bfl/flux-2-pro',
        seed: index,
        width: 64,
        height: 64,
        format: 'png',
        sha256: createHash('sha256').update(filler).digest('hex'),
        bytes: filler.length,
        createdAt,
        file: `other-${index}.png`
      })
    )
  }
  github.seedRepo(files, STORE)
}

export async function storeLookups(fake, { runs, N, entries, latencyMs }) {
  const { FakeGitHub } = await import('../../test/fakes/github.ts')
  const github = await FakeGitHub.start({ token: TOKEN })
  try {
    const seedDir = tempDir('store-seed')
    const spec = manyAssets(N, '64x64')
    writeSpec(seedDir, spec)
    await seedStore(github, fake, seedDir, { N, entries })
    github.seedRepo({ 'assetgen.yml': JSON.stringify(spec) })
    const root = github.commitOf(github.headSha(STORE)).tree
    const fullListing = Buffer.byteLength(
      JSON.stringify({ tree: github.git.listRecursive(root) })
    )
    github.latencyMs = latencyMs

    const dir = tempDir('store-lookup')
    writeSpec(dir, spec)
    const runner = tempDir('store-runner')
    const samples = []
    for (let r = 0; r < runs; r += 1) {
      resetWorkspace(dir)
      await fake.reset()
      writeFileSync(join(runner, 'output.txt'), '')
      writeFileSync(join(runner, 'summary.md'), '')
      writeFileSync(join(runner, 'event.json'), '{}')
      const before = github.requests.length
      github.peakInFlight = 0
      const arrivals = []
      github.onRequest({ path: /./ }, () => {
        arrivals.push(performance.now())
      })
      const run = expectExit(
        await runNode([ACTION], {
          cwd: dir,
          env: baseEnv({
            ...defaultInputs(),
            INPUT_MODE: 'store',
            'INPUT_API-KEY': KEY,
            'INPUT_GATEWAY-URL': fake.url,
            'INPUT_GITHUB-TOKEN': TOKEN,
            GITHUB_ACTIONS: 'true',
            GITHUB_API_URL: github.url,
            GITHUB_SERVER_URL: 'https://github.com',
            GITHUB_WORKSPACE: dir,
            GITHUB_EVENT_NAME: 'push',
            GITHUB_EVENT_PATH: join(runner, 'event.json'),
            GITHUB_REPOSITORY: 'acme/site',
            GITHUB_REF: 'refs/heads/main',
            GITHUB_RUN_ID: String(100 + r),
            GITHUB_OUTPUT: join(runner, 'output.txt'),
            GITHUB_STEP_SUMMARY: join(runner, 'summary.md'),
            RUNNER_TEMP: runner
          })
        }),
        0,
        'store lookup run'
      )
      const requests = github.requests.slice(before)
      const gatewayCalls = (await fake.records()).requests?.length ?? 0
      if (gatewayCalls !== 0)
        throw new Error(
          `the lookup run called the gateway ${gatewayCalls} times`
        )
      const writes = requests.filter((request) => request.method !== 'GET')
      if (writes.length !== 0)
        throw new Error(`the lookup run wrote ${writes.length} times`)
      const kind = (pattern) =>
        requests.filter((request) => pattern.test(request.path)).length
      samples.push({
        wallMs: run.wallMs,
        requests: requests.length,
        trees: kind(/git\/trees\//),
        blobs: kind(/git\/blobs\//),
        other: requests.length - kind(/git\/trees\//) - kind(/git\/blobs\//),
        peakInFlight: github.peakInFlight,
        lookupMs:
          arrivals.length > 0
            ? Math.max(...arrivals) - Math.min(...arrivals) + latencyMs
            : 0
      })
    }
    const middle = (key) => median(samples.map((sample) => sample[key]))
    const result = {
      N,
      entries,
      latencyMs,
      runs,
      fullListingBytes: fullListing,
      requests: middle('requests'),
      trees: middle('trees'),
      blobs: middle('blobs'),
      lookupMs: middle('lookupMs'),
      wallMs: middle('wallMs'),
      samples
    }
    printTable(
      `8. Store lookups: ${N}-asset spec, ${entries}-entry store, fake GitHub latency ${latencyMs} ms, action in mode store on a fresh checkout (median of ${runs} runs)`,
      [
        'requests',
        'trees',
        'blobs',
        'other',
        'peak in flight',
        'lookup window',
        'whole run'
      ],
      [
        [
          String(result.requests),
          String(result.trees),
          String(result.blobs),
          String(middle('other')),
          String(middle('peakInFlight')),
          ms(result.lookupMs),
          sec(result.wallMs)
        ]
      ]
    )
    note(
      `Every asset was restored from the store with 0 gateway calls. A recursive listing of the whole\n` +
        `store would be one ${(fullListing / 1e6).toFixed(1)} MB download per run; the lookup reads the root,\n` +
        `the <hash[0:2]> folders it needs, and each hit's record and image.`
    )
    return {
      results: result,
      summary: [
        {
          metric: `store lookups: ${N} assets in a ${entries}-entry store, ${latencyMs} ms latency`,
          measured: `${result.requests} requests, ${(result.lookupMs / 1000).toFixed(2)} s lookup, ${sec(result.wallMs)} run`,
          target: ''
        }
      ]
    }
  } finally {
    await github.close()
  }
}
