// Shared helpers of the benchmark: timed child processes with peak RSS, the fake gateway as a
// child process, spec workspaces, statistics and tables.
import { spawn } from 'node:child_process'
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
export const ROOT = join(here, '..', '..')
export const CLI = join(ROOT, 'dist', 'cli', 'index.js')
export const ACTION = join(ROOT, 'dist', 'index.js')
export const FAKE = join(ROOT, 'test', 'fakes', 'gateway-server.ts')
export const NAIVE = join(here, 'naive-sequential.mjs')
const PRELOAD = join(here, 'max-rss-preload.cjs')

/** The key the fake gateway accepts (a made-up value, only ever sent to 127.0.0.1). */
export const KEY = 'bench-key'

/** The brand palette of the specs the sections without a gateway build and snap to. */
export const PALETTE = ['#0B5FFF', '#FFB000', '#111827', '#F7F4EA']

const scratch = mkdtempSync(join(tmpdir(), 'assetgen-bench-'))
let scratchCount = 0

/** A fresh directory under the benchmark's scratch folder (removed by `cleanup`). */
export function tempDir(name) {
  const dir = join(
    scratch,
    `${String(scratchCount++).padStart(3, '0')}-${name}`
  )
  mkdirSync(dir, { recursive: true })
  return dir
}

export function cleanup() {
  rmSync(scratch, { recursive: true, force: true })
}

/** A minimal environment: nothing from the caller's shell leaks in (no real keys, no GITHUB_*). */
export function baseEnv(extra = {}) {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? scratch,
    TMPDIR: process.env.TMPDIR ?? tmpdir(),
    LANG: 'C.UTF-8',
    ...extra
  }
}

/**
 * Runs `node <args>` with the peak-RSS preload. Resolves with the exit code, wall time (hrtime from
 * spawn to exit), peak RSS (KiB), the output, and when each stdout line arrived (ms after spawn).
 */
export function runNode(
  args,
  { cwd = ROOT, env = baseEnv(), timeoutMs = 180_000 } = {}
) {
  const rssFile = join(
    scratch,
    `rss-${process.hrtime.bigint()}-${Math.random()}.txt`
  )
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint()
    const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6
    const child = spawn(process.execPath, ['--require', PRELOAD, ...args], {
      cwd,
      env: { ...env, BENCH_MAXRSS_FILE: rssFile },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    const lines = []
    let stdout = ''
    let stderr = ''
    let wallMs
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push({ atMs: elapsed(), line })
      stdout += `${line}\n`
    })
    child.stderr.on('data', (chunk) => (stderr += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('error', reject)
    child.on('exit', () => (wallMs = elapsed()))
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      let maxRssKiB
      try {
        maxRssKiB = Number(readFileSync(rssFile, 'utf8'))
        rmSync(rssFile, { force: true })
      } catch {
        maxRssKiB = undefined
      }
      resolve({ code, signal, wallMs, maxRssKiB, stdout, stderr, lines })
    })
  })
}

/** Runs the CLI bundle in `cwd`. */
export function runCli(cwd, args, env = {}, options = {}) {
  return runNode([CLI, ...args], { cwd, env: baseEnv(env), ...options })
}

/** Fails loudly when a run did not exit as expected (a benchmark of a broken run means nothing). */
export function expectExit(run, code, what) {
  if (run.code !== code) {
    const tail = `${run.stdout}\n${run.stderr}`
      .trim()
      .split('\n')
      .slice(-15)
      .join('\n')
    throw new Error(
      `${what}: exit ${run.code ?? run.signal}, expected ${code}\n${tail}`
    )
  }
  return run
}

