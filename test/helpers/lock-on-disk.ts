import { createHash } from 'node:crypto'
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { expect } from 'vitest'
import { readLockfile, type Lockfile } from '../../src/plan/lockfile.js'

/** Hex SHA-256 of `bytes`. */
export const sha256 = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex')

/**
 * Asserts that the workspace's lockfile agrees with the disk: every entry's file exists with its
 * sha256 (and with `bytes`, its size), and `dir` holds exactly the entries' files (no strays, no
 * temp files). Returns the lockfile.
 */
export async function expectLockMatchesDisk(
  root: string,
  dir: string,
  options: { bytes?: boolean } = {}
): Promise<Lockfile> {
  const lockfile = await readLockfile(join(root, 'assetgen.lock.json'))
  for (const [id, entry] of Object.entries(lockfile.assets)) {
    const bytes = await readFile(join(root, entry.out))
    expect(sha256(bytes), `${id}: lock sha256 vs file`).toBe(entry.sha256)
    if (options.bytes)
      expect(bytes.length, `${id}: lock bytes vs file`).toBe(entry.bytes)
  }
  const files = (await readdir(join(root, dir))).map((name) => `${dir}/${name}`)
  expect(files.sort()).toEqual(
    Object.values(lockfile.assets)
      .map((entry) => entry.out)
      .sort()
  )
  return lockfile
}
