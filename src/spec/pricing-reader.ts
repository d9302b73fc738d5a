/**
 * Reads the spec's `pricing:` map: per model id, a price the estimator uses
 * before the built-in table (see pricing.ts and src/plan/estimate.ts).
 */
import { isMap } from 'yaml'
import type { Node } from 'yaml'
import {
  childPath,
  describe,
  pairValue,
  readMapping,
  readScalar
} from './nodes.js'
import type { Reader } from './nodes.js'
import type { Pricing, PricingTable } from './pricing.js'
import { readModel } from './settings.js'

/** Keys of one `pricing` entry. */
export const PRICING_KEYS = [
  'perImage',
  'firstMegapixel',
  'perExtraMegapixel',
  'perReferenceMegapixel'
] as const
/** The most a spec may say one image or megapixel costs: more is a typo, not a price. */
export const MAX_PRICE_USD = 100

/**
 * Reads `pricing`: per model id, either `{ perImage }` or `{ firstMegapixel, perExtraMegapixel,
 * perReferenceMegapixel? }`, in USD.
 */
export function readPricing(
  reader: Reader,
  node: Node,
  path: string
): PricingTable | undefined {
  const value = reader.doc.deref(node)
  if (!isMap(value)) {
    reader.problems.add(
      node,
      path,
      `must be a mapping of model ids to prices; got ${describe(value)}`
    )
    return undefined
  }
  const table: PricingTable = {}
  let ok = true
  for (const pair of value.items) {
    const model = readModel(reader, pair.key as Node, path)
    const pricing =
      model === undefined
        ? undefined
        : readPrice(reader, pairValue(pair), childPath(path, model))
    if (model === undefined || pricing === undefined) ok = false
    else table[model] = pricing
  }
  return ok ? table : undefined
}

function readPrice(
  reader: Reader,
  node: Node,
  path: string
): Pricing | undefined {
  const before = reader.problems.count
  const entries = readMapping(reader, node, path, PRICING_KEYS)
  // An unknown key is reported already; "needs perImage" on top would be noise.
  if (!entries || reader.problems.count > before) return undefined
  const prices: Partial<Record<(typeof PRICING_KEYS)[number], number>> = {}
  let ok = true
  for (const [key, entry] of entries) {
    const price = readScalar(
      reader,
      entry.node,
      entry.path,
      `a price in USD from 0 to ${MAX_PRICE_USD}`,
      (v) =>
        typeof v === 'number' && Number.isFinite(v) && v >= 0
          ? v <= MAX_PRICE_USD
            ? v
            : undefined
          : undefined
    )
    if (price === undefined) ok = false
    else prices[key as (typeof PRICING_KEYS)[number]] = price
  }
  if (!ok) return undefined
  const { perImage, firstMegapixel, perExtraMegapixel } = prices
  const megapixel =
    firstMegapixel !== undefined ||
    perExtraMegapixel !== undefined ||
    prices.perReferenceMegapixel !== undefined
  if (perImage !== undefined && !megapixel) return { perImage }
  if (
    perImage === undefined &&
    firstMegapixel !== undefined &&
    perExtraMegapixel !== undefined
  ) {
    return {
      firstMegapixel,
      perExtraMegapixel,
      ...(prices.perReferenceMegapixel !== undefined
        ? { perReferenceMegapixel: prices.perReferenceMegapixel }
        : {})
    }
  }
  reader.problems.add(
    node,
    path,
    perImage !== undefined
      ? 'gives both perImage and megapixel prices; give one or the other'
      : 'needs perImage, or firstMegapixel and perExtraMegapixel (perReferenceMegapixel optional)'
  )
  return undefined
}
