// Benchmarks assetgen's built bundles (dist/cli/index.js, dist/index.js) as child processes
// against the fake AI Gateway (test/fakes/gateway-server.ts, also a child process on 127.0.0.1).
// Prints a table per section and a summary with pass/fail per target, and writes everything to
// bench-results/bench.json. It is a report: it exits 0 even when a target is missed (printed as
// MISSED); it exits 1 only when it could not measure (missing dist/, a run that failed).
//
//   npm run bench            (build dist/ first: node scripts/build.mjs)
//   npm run bench -- 1 5     only sections 1 and 5
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { availableParallelism, cpus, totalmem } from 'node:os'
import { join } from 'node:path'
import { adaptive } from './bench/adaptive-section.mjs'
import { imageProcessing } from './bench/image-processing-section.mjs'
import {
  ACTION,
  CLI,
  ROOT,
  cleanup,
  printTable,
  startFake
} from './bench/lib.mjs'
import { noopRerun } from './bench/noop-rerun-section.mjs'
import { peakRss4mp } from './bench/peak-rss-section.mjs'
import { sharding } from './bench/sharding-section.mjs'
import { snapping } from './bench/snapping-section.mjs'
import { startup } from './bench/startup-section.mjs'
import { storeLookups } from './bench/store-section.mjs'
import { throughput } from './bench/throughput-section.mjs'

const L = 400
const N = 48
const C = 8
const RATE = 10
const RATE_LATENCY = 200

for (const bundle of [CLI, ACTION]) {
  if (!existsSync(bundle)) {
    console.error(`${bundle} is missing: run node scripts/build.mjs first`)
    process.exit(1)
  }
}

const selected = new Set(process.argv.slice(2).map(Number))
const wanted = (section) => selected.size === 0 || selected.has(section)

let latencyFake
const withLatencyFake = async () =>
  (latencyFake ??= await startFake(['--latency-ms', String(L)]))

/** Sections in the order they print; each returns { results, summary }. */
const sections = [
  [
    1,
    'throughput',
    async () =>
      throughput(await withLatencyFake(), { runs: 5, baselineRuns: 2, N, C, L })
  ],
  [2, 'noopRerun', () => noopRerun({ runs: 5, N: 200 })],
  [3, 'startup', () => startup({ runs: 10 })],
  [
    4,
    'peakRss4mp',
    async () => peakRss4mp(await withLatencyFake(), { runs: 3, N, C, L })
  ],
  [
    5,
    'adaptive',
    async () => {
      const burst = RATE // the fake's default: burst = floor(perSecond)
      const fake = await startFake([
        '--latency-ms',
        String(RATE_LATENCY),
        '--rate-limit',
        String(RATE)
      ])
      try {
        return await adaptive(fake, {
          runs: 3,
          N: 60,
          C: 16,
          R: RATE,
          L: RATE_LATENCY,
          burst
        })
      } finally {
        await fake.stop()
      }
    }
  ],
  [6, 'imageProcessing', () => imageProcessing({ runs: 5, N: 8 })],
  [
    7,
    'sharding',
    async () =>
      sharding(await withLatencyFake(), { runs: 3, N, C, L, counts: [1, 2, 4] })
  ],
  [8, 'snapping', () => snapping({ runs: 7 })],
  [
    9,
    'storeLookups',
    async () => {
      const fake = await startFake([])
      try {
        return await storeLookups(fake, {
          runs: 3,
          N: 50,
          entries: 5000,
          latencyMs: 50
        })
      } finally {
        await fake.stop()
      }
    }
  ]
]

console.log(
  `assetgen benchmark: node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ` +
    `${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM`
)
console.log(
  'Bundles under test: dist/cli/index.js and dist/index.js; fake gateway: test/fakes/gateway-server.ts.'
)
console.log(
  'Times are wall clock (hrtime, spawn to exit) of whole child processes unless a row says otherwise.'
)

const started = process.hrtime.bigint()
const report = { meta: {}, sections: {}, summary: [] }
let broken = false
try {
  for (const [number, name, run] of sections) {
    if (!wanted(number)) continue
    const sectionStart = process.hrtime.bigint()
    try {
      const { results, summary } = await run()
      report.sections[name] = results
      report.summary.push(...summary)
    } catch (error) {
      broken = true
      console.error(
        `\n!! section ${number} (${name}) could not be measured: ${error.stack ?? error}`
      )
      report.sections[name] = { error: String(error) }
      report.summary.push({
        metric: `${name}: could not be measured`,
        measured: 'ERROR',
        target: '',
        pass: false
      })
    }
    const seconds = Number(process.hrtime.bigint() - sectionStart) / 1e9
    console.log(`   (section ${number} took ${seconds.toFixed(1)} s)`)
  }
} finally {
  await latencyFake?.stop()
  cleanup()
}

const verdict = (row) =>
  row.pass === undefined ? '' : row.pass ? 'pass' : 'MISSED'
printTable(
  'Summary',
  ['metric', 'measured', 'target', 'result'],
  report.summary.map((row) => [
    row.metric,
    row.measured,
    row.target || '-',
    verdict(row) || 'info'
  ])
)
const missed = report.summary.filter((row) => row.pass === false)
const total = Number(process.hrtime.bigint() - started) / 1e9
console.log(
  missed.length === 0
    ? `\nAll targets met. Benchmark took ${total.toFixed(0)} s.`
    : `\nMISSED ${missed.length} target(s): ${missed.map((row) => row.metric).join('; ')}. Benchmark took ${total.toFixed(0)} s.`
)

report.meta = {
  date: new Date().toISOString(),
  node: process.version,
  cores: availableParallelism(),
  cpu: cpus()[0]?.model,
  totalMemBytes: totalmem(),
  durationS: total,
  sections: [
    ...(selected.size > 0 ? selected : sections.map(([number]) => number))
  ]
}
mkdirSync(join(ROOT, 'bench-results'), { recursive: true })
const out = join(ROOT, 'bench-results', 'bench.json')
writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`)
console.log(`Results written to ${out}`)
process.exit(broken ? 1 : 0)
