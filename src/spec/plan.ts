/**
 * The merge pass: lays `defaults` under each asset and checks the rules that
 * span fields: sizes against the model's limits, palette names, `format`
 * against `out`'s extension, and settings that need a palette.
 */
import path from 'node:path'
import type { PaletteChoice } from './colors.js'
import { checkOutputSize, generationSize } from './generation-size.js'
import { checkSize, planDimensions } from './model-size.js'
import { DEFAULT_MODEL, modelLimits } from './models.js'
import type { Reader } from './nodes.js'
import type { Setting, Settings } from './settings.js'
import { didYouMean } from './suggest.js'
import type {
  Asset,
  ImageFormat,
  PaletteColor,
  VariantSettings
} from './types.js'
import type { AssetEntry, SpecOutline } from './validate.js'

export {
  PLANNED_PIXELS,
  checkSize,
  planDimensions,
  type SizeProblem
} from './model-size.js'

/** The output format an `out` extension names. */
export const FORMAT_BY_EXTENSION: Record<string, ImageFormat> = {
  '.png': 'png',
  '.jpg': 'jpeg',
  '.jpeg': 'jpeg',
  '.webp': 'webp'
}

/**
 * Image extensions assetgen cannot write: an out ending in one would hold bytes
 * of another format.
 */
export const FOREIGN_IMAGE_EXTENSIONS = [
  '.avif',
  '.gif',
  '.bmp',
  '.tif',
  '.tiff',
  '.heic',
  '.svg'
]

/**
 * An asset with defaults merged, minus what the file-system passes add (out,
 * references).
 */
export type AssetDraft = Omit<Asset, 'out' | 'references'>

/** What the later passes need about one asset, whether or not it is valid. */
export interface AssetPlan {
  entry: AssetEntry
  /** Undefined when the asset lacks an id or prompt. */
  draft?: AssetDraft
  model: string
  format: ImageFormat
  swatch: boolean
  /**
   * The merged `variants`, kept with its node so output collisions can point at
   * it.
   */
  variants: Setting<VariantSettings[]>
}

/**
 * Merges `defaults` under an asset. The asset's value wins per key, wholesale:
 * `providerOptions`, `colorCheck` and `variants` are replaced, never
 * deep-merged, so what a spec says is what it gets. `size` and `aspectRatio`
 * act as one setting: an asset giving either ignores both defaults.
 */
