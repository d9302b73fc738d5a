/**
 * Shrinks reference images to fit a model's pixel budget across all references (FLUX.2 [pro]: 9 MP),
 * so an oversized set is sent downscaled instead of rejected by the provider.
 */
import type { Sharp } from 'sharp'
import { getErrorMessage, ImageError } from '../errors.js'
import { sharp } from './sharp.js'

/** A reference image as read from disk. */
export interface ReferenceInput {
  bytes: Uint8Array
  /** Pixel size, as stored or after EXIF rotation: the budget only needs the pixel count. */
  width: number
  height: number
  mediaType: string
}

/** A reference image ready to send. */
export interface FittedReference {
  bytes: Uint8Array
  mediaType: string
  width: number
  height: number
  /** True when the image was downscaled (and so re-encoded). */
  resized: boolean
}

/** Re-encodes in the reference's own format; anything else (GIF, AVIF, ...) becomes lossless PNG. */
function encodeLike(image: Sharp, mediaType: string): [Sharp, string] {
  switch (mediaType) {
    case 'image/jpeg':
      return [image.jpeg({ quality: 90, mozjpeg: false }), mediaType]
    case 'image/webp':
      return [image.webp({ quality: 90, effort: 4 }), mediaType]
    default:
      return [image.png({ compressionLevel: 6 }), 'image/png']
  }
}

async function downscale(
  reference: ReferenceInput,
  factor: number,
  index: number
): Promise<FittedReference> {
  try {
    // The re-encode drops EXIF, so bake the orientation in; when it turns the image a quarter,
    // the given size (if stored, not oriented) must be swapped to match.
    const { autoOrient } = await sharp(reference.bytes).metadata()
    const swapped = autoOrient.width !== reference.width
    const [width, height] = [reference.width, reference.height].map((side) =>
      Math.max(1, Math.floor(side * factor))
    ) as [number, number]
    const [image, mediaType] = encodeLike(
      sharp(reference.bytes)
        .autoOrient()
        .resize({
          width: swapped ? height : width,
          height: swapped ? width : height,
          fit: 'fill'
        }),
      reference.mediaType
    )
    const { data, info } = await image.toBuffer({ resolveWithObject: true })
    return {
      bytes: data,
      mediaType,
      width: info.width,
      height: info.height,
      resized: true
    }
  } catch (error) {
    throw new ImageError(
      `Could not downscale reference image ${index + 1} (${reference.mediaType}): ${getErrorMessage(error)}`,
      { cause: error }
    )
  }
}

/**
 * Downscales reference images so their total pixels stay within `maxTotalPixels`. A set already
 * within budget is passed through byte-identical (no re-encode, so no generation loss and the bytes
 * still match their recorded hash). An oversized set is scaled by one factor, sqrt(budget/total),
 * rounding sides down so the total cannot overshoot, keeping every image's relative size (the model
 * sees the references in the same proportions) and re-encoding each in its own format.
 * Returns the references in the order given.
 */
export async function fitReferences(
  references: ReferenceInput[],
  maxTotalPixels: number
): Promise<FittedReference[]> {
  const total = references.reduce(
    (sum, reference) => sum + reference.width * reference.height,
    0
  )
  if (total <= maxTotalPixels) {
    return references.map(({ bytes, mediaType, width, height }) => ({
      bytes,
      mediaType,
      width,
      height,
      resized: false
    }))
  }
  const factor = Math.sqrt(maxTotalPixels / total)
  return Promise.all(
    references.map((reference, index) => downscale(reference, factor, index))
  )
}
