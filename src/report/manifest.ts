import type { BuildResult, Planned } from '../engine.js'
import type { AssetOutcome } from '../generate/outcome.js'
import { writeFileAtomic } from '../fs-atomic.js'
import type { PlanEstimate } from '../plan/estimate.js'
import type { Plan } from '../plan/plan.js'
import { redact } from '../safe-text.js'

/**
 * One asset in the manifest (the `manifest` output's JSON file): its outcome without the
 * engine's bookkeeping, and with `would-generate`-style statuses for plans.
 */
export type ManifestAsset = Omit<
  AssetOutcome,
  'status' | 'planStatus' | 'files'
> & { status: string }

/** The manifest: every asset of the spec, the totals and where things went. */
export interface Manifest {
  spec: string
  dryRun: boolean
  totals: {
    generated: number
    reprocessed: number
    skipped: number
    failed: number
    /** USD actually paid, as the gateway reported it. */
    cost: number
    /** USD estimated before the run, over the assets whose price was known. */
    estimatedCost: number
    /** Assets to generate whose price was unknown (`estimate: null`). */
    unpricedAssets: number
  }
  assets: ManifestAsset[]
  orphans: Array<{ id: string; out: string }>
  commit?: { sha: string; verified?: boolean }
  artifacts?: Array<{ name: string; id: number; url?: string }>
}

/** Manifest rows from a build's outcomes. */
export function manifestAssets(outcomes: AssetOutcome[]): ManifestAsset[] {
  return outcomes.map(
    ({ planStatus: _planStatus, files: _files, ...asset }) => ({
      ...asset,
      // Restored from the image store: `from-store`, like the plan status.
      status: asset.status === 'restored' ? FROM_STORE : asset.status
    })
  )
}

/** The manifest status of an asset the image store held (restored, or would be). */
const FROM_STORE = 'from-store'

/** Manifest rows from a plan alone (dry runs): what would happen and why, and its estimate. */
export function plannedAssets(
  plan: Plan,
  estimate?: PlanEstimate
): ManifestAsset[] {
  return plan.items.map((item) => ({
    id: item.asset.id,
    status:
      item.action === 'keep'
        ? 'skipped'
        : item.action === 'restore'
          ? FROM_STORE
          : `would-${item.action}`,
    reason: item.reason,
    out: item.asset.out,
    width: item.asset.width,
    height: item.asset.height,
    seed: item.seed,
    cost: 0,
    ...(estimate
      ? { estimate: estimate.assets.get(item.asset.id)?.usd ?? null }
      : {}),
    durationMs: 0,
    attempts: 0,
    warnings: [],
    placeholder: false,
    variants: item.previous?.variants ?? []
  }))
}

/** Where a build's files went, as far as the manifest tells. */
export interface Publication {
  commitSha?: string
  verified?: boolean
  artifacts: Array<{ name: string; id: number; url?: string }>
}

/** The manifest of a build, with where its files were published. */
export function buildManifest(
  result: BuildResult,
  published?: Publication
): Manifest {
  return {
    spec: result.spec.specName,
    dryRun: false,
    totals: {
      generated: result.generated,
      reprocessed: result.reprocessed,
      skipped: result.skipped,
      failed: result.failed,
      cost: result.cost,
      ...estimateTotals(result.estimate)
    },
    assets: manifestAssets(result.outcomes),
    orphans: result.plan.orphans,
    ...(published?.commitSha
      ? {
          commit: {
            sha: published.commitSha,
            ...(published.verified !== undefined
              ? { verified: published.verified }
              : {})
          }
        }
      : {}),
    ...(published?.artifacts.length
      ? {
          artifacts: published.artifacts.map(({ name, id, url }) => ({
            name,
            id,
            ...(url ? { url } : {})
          }))
        }
      : {})
  }
}

/** The manifest of a plan (dry runs, fork PRs): what would be generated and why. */
export function planManifest(planned: Planned): Manifest {
  const work = planned.plan.items.filter(
    (item) => item.action !== 'keep'
  ).length
  return {
    spec: planned.spec.specName,
    dryRun: true,
    totals: {
      generated: 0,
      reprocessed: 0,
      skipped: planned.plan.items.length - work,
      failed: 0,
      cost: 0,
      ...estimateTotals(planned.estimate)
    },
    assets: plannedAssets(planned.plan, planned.estimate),
    orphans: planned.plan.orphans
  }
}

function estimateTotals(
  estimate: PlanEstimate
): Pick<Manifest['totals'], 'estimatedCost' | 'unpricedAssets'> {
  return {
    estimatedCost: estimate.total,
    unpricedAssets: estimate.unknown.length
  }
}

/** Writes the manifest as pretty JSON (atomically), redacted: it is also uploaded as an artifact. */
export async function writeManifest(
  path: string,
  manifest: Manifest
): Promise<void> {
  await writeFileAtomic(path, redact(`${JSON.stringify(manifest, null, 2)}\n`))
}