export function planAsset(
  reader: Reader,
  outline: SpecOutline,
  entry: AssetEntry
): AssetPlan {
  const { defaults } = outline
  const pick = <K extends keyof Settings>(key: K): Settings[K] =>
    entry[key] !== undefined ? entry[key] : defaults[key]
  const ownDimensions =
    entry.size !== undefined || entry.aspectRatio !== undefined
  const size = ownDimensions ? entry.size : defaults.size
  const aspectRatio = ownDimensions ? entry.aspectRatio : defaults.aspectRatio
  const model = pick('model')?.value ?? DEFAULT_MODEL
  const limits = modelLimits(model)
  const format = planFormat(reader, entry, pick('format'))
  const palette = resolvePalette(reader, outline, pick('palette'))
  const swatch = pick('swatch')
  const colorCheck = pick('colorCheck')
  const snapColors = pick('snapColors')
  for (const setting of [swatch, colorCheck, snapColors]) {
    if (setting?.value && pick('palette') === undefined) {
      reader.problems.add(
        setting.node,
        setting.path,
        'needs a palette: set `palette` on the asset or in `defaults`'
      )
    }
  }
  if (size) {
    // `size` is the exact output size: the model need not accept it directly.
    const problem = checkOutputSize(
      size.value.width,
      size.value.height,
      model,
      limits
    )
    if (problem) {
      const fit = problem.fit ? ` (try ${problem.fit})` : ''
      reader.problems.add(
        size.node,
        size.path,
        `${size.value.text} ${problem.reason}${fit}`
      )
    }
  }
  const planned =
    size?.value ?? (aspectRatio && planDimensions(aspectRatio.value, limits))
  if (aspectRatio && planned) {
    const problem = checkSize(planned.width, planned.height, model, limits)
    if (problem) {
      reader.problems.add(
        aspectRatio.node,
        aspectRatio.path,
        `${aspectRatio.value.text} is too extreme for ${model}: the planned size ${planned.width}x${planned.height} ${problem.reason}; use a squarer ratio or an exact size`
      )
    }
  }
  const variants = pick('variants')
  const plan: AssetPlan = {
    entry,
    model,
    format,
    swatch: swatch?.value ?? false,
    variants
  }
  const id = entry.id?.value
  const prompt = entry.prompt?.value
  // A draft is only used when the whole spec is valid; without id or prompt
  // there is none to make.
  if (id === undefined || prompt === undefined) return plan
  plan.draft = {
    id,
    index: entry.index,
    prompt,
    palette: palette?.colors ?? [],
    width: planned?.width ?? 1024,
    height: planned?.height ?? 1024,
    model,
    format,
    providerOptions: pick('providerOptions')?.value ?? {},
    swatch: plan.swatch,
    variants: variants?.value ?? [],
    crop: pick('crop')?.value ?? 'attention'
  }
  if (palette?.name !== undefined) plan.draft.paletteName = palette.name
  if (size) {
    plan.draft.size = size.value.text as AssetDraft['size']
    const generation = generationSize(
      size.value.width,
      size.value.height,
      limits
    )
    if (generation) plan.draft.generation = generation
  }
  if (snapColors?.value) plan.draft.snapColors = snapColors.value
  if (aspectRatio) {
    plan.draft.aspectRatio = aspectRatio.value.text as AssetDraft['aspectRatio']
  }
  const seed = pick('seed')
  if (seed) plan.draft.seed = seed.value
  if (colorCheck) plan.draft.colorCheck = colorCheck.value
  return plan
}

/**
 * The format: the asset's own `format`, else what `out`'s extension says, else
 * `defaults.format`, else png. An asset giving both `format` and `out` must
 * make them agree.
 */
function planFormat(
  reader: Reader,
  entry: AssetEntry,
  format: Setting<ImageFormat>
): ImageFormat {
  const out = entry.out?.value
  const extension =
    out === undefined ? '' : path.posix.extname(out).toLowerCase()
  const fromExtension = FORMAT_BY_EXTENSION[extension]
  if (entry.out && FOREIGN_IMAGE_EXTENSIONS.includes(extension)) {
    reader.problems.add(
      entry.out.node,
      entry.out.path,
      `ends in ${extension}, but assets are written as png, jpeg or webp: use .png, .jpg or .webp`
    )
  }
  const own = entry.format
  if (own && fromExtension && own.value !== fromExtension) {
    reader.problems.add(
      own.node,
      own.path,
      `${own.value} does not match out's ${extension} extension (${fromExtension}): make them agree`
    )
  }
  return own?.value ?? fromExtension ?? format?.value ?? 'png'
}

function resolvePalette(
  reader: Reader,
  outline: SpecOutline,
  choice: Setting<PaletteChoice>
): { colors: PaletteColor[]; name?: string } | undefined {
  if (!choice) return undefined
  if ('colors' in choice.value) return { colors: choice.value.colors }
  const { name } = choice.value
  if (!outline.palettes.has(name)) {
    const names = [...outline.palettes.keys()]
    const known = names.length
      ? `defined palettes: ${names.join(', ')}`
      : 'no palettes are defined under `palettes`'
    reader.problems.add(
      choice.node,
      choice.path,
      `unknown palette \`${name}\`${didYouMean(name, names)}; ${known}`
    )
    return undefined
  }
  const colors = outline.palettes.get(name)
  return colors && { colors, name }
}
