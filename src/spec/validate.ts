/**
 * The structural pass: walks the parsed document and reads every key into a
 * typed outline, reporting unknown keys, wrong types, missing required keys and
 * duplicate ids. Values keep their nodes so the later passes (plan.ts,
 * outputs.ts, references.ts) can locate their own problems.
 */
import { isMap, isScalar } from 'yaml'
import type { Node } from 'yaml'
import { readColors } from './colors.js'
import {
  childPath,
  describe,
  nonEmptyString,
  readJsonObject,
  readList,
  pairValue,
  readMapping,
  readScalar
} from './nodes.js'
import type { Entry, Field, Reader } from './nodes.js'
import { SETTING_KEYS, field, readPathText, readSettings } from './settings.js'
import type { Setting, Settings } from './settings.js'
import type { PricingTable } from './pricing.js'
import { readPricing } from './pricing-reader.js'
import type { PaletteColor, StructuredPrompt } from './types.js'

/** Keys of the top-level mapping. */
export const TOP_LEVEL_KEYS = [
  'version',
  'defaults',
  'palettes',
  'pricing',
  'assets'
] as const
/** Keys of `defaults`. */
export const DEFAULTS_KEYS = [...SETTING_KEYS, 'outDir'] as const
/** Keys of an asset. */
export const ASSET_KEYS = [
  'id',
  'prompt',
  'out',
  'references',
  ...SETTING_KEYS
] as const

const ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/i
const ID_MAX_LENGTH = 100

/** `defaults`: the shared settings plus the output folder. */
export interface DefaultSettings extends Settings {
  outDir?: Setting<string>
}

/** One asset as read, before defaults are merged. */
export interface AssetEntry extends Settings {
  index: number
  /** The asset's mapping node, where problems about missing keys point. */
  node: Node
  path: string
  id?: Setting<string>
  prompt?: Setting<string | StructuredPrompt>
  out?: Setting<string>
  references?: Setting<Array<Field<string>>>
}

/** The whole spec as read by the structural pass. */
export interface SpecOutline {
  defaults: DefaultSettings
  /**
   * Palettes by name; undefined for a named palette whose colours were invalid.
   */
  palettes: Map<string, PaletteColor[] | undefined>
  /** Prices by model id from `pricing:`; empty when absent or invalid (reported). */
  pricing: PricingTable
  assets: AssetEntry[]
}

/**
 * Reads the document into an outline; undefined when it is not even a mapping
 * with assets.
 */
export function readOutline(reader: Reader): SpecOutline | undefined {
  const { doc, problems } = reader
  const root = doc.deref(doc.root)
  if (root === undefined || (isScalar(root) && root.value === null)) {
    problems.addAt(
      0,
      '',
      'the spec is empty: expected a mapping with `version: 1` and `assets`'
    )
    return undefined
  }
  const top = readMapping(
    reader,
    root,
    '',
    TOP_LEVEL_KEYS,
    'a mapping with `version` and `assets`'
  )
  if (!top) return undefined
  for (const key of ['version', 'assets'] as const) {
    if (top.has(key)) continue
    const hint = key === 'version' ? ': add `version: 1`' : ''
    problems.add(root, key, `is required${hint}`)
  }
  const version = top.get('version')
  if (version) {
    readScalar(
      reader,
      version.node,
      version.path,
      '1 (the only spec version)',
      (v) => (v === 1 ? v : undefined)
    )
  }
  const defaultsEntry = top.get('defaults')
  const defaults = defaultsEntry ? readDefaults(reader, defaultsEntry) : {}
  const palettesEntry = top.get('palettes')
  const palettes = palettesEntry
    ? readPalettes(reader, palettesEntry)
    : new Map<string, PaletteColor[] | undefined>()
  const pricingEntry = top.get('pricing')
  const pricing = pricingEntry
    ? readPricing(reader, pricingEntry.node, pricingEntry.path)
    : undefined
  const assetsEntry = top.get('assets')
  const assets = assetsEntry ? readAssets(reader, assetsEntry) : []
  return { defaults, palettes, pricing: pricing ?? {}, assets }
}

function readDefaults(reader: Reader, entry: Entry): DefaultSettings {
  const entries = readMapping(reader, entry.node, entry.path, DEFAULTS_KEYS)
  if (!entries) return {}
  return {
    ...readSettings(reader, entries),
    outDir: field(reader, entries.get('outDir'), readPathText)
  }
}

