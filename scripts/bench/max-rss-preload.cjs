// Preloaded into every benchmarked child (`node --require <this> ...`): on exit it writes the
// process's peak resident set size (getrusage ru_maxrss, in KiB on Linux) to the file named by env
// BENCH_MAXRSS_FILE. It adds one tiny CommonJS file to start-up, the same for every process measured.
'use strict'
const file = process.env.BENCH_MAXRSS_FILE
if (file) {
  process.on('exit', () => {
    try {
      process
        .getBuiltinModule('node:fs')
        .writeFileSync(file, String(process.resourceUsage().maxRSS))
    } catch {
      // A report only: never change the child's exit.
    }
  })
}
