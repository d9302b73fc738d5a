/**
 * The validated, resolved form of an `assetgen.yml` spec: what the rest of the engine consumes.
 * Everything here is already checked (paths confined, references read and hashed, defaults merged),
 * so later stages never re-validate.
 */

import type { PricingTable } from './pricing.js'

/** A JSON value, as passed through in `providerOptions` and structured prompts. */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }

/** A JSON object. */
export type JsonObject = { [key: string]: JsonValue }

/** Output image formats assetgen writes. */
export type ImageFormat = 'png' | 'jpeg' | 'webp'

/** Formats a variant may use (AVIF only for variants: sites serve it, models don't return it). */
export type VariantFormat = ImageFormat | 'avif'

/** One palette colour, normalised to upper-case `#RRGGBB`. */
export interface PaletteColor {
  hex: string
  name?: string
}

/** What to do when a generated image misses its palette. */
export type ColorMissAction = 'warn' | 'fail' | 'retry'

/** `colorCheck` settings. */
export interface ColorCheckSettings {
  /** Largest acceptable CIEDE2000 distance between a palette colour and the image. */
  tolerance: number
  onMiss: ColorMissAction
  /** Regenerations with a new seed when `onMiss` is `retry`. */
  retries: number
}

/** Where a cover-fit keeps the image when the generation size's shape differs from the output's. */
export type CropPosition = 'attention' | 'entropy' | 'center'

/** `snapColors` settings. */
export interface SnapColorsSettings {
  /** Largest CIEDE2000 distance at which a pixel becomes its nearest palette colour exactly. */
  tolerance: number
}

/** One resized copy written beside the main output as `<stem>-<width>w.<format>`. */
export interface VariantSettings {
  width: number
  format: VariantFormat
  /** Encoder quality 1..100, when the format has one. */
  quality?: number
}

/** A reference image, read and hashed at validation time. */
export interface ReferenceImage {
  /** Workspace-relative POSIX path. */
  path: string
  absolutePath: string
  /** sha256 (hex) of the file's bytes: the input hash uses this, not the downscaled copy. */
  sha256: string
  mediaType: 'image/png' | 'image/jpeg' | 'image/webp'
  bytes: number
  width: number
  height: number
}

/** A structured (JSON) prompt in FLUX.2's shape: scene, subjects, style, color_palette, ... */
export type StructuredPrompt = JsonObject

/** One asset to generate, with defaults merged in and everything resolved. */
export interface Asset {
  id: string
  /** Position in the spec's `assets` list (0-based), for messages such as `assets[2]`. */
  index: number
  prompt: string | StructuredPrompt
  /** Workspace-relative POSIX output path. */
  out: string
  references: ReferenceImage[]
  palette: PaletteColor[]
  /** The palette's name when the asset named one. */
  paletteName?: string
  /** `WxH` as given in the spec: the exact size of the output file. */
  size?: `${number}x${number}`
  /**
   * With `size`: the size requested from the model, one it accepts (see spec/generation-size.ts).
   * Equal to `width` x `height` when the model takes the output size directly.
   */
  generation?: { width: number; height: number }
  /** How the generated image is cover-fitted to `size` when the shapes differ. */
  crop: CropPosition
  /** Pixels near a palette colour become exactly that colour. */
  snapColors?: SnapColorsSettings
  /** `W:H` as given in the spec (forwarded to the model). */
  aspectRatio?: `${number}:${number}`
  /** The output size: `size`, else derived from `aspectRatio` at about 1 MP, else 1024x1024. */
  width: number
  height: number
  /** The seed given in the spec; when absent, the engine derives a stable one from the id. */
  seed?: number
  model: string
  format: ImageFormat
  providerOptions: JsonObject
  /** Also send a generated swatch of the palette as the last reference. */
  swatch: boolean
  colorCheck?: ColorCheckSettings
  variants: VariantSettings[]
}

/** A loaded, valid spec. */
export interface Spec {
  /** Absolute path of the spec file. */
  specPath: string
  /** The spec file as shown to users (workspace-relative where possible). */
  specName: string
  /** Absolute workspace root: every path is confined to it. */
  root: string
  /** Absolute path of `assetgen.lock.json` beside the spec. */
  lockfilePath: string
  assets: Asset[]
  /** The spec's `pricing:` map by model id (USD); empty when the spec gives none. */
  pricing: PricingTable
}
