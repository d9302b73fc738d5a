/**
 * The settings an asset and `defaults` share, read the same way in both places.
 * Each keeps its node and path so later passes can point at where it was set.
 */
import type { Node } from 'yaml'
import { readPaletteChoice } from './colors.js'
import type { PaletteChoice } from './colors.js'
import {
  readAspectRatio,
  readColorCheck,
  readCrop,
  readFormat,
  readSize,
  readSnapColors,
  readVariants
} from './fields.js'
import type { Dimensions } from './fields.js'
import {
  integerIn,
  nonEmptyString,
  readJsonObject,
  readScalar
} from './nodes.js'
import type { Entry, Field, Reader } from './nodes.js'
import type {
  ColorCheckSettings,
  CropPosition,
  ImageFormat,
  JsonObject,
  SnapColorsSettings,
  VariantSettings
} from './types.js'

/** Keys an asset and `defaults` share. */
export const SETTING_KEYS = [
  'model',
  'size',
  'aspectRatio',
  'format',
  'seed',
  'palette',
  'providerOptions',
  'swatch',
  'colorCheck',
  'variants',
  'crop',
  'snapColors'
] as const

const MODEL_PATTERN = /^[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*$/i

/**
 * A setting as read: a field when valid, null when present but invalid (already
 * reported, and it must not fall back to `defaults`), undefined when absent.
 */
export type Setting<T> = Field<T> | null | undefined

/** Settings an asset and `defaults` share. */
export interface Settings {
  model?: Setting<string>
  size?: Setting<Dimensions>
  aspectRatio?: Setting<Dimensions>
  format?: Setting<ImageFormat>
  seed?: Setting<number>
  palette?: Setting<PaletteChoice>
  providerOptions?: Setting<JsonObject>
  swatch?: Setting<boolean>
  colorCheck?: Setting<ColorCheckSettings>
  variants?: Setting<VariantSettings[]>
  crop?: Setting<CropPosition>
  /** false switches off a `defaults` value. */
  snapColors?: Setting<SnapColorsSettings | false>
}

/** Reads the shared settings from a mapping's known entries. */
export function readSettings(
  reader: Reader,
  entries: Map<string, Entry>
): Settings {
  const size = entries.get('size')
  const aspectRatio = entries.get('aspectRatio')
  if (size && aspectRatio) {
    reader.problems.add(
      aspectRatio.node,
      aspectRatio.path,
      'cannot be combined with `size`: give either an exact size or an aspect ratio'
    )
  }
  return {
    model: field(reader, entries.get('model'), readModel),
    size: field(reader, size, readSize),
    aspectRatio: field(reader, aspectRatio, readAspectRatio),
    format: field(reader, entries.get('format'), readFormat),
    seed: field(reader, entries.get('seed'), (r, n, p) =>
      readScalar(
        r,
        n,
        p,
        'an integer from 0 to 4294967295',
        integerIn(0, 4_294_967_295)
      )
    ),
    palette: field(reader, entries.get('palette'), readPaletteChoice),
    providerOptions: field(reader, entries.get('providerOptions'), (r, n, p) =>
      readJsonObject(r, n, p, 'a mapping (a JSON object passed to the gateway)')
    ),
    swatch: field(reader, entries.get('swatch'), (r, n, p) =>
      readScalar(r, n, p, 'true or false', (v) =>
        typeof v === 'boolean' ? v : undefined
      )
    ),
    colorCheck: field(reader, entries.get('colorCheck'), readColorCheck),
    variants: field(reader, entries.get('variants'), readVariants),
    crop: field(reader, entries.get('crop'), readCrop),
    snapColors: field(reader, entries.get('snapColors'), readSnapColors)
  }
}

/** Wraps a reader's result as a Setting, keeping its node and path. */
export function field<T>(
  reader: Reader,
  entry: Entry | undefined,
  read: (reader: Reader, node: Node, path: string) => T | undefined
): Setting<T> {
  if (!entry) return undefined
  const value = read(reader, entry.node, entry.path)
  return value === undefined
    ? null
    : { value, node: entry.node, path: entry.path }
}

/** Reads a model id such as `bfl/flux-2-pro`. */
export function readModel(
  reader: Reader,
  node: Node,
  path: string
): string | undefined {
  return readScalar(
    reader,
    node,
    path,
    'a model id like "bfl/flux-2-pro"',
    (value) =>
      typeof value === 'string' && MODEL_PATTERN.test(value) ? value : undefined
  )
}

/** Reads a path as written; paths.ts resolves and confines it. */
export function readPathText(
  reader: Reader,
  node: Node,
  path: string
): string | undefined {
  return readScalar(
    reader,
    node,
    path,
    'a path relative to the spec file',
    nonEmptyString
  )
}
