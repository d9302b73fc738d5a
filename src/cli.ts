import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { build, plan, type BuildResult } from './engine.js'
import {
  InputError,
  SpecError,
  formatProblem,
  getErrorMessage
} from './errors.js'
import { parseShard, parseStoreBranch } from './inputs.js'
import {
  buildManifest,
  plannedAssets,
  writeManifest
} from './report/manifest.js'
import { formatProgress } from './report/progress.js'
import { rowsFromOutcomes, rowsFromPlan, textTable } from './report/table.js'
import { formatCost } from './report/format.js'
import { LocalGitImageStore } from './store/local-git-store.js'
import { VERSION } from './version.js'

const usage = `assetgen ${VERSION}: generate on-brand images from a YAML spec through the Vercel AI Gateway

Usage:
  assetgen plan  [options]   validate the spec and show what would be generated, and why (no network)
  assetgen check [options]   exit 1 when anything would be generated (for CI jobs without a key)
  assetgen build [options]   generate what the plan says, write the files and assetgen.lock.json
  assetgen store prune --older-than <90d>
                             rewrite the store branch without entries older than the bound that the
                             default branch's lockfile does not use (force-pushes the store branch only)

Options:
  --spec <file>          spec file (default assetgen.yml)
  --only <ids>           asset ids or globs, comma-separated or repeated
  --force                regenerate every selected asset
  --json                 print machine-readable JSON
  --placeholder          render offline placeholders instead of calling the gateway
  --gateway-url <url>    AI Gateway base URL (default env AI_GATEWAY_BASE_URL, else the SDK's)
  --concurrency <n>      image requests in flight (default 4)
  --max-retries <n>      retries per image (default 2)
  --timeout <seconds>    per image (default 300)
  --max-images <n>       refuse when more images would be generated (default 0: no cap)
  --shard <i/n>          build only this shard's share of the work
  --manifest <file>      also write the JSON manifest here
  --no-store             do not restore images from origin/<store-branch> (read with git, after
                         \`git fetch origin assetgen-store\`)
  --store-branch <name>  the image store's branch (default assetgen-store)
  -h, --help             show this help
  -v, --version          show the version

The key comes from env AI_GATEWAY_API_KEY. Exit codes: 0 ok, 1 invalid spec or failed assets
(check: work to do), 2 bad arguments, 130/143 interrupted.`

function integer(
  value: string | undefined,
  name: string,
  fallback: number,
  min: number
): number {
  if (value === undefined) return fallback
  const number = Number(value)
  if (!Number.isInteger(number) || number < min)
    throw new InputError(
      `--${name} must be a whole number >= ${min}, got "${value}"`
    )
  return number
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      spec: { type: 'string', default: 'assetgen.yml' },
      only: { type: 'string', multiple: true },
      force: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      placeholder: { type: 'boolean', default: false },
      'gateway-url': { type: 'string' },
      concurrency: { type: 'string' },
      'max-retries': { type: 'string' },
      timeout: { type: 'string' },
      'max-images': { type: 'string' },
      shard: { type: 'string' },
      manifest: { type: 'string' },
      'no-store': { type: 'boolean', default: false },
      'store-branch': { type: 'string', default: 'assetgen-store' },
      'older-than': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false }
    }
  })
}

/** Where the CLI reads and writes: the process's own by default, injectable for tests. */
export interface CliIo {
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
  /** The directory the spec path is resolved against, and the workspace root. */
  cwd: string
}

