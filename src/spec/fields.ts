/**
 * Readers for the spec's value types: sizes and aspect ratios, formats,
 * colour-check settings and variants. They check shape only; rules that need
 * the model or the file system come later (see plan.ts, outputs.ts and
 * references.ts).
 */
import { isMap } from 'yaml'
import type { Node } from 'yaml'
import {
  childPath,
  integerIn,
  oneOf,
  readList,
  readMapping,
  readScalar
} from './nodes.js'
import type { Reader } from './nodes.js'
import { didYouMean } from './suggest.js'
import type {
  ColorCheckSettings,
  ColorMissAction,
  CropPosition,
  ImageFormat,
  SnapColorsSettings,
  VariantFormat,
  VariantSettings
} from './types.js'

/** Keys of `colorCheck`. */
export const COLOR_CHECK_KEYS = ['tolerance', 'onMiss', 'retries'] as const
/** Keys of `snapColors` when it is a mapping. */
export const SNAP_COLORS_KEYS = ['tolerance'] as const
/** Keys of one `variants` item. */
export const VARIANT_KEYS = ['width', 'format', 'quality'] as const

/** Output formats, and the wider set variants may use. */
export const IMAGE_FORMATS: readonly ImageFormat[] = ['png', 'jpeg', 'webp']
const VARIANT_FORMATS: readonly VariantFormat[] = [...IMAGE_FORMATS, 'avif']
const MISS_ACTIONS: readonly ColorMissAction[] = ['warn', 'fail', 'retry']
/** Cover-fit positions for `crop`; the first is the default. */
export const CROP_POSITIONS: readonly CropPosition[] = [
  'attention',
  'entropy',
  'center'
]

/*
 * The default `snapColors` tolerance (CIEDE2000), chosen by measurement (test/images/snap.test.ts,
 * `npm run bench` section 8). 4 MP flat art in four palette colours, every pixel drifted by up
 * to ±2 per channel (ΔE2000 about 1 to 3, a model's small errors): 70% / 91% / 98% / 100% of
 * pixels end exactly on the palette at tolerance 1 / 2 / 3 / 4. A smooth gradient from one
 * palette colour to another: 5% / 9% / 14% / 19% of it snaps (the parts nearest either end);
 * an RGB gradient that passes no palette colour: nothing moves up to 4. 3 is the smallest that
 * absorbs the drift (>= 95%) and keeps 86% of a gradient between palette colours as it was.
 */
export const DEFAULT_SNAP_TOLERANCE = 3

/** Width and height as parsed from `WxH` or `W:H`, with the text as written. */
export interface Dimensions {
  width: number
  height: number
  text: string
}

/** Reads `size` as `WxH`. */
export function readSize(
  reader: Reader,
  node: Node,
  path: string
): Dimensions | undefined {
  return readDimensions(
    reader,
    node,
    path,
    'x',
    'WxH in pixels, like "1024x1024"'
  )
}

/** Reads `aspectRatio` as `W:H`. */
export function readAspectRatio(
  reader: Reader,
  node: Node,
  path: string
): Dimensions | undefined {
  return readDimensions(
    reader,
    node,
    path,
    ':',
    'W:H with whole numbers, like "16:9"'
  )
}

function readDimensions(
  reader: Reader,
  node: Node,
  path: string,
  separator: string,
  expected: string
): Dimensions | undefined {
  const pattern = new RegExp(`^([1-9]\\d{0,5})${separator}([1-9]\\d{0,5})$`)
  return readScalar(reader, node, path, expected, (value) => {
    const match = typeof value === 'string' ? pattern.exec(value) : null
    return match
      ? {
          width: Number(match[1]),
          height: Number(match[2]),
          text: value as string
        }
      : undefined
  })
}

/**
 * Reads an output `format`, suggesting the spelling for near misses such as
 * `jpg`.
 */
export function readFormat(
  reader: Reader,
  node: Node,
  path: string
): ImageFormat | undefined {
  return readScalar(
    reader,
    node,
    path,
    'png, jpeg or webp',
    oneOf(IMAGE_FORMATS),
    (value) =>
      typeof value === 'string' ? didYouMean(value, IMAGE_FORMATS) : ''
  )
}

