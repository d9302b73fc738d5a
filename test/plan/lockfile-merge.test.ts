/**
 * What the lockfile keeps across writes and merges: a lost field or a leaked entry costs a paid
 * regeneration or a re-render on every run.
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LockfileError } from '../../src/errors.js'
import { inputDigests, inputHash } from '../../src/plan/hash.js'
import {
  mergeLockfiles,
  parseLockfile,
  readLockfile,
  serializeLockfile,
  type LockEntry,
  type Lockfile
} from '../../src/plan/lockfile.js'
import { makeAsset } from '../helpers/asset.js'
import { tempDir } from '../helpers/temp-dir.js'

function entry(id: string, seed = 42): LockEntry {
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
    seed,
    generatedAt: '2026-11-25T00:00:00.000Z'
  }
}

const lock = (assets: Record<string, LockEntry>): Lockfile => ({
  version: 1,
  assets
})

describe('serializeLockfile', () => {
  it('writes every field an entry can have, variants and their settings digest included', () => {
    const full: LockEntry = {
      ...entry('hero'),
      placeholder: true,
      variantsHash: '0123456789abcdef',
      variants: [
        {
          out: 'assets/hero-640w.webp',
          sha256: 'e'.repeat(64),
          width: 640,
          format: 'webp'
        }
      ],
      cost: '0.03'
    }
    const text = serializeLockfile(lock({ hero: full }))
    expect(parseLockfile(text).assets.hero).toEqual(full)
    expect(Object.keys(JSON.parse(text).assets.hero)).toEqual([
      'inputHash',
      'inputs',
      'out',
      'sha256',
      'bytes',
      'width',
      'height',
      'model',
      'seed',
      'placeholder',
      'variantsHash',
      'variants',
      'cost',
      'generatedAt'
    ])
  })
})

describe('mergeLockfiles', () => {
  const theirs = lock({
    a: entry('a', 1),
    b: entry('b', 1),
    old: entry('old', 1)
  })
  const ours = lock({
    a: entry('a', 2),
    b: entry('b', 2),
    c: entry('c', 2),
    dropped: entry('dropped', 2),
    stray: entry('stray', 2)
  })
  const seeds = (merged: Lockfile) =>
    Object.fromEntries(
      Object.entries(merged.assets).map(([id, { seed }]) => [id, seed])
    )

  it('drops entries of both sides that are outside keepIds, even ones this run produced', () => {
    const merged = mergeLockfiles(
      theirs,
      ours,
      new Set(['a', 'c', 'dropped']),
      new Set(['a', 'b', 'c'])
    )
    expect(seeds(merged)).toEqual({ a: 2, b: 1, c: 2 })
  })

  it('keeps everything from both sides without keepIds, theirs winning where ours did not build', () => {
    const merged = mergeLockfiles(theirs, ours, new Set(['a']))
    expect(seeds(merged)).toEqual({
      a: 2,
      b: 1,
      old: 1,
      c: 2,
      dropped: 2,
      stray: 2
    })
    expect(merged.version).toBe(1)
  })
})

describe('reading a lockfile that is not one', () => {
  it('refuses JSON of another shape, naming the file', () => {
    const refusal = 'my.lock.json is not an assetgen lockfile of version 1'
    for (const text of [
      'null',
      '"text"',
      '7',
      '{"version":1}',
      '{"version":1,"assets":"x"}',
      '{"version":1,"assets":null}'
    ]) {
      expect(() => parseLockfile(text, 'my.lock.json')).toThrow(refusal)
    }
    expect(() => parseLockfile('{', 'my.lock.json')).toThrow(
      /^my\.lock\.json is not valid JSON \(.+\); fix it or delete it/
    )
    try {
      parseLockfile('{')
    } catch (error) {
      expect((error as Error).cause).toBeInstanceOf(SyntaxError)
    }
    expect(parseLockfile('{"version":1,"assets":{}}')).toEqual({
      version: 1,
      assets: {}
    })
  })

  it('refuses a lockfile path it cannot read, rather than starting empty', async () => {
    await using dir = await tempDir()
    const path = join(dir.path, 'assetgen.lock.json')
    await mkdir(path)
    const failure = await readLockfile(path).catch((caught: unknown) => caught)
    expect(failure).toBeInstanceOf(LockfileError)
    expect((failure as Error).message).toMatch(
      new RegExp(`^cannot read ${path}: .*EISDIR`)
    )
    expect((failure as Error).cause).toBeDefined()
  })
})