function readPalettes(
  reader: Reader,
  entry: Entry
): Map<string, PaletteColor[] | undefined> {
  const palettes = new Map<string, PaletteColor[] | undefined>()
  const value = reader.doc.deref(entry.node)
  if (!isMap(value)) {
    reader.problems.add(
      entry.node,
      entry.path,
      `must be a mapping of palette names to colour lists; got ${describe(value)}`
    )
    return palettes
  }
  for (const pair of value.items) {
    const name = readScalar(
      reader,
      pair.key as Node,
      entry.path,
      'a palette name',
      nonEmptyString
    )
    if (name === undefined) continue
    const path = childPath(entry.path, name)
    palettes.set(name, readColors(reader, pairValue(pair), path))
  }
  return palettes
}

function readAssets(reader: Reader, entry: Entry): AssetEntry[] {
  const items = readList(reader, entry.node, entry.path, 'a list of assets')
  if (!items) return []
  if (items.length === 0) {
    reader.problems.add(entry.node, entry.path, 'must list at least one asset')
    return []
  }
  const assets = items.map((item, index) => readAsset(reader, item, index))
  const seen = new Map<string, number>()
  for (const asset of assets) {
    if (!asset.id) continue
    // Ids name output files, and file systems differ on case: compare them
    // case-insensitively.
    const key = asset.id.value.toLowerCase()
    const first = seen.get(key)
    if (first === undefined) seen.set(key, asset.index)
    else {
      reader.problems.add(
        asset.id.node,
        asset.id.path,
        `duplicate id \`${asset.id.value}\`: assets[${first}] already uses it (ids are compared case-insensitively)`
      )
    }
  }
  return assets
}

function readAsset(reader: Reader, node: Node, index: number): AssetEntry {
  const path = `assets[${index}]`
  const asset: AssetEntry = { index, node, path }
  const entries = readMapping(
    reader,
    node,
    path,
    ASSET_KEYS,
    'an asset mapping with `id` and `prompt`'
  )
  if (!entries) return asset
  for (const key of ['id', 'prompt'] as const) {
    if (!entries.has(key)) {
      reader.problems.add(node, childPath(path, key), 'is required')
    }
  }
  return {
    ...asset,
    ...readSettings(reader, entries),
    id: field(reader, entries.get('id'), readId),
    prompt: field(reader, entries.get('prompt'), readPrompt),
    out: field(reader, entries.get('out'), readPathText),
    references: field(reader, entries.get('references'), readReferenceList)
  }
}

function readId(reader: Reader, node: Node, path: string): string | undefined {
  return readScalar(
    reader,
    node,
    path,
    `an id of letters, digits, ".", "_" and "-" that starts with a letter or digit (at most ${ID_MAX_LENGTH} characters)`,
    (value) =>
      typeof value === 'string' &&
      ID_PATTERN.test(value) &&
      value.length <= ID_MAX_LENGTH
        ? value
        : undefined
  )
}

function readPrompt(
  reader: Reader,
  node: Node,
  path: string
): string | StructuredPrompt | undefined {
  const value = reader.doc.deref(node)
  if (!isMap(value)) {
    return readScalar(
      reader,
      node,
      path,
      'a non-empty string or a mapping (a FLUX.2 structured prompt)',
      nonEmptyString
    )
  }
  if (value.items.length === 0) {
    reader.problems.add(
      node,
      path,
      'must not be empty: a structured prompt needs at least one key, such as `scene`'
    )
    return undefined
  }
  return readJsonObject(reader, node, path, 'a mapping')
}

function readReferenceList(
  reader: Reader,
  node: Node,
  path: string
): Array<Field<string>> | undefined {
  const items = readList(reader, node, path, 'a list of image paths or globs')
  if (!items) return undefined
  const references = items.map((item, index) => {
    const itemPath = `${path}[${index}]`
    const value = readScalar(
      reader,
      item,
      itemPath,
      'an image path or glob relative to the spec file',
      nonEmptyString
    )
    return value === undefined
      ? undefined
      : { value, node: item, path: itemPath }
  })
  return references.every((reference) => reference !== undefined)
    ? references
    : undefined
}
