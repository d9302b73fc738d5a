import { setImmediate } from 'node:timers/promises'
import {
  BudgetExceededError,
  GenerationError,
  ImageError,
  getErrorMessage
} from '../errors.js'
import { checkColors } from '../images/color-check.js'
import { encodeOutput } from '../images/process.js'
import type { Provenance } from '../images/provenance.js'
import { deriveSeed } from '../plan/hash.js'
import type { LockEntry } from '../plan/lockfile.js'
import type { PlanItem } from '../plan/plan.js'
import { modelLimits } from '../spec/models.js'
import type { Asset } from '../spec/types.js'
import { requestImage, type AttemptContext } from './attempts.js'
import { malformedImageMessage } from './classify.js'
import {
  PaidLedger,
  failureStatus,
  initialOutcome,
  type AssetOutcome
} from './outcome.js'
import { referenceBytes } from './references.js'
import { buildRequest, type RequestTags } from './request.js'
import { costWarnings, outputSteps, verifyAnswer } from './verify.js'
import { writeOutputs, type Candidate } from './write-outputs.js'

export {
  reprocessAsset,
  writeOutputs,
  type Candidate
} from './write-outputs.js'

/** Everything `generateAsset` needs beyond the plan item. */
export interface RunContext extends AttemptContext {
  root: string
  version: string
  placeholder: boolean
  now: () => Date
  /** Fail an asset whose answer differs from the request (size, ignored settings). */
  strict?: boolean
  /** Tag requests for the gateway's spend reports; undefined sends none. */
  tags?: RequestTags
}

/** An outcome plus the lock entry to record when it succeeded. */
export interface AssetRun {
  outcome: AssetOutcome
  entry?: LockEntry
  /** The output's bytes as written, when this run produced a new image (for the image store). */
  image?: Buffer
}

/** A colour retry's seed: fresh, but still reproducible from the id and the base seed. */
function retrySeed(asset: Asset, base: number, retry: number): number {
  return retry === 0 ? base : deriveSeed(`${asset.id}:${base}`, retry)
}

/**
 * Generates one asset: calls the model (with retries), converts to the spec's format with
 * provenance, checks colours (retrying with a new seed when asked), renders variants, and only then
 * writes every file atomically. A failure at any step leaves the previous files untouched.
 */
export async function generateAsset(
  item: PlanItem,
  context: RunContext
): Promise<AssetRun> {
  const { asset } = item
  const started = Date.now()
  const paid = new PaidLedger()
  let attempts = 0
  const warnings: string[] = []
  let best: Candidate | undefined
  const fail = (error: unknown): AssetRun => ({
    outcome: {
      ...initialOutcome(item, context.placeholder),
      ...failureStatus(error, context.signal),
      error: getErrorMessage(error),
      ...paid.fields(error),
      attempts:
        error instanceof GenerationError ? attempts + error.attempts : attempts,
      durationMs: Date.now() - started,
      warnings,
      // The measured colours survive a failed check, for the manifest.
      ...(best?.check ? { colorCheck: best.check } : {})
    }
  })
  try {
    const references = await referenceBytes(context.root, asset)
    const colorRetries =
      asset.colorCheck?.onMiss === 'retry' ? asset.colorCheck.retries : 0
    for (let retry = 0; retry <= colorRetries; retry += 1) {
      const seed = retrySeed(asset, item.seed, retry)
      let generated
      try {
        generated = await requestImage(
          asset,
          buildRequest(asset, seed, references, context.tags),
          context
        )
      } catch (error) {
        // A colour retry the budget refuses keeps the images already paid for.
        if (!(error instanceof BudgetExceededError) || !best) throw error
        warnings.push(`colour retries stopped: ${error.message}`)
        break
      }
      // Let the request that took this one's pool slot reach the socket before the CPU-bound
      // processing below: answers arrive in bursts, and the next requests should not queue behind
      // a burst of decoding and encoding.
      await setImmediate()
      paid.add(generated)
      attempts += generated.attempts
      // Every image paid for reports its own cost; the answer's problems are the chosen one's.
      warnings.push(...costWarnings(generated.warnings))
      const provenance: Provenance = {
        model: context.placeholder ? 'placeholder' : asset.model,
        seed,
        inputHash: item.inputHash,
        assetgenVersion: context.version,
        assetId: asset.id,
        ...(context.placeholder ? { placeholder: true } : {})
      }
      const image = await encodeOutput(generated.bytes, {
        format: asset.format,
        provenance,
        ...outputSteps(asset),
        // Far above what the model may return, so only a lying header is refused.
        maxPixels: modelLimits(asset.model).maxPixels * 16
      }).catch((error: unknown) => {
        throw new ImageError(
          malformedImageMessage(asset.id, getErrorMessage(error)),
          { cause: error }
        )
      })
      const problems = context.placeholder
        ? []
        : verifyAnswer(asset, image.source, generated.warnings, context)
      const check = asset.colorCheck
        ? await checkColors(
            image.bytes,
            asset.palette,
            asset.colorCheck.tolerance
          )
        : undefined
      if (
        !best ||
        (check && best.check && check.worstDeltaE < best.check.worstDeltaE)
      ) {
        best = {
          image,
          seed,
          provenance,
          problems,
          ...(check ? { check } : {})
        }
      }
      if (!check || check.passed) break
    }
    const chosen = best as Candidate
    warnings.push(...chosen.problems)
    if (chosen.check && !chosen.check.passed) {
      const miss = `colours missed: worst ΔE2000 ${chosen.check.worstDeltaE.toFixed(1)} > tolerance ${chosen.check.tolerance}`
      if (asset.colorCheck?.onMiss === 'fail') {
        throw new GenerationError(
          asset.id,
          `${miss} (colorCheck.onMiss: fail; the previous image is kept)`,
          { attempts: 0 }
        )
      }
      warnings.push(
        colorRetries > 0 ? `${miss} after ${colorRetries + 1} tries` : miss
      )
    }
    return await writeOutputs(item, context, chosen, {
      paid,
      attempts,
      started,
      warnings
    })
  } catch (error) {
    return fail(error)
  }
}