/** Reads `colorCheck`, filling in the documented defaults. */
export function readColorCheck(
  reader: Reader,
  node: Node,
  path: string
): ColorCheckSettings | undefined {
  const entries = readMapping(reader, node, path, COLOR_CHECK_KEYS)
  if (!entries) return undefined
  const settings: ColorCheckSettings = {
    tolerance: 10,
    onMiss: 'warn',
    retries: 2
  }
  let ok = true
  const read = <K extends keyof ColorCheckSettings>(
    key: K,
    expected: string,
    check: (value: unknown) => ColorCheckSettings[K] | undefined
  ): void => {
    const entry = entries.get(key)
    if (!entry) return
    const value = readScalar(reader, entry.node, entry.path, expected, check)
    if (value === undefined) ok = false
    else settings[key] = value
  }
  read(
    'tolerance',
    'a number greater than 0 (a CIEDE2000 distance; default 10)',
    (v) =>
      typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : undefined
  )
  read('onMiss', 'warn, fail or retry', oneOf(MISS_ACTIONS))
  read('retries', 'an integer from 0 to 5', integerIn(0, 5))
  return ok ? settings : undefined
}

/** Reads `crop`: where a cover-fit keeps the image. */
export function readCrop(
  reader: Reader,
  node: Node,
  path: string
): CropPosition | undefined {
  return readScalar(
    reader,
    node,
    path,
    'attention, entropy or center',
    oneOf(CROP_POSITIONS),
    (value) =>
      typeof value === 'string' ? didYouMean(value, CROP_POSITIONS) : ''
  )
}

/**
 * Reads `snapColors`: `true` (the default tolerance), `false` (off, to
 * override `defaults`) or `{ tolerance }`.
 */
export function readSnapColors(
  reader: Reader,
  node: Node,
  path: string
): SnapColorsSettings | false | undefined {
  const expected = `true, false or { tolerance: <CIEDE2000 distance, default ${DEFAULT_SNAP_TOLERANCE}> }`
  if (!isMap(reader.doc.deref(node))) {
    return readScalar(reader, node, path, expected, (value) =>
      value === true
        ? { tolerance: DEFAULT_SNAP_TOLERANCE }
        : value === false
          ? false
          : undefined
    )
  }
  const entries = readMapping(reader, node, path, SNAP_COLORS_KEYS)
  if (!entries) return undefined
  const entry = entries.get('tolerance')
  if (!entry) return { tolerance: DEFAULT_SNAP_TOLERANCE }
  const tolerance = readScalar(
    reader,
    entry.node,
    entry.path,
    'a number greater than 0 and at most 20 (a CIEDE2000 distance)',
    (v) =>
      typeof v === 'number' && Number.isFinite(v) && v > 0 && v <= 20
        ? v
        : undefined
  )
  return tolerance === undefined ? undefined : { tolerance }
}

/**
 * Reads `variants`, refusing two with the same width and format (they would
 * share a file).
 */
export function readVariants(
  reader: Reader,
  node: Node,
  path: string
): VariantSettings[] | undefined {
  const items = readList(reader, node, path, 'a list of variants')
  if (!items) return undefined
  const variants: VariantSettings[] = []
  const seen = new Map<string, number>()
  let ok = true
  items.forEach((item, index) => {
    const itemPath = `${path}[${index}]`
    const variant = readVariant(reader, item, itemPath)
    if (!variant) {
      ok = false
      return
    }
    const key = `${variant.width}/${variant.format}`
    const first = seen.get(key)
    if (first !== undefined) {
      reader.problems.add(
        item,
        itemPath,
        `repeats width ${variant.width} and format ${variant.format} of ${path}[${first}]; each variant needs its own width or format`
      )
      ok = false
    } else seen.set(key, index)
    variants.push(variant)
  })
  return ok ? variants : undefined
}

function readVariant(
  reader: Reader,
  node: Node,
  path: string
): VariantSettings | undefined {
  const entries = readMapping(reader, node, path, VARIANT_KEYS)
  if (!entries) return undefined
  const get = <T>(
    key: (typeof VARIANT_KEYS)[number],
    expected: string,
    check: (value: unknown) => T | undefined
  ): T | undefined | null => {
    const entry = entries.get(key)
    if (!entry) return null
    return readScalar(reader, entry.node, entry.path, expected, check)
  }
  const width = get('width', 'an integer from 16 to 8192', integerIn(16, 8192))
  const format = get(
    'format',
    'png, jpeg, webp or avif',
    oneOf(VARIANT_FORMATS)
  )
  const quality = get('quality', 'an integer from 1 to 100', integerIn(1, 100))
  for (const [key, value] of [
    ['width', width],
    ['format', format]
  ] as const) {
    if (value === null) {
      reader.problems.add(
        node,
        childPath(path, key),
        'is required in each variant'
      )
    }
  }
  if (width == null || format == null || quality === undefined) return undefined
  return quality === null ? { width, format } : { width, format, quality }
}
