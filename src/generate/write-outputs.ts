import { join } from 'node:path'
import { readFile } from 'node:fs/promises'
import { getErrorMessage } from '../errors.js'
import { writeFileAtomic } from '../fs-atomic.js'
import type { ColorCheckResult } from '../images/color-check.js'
import {
  renderVariant,
  variantPath,
  type EncodedImage,
  type OutputImage
} from '../images/process.js'
import { readProvenance, type Provenance } from '../images/provenance.js'
import { sha256 } from '../plan/hash.js'
import type { LockEntry, LockedVariant } from '../plan/lockfile.js'
import type { PlanItem } from '../plan/plan.js'
import { initialOutcome, type PaidLedger } from './outcome.js'
import type { AssetRun, RunContext } from './run.js'

/** The image chosen for an asset, about to be written (a store hit has no model answer to describe). */
export interface Candidate {
  image: EncodedImage & Partial<Pick<OutputImage, 'source' | 'snapped'>>
  seed: number
  provenance: Provenance
  check?: ColorCheckResult
  /** How the answer differed from the request, in words (see verify.ts). */
  problems: string[]
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
