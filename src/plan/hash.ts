import { createHash } from 'node:crypto'
import type { Asset, JsonValue } from '../spec/types.js'

/**
 * Bumped whenever the way a request is composed changes (prompt clause wording, provider options
 * assetgen adds, seed derivation, ...): every asset then counts as changed, because the same spec
 * would now produce a different request.
 */
export const RECIPE_VERSION = 1

/** The named inputs whose digests make up an asset's input hash, so a plan can say which changed. */
export type InputName =
  | 'model'
  | 'prompt'
  | 'palette'
  | 'size'
  | 'seed'
  | 'format'
  | 'providerOptions'
  | 'references'
  | 'swatch'
  | 'recipe'

/**
 * Inputs that only some assets have: their digest is present only when they shape the output, so
 * the hash of every other asset stays what it was before they existed.
 */
export type OptionalInputName = 'crop' | 'snapColors'

/** One digest per input; the order of keys is fixed so the lockfile stays stable. */
export type InputDigests = Record<InputName, string> &
  Partial<Record<OptionalInputName, string>>

/** Serialises a JSON value with sorted keys, so key order in the YAML never changes a hash. */
export function canonicalJson(value: JsonValue | undefined): string {
  if (value === undefined) return 'null'
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const keys = Object.keys(value).sort()
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`
}

/** sha256 of a string or bytes, hex. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

const digest = (value: JsonValue | undefined): string =>
  sha256(canonicalJson(value)).slice(0, 16)

/** Digests every input of an asset. */
export function inputDigests(asset: Asset): InputDigests {
  return {
    model: digest(asset.model),
    prompt: digest(asset.prompt),
    palette: digest(
      asset.palette.map((color) => ({
        hex: color.hex,
        name: color.name ?? null
      }))
    ),
    size: digest({
      size: asset.size ?? null,
      aspectRatio: asset.aspectRatio ?? null
    }),
    seed: digest(asset.seed ?? null),
    format: digest(asset.format),
    providerOptions: digest(asset.providerOptions),
    references: digest(asset.references.map((reference) => reference.sha256)),
    swatch: digest(asset.swatch),
    recipe: digest(RECIPE_VERSION),
    // The crop matters only when the generation size's shape differs from the output's.
    ...(needsFit(asset) ? { crop: digest(asset.crop) } : {}),
    ...(asset.snapColors
      ? { snapColors: digest(asset.snapColors.tolerance) }
      : {})
  }
}

/** True when the generated image is cover-fitted to a different output size. */
export function needsFit(asset: Asset): boolean {
  return (
    asset.generation !== undefined &&
    (asset.generation.width !== asset.width ||
      asset.generation.height !== asset.height)
  )
}

/** The asset's input hash: sha256 over its canonical input digests. */
export function inputHash(digests: InputDigests): string {
  return `sha256:${sha256(canonicalJson(digests))}`
}

/** Names of the inputs whose digests differ between two runs, in a fixed order. */
export function changedInputs(
  previous: Partial<InputDigests> | undefined,
  current: InputDigests
): Array<InputName | OptionalInputName> {
  // Optional inputs count when either side has them (set, or just removed).
  const names = new Set([
    ...Object.keys(current),
    ...Object.keys(previous ?? {}).filter((name) => OPTIONAL.has(name))
  ]) as Set<InputName | OptionalInputName>
  return [...names].filter((name) => previous?.[name] !== current[name])
}

const OPTIONAL: ReadonlySet<string> = new Set(['crop', 'snapColors'])

/**
 * A stable seed for an asset without one in the spec: the same id always gets the same seed, so a
 * rerun with a changed prompt keeps its composition. `attempt` > 0 gives the fresh seeds a colour
 * retry asks for.
 */
export function deriveSeed(assetId: string, attempt = 0): number {
  const bytes = createHash('sha256')
    .update(`assetgen-seed:${assetId}:${attempt}`)
    .digest()
  return bytes.readUInt32BE(0)
}
