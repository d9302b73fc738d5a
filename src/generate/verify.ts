/**
 * What the spec says is what the file is: the processing an asset asks for
 * (the fit to its exact size, palette snapping), and the check of what the
 * model returned against what was asked: the decoded size against the
 * requested generation size, and the SDK's warnings (settings the provider
 * ignored) put in words a user understands. Non-strict builds report them as
 * warnings; `strict` turns them into a failure of the asset.
 */
import { GenerationError } from '../errors.js'
import type { FitTarget, SnapTarget } from '../images/process.js'
import { redact } from '../safe-text.js'
import type { Asset } from '../spec/types.js'

/** A warning as the AI SDK reports it (`result.warnings`, SharedV4Warning). */
export type SdkWarning =
  | { type: 'unsupported'; feature: string; details?: string }
  | { type: 'compatibility'; feature: string; details?: string }
  | { type: 'deprecated'; setting: string; message: string }
  | { type: 'other'; message: string }

/**
 * What one result reported besides its image (read from its calls in cost.ts): the SDK's
 * warnings about the call, and a cost report that was not believable, already in words.
 */
export type CallWarning = SdkWarning | { type: 'cost'; message: string }

function isCostWarning(
  warning: CallWarning
): warning is Extract<CallWarning, { type: 'cost' }> {
  return warning.type === 'cost'
}

/**
 * The cost reports among a result's warnings, in words. Every image paid for reports its own,
 * colour retries not chosen included, so these are not part of {@link verifyAnswer}.
 */
export function costWarnings(warnings: readonly CallWarning[]): string[] {
  return warnings.filter(isCostWarning).map((warning) => warning.message)
}

/** The longest piece of the gateway's text a warning quotes. */
const MAX_QUOTE = 200

// A feature or setting name shown in backticks: anything else is outside text
// that is not a plain name, and is quoted only as the details.
const NAME = /^[A-Za-z][\w.-]{0,39}$/

/** Outside text made one short line: redacted, whitespace collapsed, bounded. */
function quote(text: unknown): string {
  const flat = redact(typeof text === 'string' ? text : '')
    .replace(/\s+/g, ' ')
    .trim()
  return flat.length > MAX_QUOTE ? `${flat.slice(0, MAX_QUOTE - 1)}…` : flat
}

function name(value: unknown): string {
  return typeof value === 'string' && NAME.test(value)
    ? `\`${value}\``
    : 'a setting'
}

function withDetails(text: string, details: unknown): string {
  const quoted = quote(details)
  return quoted ? `${text} (${quoted})` : text
}

/** One SDK warning in words: "the model ignored `seed`". */
export function describeSdkWarning(warning: SdkWarning): string {
  switch (warning.type) {
    case 'unsupported':
      return withDetails(
        `the model ignored ${name(warning.feature)}`,
        warning.details
      )
    case 'compatibility':
      return withDetails(
        `the model only approximated ${name(warning.feature)}`,
        warning.details
      )
    case 'deprecated':
      return withDetails(
        `${name(warning.setting)} is deprecated for this model`,
        warning.message
      )
    default: {
      const message = quote((warning as { message?: unknown }).message)
      return `the model warned: ${message || 'no details given'}`
    }
  }
}

/**
 * The problems with one answer: a size other than the generation size that
 * was requested (only `size` requests one), then each SDK warning, in words.
 * Empty when the answer is what was asked for. Cost reports are not about the
 * answer and are left out ({@link costWarnings}).
 */
export function answerProblems(
  asset: Asset,
  returned: { width: number; height: number },
  warnings: readonly CallWarning[]
): string[] {
  const problems: string[] = []
  const requested = asset.generation
  if (
    requested &&
    (returned.width !== requested.width || returned.height !== requested.height)
  ) {
    problems.push(
      `the model returned ${returned.width}x${returned.height} instead of the requested ${requested.width}x${requested.height}`
    )
  }
  for (const warning of warnings) {
    if (isCostWarning(warning)) continue
    const words = describeSdkWarning(warning)
    if (!problems.includes(words)) problems.push(words)
  }
  return problems
}

/**
 * The answer's problems ({@link answerProblems}), to report as warnings; with
 * `strict`, a GenerationError instead (the caller keeps the previous image).
 */
export function verifyAnswer(
  asset: Asset,
  returned: { width: number; height: number },
  warnings: readonly CallWarning[],
  options: { strict?: boolean }
): string[] {
  const problems = answerProblems(asset, returned, warnings)
  if (problems.length > 0 && options.strict) {
    throw new GenerationError(
      asset.id,
      `${problems.join('; ')} (strict: the previous image is kept)`,
      { attempts: 0 }
    )
  }
  return problems
}

/** The exact-size fit and the palette snapping an asset asks for. */
export function outputSteps(asset: Asset): {
  fit?: FitTarget
  snap?: SnapTarget
} {
  return {
    // Only `size` is exact; an aspect ratio keeps whatever the model returned.
    ...(asset.size
      ? { fit: { width: asset.width, height: asset.height, crop: asset.crop } }
      : {}),
    ...(asset.snapColors
      ? {
          snap: {
            palette: asset.palette,
            tolerance: asset.snapColors.tolerance
          }
        }
      : {})
  }
}
