/**
 * Image prices, beside the model-limits table (models.ts): what one generated image costs, flat or
 * per megapixel. The estimator (src/plan/estimate.ts) reads the built-in rows after the lockfile's
 * history and the spec's own `pricing:` map; an unknown price stays unknown (`?`), never $0.
 */

/** A flat price per image, in USD. */
export interface PerImagePricing {
  perImage: number
}

/**
 * A price per megapixel, as BFL bills FLUX.2: the first (started) output megapixel, each further
 * megapixel, and each megapixel of reference images sent with the prompt.
 */
export interface MegapixelPricing {
  firstMegapixel: number
  perExtraMegapixel: number
  perReferenceMegapixel?: number
}

/** How a model is priced. */
export type Pricing = PerImagePricing | MegapixelPricing

/** Pricing by model id, as given in the spec's `pricing:` map. */
export type PricingTable = Record<string, Pricing>

/** What is priced: output and reference pixels of one image. */
export interface PricedImage {
  /** Output megapixels (width × height / 2^20, so 1024×1024 is one). */
  megapixels: number
  /** Megapixels of every reference image together. */
  referenceMegapixels: number
}

/** One built-in row: a model-id pattern and its price, or undefined where no public price exists. */
interface PriceRow {
  pattern: RegExp
  pricing: Pricing | undefined
}

/** The first matching row wins. Each row says where its price was read and when. */
const builtIn: PriceRow[] = [
  // bfl.ai/pricing (FLUX.2 [pro]: $0.03 first MP, $0.015 per extra output MP and per input MP),
  // read 2026-11-30.
  {
    pattern: /^bfl\/flux-2-pro$/,
    pricing: {
      firstMegapixel: 0.03,
      perExtraMegapixel: 0.015,
      perReferenceMegapixel: 0.015
    }
  },
  // bfl.ai/pricing (FLUX.2 [max]: $0.07 first MP, $0.03 per extra output MP and per input MP),
  // read 2026-11-30.
  {
    pattern: /^bfl\/flux-2-max$/,
    pricing: {
      firstMegapixel: 0.07,
      perExtraMegapixel: 0.03,
      perReferenceMegapixel: 0.03
    }
  },
  // bfl.ai/pricing (FLUX.2 [flex]: "$0.06 for each megapixel on both input and output side"),
  // read 2026-11-30.
  {
    pattern: /^bfl\/flux-2-flex$/,
    pricing: {
      firstMegapixel: 0.06,
      perExtraMegapixel: 0.06,
      perReferenceMegapixel: 0.06
    }
  },
  // FLUX.2 [klein] 4B/9B: BFL lists only a first-megapixel price, no complete rate; unknown
  // (checked 2026-11-30). Give it in the spec's `pricing:` map.
  { pattern: /^bfl\/flux-2-klein/, pricing: undefined },
  // FLUX 3 Image: no public price found (checked 2026-11-30).
  { pattern: /^bfl\/flux-3/, pricing: undefined },
  // bfl.ai/pricing (FLUX.1 Kontext [pro] $0.04, [max] $0.08 per image), read 2026-11-30.
  { pattern: /^bfl\/flux-kontext-pro$/, pricing: { perImage: 0.04 } },
  { pattern: /^bfl\/flux-kontext-max$/, pricing: { perImage: 0.08 } },
  // bfl.ai/pricing (FLUX1.1 [pro] $0.04, [pro] Ultra $0.06, FLUX.1 Fill [pro] $0.05 per image),
  // read 2026-11-30.
  { pattern: /^bfl\/flux-pro-1\.1$/, pricing: { perImage: 0.04 } },
  { pattern: /^bfl\/flux-pro-1\.1-ultra$/, pricing: { perImage: 0.06 } },
  { pattern: /^bfl\/flux-pro-1\.0-fill$/, pricing: { perImage: 0.05 } },
  // ai.google.dev/pricing (Imagen 4 Fast $0.02, Standard $0.04, Ultra $0.06 per image),
  // read 2026-11-30.
  {
    pattern: /^google\/imagen-4\.0-fast-generate/,
    pricing: { perImage: 0.02 }
  },
  {
    pattern: /^google\/imagen-4\.0-ultra-generate/,
    pricing: { perImage: 0.06 }
  },
  { pattern: /^google\/imagen-4\.0-generate/, pricing: { perImage: 0.04 } }
]

/** The built-in price of a model, or undefined when assetgen knows none. */
export function builtInPricing(modelId: string): Pricing | undefined {
  return builtIn.find((row) => row.pattern.test(modelId))?.pricing
}

/** The built-in rows as text, for documentation and tests. */
export function builtInRows(): Array<{ model: string; pricing?: Pricing }> {
  return builtIn.map((row) => ({
    model: row.pattern.source.replace(/^\^|\$$/g, '').replace(/\\/g, ''),
    ...(row.pricing ? { pricing: row.pricing } : {})
  }))
}

/**
 * The price of one image. Megapixel pricing bills every started output megapixel (the first at
 * its own rate) and the reference megapixels, as BFL does.
 */
export function priceImage(pricing: Pricing, image: PricedImage): number {
  if ('perImage' in pricing) return pricing.perImage
  const started = Math.max(1, Math.ceil(image.megapixels - 1e-9))
  const references = Math.ceil(image.referenceMegapixels - 1e-9)
  return roundUsd(
    pricing.firstMegapixel +
      (started - 1) * pricing.perExtraMegapixel +
      references * (pricing.perReferenceMegapixel ?? 0)
  )
}

/** Rounds to a millionth of a dollar, so sums of decimal prices print cleanly. */
export function roundUsd(usd: number): number {
  return Math.round(usd * 1e6) / 1e6
}
