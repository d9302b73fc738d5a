/** The CLI's streams and how it reports a failure, in text or as JSON. */
import {
  SpecError,
  formatProblem,
  getErrorMessage,
  InputError
} from '../errors.js'
import { logText, redactJson, type TextSink } from '../safe-text.js'
import { UsageError } from './args.js'

/** Where the CLI reads and writes: the process's own by default, injectable for tests. */
export interface CliStreams {
  stdout: TextSink
  stderr: TextSink
  /** The current folder: `--spec` and `--root` are relative to it. */
  cwd: string
}

/** Text made inert line by line: a spec string can neither start a workflow command nor hide one. */
export function safeLines(text: string): string {
  return text.split('\n').map(logText).join('\n')
}

/** The exit code for an error: 2 for bad arguments, else 1. */
export function exitCode(error: unknown): number {
  return error instanceof InputError ? 2 : 1
}

/**
 * Reports an error that stopped the command: located spec problems, or one line; with `json`, one
 * JSON object on stdout (`{ error: { name, message, problems? }, exitCode }`) so scripts can read it.
 */
export function reportError(
  error: unknown,
  streams: Omit<CliStreams, 'cwd'>,
  json: boolean
): number {
  const code = exitCode(error)
  if (json) {
    const name = error instanceof Error ? error.name : 'Error'
    const problems = error instanceof SpecError ? error.problems : undefined
    streams.stdout.write(
      `${JSON.stringify(redactJson({ error: { name, message: getErrorMessage(error), ...(problems ? { problems } : {}) }, exitCode: code }), null, 2)}\n`
    )
    return code
  }
  if (error instanceof SpecError) {
    for (const problem of error.problems)
      streams.stderr.write(`${safeLines(formatProblem(problem))}\n`)
    const count = error.problems.length
    streams.stderr.write(
      `assetgen: ${count} problem${count === 1 ? '' : 's'} in the spec; nothing was generated\n`
    )
    return code
  }
  streams.stderr.write(`assetgen: ${safeLines(getErrorMessage(error))}\n`)
  if (error instanceof UsageError)
    streams.stderr.write(
      `Run "assetgen ${error.command ? `${error.command} ` : ''}--help" for the options.\n`
    )
  return code
}
