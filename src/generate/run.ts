import { join } from 'node:path'
import { setImmediate } from 'node:timers/promises'
import { readFile } from 'node:fs/promises'
import { GenerationError, getErrorMessage } from '../errors.js'
import { writeFileAtomic } from '../fs-atomic.js'
import { checkColors, type ColorCheckResult } from '../images/color-check.js'
import {
  encodeOutput,
  renderVariant,
  variantPath,
  type EncodedImage
} from '../images/process.js'
import { readProvenance, type Provenance } from '../images/provenance.js'
import { deriveSeed, sha256 } from '../plan/hash.js'
import type { LockEntry, LockedVariant } from '../plan/lockfile.js'
import type { PlanItem } from '../plan/plan.js'
import type { Asset } from '../spec/types.js'
import { requestImage, type AttemptContext } from './attempts.js'
import { initialOutcome, type AssetOutcome } from './outcome.js'
import { referenceBytes } from './references.js'
import { buildRequest } from './request.js'

/** Everything `generateAsset` needs beyond the plan item. */
export interface RunContext extends AttemptContext {
  root: string
  version: string
  placeholder: boolean
  now: () => Date
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

/** The image chosen for an asset, about to be written. */
export interface Candidate {
  image: EncodedImage
  seed: number
  provenance: Provenance
  check?: ColorCheckResult
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
  let cost = 0
  let attempts = 0
  const warnings: string[] = []
  const fail = (error: unknown): AssetRun => ({
    outcome: {
      ...initialOutcome(item, context.placeholder),
      status:
        context.signal.aborted &&
        !(error instanceof GenerationError && /timed out/.test(error.message))
          ? 'cancelled'
          : 'failed',
      error: getErrorMessage(error),
      cost,
      attempts:
        error instanceof GenerationError ? attempts + error.attempts : attempts,
      durationMs: Date.now() - started,
      warnings
    }
  })
  try {
    const references = await referenceBytes(context.root, asset)
    const colorRetries =
      asset.colorCheck?.onMiss === 'retry' ? asset.colorCheck.retries : 0
    let best: Candidate | undefined
    for (let retry = 0; retry <= colorRetries; retry += 1) {
      const seed = retrySeed(asset, item.seed, retry)
      const generated = await requestImage(
        asset,
        buildRequest(asset, seed, references),
        context
      )
      // Let the request that took this one's pool slot reach the socket before the CPU-bound
      // processing below: answers arrive in bursts, and the next requests should not queue behind
      // a burst of decoding and encoding.
      await setImmediate()
      cost += generated.cost
      attempts += generated.attempts
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
        provenance
      })
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
        best = { image, seed, provenance, ...(check ? { check } : {}) }
      }
      if (!check || check.passed) break
    }
    const chosen = best as Candidate
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
      cost,
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
    await writeFileAtomic(join(root, out), image.bytes)
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
    cost: number
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
  await writeFileAtomic(join(context.root, asset.out), chosen.image.bytes)
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
    ...(totals.cost > 0 ? { cost: totals.cost.toFixed(4) } : {}),
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
      cost: totals.cost,
      durationMs: Date.now() - totals.started,
      attempts: totals.attempts,
      warnings: totals.warnings,
      ...(chosen.check ? { colorCheck: chosen.check } : {}),
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
