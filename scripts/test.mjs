// Runs every test with vitest and ends with the line CI reads: `N passed, N failed`.
// Extra arguments go to vitest (e.g. a file filter).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const directory = mkdtempSync(join(tmpdir(), 'assetgen-test-'))
const report = join(directory, 'report.json')
const vitest = spawnSync(
  process.execPath,
  [
    'node_modules/vitest/vitest.mjs',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...process.argv.slice(2)
  ],
  { stdio: 'inherit' }
)
let passed = 0
let failed = 0
try {
  const results = JSON.parse(readFileSync(report, 'utf8'))
  passed = results.numPassedTests
  failed = results.numFailedTests + (results.numRuntimeErrorTestSuites ?? 0)
  // A suite that failed to load has no tests to count: count it as a failure.
  for (const suite of results.testResults ?? []) {
    if (
      suite.status === 'failed' &&
      (suite.assertionResults ?? []).length === 0
    )
      failed += 1
  }
} catch {
  failed = Math.max(failed, 1)
}
rmSync(directory, { recursive: true, force: true })
console.log(`${passed} passed, ${failed} failed`)
process.exit(vitest.status === 0 && failed === 0 ? 0 : 1)
