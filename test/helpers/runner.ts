import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'

const repoRoot = join(import.meta.dirname, '..', '..')

/** The bundled action, as the runner starts it. */
export const ACTION_ENTRY = join(repoRoot, 'dist', 'index.js')
/** The bundled CLI, as `npx assetgen` starts it. */
export const CLI_ENTRY = join(repoRoot, 'dist', 'cli', 'index.js')

/** Every input the action declares, with its default, as the runner passes them (INPUT_<NAME>). */
async function defaultInputEnv(): Promise<Record<string, string>> {
  const action = parse(
    await readFile(join(repoRoot, 'action.yml'), 'utf8')
  ) as {
    inputs: Record<string, { default?: string }>
  }
  const env: Record<string, string> = {}
  for (const [name, input] of Object.entries(action.inputs)) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] =
      input.default === '${{ github.token }}'
        ? 'ghs_runner_token'
        : (input.default ?? '')
  }
  return env
}

/** What one action run left behind. */
export interface ActionRun {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  /** The parsed manifest file named by the `manifest` output (it lives in RUNNER_TEMP). */
  manifest?: {
    assets: Array<Record<string, unknown>>
    totals: Record<string, number>
    [key: string]: unknown
  }
}

/** Parses the GITHUB_OUTPUT file format (`name<<delimiter ... delimiter`). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let index = 0; index < lines.length; index += 1) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[index] ?? '')
    if (!match) continue
    const [, name, delimiter] = match
    const value: string[] = []
    for (
      index += 1;
      index < lines.length && lines[index] !== delimiter;
      index += 1
    )
      value.push(lines[index] ?? '')
    outputs[name] = value.join('\n')
  }
  return outputs
}

/** Options for one run. */
export interface RunActionOptions {
  workspace: string
  inputs?: Record<string, string>
  env?: Record<string, string>
  eventName?: string
  event?: unknown
  ref?: string
  /** Called with the child once it started (e.g. to send SIGTERM). */
  onStart?: (
    child: ReturnType<typeof spawn>,
    output: { stdout: () => string }
  ) => void
}

/** Runs `node dist/index.js` as a child process with the env a GitHub runner gives it. */
export async function runAction(options: RunActionOptions): Promise<ActionRun> {
  const runnerTemp = await mkdtemp(join(tmpdir(), 'assetgen-runner-'))
  try {
    const outputFile = join(runnerTemp, 'output.txt')
    const summaryFile = join(runnerTemp, 'summary.md')
    const eventFile = join(runnerTemp, 'event.json')
    await Promise.all([
      writeFile(outputFile, ''),
      writeFile(summaryFile, ''),
      writeFile(eventFile, JSON.stringify(options.event ?? {}))
    ])
    const inputs: Record<string, string> = {}
    for (const [name, value] of Object.entries(options.inputs ?? {}))
      inputs[`INPUT_${name.toUpperCase()}`] = value
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? runnerTemp,
      ...(await defaultInputEnv()),
      ...inputs,
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      GITHUB_WORKSPACE: options.workspace,
      GITHUB_REPOSITORY: 'acme/site',
      GITHUB_REPOSITORY_OWNER: 'acme',
      GITHUB_EVENT_NAME: options.eventName ?? 'push',
      GITHUB_EVENT_PATH: eventFile,
      GITHUB_REF: options.ref ?? 'refs/heads/main',
      GITHUB_SHA: 'a'.repeat(40),
      GITHUB_RUN_ID: '1001',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      RUNNER_TEMP: runnerTemp,
      // The fake GitHub has no secondary rate limits: no 1 s spacing between writes.
      ASSETGEN_GITHUB_WRITE_SPACING: 'off',
      ...options.env
    }
    const child = spawn(process.execPath, [ACTION_ENTRY], {
      env,
      cwd: options.workspace,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    options.onStart?.(child, { stdout: () => stdout })
    const [code, signal] = await new Promise<
      [number | null, NodeJS.Signals | null]
    >((resolve) =>
      child.on('close', (exitCode, exitSignal) =>
        resolve([exitCode, exitSignal])
      )
    )
    const outputs = parseOutputFile(await readFile(outputFile, 'utf8'))
    const manifest = outputs.manifest
      ? (JSON.parse(
          await readFile(outputs.manifest, 'utf8')
        ) as ActionRun['manifest'])
      : undefined
    return {
      code,
      signal,
      stdout,
      stderr,
      outputs,
      summary: await readFile(summaryFile, 'utf8'),
      ...(manifest ? { manifest } : {})
    }
  } finally {
    await rm(runnerTemp, { recursive: true, force: true })
  }
}
