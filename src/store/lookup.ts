/**
 * The engine's side of the image store: turning the plan's `generate` items into restores when
 * the store holds their image, and collecting what a build generated as entries to add.
 */
import type { AssetRun } from '../generate/run.js'
import type { Plan, PlanItem } from '../plan/plan.js'
import { isVerified, storeKey } from './layout.js'
import { renderPreview } from './preview.js'
import type { ImageStore, StoreEntry, StoreHit } from './types.js'

/** The plan with store hits turned into restores, and each hit by asset id. */
export interface StoreLookup {
  plan: Plan
  hits: Map<string, StoreHit>
}

/**
 * Looks up, in one batch, every item the plan would generate. A hit counts only when its bytes
 * match its record's sha256 and it was made for this asset id (the input hash leaves the id out,
 * and the image's provenance names it); anything else is generated as usual.
 */
export async function lookupStore(
  plan: Plan,
  store: ImageStore
): Promise<StoreLookup> {
  // A forced item asks for a new image: restoring the stored one would defeat `force`.
  const wanted = plan.items.filter(
    (item) => item.action === 'generate' && item.status !== 'forced'
  )
  const hits = new Map<string, StoreHit>()
  if (wanted.length === 0) return { plan, hits }
  const keys = [...new Set(wanted.map((item) => storeKey(item.inputHash)))]
  const found = await store.lookup(keys)
  const items = plan.items.map((item): PlanItem => {
    if (!wanted.includes(item)) return item
    const hit = found.get(storeKey(item.inputHash))
    if (!hit || hit.record.id !== item.asset.id || !isVerified(hit)) {
      return item
    }
    hits.set(item.asset.id, hit)
    return {
      ...item,
      status: 'from-store',
      action: 'restore',
      reason: `${item.reason}; in the image store (paid earlier)`
    }
  })
  return { plan: { ...plan, items }, hits }
}

/** A store entry for an image this build generated: the bytes as written, a record and a preview. */
export async function storeEntry(
  item: PlanItem,
  run: AssetRun
): Promise<StoreEntry | undefined> {
  const { outcome, entry, image } = run
  if (!image || !entry || outcome.status !== 'generated' || entry.placeholder)
    return undefined
  const file = item.asset.out.split('/').at(-1) as string
  let preview: Uint8Array
  try {
    preview = await renderPreview(image)
  } catch {
    // The image was verified when it was encoded; without a preview it just stays out of the store.
    return undefined
  }
  return {
    hash: storeKey(item.inputHash),
    image,
    preview,
    record: {
      id: item.asset.id,
      model: entry.model,
      seed: entry.seed,
      width: entry.width,
      height: entry.height,
      format: item.asset.format,
      sha256: entry.sha256,
      bytes: entry.bytes,
      ...(outcome.cost > 0 ? { cost: outcome.cost } : {}),
      ...(outcome.colorCheck ? { colorCheck: outcome.colorCheck } : {}),
      createdAt: entry.generatedAt,
      file
    }
  }
}
