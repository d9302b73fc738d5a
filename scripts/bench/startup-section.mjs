// Section 3: start-up of the bundles against bare Node (needs no gateway).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  ACTION,
  CLI,
  baseEnv,
  expectExit,
  mb,
  median,
  ms,
  printTable,
  runNode,
  tempDir,
  writeSpec
} from './lib.mjs'

/** Section 3: start-up of the action bundle (dry run, mode none) and the CLI, against bare Node. */
export async function startup({ runs }) {
  const dir = tempDir('startup')
  const runner = join(dir, 'runner')
  mkdirSync(runner)
  writeSpec(dir, {
    version: 1,
    assets: [{ id: 'hero', prompt: 'a small test image', size: '256x256' }]
  })
  const output = join(runner, 'output.txt')
  const summary = join(runner, 'summary.md')
  const actionEnv = baseEnv({
    INPUT_MODE: 'none',
    'INPUT_DRY-RUN': 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: dir,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REPOSITORY: 'acme/site',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_RUN_ID: '1',
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    RUNNER_TEMP: runner
  })
  const commands = {
    bare: () => runNode(['-e', ''], { cwd: dir }),
    action: () => {
      writeFileSync(output, '')
      writeFileSync(summary, '')
      return runNode([ACTION], { cwd: dir, env: actionEnv })
    },
    version: () => runNode([CLI, '--version'], { cwd: dir })
  }
  const samples = { bare: [], action: [], version: [] }
  for (let i = -1; i < runs; i += 1) {
    // Interleaved, so drift in machine load hits every command alike; round -1 is a warm-up.
    for (const [name, command] of Object.entries(commands)) {
      const run = expectExit(await command(), 0, name)
      if (i >= 0) samples[name].push(run)
    }
  }
  if (!/manifest<</.test(readFileSync(output, 'utf8')))
    throw new Error('the action dry run set no manifest output')
  const t = Object.fromEntries(
    Object.entries(samples).map(([k, v]) => [k, median(v.map((r) => r.wallMs))])
  )
  const rss = (name) => mb(median(samples[name].map((r) => r.maxRssKiB)))
  printTable(
    `3. Start-up (median of ${runs} interleaved runs after 1 warm-up; every process has the same RSS preload)`,
    ['process', 'wall', 'over `node -e ""`', 'peak RSS'],
    [
      ["node -e ''", ms(t.bare), '', rss('bare')],
      [
        'node dist/index.js (dry run, mode none, 1-asset spec)',
        ms(t.action),
        ms(t.action - t.bare),
        rss('action')
      ],
      [
        'node dist/cli/index.js --version',
        ms(t.version),
        ms(t.version - t.bare),
        rss('version')
      ]
    ]
  )
  return {
    results: {
      runs,
      samplesMs: Object.fromEntries(
        Object.entries(samples).map(([k, v]) => [k, v.map((r) => r.wallMs)])
      ),
      medianMs: t
    },
    summary: [
      {
        metric: 'start-up: action dry run over bare node',
        measured: ms(t.action - t.bare),
        target: '<= 250 ms',
        pass: t.action - t.bare <= 250
      },
      {
        metric: 'start-up: CLI --version over bare node',
        measured: ms(t.version - t.bare),
        target: ''
      }
    ]
  }
}
