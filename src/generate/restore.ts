/**
 * Restoring an asset from the image store: the stored bytes are written exactly as they are, and
 * everything derived from them (variants, colour check, provenance, lock entry) is computed here,
 * locally, through the same write path as a generated image. No model call, no cost.
 */
import { Buffer } from 'node:buffer'
import { getErrorMessage } from '../errors.js'
import { checkColors } from '../images/color-check.js'
import { sniffMediaType } from '../images/process.js'
import { readProvenance, type Provenance } from '../images/provenance.js'
import { sharp } from '../images/sharp.js'
import type { PlanItem } from '../plan/plan.js'
import type { StoreHit } from '../store/types.js'
import { PaidLedger, initialOutcome } from './outcome.js'
import { writeOutputs, type AssetRun, type RunContext } from './run.js'

/** Writes a verified store hit as the asset's output (byte for byte), its variants and lock entry. */
export async function restoreAsset(
  item: PlanItem,
  context: RunContext,
  hit: StoreHit
): Promise<AssetRun> {
  const { asset } = item
  const started = Date.now()
  try {
    const bytes = Buffer.from(hit.image)
    const metadata = await sharp(bytes).metadata()
    const provenance: Provenance = (await readProvenance(bytes)) ?? {
      model: hit.record.model,
      seed: hit.record.seed,
      inputHash: item.inputHash,
      assetgenVersion: context.version,
      assetId: asset.id
    }
    const check = asset.colorCheck
      ? await checkColors(bytes, asset.palette, asset.colorCheck.tolerance)
      : undefined
    const warnings =
      check && !check.passed
        ? [
            `colours missed: worst ΔE2000 ${check.worstDeltaE.toFixed(1)} > tolerance ${check.tolerance} (as when it was generated)`
          ]
        : []
    const written = await writeOutputs(
      item,
      context,
      {
        image: {
          bytes,
          width: metadata.width ?? hit.record.width,
          height: metadata.height ?? hit.record.height,
          format: asset.format,
          mediaType: sniffMediaType(bytes) ?? 'application/octet-stream'
        },
        seed: provenance.seed,
        provenance,
        problems: [],
        ...(check ? { check } : {})
      },
      // Nothing is paid: an empty ledger records no cost in the lock entry or the outcome.
      { paid: new PaidLedger(), attempts: 0, started, warnings }
    )
    const entry = written.entry && {
      ...written.entry,
      generatedAt: hit.record.createdAt
    }
    return {
      ...(entry ? { entry } : {}),
      outcome: { ...written.outcome, status: 'restored' }
    }
  } catch (error) {
    return {
      outcome: {
        ...initialOutcome(item, context.placeholder),
        status: 'failed',
        error: `restoring from the image store: ${getErrorMessage(error)}`,
        durationMs: Date.now() - started
      }
    }
  }
}
