/**
 * Per-model limits, in one table so the rules are not scattered. The validator, the reference
 * fitter and the size planner all read from here.
 */

/** What a model accepts. */
export interface ModelLimits {
  /** Most reference images one request may carry. */
  maxReferences: number
  /** Most output pixels (W*H). */
  maxPixels: number
  /** Width and height must be multiples of this. */
  sizeMultiple: number
  /** Smallest width or height. */
  minSide: number
  /** Most pixels across all reference images together; larger sets are downscaled before sending. */
  maxReferencePixels: number
  /** The model takes BFL provider options (`providerOptions.blackForestLabs`). */
  blackForestLabs: boolean
}

const flux2: ModelLimits = {
  maxReferences: 8,
  maxPixels: 4_194_304,
  sizeMultiple: 16,
  minSide: 64,
  maxReferencePixels: 9_000_000,
  blackForestLabs: true
}

/** Limits by model id; the first matching pattern wins. */
const table: Array<{ pattern: RegExp; limits: ModelLimits }> = [
  { pattern: /^bfl\/flux-2-klein/, limits: { ...flux2, maxReferences: 4 } },
  { pattern: /^bfl\/flux-2-/, limits: flux2 },
  { pattern: /^bfl\//, limits: { ...flux2, maxReferences: 1 } }
]

/** Conservative limits for models assetgen has no entry for. */
const fallback: ModelLimits = {
  maxReferences: 8,
  maxPixels: 4_194_304,
  sizeMultiple: 1,
  minSide: 64,
  maxReferencePixels: 9_000_000,
  blackForestLabs: false
}

/** The default model. */
export const DEFAULT_MODEL = 'bfl/flux-2-pro'

/**
 * Image model ids assetgen knows (listed by `assetgen models`). Others are sent as written, with a
 * warning: the gateway adds models faster than this list.
 */
export const KNOWN_MODELS = [
  'bfl/flux-2-pro',
  'bfl/flux-2-max',
  'bfl/flux-2-flex',
  'bfl/flux-2-klein-4b',
  'bfl/flux-2-klein-9b'
] as const

/** Returns whether assetgen knows a model id. */
export function isKnownModel(modelId: string): boolean {
  return (KNOWN_MODELS as readonly string[]).includes(modelId)
}

/**
 * One warning per model id assetgen does not know, naming its assets and the known ids. Not an
 * error: the gateway adds models faster than assetgen's table.
 */
export function unknownModelWarnings(
  assets: readonly { id: string; model: string }[]
): string[] {
  const byModel = new Map<string, string[]>()
  for (const asset of assets) {
    if (isKnownModel(asset.model)) continue
    byModel.set(asset.model, [...(byModel.get(asset.model) ?? []), asset.id])
  }
  return [...byModel].map(
    ([model, ids]) =>
      `model "${model}" (${ids.join(', ')}) is not one assetgen knows; it is sent as written with conservative limits. Known: ${KNOWN_MODELS.join(', ')}`
  )
}

/** Returns the limits for a model id. */
export function modelLimits(modelId: string): ModelLimits {
  return table.find((entry) => entry.pattern.test(modelId))?.limits ?? fallback
}
