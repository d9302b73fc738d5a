/**
 * Re-encoding what the model returned into the spec's format, and the resized variants written
 * beside it, each with the provenance embedded as XMP.
 */
import path from 'node:path'
import type { Sharp } from 'sharp'
import { getErrorMessage, ImageError } from '../errors.js'
import type {
  CropPosition,
  ImageFormat,
  PaletteColor,
  VariantFormat,
  VariantSettings
} from '../spec/types.js'
import { sniffMediaType } from './media-type.js'
import type { Provenance } from './provenance.js'
import { pngWithXmp, provenanceXmp } from './provenance.js'
import { MAX_INPUT_PIXELS, sharp } from './sharp.js'
import { snapPixels, type SnapStats } from './snap.js'

export { sniffMediaType } from './media-type.js'

/** An encoded image and what it is. */
export interface EncodedImage {
  bytes: Buffer
  width: number
  height: number
  format: ImageFormat | VariantFormat
  mediaType: string
}

const MEDIA_TYPES: Record<VariantFormat, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  avif: 'image/avif'
}

/** Default encoder qualities, used when a variant gives none (PNG is lossless and takes none). */
const DEFAULT_QUALITY = { jpeg: 90, webp: 90, avif: 60 } as const

/*
 * AVIF effort, measured with sharp 0.35.5 / aom 3.15.1 on the 2-core machine: encoding a 2048x2048
 * photo-like image at quality 60, best of 3, 2 libvips threads (grainy | smooth):
 *   effort 0:  0.42 s, 511 KiB | 0.22 s, 75.9 KiB
 *   effort 1:  0.41 s, 509 KiB | 0.27 s, 75.1 KiB
 *   effort 2:  0.96 s, 507 KiB | 0.47 s, 75.0 KiB
 *   effort 3:  2.10 s, 515 KiB | 0.79 s, 75.3 KiB
 *   effort 4: 12.4 s,  523 KiB | 6.58 s, 69.1 KiB (sharp's default)
 * Up to effort 3 sizes stay within 2%; effort 4 saves 8% on smooth images for 30x the time.
 * 0 is the fastest (a renderVariant avif 1280 from a 2048 PNG then takes ~0.25 s).
 */
const AVIF_EFFORT = 0

/** Applies the encoder for `format`: fast settings, since CI time matters more than a few bytes. */
function encodeAs(
  pipeline: Sharp,
  format: VariantFormat,
  quality?: number
): Sharp {
  switch (format) {
    case 'png':
      // No `effort`/`quality` here: in sharp either one switches PNG to lossy palette quantisation.
      return pipeline.png({ compressionLevel: 6 })
    case 'jpeg':
      // JPEG has no alpha: flatten on white (libvips would otherwise flatten on black).
      return pipeline
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: quality ?? DEFAULT_QUALITY.jpeg, mozjpeg: false })
    case 'webp':
      return pipeline.webp({
        quality: quality ?? DEFAULT_QUALITY.webp,
        effort: 4
      })
    case 'avif':
      return pipeline.avif({
        quality: quality ?? DEFAULT_QUALITY.avif,
        effort: AVIF_EFFORT
      })
  }
}

/** An exact output size and where the cover-fit keeps the image. */
export interface FitTarget {
  width: number
  height: number
  crop: CropPosition
}

/** Palette snapping settings for {@link encodeOutput}. */
export interface SnapTarget {
  palette: PaletteColor[]
  tolerance: number
}

// sharp's strategies rank edge regions (attention: skin, saturation, luminance; entropy: detail)
// and crop away the lowest; center keeps the middle.
const CROP_POSITIONS: Record<CropPosition, string | number> = {
  attention: sharp.strategy.attention,
  entropy: sharp.strategy.entropy,
  center: 'centre'
}

/** Decodes the pipeline to RGBA, snaps it to the palette, and starts a new pipeline from it. */
async function snapPipeline(
  pipeline: Sharp,
  snap: SnapTarget,
  hasAlpha: boolean
): Promise<{ pipeline: Sharp; stats: SnapStats }> {
  const { data, info } = await pipeline
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  const stats = snapPixels(data, snap.palette, snap.tolerance)
  const snapped = sharp(data, {
    raw: { width: info.width, height: info.height, channels: 4 }
  })
  // An opaque source stays opaque: no alpha channel appears in the file.
  return { pipeline: hasAlpha ? snapped : snapped.removeAlpha(), stats }
}

/**
 * Decodes `input`, narrows it to `width` (never wider than it is) or cover-fits it to `fit` when
 * given, snaps it to a palette when asked, and encodes it as `format` with the provenance embedded,
 * turning any failure into an ImageError naming the input.
 */
