// npm run mutation [-- GROUP... [--concurrency N ...]]: runs Stryker on each module group named
// (default: all, see stryker.config.mjs), then prints the mutation score per module from every
// report under reports/mutation/. Arguments starting with `-` go to Stryker, one word each
// (`--concurrency=1`).
// npm run mutation -- --report-only prints the table without running anything; --survivors also
// lists each surviving mutant (file:line, mutator, replacement).
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join, matchesGlob } from 'node:path'
import { groups } from '../stryker.config.mjs'

const reports = join('reports', 'mutation')
const args = process.argv.slice(2)
// Stryker options go as one word each (`--concurrency=1`), so a bare word is always a group.
const strykerArgs = args.filter(
  (arg) =>
    arg.startsWith('-') && !['--report-only', '--survivors'].includes(arg)
)
const chosen = args.filter((arg) => !arg.startsWith('-'))
const unknown = chosen.filter((name) => !(name in groups))
if (unknown.length > 0) {
  console.error(
    `unknown group ${unknown.join(', ')}; groups: ${Object.keys(groups).join(', ')}`
  )
  process.exit(2)
}

let failed = false
if (!args.includes('--report-only')) {
  for (const group of chosen.length > 0 ? chosen : Object.keys(groups)) {
    console.log(`--- mutation: ${group}`)
    const run = spawnSync(
      process.execPath,
      [
        'node_modules/@stryker-mutator/core/bin/stryker.js',
        'run',
        ...strykerArgs
      ],
      {
        stdio: 'inherit',
        env: { ...process.env, ASSETGEN_MUTATION_GROUP: group }
      }
    )
    if (run.status !== 0) failed = true
  }
}
printScores()
if (args.includes('--survivors')) printSurvivors()
process.exit(failed ? 1 : 0)

/** Prints killed / survived / no coverage and the score per file, from each group's JSON report. */
function printScores() {
  if (!existsSync(reports)) return console.log('no mutation reports yet')
  const rows = []
  for (const file of readdirSync(reports).sort()) {
    if (!file.endsWith('.json') || file.endsWith('.incremental.json')) continue
    for (const [path, result] of reportedFiles(file)) {
      rows.push({ path, ...count(result.mutants ?? []) })
    }
  }
  const width = Math.max(6, ...rows.map((row) => row.path.length))
  console.log(
    `${'module'.padEnd(width)}  score   killed  survived  no-cov  equiv/ignored`
  )
  for (const row of rows.sort((a, b) => a.path.localeCompare(b.path))) {
    const score =
      row.detected + row.undetected === 0
        ? '   n/a'
        : `${((100 * row.detected) / (row.detected + row.undetected)).toFixed(1).padStart(5)}%`
    console.log(
      `${row.path.padEnd(width)}  ${score}  ${String(row.detected).padStart(6)}  ${String(row.survived).padStart(8)}  ${String(row.noCoverage).padStart(6)}  ${String(row.other).padStart(13)}`
    )
  }
}

/** Stryker's score: detected (killed, timed out) over valid mutants (detected + undetected). */
function count(mutants) {
  const tally = {
    detected: 0,
    undetected: 0,
    survived: 0,
    noCoverage: 0,
    other: 0
  }
  for (const mutant of mutants) {
    if (mutant.status === 'Killed' || mutant.status === 'Timeout')
      tally.detected += 1
    else if (mutant.status === 'Survived') {
      tally.survived += 1
      tally.undetected += 1
    } else if (mutant.status === 'NoCoverage') {
      tally.noCoverage += 1
      tally.undetected += 1
    } else tally.other += 1
  }
  return tally
}

/** Lists every mutant no test detected, for test/equivalent-mutants.md. */
function printSurvivors() {
  if (!existsSync(reports)) return
  for (const file of readdirSync(reports).sort()) {
    if (!file.endsWith('.json') || file.endsWith('.incremental.json')) continue
    for (const [path, result] of reportedFiles(file)) {
      for (const mutant of result.mutants ?? []) {
        if (mutant.status !== 'Survived' && mutant.status !== 'NoCoverage')
          continue
        const { line, column } = mutant.location.start
        const replacement = (mutant.replacement ?? '').replace(/\s+/g, ' ')
        console.log(
          `${path}:${line}:${column} ${mutant.status} ${mutant.mutatorName}: ${replacement.slice(0, 100)}`
        )
      }
    }
  }
}

/**
 * The files of one group's JSON report that the group still mutates. Stryker's incremental mode
 * carries results forward for files since dropped from `mutate`; those are not scored.
 */
function reportedFiles(file) {
  const report = JSON.parse(readFileSync(join(reports, file), 'utf8'))
  const patterns = groups[file.replace(/\.json$/, '')] ?? []
  return Object.entries(report.files ?? {}).filter(([path]) =>
    patterns.some((pattern) => matchesGlob(path, pattern))
  )
}
