import { loadSpec } from '../spec/load.js'
import { unknownModelWarnings } from '../spec/models.js'
import type { Spec } from '../spec/types.js'
import { lookupStore } from '../store/lookup.js'
import type { ImageStore, StoreHit } from '../store/types.js'
import {
  estimateWithCatalogue,
  type CatalogueReader,
  type PlanEstimate
} from './estimate.js'
import { readLockfile, type Lockfile } from './lockfile.js'
import { planSpec, type Plan } from './plan.js'

/** Selection and the spec to read. */
export interface PlanRequest {
  /** Absolute workspace root: every path in the spec is confined to it. */
  root: string
  /** The spec file, absolute or relative to root. */
  specPath: string
  only?: string[]
  force?: boolean
  placeholder?: boolean
  shard?: { index: number; count: number }
  /**
   * The gateway catalogue's image prices, the estimate's last source: called at most once, and only
   * when a model to pay for has no price from history, the spec or the built-in table.
   */
  imagePrices?: CatalogueReader
  /** Receives warnings the caller should show: invalid lockfile entries, waiting for another build. */
  onWarning?: (message: string) => void
  /**
   * The image store to look up before paying: verified hits become `from-store` restores. Ignored
   * for placeholder runs (a placeholder is not a paid image).
   */
  store?: ImageStore
}

/** A loaded spec, its lockfile, the plan and what it should cost. */
export interface Planned {
  spec: Spec
  lockfile: Lockfile
  plan: Plan
  estimate: PlanEstimate
  /** Recoverable problems for the log (an unreadable catalogue, a low credit balance). */
  warnings: string[]
}

/** Loads the spec, then plans it as `planLoaded` does. */
export async function planWithStore(
  request: PlanRequest
): Promise<{ planned: Planned; hits: Map<string, StoreHit> }> {
  const spec = await loadSpec({
    specPath: request.specPath,
    root: request.root
  })
  return planLoaded(request, spec)
}

/** Reads the lockfile, plans every asset, looks up the store, then estimates what is left to pay for. */
export async function planLoaded(
  request: PlanRequest,
  spec: Spec
): Promise<{ planned: Planned; hits: Map<string, StoreHit> }> {
  const lockfile = await readLockfile(spec.lockfilePath, request.onWarning)
  const planned = await planSpec(spec, lockfile, {
    ...(request.only ? { only: request.only } : {}),
    force: request.force ?? false,
    placeholder: request.placeholder ?? false,
    ...(request.shard ? { shard: request.shard } : {})
  })
  const looked =
    request.store && !request.placeholder
      ? await lookupStore(planned, request.store)
      : { plan: planned, hits: new Map<string, StoreHit>() }
  // After the lookup: what the store holds costs nothing.
  const { estimate, warnings } = await estimateWithCatalogue(
    looked.plan,
    { history: lockfile, spec: spec.pricing },
    {
      placeholder: request.placeholder ?? false,
      ...(request.imagePrices ? { catalogue: request.imagePrices } : {})
    }
  )
  return {
    planned: {
      spec,
      lockfile,
      plan: looked.plan,
      estimate,
      // The CLI and the action both show these: an unknown model id is often a typo.
      warnings: [...unknownModelWarnings(spec.assets), ...warnings]
    },
    hits: looked.hits
  }
}

/** Counts how many model calls a plan needs at least (one per generated asset). */
export function imagesToGenerate(planned: Plan): number {
  return planned.items.filter((item) => item.action === 'generate').length
}