async function encode(
  input: Uint8Array,
  target: {
    format: VariantFormat
    quality?: number
    width?: number
    fit?: FitTarget
    snap?: SnapTarget
    provenance?: Provenance
    maxPixels?: number
  }
): Promise<EncodedImage & { snapped?: SnapStats }> {
  const { format, provenance, width, fit } = target
  const xmp = provenance && provenanceXmp(provenance)
  // autoOrient: output metadata is replaced, so an EXIF rotation would be lost; apply it instead.
  let image = sharp(input, {
    limitInputPixels: target.maxPixels ?? MAX_INPUT_PIXELS
  }).autoOrient()
  if (width !== undefined) {
    image = image.resize({ width, withoutEnlargement: true })
  }
  if (fit) {
    image = image.resize({
      width: fit.width,
      height: fit.height,
      fit: 'cover',
      position: CROP_POSITIONS[fit.crop]
    })
  }
  try {
    let snapped: SnapStats | undefined
    if (target.snap) {
      const { hasAlpha } = await sharp(input).metadata()
      const result = await snapPipeline(image, target.snap, hasAlpha)
      image = result.pipeline
      snapped = result.stats
    }
    // PNG gets its XMP spliced in afterwards, as iTXt (see pngWithXmp).
    if (xmp !== undefined && format !== 'png') image = image.withXmp(xmp)
    const { data, info } = await encodeAs(
      image,
      format,
      target.quality
    ).toBuffer({ resolveWithObject: true })
    return {
      ...(snapped ? { snapped } : {}),
      bytes:
        xmp !== undefined && format === 'png' ? pngWithXmp(data, xmp) : data,
      width: info.width,
      height: info.height,
      format,
      mediaType: MEDIA_TYPES[format]
    }
  } catch (error) {
    const detected = sniffMediaType(input) ?? 'unknown'
    throw new ImageError(
      `The image bytes could not be decoded (${input.byteLength} bytes, detected type: ${detected}): ${getErrorMessage(error)}`,
      { cause: error }
    )
  }
}

/** The main output: the encoded image, the size the model returned, and what snapping did. */
export interface OutputImage extends EncodedImage {
  /** The decoded size of the model's answer (orientation applied), before any fit. */
  source: { width: number; height: number }
  snapped?: SnapStats
}

/**
 * Decodes whatever the model returned (PNG, JPEG, WebP, ...), cover-fits it to `fit` (the exact
 * output size) and snaps it to a palette when asked, and re-encodes it as `format` with the
 * provenance embedded as XMP (PNG: iTXt `XML:com.adobe.xmp`; JPEG, WebP: XMP). Other metadata is
 * dropped. Throws ImageError when the bytes cannot be decoded.
 */
export async function encodeOutput(
  input: Uint8Array,
  options: {
    format: ImageFormat
    provenance?: Provenance
    fit?: FitTarget
    snap?: SnapTarget
    /** Refuse (before decoding) an image whose header claims more pixels than this. */
    maxPixels?: number
  }
): Promise<OutputImage> {
  const detected = sniffMediaType(input)
  // Only raster formats are taken from a model: an SVG is a document (scripts, external links) that
  // libvips would render, and a GIF is no format a spec can ask for.
  if (detected === undefined || !RASTER_TYPES.has(detected)) {
    const kind =
      detected ??
      (looksLikeMarkup(input) ? 'SVG or other markup' : 'unrecognised bytes')
    throw new ImageError(
      `the model returned ${kind}, not a PNG, JPEG, WebP or AVIF image: refused (${input.byteLength} bytes)`
    )
  }
  const metadata = await sharp(input)
    .metadata()
    .catch(() => undefined)
  const oriented = metadata?.autoOrient ?? metadata
  const { fit } = options
  // An answer already of the exact size is not resampled.
  const fits =
    fit !== undefined &&
    (oriented?.width !== fit.width || oriented.height !== fit.height)
  const image = await encode(input, { ...options, fit: fits ? fit : undefined })
  return {
    ...image,
    source: {
      width: oriented?.width ?? image.width,
      height: oriented?.height ?? image.height
    }
  }
}

/** What assetgen accepts from a model, judged by the bytes. */
const RASTER_TYPES = new Set([
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/avif'
])

function looksLikeMarkup(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 256)).toString('utf8')
  return /^\uFEFF?\s*</.test(head)
}

/**
 * Renders a resized copy for sites: `variant.width` wide with the aspect ratio kept, but never
 * upscaled (a variant wider than the source gets the source's width), encoded as `variant.format`
 * at `variant.quality`, with the provenance embedded.
 */
export async function renderVariant(
  source: Uint8Array,
  variant: VariantSettings,
  provenance?: Provenance
): Promise<EncodedImage> {
  return encode(source, { ...variant, provenance })
}

/**
 * The path of a variant beside the main output, `<stem>-<width>w.<format>`:
 * `variantPath('public/img/hero.png', { width: 640, format: 'webp' })` is
 * `'public/img/hero-640w.webp'`. Paths are POSIX, as everywhere in a resolved spec.
 */
export function variantPath(
  out: string,
  variant: { width: number; format: VariantFormat }
): string {
  const { dir, name } = path.posix.parse(out)
  return path.posix.format({
    dir,
    name: `${name}-${variant.width}w`,
    ext: `.${variant.format}`
  })
}
