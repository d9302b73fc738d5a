/**
 * Typed errors. Each has a fixed `name` so callers (and the one error boundary in `run()`) can tell
 * them apart with `instanceof` or by name across bundle copies, and carries the underlying `cause`.
 */

/** One located problem in a spec file. */
export interface SpecProblem {
  /** The spec file as the user names it (workspace-relative where possible). */
  file: string
  /** The field path, e.g. `assets[2].size`; '' for the document itself. */
  path: string
  /** 1-based line of the offending node, when known. */
  line?: number
  /** 1-based column of the offending node, when known. */
  column?: number
  message: string
}

/** Formats a problem as `file:line:column: path: message`. */
export function formatProblem(problem: SpecProblem): string {
  const where =
    problem.line === undefined
      ? problem.file
      : `${problem.file}:${problem.line}:${problem.column ?? 1}`
  return problem.path
    ? `${where}: ${problem.path}: ${problem.message}`
    : `${where}: ${problem.message}`
}

/** The spec is invalid; `problems` lists every problem found in one pass. */
export class SpecError extends Error {
  override readonly name = 'SpecError'
  readonly problems: SpecProblem[]
  constructor(problems: SpecProblem[], options?: { cause?: unknown }) {
    const count = problems.length
    super(
      `${count} problem${count === 1 ? '' : 's'} in the spec:\n` +
        problems.map((problem) => `  ${formatProblem(problem)}`).join('\n'),
      options
    )
    this.problems = problems
  }
}

/** An action input or CLI argument has a bad value. */
export class InputError extends Error {
  override readonly name = 'InputError'
}

/** The lockfile cannot be read or parsed. */
export class LockfileError extends Error {
  override readonly name = 'LockfileError'
}

/** Generating one asset failed; `assetId` says which, `attempts` how often it was tried. */
export class GenerationError extends Error {
  override readonly name = 'GenerationError'
  readonly assetId: string
  readonly attempts: number
  /** The gateway's generation ids of the failed attempts, so a charge can be traced. */
  readonly generationIds: string[]
  constructor(
    assetId: string,
    message: string,
    options: { cause?: unknown; attempts: number; generationIds?: string[] }
  ) {
    super(message, { cause: options.cause })
    this.assetId = assetId
    this.attempts = options.attempts
    this.generationIds = options.generationIds ?? []
  }
}

/** Processing or verifying an image (decode, convert, colour check) failed. */
export class ImageError extends Error {
  override readonly name = 'ImageError'
}

/** Publishing (commit, artifact upload, PR comment) failed; generated files stay in the workspace. */
export class PublishError extends Error {
  override readonly name = 'PublishError'
}

/** A budget (`max-cost`, `max-images`) refused a paid request or the whole plan. */
export class BudgetExceededError extends Error {
  override readonly name = 'BudgetExceededError'
  readonly limit: 'max-cost' | 'max-images'
  constructor(limit: 'max-cost' | 'max-images', message: string) {
    super(message)
    this.limit = limit
  }
}

/** Returns a readable message for anything thrown. */
export function getErrorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}

/** The AI Gateway refused the key (401) or the request (403): the whole run stops at once. */
export class AuthenticationError extends Error {
  override readonly name = 'AuthenticationError'
  /** 401 or 403. */
  readonly status: number
  constructor(message: string, options: { status: number; cause?: unknown }) {
    super(message, { cause: options.cause })
    this.status = options.status
  }
}
