import type { Asset, JsonObject, PaletteColor } from '../spec/types.js'
import { sizeText } from '../spec/generation-size.js'
import { modelLimits } from '../spec/models.js'

/**
 * Turns a palette into a prompt clause in which every colour appears verbatim as `#RRGGBB`, tied to
 * its name, as FLUX.2's prompting guide recommends for exact colour matching.
 */
export function paletteClause(palette: PaletteColor[]): string {
  if (palette.length === 0) return ''
  const colors = palette.map((color) =>
    color.name ? `${color.name} ${color.hex}` : color.hex
  )
  return `Use exactly these colors from the brand palette: ${colors.join(', ')}.`
}

/**
 * The prompt text sent to the model. A string prompt gets the palette clause appended; a structured
 * prompt is sent as JSON text with its `color_palette` filled from the palette.
 */
export function promptText(asset: Asset): string {
  if (typeof asset.prompt === 'string') {
    const clause = paletteClause(asset.palette)
    return clause ? `${asset.prompt.trim()}\n\n${clause}` : asset.prompt.trim()
  }
  const structured: JsonObject = { ...asset.prompt }
  if (asset.palette.length > 0) {
    structured.color_palette = asset.palette.map((color) => color.hex)
  }
  return JSON.stringify(structured)
}

/**
 * Provider options as sent: the spec's, plus the output format for BFL models (png or jpeg), so the
 * model returns the bytes we write and no conversion is needed. The user's own setting wins.
 */
export function requestProviderOptions(
  asset: Asset
): Record<string, JsonObject> {
  const options = structuredClone(asset.providerOptions) as Record<
    string,
    JsonObject
  >
  if (modelLimits(asset.model).blackForestLabs && asset.format !== 'webp') {
    const bfl = options.blackForestLabs ?? {}
    if (bfl.outputFormat === undefined) bfl.outputFormat = asset.format
    options.blackForestLabs = bfl
  }
  return options
}

/** The options of one `generateImage` call, less model, signal and retries. */
export interface ImageRequest {
  prompt: string | { text: string; images: Uint8Array[] }
  size?: `${number}x${number}`
  aspectRatio?: `${number}:${number}`
  seed: number
  providerOptions: Record<string, JsonObject>
}

/** How requests are tagged for the gateway's spend reports; undefined sends no tags. */
export interface RequestTags {
  /** `owner/repo`, when known. */
  repository?: string
}

/**
 * Adds `providerOptions.gateway.tags` (and `user`, the repository) so the gateway's dashboard can
 * split spend by repository and asset. Tags the spec sets itself are kept, and its `user` wins.
 */
export function tagRequest(
  options: Record<string, JsonObject>,
  asset: Asset,
  tags: RequestTags
): Record<string, JsonObject> {
  const gateway = options.gateway ?? {}
  const own = Array.isArray(gateway.tags) ? gateway.tags : []
  const added = [
    ...(tags.repository ? [`repository:${tags.repository}`] : []),
    `asset:${asset.id}`
  ]
  return {
    ...options,
    gateway: {
      ...gateway,
      tags: [...own, ...added.filter((tag) => !own.includes(tag))],
      ...(tags.repository && gateway.user === undefined
        ? { user: tags.repository }
        : {})
    }
  }
}

/** Builds the request for an asset, given its (fitted) reference bytes in spec order. */
export function buildRequest(
  asset: Asset,
  seed: number,
  referenceImages: Uint8Array[],
  tags?: RequestTags
): ImageRequest {
  const text = promptText(asset)
  const providerOptions = requestProviderOptions(asset)
  return {
    prompt:
      referenceImages.length > 0 ? { text, images: referenceImages } : text,
    // The model gets a size it accepts; processing fits the answer to `size` exactly.
    ...(asset.generation
      ? { size: sizeText(asset.generation) }
      : asset.size
        ? { size: asset.size }
        : {}),
    ...(asset.aspectRatio ? { aspectRatio: asset.aspectRatio } : {}),
    seed,
    providerOptions: tags
      ? tagRequest(providerOptions, asset, tags)
      : providerOptions
  }
}
