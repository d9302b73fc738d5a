import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { inputDigests, inputHash } from '../../src/plan/hash.js'
import { LockfileWriter } from '../../src/plan/lockfile-writer.js'
import {
  readLockfile,
  writeLockfile,
  type LockEntry
} from '../../src/plan/lockfile.js'
import { makeAsset, makeSpec } from '../helpers/asset.js'
import { tempDir } from '../helpers/temp-dir.js'

function entry(id: string, seed = 1): LockEntry {
  const inputs = inputDigests(makeAsset({ id }))
  return {
    inputHash: inputHash(inputs),
    inputs,
    out: `assets/${id}.png`,
    sha256: 'f'.repeat(64),
    bytes: 1,
    width: 64,
    height: 64,
    model: 'bfl/flux-2-pro',
    seed,
    generatedAt: '2026-11-25T00:00:00.000Z'
  }
}

describe('LockfileWriter', () => {
  it('merges with what is on disk before each write and never drops another writer’s entries', async () => {
    await using dir = await tempDir()
    const spec = makeSpec(
      dir.path,
      ['mine', 'theirs', 'kept'].map((id) => makeAsset({ id }))
    )
    const path = join(dir.path, 'assetgen.lock.json')
    const previous = {
      version: 1,
      assets: { kept: entry('kept'), gone: entry('gone') }
    }
    await writeLockfile(path, previous)
    const writer = new LockfileWriter(spec, previous)
    // Another writer adds an entry after this run read the lockfile.
    await writeLockfile(path, {
      version: 1,
      assets: { ...previous.assets, theirs: entry('theirs', 7) }
    })
    await writer.record('mine', entry('mine', 3))
    await writer.finish()
    const onDisk = await readLockfile(path)
    expect(Object.keys(onDisk.assets).sort()).toEqual([
      'kept',
      'mine',
      'theirs'
    ])
    expect(onDisk.assets.theirs?.seed).toBe(7)
    expect(onDisk.assets.mine?.seed).toBe(3)
    expect(writer.current).toEqual(onDisk)
  })
})

describe('LockfileWriter edges', () => {
  const setup = (dir: string) => {
    const spec = makeSpec(
      dir,
      ['mine', 'kept'].map((id) => makeAsset({ id }))
    )
    const path = join(dir, 'assetgen.lock.json')
    return { spec, path }
  }

  it('drops entries of assets gone from the spec at once, and writes that on finish', async () => {
    await using dir = await tempDir()
    const { spec, path } = setup(dir.path)
    const previous = {
      version: 1,
      assets: { kept: entry('kept'), gone: entry('gone') }
    }
    await writeLockfile(path, previous)
    const writer = new LockfileWriter(spec, previous)
    expect(Object.keys(writer.current.assets)).toEqual(['kept'])
    expect(writer.changed).toBe(true)
    await writer.finish()
    expect(Object.keys((await readLockfile(path)).assets)).toEqual(['kept'])
  })

  it('is unchanged, and writes nothing, when every entry is still in the spec', async () => {
    await using dir = await tempDir()
    const { spec, path } = setup(dir.path)
    const previous = { version: 1, assets: { kept: entry('kept') } }
    const writer = new LockfileWriter(spec, previous)
    expect(writer.changed).toBe(false)
    await writer.finish()
    // No lockfile was there, and none was written.
    await expect(readLockfile(path)).resolves.toEqual({
      version: 1,
      assets: {}
    })
    await writer.record('mine', entry('mine'))
    expect(writer.changed).toBe(true)
  })

  it('wins over another writer for the assets it recorded, and writes over an unreadable file', async () => {
    await using dir = await tempDir()
    const { spec, path } = setup(dir.path)
    const writer = new LockfileWriter(spec, { version: 1, assets: {} })
    await writeLockfile(path, {
      version: 1,
      assets: { mine: entry('mine', 7) }
    })
    await writer.record('mine', entry('mine', 3))
    expect((await readLockfile(path)).assets.mine?.seed).toBe(3)
    await writeFile(path, '{ not json')
    await writer.record('kept', entry('kept', 5))
    const onDisk = await readLockfile(path)
    expect(onDisk.assets.kept?.seed).toBe(5)
    expect(onDisk.assets.mine?.seed).toBe(3)
  })
})
