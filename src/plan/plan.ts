import { constants } from 'node:fs'
import { open, realpath, type FileHandle } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import picomatch from 'picomatch'
import { InputError } from '../errors.js'
import { isInside } from '../spec/paths.js'
import type { Asset, Spec } from '../spec/types.js'
import {
  canonicalJson,
  changedInputs,
  deriveSeed,
  inputDigests,
  inputHash,
  sha256,
  type InputDigests
} from './hash.js'
import type { LockEntry, Lockfile } from './lockfile.js'

/** Why an asset is or is not generated. */
export type PlanStatus =
  | 'new'
  | 'changed'
  | 'missing'
  | 'edited'
  | 'placeholder'
  | 'forced'
  | 'variants'
  | 'up-to-date'
  | 'not-selected'
  /** Would be generated, but the image store already holds it (verified): restored, not paid. */
  | 'from-store'

/**
 * What the build does with an asset: call the model, re-derive files locally, write the store's
 * copy (`restore`, no model call), or leave it.
 */
export type PlanAction = 'generate' | 'reprocess' | 'restore' | 'keep'

/** The plan for one asset. */
export interface PlanItem {
  asset: Asset
  status: PlanStatus
  action: PlanAction
  /** A human-readable reason, e.g. `prompt, palette changed`. */
  reason: string
  inputs: InputDigests
  inputHash: string
  /** The seed sent to the model: the spec's, else derived from the id. */
  seed: number
  variantsHash: string
  previous?: LockEntry
}

/** A lock entry whose asset is gone from the spec: its entry is dropped, its files left alone. */
export interface Orphan {
  id: string
  out: string
}

/** The whole plan. */
export interface Plan {
  items: PlanItem[]
  orphans: Orphan[]
}

/** How to select and force assets. */
export interface PlanOptions {
  /** Ids or globs; empty or undefined selects every asset. */
  only?: string[]
  force?: boolean
  /** The run renders placeholders: placeholder entries count as up to date. */
  placeholder?: boolean
  /** This job's part (1-based index of count) of a sharded build. */
  shard?: { index: number; count: number }
}

/** Errors that mean "no file to hash here". */
const ABSENT = new Set(['ENOENT', 'ENOTDIR', 'ELOOP', 'ENAMETOOLONG'])

/**
 * sha256 of a file's bytes (streamed), or undefined when there is no regular file there, or (with
 * `realRoot`) when it really lies outside the workspace. Lockfile paths are untrusted: a FIFO, a
 * device or a directory is never read, so planning finishes whatever the lockfile names.
 */
export async function fileSha256(
  path: string,
  realRoot?: string
): Promise<string | undefined> {
  let handle: FileHandle
  try {
    if (realRoot !== undefined && !isInside(realRoot, await realpath(path)))
      return undefined
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK)
  } catch (error) {
    if (ABSENT.has((error as NodeJS.ErrnoException).code ?? ''))
      return undefined
    throw error
  }
  try {
    // Checked on the open file, so a swap between check and read changes nothing.
    if (!(await handle.stat()).isFile()) return undefined
    const hash = createHash('sha256')
    for await (const chunk of handle.createReadStream({ autoClose: false }))
      hash.update(chunk as Buffer)
    return hash.digest('hex')
  } finally {
    await handle.close()
  }
}

/** A digest of the variant settings, so changing only variants re-derives files without a paid call. */
export function variantsDigest(asset: Asset): string {
  return sha256(
    canonicalJson(asset.variants.map((variant) => ({ ...variant })))
  ).slice(0, 16)
}

/** Builds a matcher for `--only`: exact ids or globs (`icon-*`). */
export function selectionMatcher(
  only: string[] | undefined
): (id: string) => boolean {
  if (!only || only.length === 0) return () => true
  const matchers = only.map((pattern) => picomatch(pattern, { nocase: true }))
  return (id) => matchers.some((matches) => matches(id))
}

/** Decides, for every asset in the spec, whether it must be generated and why. */
export async function planSpec(
  spec: Spec,
  lockfile: Lockfile,
  options: PlanOptions = {}
): Promise<Plan> {
  const selected = selectionMatcher(options.only)
  checkSelection(spec, options.only)
  const realRoot = await realpath(spec.root)
  const items = await Promise.all(
    spec.assets.map((asset) =>
      planAsset(
        realRoot,
        asset,
        lockfile.assets[asset.id],
        selected(asset.id),
        options
      )
    )
  )
  if (options.shard) applyShard(items, options.shard)
  const ids = new Set(spec.assets.map((asset) => asset.id))
  const orphans = Object.entries(lockfile.assets)
    .filter(([id]) => !ids.has(id))
    .map(([id, entry]) => ({ id, out: entry.out }))
    .sort((a, b) => a.id.localeCompare(b.id))
  return { items, orphans }
}