/** Starts `node test/fakes/gateway-server.ts <args>` and waits for its `{"url"}` line. */
export async function startFake(args) {
  const child = spawn(process.execPath, [FAKE, '--key', KEY, ...args], {
    cwd: ROOT,
    env: baseEnv(),
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stderr = ''
  child.stderr.on('data', (chunk) => (stderr += chunk))
  const first = await new Promise((resolve, reject) => {
    const rl = createInterface({ input: child.stdout })
    rl.once('line', (line) => {
      rl.close()
      resolve(line)
    })
    child.once('exit', (code) =>
      reject(new Error(`fake gateway exited ${code}: ${stderr}`))
    )
  })
  child.stdout.resume()
  const { url, pid } = JSON.parse(first)
  const origin = new URL(url).origin
  return {
    url,
    pid,
    async reset() {
      await (await fetch(`${origin}/__reset`, { method: 'POST' })).text()
    },
    /** The request log (requests since the last reset). */
    async records() {
      return (await fetch(`${origin}/__records`)).json()
    },
    stop() {
      if (child.exitCode !== null) return Promise.resolve()
      return new Promise((resolve) => {
        child.once('exit', resolve)
        child.kill('SIGTERM')
      })
    }
  }
}

/** What the gateway saw: statuses and the window from the first arrival to the last answer. */
export function gatewayStats(records) {
  const requests = records.requests ?? []
  const count = (status) => requests.filter((r) => r.status === status).length
  const arrived = requests.map((r) => r.receivedAt)
  const answered = requests.map((r) => r.respondedAt).filter(Boolean)
  return {
    requests: requests.length,
    ok: count(200),
    rateLimited: count(429),
    peakInFlight: records.peakInFlight,
    windowMs:
      answered.length > 0 ? Math.max(...answered) - Math.min(...arrived) : 0
  }
}

/** Writes a spec (JSON is valid YAML) as `<dir>/assetgen.yml`. */
export function writeSpec(dir, spec) {
  writeFileSync(join(dir, 'assetgen.yml'), `${JSON.stringify(spec, null, 2)}\n`)
}

/** Removes what a build wrote (outputs and lockfile), keeping the spec and references. */
export function resetWorkspace(dir, outDir = 'out') {
  rmSync(join(dir, outDir), { recursive: true, force: true })
  rmSync(join(dir, 'assetgen.lock.json'), { force: true })
}

/** A spec of `count` assets with distinct prompts and the same size. */
export function manyAssets(count, size, extra = {}) {
  return {
    version: 1,
    defaults: { size, outDir: 'out', ...extra },
    assets: Array.from({ length: count }, (_, i) => ({
      id: `img-${String(i + 1).padStart(3, '0')}`,
      prompt: `benchmark image ${i + 1}: a quiet harbour at dawn, flat colours`
    }))
  }
}

export function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b)
  if (sorted.length === 0) return Number.NaN
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

export const max = (values) => Math.max(...values.filter(Number.isFinite))
export const ms = (value) =>
  Number.isFinite(value) ? `${Math.round(value)} ms` : 'n/a'
export const sec = (value) =>
  Number.isFinite(value) ? `${(value / 1000).toFixed(2)} s` : 'n/a'
export const mb = (kib) =>
  Number.isFinite(kib) ? `${((kib * 1024) / 1e6).toFixed(0)} MB` : 'n/a'
export const ratio = (value) =>
  Number.isFinite(value) ? value.toFixed(3) : 'n/a'
export const times = (value) =>
  Number.isFinite(value) ? `${value.toFixed(2)}x` : 'n/a'

/** Prints a section heading and a plain-text table. */
export function printTable(title, headers, rows) {
  const cells = [headers, ...rows].map((row) => row.map((cell) => String(cell)))
  const widths = headers.map((_, c) =>
    Math.max(...cells.map((row) => (row[c] ?? '').length))
  )
  const line = (row) =>
    row
      .map((cell, c) => cell.padEnd(widths[c]))
      .join('  ')
      .trimEnd()
  console.log(`\n== ${title}`)
  console.log(line(cells[0]))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const row of cells.slice(1)) console.log(line(row))
}

export function note(text) {
  for (const line of text.split('\n')) console.log(`   ${line}`)
}
