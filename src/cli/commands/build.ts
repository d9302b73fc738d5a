/** `assetgen build`: generate what the plan says, write the files and the lockfile. */
import path from 'node:path'
import { build, type BuildRequest, type BuildResult } from '../../engine.js'
import { watchSignals } from '../../cancellation.js'
import { parseUsd } from '../../inputs.js'
import { buildManifest, writeManifest } from '../../report/manifest.js'
import { formatCost, formatEstimateTotal } from '../../report/format.js'
import { formatProgress } from '../../report/progress.js'
import { rowsFromOutcomes, textTable } from '../../report/table.js'
import { registerSecret } from '../../safe-text.js'
import { VERSION } from '../../version.js'
import type { CliArguments } from '../args.js'
import { safeLines, type CliStreams } from '../io.js'
import { gatewaySettings, planRequest } from '../selection.js'

const PLACEHOLDER_WARNING =
  '\n*** WARNING: no AI_GATEWAY_API_KEY set: rendering PLACEHOLDER images, not real ones. ***\n' +
  '*** Set AI_GATEWAY_API_KEY to generate, or pass --placeholder to silence this.      ***\n\n'

/** Runs a build; resolves with the exit code (130/143 when interrupted). */
export async function runBuild(
  args: CliArguments,
  io: CliStreams
): Promise<number> {
  const { values, numbers } = args
  const selection = await planRequest(args, io.cwd, (message) =>
    io.stderr.write(`assetgen: warning: ${safeLines(message)}\n`)
  )
  const gateway = gatewaySettings(args)
  const { apiKey } = gateway
  registerSecret(apiKey)
  const maxCost = parseUsd('--max-cost', values['max-cost'])
  let placeholder = values.placeholder
  if (!placeholder && !apiKey) {
    io.stderr.write(PLACEHOLDER_WARNING)
    placeholder = true
  }
  // Later signals are absorbed, so a second Ctrl-C never cuts a file or lockfile write short.
  const cancellation = watchSignals((name) =>
    io.stderr.write(
      `\nassetgen: ${name}: starting nothing new; keeping what finished\n`
    )
  )
  let result: BuildResult
  try {
    result = await build({
      ...selection,
      placeholder,
      ...(placeholder ? {} : await gatewayCollaborators(gateway)),
      maxCost,
      ...(values['no-tags']
        ? {}
        : {
            tags: process.env.GITHUB_REPOSITORY
              ? { repository: process.env.GITHUB_REPOSITORY }
              : {}
          }),
      concurrency: numbers.concurrency,
      maxRetries: numbers['max-retries'],
      timeoutMs: numbers.timeout * 1000,
      maxImages: numbers['max-images'],
      strict: values.strict,
      version: VERSION,
      signal: cancellation.signal,
      onProgress: values.json
        ? undefined
        : (event) => io.stdout.write(`${safeLines(formatProgress(event))}\n`)
    })
  } finally {
    cancellation.dispose()
  }
  for (const warning of result.warnings)
    io.stderr.write(`warning: ${safeLines(warning)}\n`)
  const manifest = buildManifest(result)
  if (values.manifest)
    await writeManifest(path.resolve(io.cwd, values.manifest), manifest)
  if (values.json) {
    io.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`)
  } else {
    const failed = rowsFromOutcomes(result.outcomes).filter((row) => !row.ok)
    if (failed.length > 0)
      io.stdout.write(
        `\nFailed:\n${safeLines(textTable(failed, ['id', 'status', 'note']))}\n`
      )
    io.stdout.write(
      `\n${result.generated} generated, ${result.reprocessed} reprocessed, ${result.restored ? `${result.restored} from the store, ` : ''}${result.skipped} skipped, ${result.failed} failed` +
        `${result.cost ? `, ${formatCost(result.cost)}` : ''}${result.estimate.total > 0 || result.estimate.unknown.length > 0 ? ` (estimated ${formatEstimateTotal(result.estimate.total, result.estimate.unknown.length)})` : ''}${placeholder ? ' (placeholders)' : ''}\n`
    )
    io.stdout.write(`${safeLines(whereWritten(result, io.cwd))}\n`)
  }
  const signalName = cancellation.received
  if (signalName) return signalName === 'SIGINT' ? 130 : 143
  if (result.budgetStop) {
    io.stderr.write(
      `assetgen: ${safeLines(result.budgetStop)}; raise --max-cost or --max-images, or narrow the run with --only or --shard\n`
    )
    return 1
  }
  return result.failed > 0 ? 1 : 0
}

/** The gateway's image model and credit balance, loaded only for a real build. */
async function gatewayCollaborators(gateway: {
  apiKey: string
  baseURL?: string
}): Promise<Pick<BuildRequest, 'imageModel' | 'creditBalance'>> {
  const { gatewayModelFactory, readCreditBalance } =
    await import('../../generate/gateway.js')
  return {
    imageModel: gatewayModelFactory(gateway),
    creditBalance: () => readCreditBalance(gateway)
  }
}

/** `Wrote 3 files in assets/; lockfile assetgen.lock.json`: paths relative to the current folder. */
export function whereWritten(result: BuildResult, cwd: string): string {
  const shown = (workspacePath: string): string => {
    const relative = path.relative(
      cwd,
      path.join(result.spec.root, workspacePath)
    )
    return (
      relative.startsWith('..')
        ? path.join(result.spec.root, workspacePath)
        : relative || '.'
    )
      .split(path.sep)
      .join('/')
  }
  const lockfile = shown(result.lockfilePath)
  const files = result.changedFiles.filter(
    (file) => file !== result.lockfilePath
  )
  if (files.length === 0) return `No files changed; lockfile ${lockfile}`
  const folders = [
    ...new Set(files.map((file) => `${shown(path.posix.dirname(file))}/`))
  ]
  const listed =
    folders.length > 3
      ? `${folders.slice(0, 3).join(', ')} and ${folders.length - 3} more folders`
      : folders.join(', ')
  return `Wrote ${files.length} file${files.length === 1 ? '' : 's'} in ${listed}; lockfile ${lockfile}`
}
