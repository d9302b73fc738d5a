/**
 * Exact output sizes: `size: WxH` is the size of the file, any size from 16x16
 * up to the model's pixel limit. When the model cannot produce that size
 * directly (FLUX.2: multiples of 16, at least 64 per side), assetgen asks for a
 * generation size it accepts and cover-fits the answer to W x H.
 */
import type { ModelLimits } from './models.js'

/** Smallest output side: below this, no icon format or encoder is served well. */
export const MIN_OUTPUT_SIDE = 16

/** Beyond this relative aspect-ratio difference the cover-fit would crop away too much. */
const MAX_ASPECT_ERROR = 0.1

/** A width and height in pixels. */
export interface PixelSize {
  width: number
  height: number
}

/**
 * Why an output size does not suit a model, and a size that would, when one
 * is easy to name.
 */
export interface OutputSizeProblem {
  reason: string
  fit?: string
}

/**
 * The size to request for an output of `width` x `height`: the output size
 * itself when the model accepts it, else the accepted size with the closest
 * aspect ratio that covers the output on both sides (so the fit only shrinks)
 * with the fewest pixels. When no covering size fits the pixel limit, the
 * largest accepted size of that shape (the fit then enlarges slightly).
 * Undefined when no accepted size comes within 10% of the shape: the crop
 * would lose too much of the image.
 */
export function generationSize(
  width: number,
  height: number,
  limits: ModelLimits
): PixelSize | undefined {
  const multiple = limits.sizeMultiple
  const smallest = Math.ceil(limits.minSide / multiple) * multiple
  const accepted = (size: PixelSize): boolean =>
    size.width % multiple === 0 &&
    size.height % multiple === 0 &&
    Math.min(size.width, size.height) >= limits.minSide &&
    size.width * size.height <= limits.maxPixels
  if (accepted({ width, height })) return { width, height }
  const ratio = width / height
  const up = (side: number): number =>
    Math.max(Math.ceil(side / multiple) * multiple, smallest)
  const near = (side: number): number =>
    Math.max(Math.round(side / multiple) * multiple, smallest)
  // Anchor the short side (or the long one) at its smallest covering size and
  // give the other side the multiple nearest the ratio, never below the output.
  const covering = [
    {
      width: Math.max(near(up(height) * ratio), up(width)),
      height: up(height)
    },
    { width: up(width), height: Math.max(near(up(width) / ratio), up(height)) }
  ].filter(accepted)
  const best = closest(covering, ratio)
  if (best && aspectError(best, ratio) <= MAX_ASPECT_ERROR) return best
  // The limit does not allow the output's resolution: the largest size of
  // this shape that fits, each side rounded down.
  const scale = Math.sqrt(limits.maxPixels / (width * height))
  const down = (side: number): number =>
    Math.max(Math.floor((side * scale) / multiple) * multiple, smallest)
  const fallback = closest(
    [
      { width: down(width), height: down(height) },
      {
        width: down(width),
        height: Math.max(
          Math.floor(down(width) / ratio / multiple) * multiple,
          smallest
        )
      }
    ].filter(accepted),
    ratio
  )
  return fallback && aspectError(fallback, ratio) <= MAX_ASPECT_ERROR
    ? fallback
    : undefined
}

/** The candidate whose aspect ratio is closest to `ratio`; fewer pixels break ties. */
function closest(
  candidates: PixelSize[],
  ratio: number
): PixelSize | undefined {
  return candidates.reduce<PixelSize | undefined>((best, candidate) => {
    if (!best) return candidate
    const [a, b] = [aspectError(candidate, ratio), aspectError(best, ratio)]
    if (a < b - 1e-12) return candidate
    if (Math.abs(a - b) <= 1e-12) {
      return candidate.width * candidate.height < best.width * best.height
        ? candidate
        : best
    }
    return best
  }, undefined)
}

/** Relative difference between a size's aspect ratio and `ratio`. */
function aspectError(size: PixelSize, ratio: number): number {
  return Math.abs(size.width / size.height / ratio - 1)
}

/**
 * Checks an exact output size against a model; undefined when the size is
 * fine (the model need not accept it directly: see {@link generationSize}).
 */
export function checkOutputSize(
  width: number,
  height: number,
  model: string,
  limits: ModelLimits
): OutputSizeProblem | undefined {
  if (Math.min(width, height) < MIN_OUTPUT_SIDE) {
    return {
      reason: `is too small: each side must be at least ${MIN_OUTPUT_SIDE} pixels`
    }
  }
  const pixels = width * height
  if (pixels > limits.maxPixels) {
    const scale = Math.sqrt(limits.maxPixels / pixels)
    const [fitWidth, fitHeight] = [
      Math.floor(width * scale),
      Math.floor(height * scale)
    ]
    return {
      reason: `is ${pixels} pixels, more than the ${limits.maxPixels} ${model} allows`,
      fit:
        Math.min(fitWidth, fitHeight) >= MIN_OUTPUT_SIDE
          ? `${fitWidth}x${fitHeight}`
          : undefined
    }
  }
  if (!generationSize(width, height, limits)) {
    return {
      reason: `is too extreme a shape for ${model}: no size it accepts (multiples of ${limits.sizeMultiple}, at least ${limits.minSide} per side, at most ${limits.maxPixels} pixels) comes within 10% of its aspect ratio`
    }
  }
  return undefined
}

/** `WxH`. */
export function sizeText(size: PixelSize): `${number}x${number}` {
  return `${size.width}x${size.height}`
}
