/**
 * Dollars before paying: what each planned generation should cost, from the best source that knows
 * its model, in order: the lockfile's history (what the gateway charged for the same model at about
 * the same megapixels), the spec's `pricing:` map, the built-in table, the gateway's catalogue.
 * Only `generate` items cost anything; an unknown price stays unknown, never $0.
 */
import {
  builtInPricing,
  priceImage,
  roundUsd,
  type PricedImage,
  type PricingTable
} from '../spec/pricing.js'
import type { Asset } from '../spec/types.js'
import type { Lockfile } from './lockfile.js'
import type { Plan, PlanItem } from './plan.js'

/** Where an estimate came from. */
export type EstimateSource = 'history' | 'spec' | 'built-in' | 'catalogue'

/** One asset's estimate: USD per planned image, or unknown. */
export interface AssetEstimate {
  /** USD; undefined when no source knows the model's price. */
  usd?: number
  source?: EstimateSource
}

/** The estimate of a whole plan. */
export interface PlanEstimate {
  /** By asset id; every plan item has one ($0 for what is not generated). */
  assets: Map<string, AssetEstimate>
  /** USD over the assets whose price is known. */
  total: number
  /** Ids of assets to generate whose price is unknown. */
  unknown: string[]
  /** Their models. */
  unknownModels: string[]
}

/** The prices the estimator may use besides the built-in table. */
export interface PriceSources {
  /** Lock entries with recorded costs. */
  history: Lockfile
  /** The spec's `pricing:` map. */
  spec: PricingTable
  /** The gateway catalogue's image prices, when read. */
  catalogue?: PricingTable
}

/** Megapixels are 2^20 pixels: 1024×1024 is one, as the models bill it. */
const MEGAPIXEL = 1_048_576

/** History counts entries within this ratio of the asset's megapixels as "about the same". */
const HISTORY_TOLERANCE = 0.1

/**
 * What one image of an asset puts on the bill: the gateway bills the size the model is asked for
 * (`asset.generation`, e.g. 1216x640 for a 1200x630 output), not the fitted output.
 */
export function pricedImage(asset: Asset): PricedImage {
  const { width, height } = asset.generation ?? asset
  return {
    megapixels: (width * height) / MEGAPIXEL,
    referenceMegapixels:
      asset.references.reduce(
        (sum, reference) => sum + reference.width * reference.height,
        0
      ) / MEGAPIXEL
  }
}

/**
 * The median cost per image the lockfile recorded for the model at about the asset's megapixels;
 * undefined without such history.
 */
export function historyCost(
  asset: Asset,
  history: Lockfile
): number | undefined {
  const megapixels = (asset.width * asset.height) / MEGAPIXEL
  const costs = Object.values(history.assets)
    .filter((entry) => entry.model === asset.model && !entry.placeholder)
    .filter((entry) => {
      const entryMegapixels = (entry.width * entry.height) / MEGAPIXEL
      return (
        Math.abs(entryMegapixels - megapixels) <= HISTORY_TOLERANCE * megapixels
      )
    })
    .map((entry) => Number(entry.cost) / (entry.images ?? 1))
    .filter((cost) => Number.isFinite(cost) && cost > 0)
    .sort((a, b) => a - b)
  if (costs.length === 0) return undefined
  const middle = Math.floor(costs.length / 2)
  const upper = costs[middle] ?? 0
  const median =
    costs.length % 2 === 1 ? upper : ((costs[middle - 1] ?? 0) + upper) / 2
  return roundUsd(median)
}

/** The estimate of one image of `asset`, from the first source that knows its price. */
export function estimateAsset(
  asset: Asset,
  sources: PriceSources
): AssetEstimate {
  const history = historyCost(asset, sources.history)
  if (history !== undefined) return { usd: history, source: 'history' }
  const image = pricedImage(asset)
  const priced: Array<[EstimateSource, PricingTable[string] | undefined]> = [
    ['spec', sources.spec[asset.model]],
    ['built-in', builtInPricing(asset.model)],
    ['catalogue', sources.catalogue?.[asset.model]]
  ]
  for (const [source, pricing] of priced) {
    if (pricing) return { usd: priceImage(pricing, image), source }
  }
  return {}
}

/** True for items the build pays for. */
function paid(item: PlanItem, placeholder: boolean): boolean {
  return item.action === 'generate' && !placeholder
}

/**
 * Models of paid items no source but the catalogue could price: when this is empty, the
 * catalogue need not be read.
 */
export function modelsWithoutPrice(
  plan: Plan,
  sources: PriceSources,
  placeholder = false
): string[] {
  const models = plan.items
    .filter((item) => paid(item, placeholder))
    .filter((item) => estimateAsset(item.asset, sources).usd === undefined)
    .map((item) => item.asset.model)
  return [...new Set(models)]
}

/** Estimates every item of a plan: $0 for what is kept, reprocessed or rendered offline. */
export function estimatePlan(
  plan: Plan,
  sources: PriceSources,
  placeholder = false
): PlanEstimate {
  const assets = new Map<string, AssetEstimate>()
  const unknown: string[] = []
  const unknownModels = new Set<string>()
  let total = 0
  for (const item of plan.items) {
    if (!paid(item, placeholder)) {
      assets.set(item.asset.id, { usd: 0 })
      continue
    }
    const estimate = estimateAsset(item.asset, sources)
    assets.set(item.asset.id, estimate)
    if (estimate.usd === undefined) {
      unknown.push(item.asset.id)
      unknownModels.add(item.asset.model)
    } else total += estimate.usd
  }
  return {
    assets,
    total: roundUsd(total),
    unknown,
    unknownModels: [...unknownModels]
  }
}

/** Reads the gateway catalogue's image prices; never throws (a failure is a warning). */
export type CatalogueReader = () => Promise<{
  prices: PricingTable
  warning?: string
}>

/**
 * Estimates a plan, reading the catalogue (at most once) only when a model to pay for has no price
 * from the other sources. Returns the estimate and any warning the catalogue gave.
 */
export async function estimateWithCatalogue(
  plan: Plan,
  sources: PriceSources,
  options: { placeholder: boolean; catalogue?: CatalogueReader }
): Promise<{ estimate: PlanEstimate; warnings: string[] }> {
  const warnings: string[] = []
  let withCatalogue = sources
  if (
    options.catalogue &&
    modelsWithoutPrice(plan, sources, options.placeholder).length > 0
  ) {
    const catalogue = await options.catalogue()
    withCatalogue = { ...sources, catalogue: catalogue.prices }
    if (catalogue.warning) warnings.push(catalogue.warning)
  }
  return {
    estimate: estimatePlan(plan, withCatalogue, options.placeholder),
    warnings
  }
}
