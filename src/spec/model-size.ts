/**
 * Pixel sizes against a model's rules: why a size does not suit a model (and
 * one that would), and the size planned for an aspect ratio.
 */
import type { ModelLimits } from './models.js'

/**
 * The planned pixel count when only an aspect ratio is given: about one
 * megapixel.
 */
export const PLANNED_PIXELS = 1_048_576

/**
 * Why a pixel size does not suit a model, and a size that would, when one is
 * easy to name.
 */
export interface SizeProblem {
  reason: string
  fit?: string
}

/**
 * Checks a pixel size against a model's limits; undefined when the size is
 * fine.
 */
export function checkSize(
  width: number,
  height: number,
  model: string,
  limits: ModelLimits
): SizeProblem | undefined {
  const multiple = limits.sizeMultiple
  const smallest = Math.ceil(limits.minSide / multiple) * multiple
  if (width % multiple !== 0 || height % multiple !== 0) {
    const fit = (side: number): number =>
      Math.max(roundTo(side, multiple), smallest)
    return {
      reason: `is not a multiple of ${multiple} for ${model}`,
      fit: `${fit(width)}x${fit(height)}`
    }
  }
  if (Math.min(width, height) < limits.minSide) {
    return {
      reason: `is too small for ${model}: each side must be at least ${limits.minSide} pixels`
    }
  }
  const pixels = width * height
  if (pixels > limits.maxPixels) {
    const scale = Math.sqrt(limits.maxPixels / pixels)
    const fit = (side: number): number =>
      Math.max(Math.floor((side * scale) / multiple) * multiple, smallest)
    const [fitWidth, fitHeight] = [fit(width), fit(height)]
    return {
      reason: `is ${pixels} pixels, more than the ${limits.maxPixels} ${model} allows`,
      // Clamping to the smallest side can overshoot again: suggest only a size
      // that fits.
      fit:
        fitWidth * fitHeight <= limits.maxPixels
          ? `${fitWidth}x${fitHeight}`
          : undefined
    }
  }
  return undefined
}

/**
 * Plans a pixel size for an aspect ratio: about one megapixel, each side
 * rounded to the model's size multiple (at least 16, which every encoder
 * handles well) and at least its smallest side.
 */
export function planDimensions(
  ratio: { width: number; height: number },
  limits: ModelLimits
): { width: number; height: number } {
  const multiple = Math.max(limits.sizeMultiple, 16)
  const smallest = Math.ceil(limits.minSide / multiple) * multiple
  const side = (share: number): number =>
    Math.max(roundTo(Math.sqrt(PLANNED_PIXELS * share), multiple), smallest)
  return {
    width: side(ratio.width / ratio.height),
    height: side(ratio.height / ratio.width)
  }
}

function roundTo(value: number, multiple: number): number {
  return Math.round(value / multiple) * multiple
}
