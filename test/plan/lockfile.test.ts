import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LockfileError } from '../../src/errors.js'
import { inputDigests, inputHash } from '../../src/plan/hash.js'
import {
  mergeLockfiles,
  parseLockfile,
  readLockfile,
  serializeLockfile,
  writeLockfile,
  type LockEntry,
  type Lockfile
} from '../../src/plan/lockfile.js'
import { clearSecrets, registerSecret } from '../../src/safe-text.js'
import { makeAsset } from '../helpers/asset.js'
import { tempDir } from '../helpers/temp-dir.js'

function entry(id: string, overrides: Partial<LockEntry> = {}): LockEntry {
  const inputs = inputDigests(makeAsset({ id }))
  return {
    inputHash: inputHash(inputs),
    inputs,
    out: `assets/${id}.png`,
    sha256: 'f'.repeat(64),
    bytes: 100,
    width: 1024,
    height: 1024,
    model: 'bfl/flux-2-pro',
    seed: 42,
    generatedAt: '2026-11-25T00:00:00.000Z',
    ...overrides
  }
}

describe('lockfile', () => {
  it('is written redacted: a secret in any field never reaches the committed file', async () => {
    await using dir = await tempDir()
    const path = join(dir.path, 'assetgen.lock.json')
    registerSecret('agk_lockfile_secret_42')
    try {
      await writeLockfile(path, {
        version: 1,
        assets: { hero: entry('hero', { model: 'agk_lockfile_secret_42' }) }
      })
    } finally {
      clearSecrets()
    }
    const text = await readFile(path, 'utf8')
    expect(text).not.toContain('agk_lockfile_secret_42')
    expect(parseLockfile(text).assets.hero?.model).toBe('***')
  })

  it('round-trips through disk unchanged', async () => {
    await using dir = await tempDir()
    const path = join(dir.path, 'assetgen.lock.json')
    const lockfile: Lockfile = {
      version: 1,
      assets: {
        hero: entry('hero', { cost: '0.0300' }),
        icon: entry('icon', { placeholder: true })
      }
    }
    await writeLockfile(path, lockfile)
    expect(await readLockfile(path)).toEqual(lockfile)
    // No temp files are left beside it.
    expect(await readdir(dir.path)).toEqual(['assetgen.lock.json'])
  })

  it('serialises with sorted ids and a fixed key order, whatever the insertion order', () => {
    const a = serializeLockfile({
      version: 1,
      assets: { zeta: entry('zeta'), alpha: entry('alpha') }
    })
    const shuffled = Object.fromEntries(
      Object.entries(entry('alpha')).reverse()
    ) as unknown as LockEntry
    const b = serializeLockfile({
      version: 1,
      assets: { alpha: shuffled, zeta: entry('zeta') }
    })
    expect(a).toBe(b)
    expect(a.indexOf('"alpha"')).toBeLessThan(a.indexOf('"zeta"'))
    expect(a.endsWith('}\n')).toBe(true)
  })

  it('treats a missing file as empty and refuses a corrupt one with advice', async () => {
    await using dir = await tempDir()
    const path = join(dir.path, 'assetgen.lock.json')
    expect(await readLockfile(path)).toEqual({ version: 1, assets: {} })
    await writeFile(path, '{ not json')
    await expect(readLockfile(path)).rejects.toThrow(LockfileError)
    await expect(readLockfile(path)).rejects.toThrow(/delete it to regenerate/)
    expect(() => parseLockfile('{"version":2,"assets":{}}')).toThrow(
      /version 1/
    )
  })

  it('merges entry by entry: ours win for what we produced, theirs keep the rest', () => {
    const theirs: Lockfile = {
      version: 1,
      assets: {
        a: entry('a', { seed: 1 }),
        b: entry('b', { seed: 1 }),
        gone: entry('gone')
      }
    }
    const ours: Lockfile = {
      version: 1,
      assets: {
        a: entry('a', { seed: 2 }),
        b: entry('b', { seed: 2 }),
        c: entry('c', { seed: 2 })
      }
    }
    const merged = mergeLockfiles(
      theirs,
      ours,
      new Set(['a', 'c']),
      new Set(['a', 'b', 'c'])
    )
    expect(merged.assets.a?.seed).toBe(2)
    expect(merged.assets.b?.seed).toBe(1)
    expect(merged.assets.c?.seed).toBe(2)
    expect(merged.assets.gone).toBeUndefined()
  })
})