/** Refuses an `only` pattern that selects no asset: a typo would otherwise plan nothing, silently. */
function checkSelection(spec: Spec, only: string[] | undefined): void {
  const unmatched = (only ?? []).filter((pattern) => {
    const matches = selectionMatcher([pattern])
    return !spec.assets.some((asset) => matches(asset.id))
  })
  if (unmatched.length === 0) return
  const listed = unmatched.map((pattern) => JSON.stringify(pattern)).join(', ')
  throw new InputError(
    `only ${listed} match${unmatched.length === 1 ? 'es' : ''} no asset id in ${spec.specName}`
  )
}

async function planAsset(
  root: string,
  asset: Asset,
  previous: LockEntry | undefined,
  selected: boolean,
  options: PlanOptions
): Promise<PlanItem> {
  const inputs = inputDigests(asset)
  const base = {
    asset,
    inputs,
    inputHash: inputHash(inputs),
    seed: asset.seed ?? previous?.seed ?? deriveSeed(asset.id),
    variantsHash: variantsDigest(asset),
    previous
  }
  // A spec seed always wins; without one, keep the seed the last good image was made with.
  if (
    asset.seed === undefined &&
    previous &&
    previous.inputs.seed !== inputs.seed
  ) {
    base.seed = deriveSeed(asset.id)
  }
  const decide = (
    status: PlanStatus,
    action: PlanAction,
    reason: string
  ): PlanItem => ({
    ...base,
    status,
    action,
    reason
  })

  if (!selected) return decide('not-selected', 'keep', 'not selected by --only')
  if (options.force) return decide('forced', 'generate', 'forced')
  if (!previous) return decide('new', 'generate', 'not in the lockfile')

  const outputSha = await fileSha256(join(root, asset.out), root)
  if (outputSha === undefined)
    return decide('missing', 'generate', `${asset.out} is missing`)
  const changed = changedInputs(previous.inputs, inputs)
  if (previous.out !== asset.out && changed.length === 0) {
    return decide('missing', 'generate', `output moved from ${previous.out}`)
  }
  if (outputSha !== previous.sha256) {
    const extra =
      changed.length > 0 ? ` (${changed.join(', ')} changed too)` : ''
    return decide(
      'edited',
      'keep',
      `${asset.out} was edited by hand${extra}: kept; use force to regenerate`
    )
  }
  if (changed.length > 0)
    return decide('changed', 'generate', `${changed.join(', ')} changed`)
  if (previous.placeholder && !options.placeholder) {
    return decide(
      'placeholder',
      'generate',
      'placeholder image: generate the real one'
    )
  }
  if (await variantsStale(root, asset, previous, base.variantsHash)) {
    return decide(
      'variants',
      'reprocess',
      'variants changed: re-rendered from the existing image'
    )
  }
  return decide('up-to-date', 'keep', 'up to date')
}

async function variantsStale(
  root: string,
  asset: Asset,
  previous: LockEntry,
  variantsHash: string
): Promise<boolean> {
  if (asset.variants.length === 0 && !previous.variants?.length) return false
  if (previous.variantsHash !== variantsHash) return true
  const checks = await Promise.all(
    (previous.variants ?? []).map(
      async (variant) =>
        (await fileSha256(join(root, variant.out), root)) === variant.sha256
    )
  )
  return checks.some((ok) => !ok)
}

/**
 * Splits the work (assets to generate or reprocess, in spec order) round robin across shards, so
 * every shard gets a near-equal share; every shard computes the same plan from the same commit, so
 * the split agrees without coordination. Other shards' items become `not-selected`.
 */
function applyShard(
  items: PlanItem[],
  shard: { index: number; count: number }
): void {
  let position = 0
  for (const [index, item] of items.entries()) {
    if (item.action === 'keep') continue
    if (position % shard.count !== shard.index - 1) {
      items[index] = {
        ...item,
        status: 'not-selected',
        action: 'keep',
        reason: `${item.status}, built by shard ${(position % shard.count) + 1}/${shard.count}`
      }
    }
    position += 1
  }
}
