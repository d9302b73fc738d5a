/** Lock entries for plan tests: an asset's output written to disk and the entry a run recorded. */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { inputDigests, inputHash, sha256 } from '../../src/plan/hash.js'
import type { LockEntry, Lockfile } from '../../src/plan/lockfile.js'
import type { Asset } from '../../src/spec/types.js'
import { makeAsset } from './asset.js'

/**
 * Writes `image of <id>` as the asset's output and returns the lock entry a successful run would
 * have recorded for it (`extra` overrides fields).
 */
export async function generated(
  root: string,
  asset: Asset,
  extra: Partial<LockEntry> = {}
): Promise<LockEntry> {
  const content = `image of ${asset.id}`
  await mkdir(join(root, 'assets'), { recursive: true })
  await writeFile(join(root, asset.out), content)
  const inputs = inputDigests(asset)
  return {
    inputHash: inputHash(inputs),
    inputs,
    out: asset.out,
    sha256: sha256(content),
    bytes: content.length,
    width: asset.width,
    height: asset.height,
    model: asset.model,
    seed: 1234,
    generatedAt: '2026-11-25T00:00:00Z',
    ...extra
  }
}

/** A lockfile of `assets`. */
export const lock = (assets: Record<string, LockEntry>): Lockfile => ({
  version: 1,
  assets
})

/** An asset `id` at `index`, written to `assets/<id>.png`. */
export const asset = (id: string, index = 0, overrides: Partial<Asset> = {}) =>
  makeAsset({ id, index, out: `assets/${id}.png`, ...overrides })
