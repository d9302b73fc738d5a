/**
 * The CLI face: arguments → engine → report. Parsing and help live in `cli/args.ts`, each command
 * in `cli/commands/`; this module only dispatches and is the CLI's one error boundary.
 */
import { parseCommandLine, usage, type CliArguments } from './cli/args.js'
import { runBuild } from './cli/commands/build.js'
import { runModels } from './cli/commands/models.js'
import { runPlan } from './cli/commands/plan.js'
import { reportError, type CliStreams } from './cli/io.js'
import { redactingSink, registerSecret } from './safe-text.js'
import { VERSION } from './version.js'

/** Where the CLI reads and writes: the process's own by default, injectable for tests. */
export type CliIo = CliStreams

/** Runs the CLI; resolves with the exit code. Argument errors come before anything else runs. */
export async function main(
  argv: string[],
  io: Partial<CliIo> = {}
): Promise<number> {
  // Wrapped once, so nothing printed (a gateway error, a manifest) can carry the key.
  registerSecret(process.env.AI_GATEWAY_API_KEY)
  const streams: CliStreams = {
    stdout: redactingSink(io.stdout ?? process.stdout),
    stderr: redactingSink(io.stderr ?? process.stderr),
    cwd: io.cwd ?? process.cwd()
  }
  let args: CliArguments
  try {
    args = parseCommandLine(argv)
  } catch (error) {
    return reportError(error, streams, argv.includes('--json'))
  }
  if (args.values.help) {
    const named = argv.some((argument) => argument === args.command)
    streams.stdout.write(`${usage(named ? args.command : undefined)}\n`)
    return 0
  }
  if (args.values.version) return (streams.stdout.write(`${VERSION}\n`), 0)
  try {
    if (args.command === 'models') return runModels(args, streams)
    if (args.command === 'store') {
      const { runStorePrune } = await import('./cli/commands/store.js')
      return await runStorePrune(args, streams)
    }
    if (args.command === 'build') return await runBuild(args, streams)
    return await runPlan(args, streams)
  } catch (error) {
    return reportError(error, streams, args.values.json)
  }
}