/** Runs the CLI; resolves with the exit code. */
export async function main(
  argv: string[],
  io: Partial<CliIo> = {}
): Promise<number> {
  const out = io.stdout ?? process.stdout
  const err = io.stderr ?? process.stderr
  let args: ReturnType<typeof parse>
  try {
    args = parse(argv)
  } catch (error) {
    err.write(`assetgen: ${getErrorMessage(error)}\n\n${usage}\n`)
    return 2
  }
  const { values, positionals } = args
  if (values.help) return (out.write(`${usage}\n`), 0)
  if (values.version) return (out.write(`${VERSION}\n`), 0)
  const command = positionals[0] ?? 'plan'
  const root = io.cwd ?? process.cwd()
  if (
    command === 'store' &&
    positionals[1] === 'prune' &&
    positionals.length === 2
  ) {
    try {
      const { pruneCommand } = await import('./store/prune-command.js')
      return await pruneCommand(values, root, out)
    } catch (error) {
      err.write(`assetgen: ${getErrorMessage(error)}\n`)
      return error instanceof InputError ? 2 : 1
    }
  }
  if (!['plan', 'check', 'build'].includes(command) || positionals.length > 1) {
    err.write(
      `assetgen: unknown command "${positionals.join(' ')}"\n\n${usage}\n`
    )
    return 2
  }
  const only = (values.only ?? [])
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean)
  try {
    const shard = parseShard(values.shard)
    const storeBranch = values['no-store']
      ? undefined
      : parseStoreBranch(values['store-branch'])
    const selection = {
      root,
      specPath: resolve(root, values.spec),
      only,
      force: values.force,
      ...(shard ? { shard } : {}),
      ...(storeBranch
        ? {
            store: new LocalGitImageStore(root, storeBranch, (message) =>
              err.write(`assetgen: ${message}\n`)
            )
          }
        : {})
    }
    if (command !== 'build') {
      const planned = await plan({
        ...selection,
        placeholder: values.placeholder
      })
      const work = planned.plan.items.filter(
        (item) => item.action !== 'keep'
      ).length
      if (values.json) {
        out.write(
          `${JSON.stringify({ spec: planned.spec.specName, toGenerate: work, assets: plannedAssets(planned.plan), orphans: planned.plan.orphans }, null, 2)}\n`
        )
      } else {
        out.write(`${textTable(rowsFromPlan(planned.plan))}\n\n`)
        for (const orphan of planned.plan.orphans)
          out.write(
            `orphan: ${orphan.id} (${orphan.out}) is no longer in the spec; its file is left alone\n`
          )
        out.write(
          `${work} of ${planned.plan.items.length} assets would be generated.\n`
        )
      }
      return command === 'check' && work > 0 ? 1 : 0
    }
    return await runBuild(values, selection, out, err)
  } catch (error) {
    if (error instanceof SpecError) {
      for (const problem of error.problems)
        err.write(`${formatProblem(problem)}\n`)
      err.write(
        `assetgen: ${error.problems.length} problem${error.problems.length === 1 ? '' : 's'} in the spec; nothing was generated\n`
      )
      return 1
    }
    err.write(`assetgen: ${getErrorMessage(error)}\n`)
    return error instanceof InputError ? 2 : 1
  }
}

async function runBuild(
  values: ReturnType<typeof parse>['values'],
  selection: Parameters<typeof plan>[0],
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream
): Promise<number> {
  const apiKey = (process.env.AI_GATEWAY_API_KEY ?? '').trim()
  let placeholder = values.placeholder
  if (!placeholder && !apiKey) {
    err.write(
      '\n*** WARNING: no AI_GATEWAY_API_KEY set: rendering PLACEHOLDER images, not real ones. ***\n' +
        '*** Set AI_GATEWAY_API_KEY to generate, or pass --placeholder to silence this.      ***\n\n'
    )
    placeholder = true
  }
  const baseURL = values['gateway-url'] ?? process.env.AI_GATEWAY_BASE_URL
  const controller = new AbortController()
  let signalName: NodeJS.Signals | undefined
  const onSignal = (name: NodeJS.Signals): void => {
    signalName = name
    err.write(
      `\nassetgen: ${name}: starting nothing new; keeping what finished\n`
    )
    controller.abort(new Error(`cancelled by ${name}`))
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  let result: BuildResult
  try {
    result = await build({
      ...selection,
      placeholder,
      ...(placeholder
        ? {}
        : {
            imageModel: (
              await import('./generate/gateway.js')
            ).gatewayModelFactory({
              apiKey,
              ...(baseURL ? { baseURL } : {})
            })
          }),
      concurrency: integer(values.concurrency, 'concurrency', 4, 1),
      maxRetries: integer(values['max-retries'], 'max-retries', 2, 0),
      timeoutMs: integer(values.timeout, 'timeout', 300, 1) * 1000,
      maxImages: integer(values['max-images'], 'max-images', 0, 0),
      version: VERSION,
      signal: controller.signal,
      onProgress: values.json
        ? undefined
        : (event) => out.write(`${formatProgress(event)}\n`)
    })
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
  const manifest = buildManifest(result)
  if (values.manifest)
    await writeManifest(resolve(selection.root, values.manifest), manifest)
  if (values.json) {
    out.write(`${JSON.stringify(manifest, null, 2)}\n`)
  } else {
    const failed = rowsFromOutcomes(result.outcomes).filter((row) => !row.ok)
    if (failed.length > 0)
      out.write(`\nFailed:\n${textTable(failed, ['id', 'status', 'note'])}\n`)
    out.write(
      `\n${result.generated} generated, ${result.reprocessed} reprocessed, ${result.restored ? `${result.restored} from the store, ` : ''}${result.skipped} skipped, ${result.failed} failed` +
        `${result.cost ? `, ${formatCost(result.cost)}` : ''}${placeholder ? ' (placeholders)' : ''}\n`
    )
  }
  if (signalName) return signalName === 'SIGINT' ? 130 : 143
  return result.failed > 0 ? 1 : 0
}
