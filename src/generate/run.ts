import { join } from 'node:path'
import { setImmediate } from 'node:timers/promises'
import { readFile } from 'node:fs/promises'
import {
  BudgetExceededError,
  GenerationError,
  ImageError,
  getErrorMessage
} from '../errors.js'
import { writeFileAtomic } from '../fs-atomic.js'
import { checkColors, type ColorCheckResult } from '../images/color-check.js'
import {
  encodeOutput,
  renderVariant,
  variantPath,
  type EncodedImage,
  type OutputImage
} from '../images/process.js'
import { readProvenance, type Provenance } from '../images/provenance.js'
import { deriveSeed, sha256 } from '../plan/hash.js'
import type { LockEntry, LockedVariant } from '../plan/lockfile.js'
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

/** The image chosen for an asset, about to be written (a store hit has no model answer to describe). */
export interface Candidate {
  image: EncodedImage & Partial<Pick<OutputImage, 'source' | 'snapped'>>
  seed: number
  provenance: Provenance
  check?: ColorCheckResult
  /** How the answer differed from the request, in words (see verify.ts). */
  problems: string[]
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

/** The variant fields of a lock entry: both set when the asset has variants, both unset otherwise. */
type VariantFields = Pick<LockEntry, 'variantsHash' | 'variants'>

/**
 * Renders the asset's variants from `source` and writes each atomically. Returns the lock entry's
 * variant fields and the files written.
 */
async function writeVariants(
  item: PlanItem,
  root: string,
  source: Uint8Array,
  provenance: Provenance | undefined
): Promise<{ fields: VariantFields; files: string[] }> {
  const { asset } = item
  const variants: LockedVariant[] = []
  for (const settings of asset.variants) {
    const image = await renderVariant(source, settings, provenance)
    const out = variantPath(asset.out, {
      width: settings.width,
      format: settings.format
    })
    await writeFileAtomic(join(root, out), image.bytes, { root })
    variants.push({
      out,
      sha256: sha256(image.bytes),
      width: image.width,
      format: settings.format
    })
  }
  return {
    fields:
      variants.length > 0
        ? { variantsHash: item.variantsHash, variants }
        : { variantsHash: undefined, variants: undefined },
    files: variants.map((variant) => variant.out)
  }
}

/**
 * Writes a chosen image: its variants, then the output, then returns the lock entry and outcome.
 * Shared by generation and by restoring from the image store.
 */
export async function writeOutputs(
  item: PlanItem,
  context: RunContext,
  chosen: Candidate,
  totals: {
    paid: PaidLedger
    attempts: number
    started: number
    warnings: string[]
  }
): Promise<AssetRun> {
  const { asset } = item
  // Variants first, the main image last: the lock entry is written only after all of them.
  const variants = await writeVariants(
    item,
    context.root,
    chosen.image.bytes,
    chosen.provenance
  )
  await writeFileAtomic(join(context.root, asset.out), chosen.image.bytes, {
    root: context.root
  })
  const digest = sha256(chosen.image.bytes)
  const entry: LockEntry = {
    inputHash: item.inputHash,
    inputs: item.inputs,
    out: asset.out,
    sha256: digest,
    bytes: chosen.image.bytes.length,
    width: chosen.image.width,
    height: chosen.image.height,
    model: asset.model,
    seed: chosen.seed,
    ...(context.placeholder ? { placeholder: true } : {}),
    ...variants.fields,
    ...totals.paid.lockFields(),
    generatedAt: context.now().toISOString()
  }
  return {
    entry,
    image: chosen.image.bytes,
    outcome: {
      ...initialOutcome(item, context.placeholder),
      status: 'generated',
      bytes: entry.bytes,
      sha256: digest,
      width: entry.width,
      height: entry.height,
      seed: chosen.seed,
      ...totals.paid.fields(),
      durationMs: Date.now() - totals.started,
      attempts: totals.attempts,
      warnings: totals.warnings,
      ...(chosen.check ? { colorCheck: chosen.check } : {}),
      ...(chosen.image.snapped ? { snapped: chosen.image.snapped } : {}),
      variants: entry.variants ?? [],
      files: [...variants.files, asset.out]
    }
  }
}

/** Re-renders an asset's variants from its existing output, with no model call. */
export async function reprocessAsset(
  item: PlanItem,
  context: RunContext
): Promise<AssetRun> {
  const started = Date.now()
  const previous = item.previous as LockEntry
  try {
    const source = await readFile(join(context.root, item.asset.out))
    const variants = await writeVariants(
      item,
      context.root,
      source,
      await readProvenance(source)
    )
    const entry: LockEntry = { ...previous, ...variants.fields }
    return {
      entry,
      outcome: {
        ...initialOutcome(item, context.placeholder),
        status: 'reprocessed',
        bytes: previous.bytes,
        sha256: previous.sha256,
        width: previous.width,
        height: previous.height,
        seed: previous.seed,
        placeholder: previous.placeholder === true,
        durationMs: Date.now() - started,
        variants: entry.variants ?? [],
        files: variants.files
      }
    }
  } catch (error) {
    return {
      outcome: {
        ...initialOutcome(item, context.placeholder),
        status: 'failed',
        error: getErrorMessage(error),
        durationMs: Date.now() - started
      }
    }
  }
}
