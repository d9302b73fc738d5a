import { mkdir, symlink, writeFile } from 'node:fs/promises'
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { inputDigests, inputHash, sha256 } from '../../src/plan/hash.js'
import { checkLockEntry } from '../../src/plan/lock-entry.js'
import { parseLockfile, type LockEntry } from '../../src/plan/lockfile.js'
import { fileSha256, planSpec } from '../../src/plan/plan.js'
import { makeAsset, makeSpec } from '../helpers/asset.js'
import { tempDir } from '../helpers/temp-dir.js'

function entry(id: string, overrides: Record<string, unknown> = {}): LockEntry {
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

/** Hostile entries, each with the reason it must be refused for. */
const hostile: Array<[string, unknown, RegExp]> = [
  ['an empty object', {}, /has no inputHash/],
  ['a string', 'hello', /is a string, not an entry/],
  ['null', null, /is null/],
  ['a list', [1], /is a list/],
  ['inputs: null', entry('a', { inputs: null }), /inputs is not/],
  ['a short sha256', entry('a', { sha256: 'abc' }), /sha256 is not a hex/],
  ['an upper-case sha256', entry('a', { sha256: 'F'.repeat(64) }), /sha256/],
  [
    'an inputHash without prefix',
    entry('a', { inputHash: 'f'.repeat(64) }),
    /inputHash/
  ],
  [
    'a negative width',
    entry('a', { width: -1 }),
    /width is not a whole number/
  ],
  ['a string seed', entry('a', { seed: '42' }), /seed/],
  [
    'an out escaping the workspace',
    entry('a', { out: '../../etc/passwd.png' }),
    /out is not a relative path/
  ],
  ['an absolute out', entry('a', { out: '/dev/zero' }), /out is not/],
  ['an out into .git', entry('a', { out: '.git/config' }), /out is not/],
  [
    'an out with a newline',
    entry('a', { out: 'a\n::error::x.png' }),
    /out is not/
  ],
  [
    'a variant at ../../../../dev/zero',
    entry('a', {
      variants: [
        {
          out: '../../../../dev/zero',
          sha256: 'f'.repeat(64),
          width: 64,
          format: 'png'
        }
      ],
      variantsHash: 'abcd'
    }),
    /variants is not/
  ],
  ['variants: {}', entry('a', { variants: {} }), /variants is not/],
  ['a cost of 1e308', entry('a', { cost: '1e308' }), /cost is not/],
  ['placeholder: "yes"', entry('a', { placeholder: 'yes' }), /placeholder/]
]

describe('checkLockEntry', () => {
  it('accepts what assetgen writes', () => {
    const valid = entry('a', {
      placeholder: true,
      variantsHash: '0123456789abcdef',
      variants: [
        {
          out: 'assets/a-64w.webp',
          sha256: 'e'.repeat(64),
          width: 64,
          format: 'webp'
        }
      ],
      cost: '0.0300'
    })
    expect(checkLockEntry(valid)).toBe(valid)
  })

  it.each(hostile)('refuses %s', (_name, value, reason) => {
    expect(checkLockEntry(value)).toMatch(reason)
  })
})

describe('parseLockfile with untrusted entries', () => {
  it('reports each invalid entry with the lockfile path and id, and keeps the valid ones', () => {
    const good = entry('good')
    const text = JSON.stringify({
      version: 1,
      assets: {
        good,
        empty: {},
        text: 'x',
        nulls: entry('nulls', { inputs: null }),
        'bad id!': good
      }
    })
    const warnings: string[] = []
    const lockfile = parseLockfile(text, 'site/assetgen.lock.json', (message) =>
      warnings.push(message)
    )
    expect(lockfile.assets).toEqual({ good })
    expect(warnings).toEqual([
      'site/assetgen.lock.json: the entry for "empty" has no inputHash: ignored, as if absent',
      'site/assetgen.lock.json: the entry for "text" is a string, not an entry: ignored, as if absent',
      'site/assetgen.lock.json: the entry for "nulls" inputs is not a map of input digests: ignored, as if absent',
      'site/assetgen.lock.json: the entry for "bad id!" has an id that no spec can have: ignored, as if absent'
    ])
  })
})

describe('planning on hostile lockfiles', () => {
  it('finishes with a FIFO at an output path and treats every invalid entry as absent', async () => {
    await using dir = await tempDir()
    const root = dir.path
    await mkdir(join(root, 'assets'))
    // A FIFO blocks a plain read forever (no writer ever comes).
    execFileSync('mkfifo', [join(root, 'assets/fifo.png')])
    const fifo = makeAsset({ id: 'fifo', out: 'assets/fifo.png' })
    const zero = makeAsset({ id: 'zero', out: 'assets/zero.png' })
    const empty = makeAsset({ id: 'empty', out: 'assets/empty.png' })
    await writeFile(join(root, 'assets/zero.png'), 'z')
    const text = JSON.stringify({
      version: 1,
      assets: {
        fifo: entry('fifo', {
          out: 'assets/fifo.png',
          inputs: inputDigests(fifo),
          inputHash: inputHash(inputDigests(fifo))
        }),
        zero: entry('zero', {
          out: 'assets/zero.png',
          sha256: sha256('z'),
          inputs: inputDigests(zero),
          inputHash: inputHash(inputDigests(zero)),
          variantsHash: 'abcd',
          variants: [
            {
              out: '../../../../dev/zero',
              sha256: 'f'.repeat(64),
              width: 64,
              format: 'png'
            }
          ]
        }),
        empty: {}
      }
    })
    const warnings: string[] = []
    const lockfile = parseLockfile(text, 'assetgen.lock.json', (message) =>
      warnings.push(message)
    )
    const spec = makeSpec(root, [fifo, zero, empty])
    const plan = await planSpec(spec, lockfile)
    expect(plan.items.map((item) => [item.asset.id, item.status])).toEqual([
      ['fifo', 'missing'],
      ['zero', 'new'],
      ['empty', 'new']
    ])
    expect(warnings).toHaveLength(2)
  })
})

describe('fileSha256', () => {
  it('hashes only regular files inside the workspace', async () => {
    await using base = await tempDir()
    const root = join(base.path, 'ws')
    await mkdir(root)
    await writeFile(join(root, 'a.png'), 'a')
    await writeFile(join(base.path, 'outside.png'), 'o')
    await symlink(join(base.path, 'outside.png'), join(root, 'out.png'))
    await symlink('/dev/zero', join(root, 'zero.png'))
    await symlink(join(root, 'a.png'), join(root, 'inside.png'))
    execFileSync('mkfifo', [join(root, 'fifo.png')])
    expect(await fileSha256(join(root, 'a.png'), root)).toBe(sha256('a'))
    expect(await fileSha256(join(root, 'inside.png'), root)).toBe(sha256('a'))
    expect(await fileSha256(join(root, 'out.png'), root)).toBeUndefined()
    expect(await fileSha256(join(root, 'zero.png'), root)).toBeUndefined()
    expect(await fileSha256(join(root, 'fifo.png'), root)).toBeUndefined()
    expect(await fileSha256(root, root)).toBeUndefined()
    expect(await fileSha256('/dev/zero')).toBeUndefined()
    expect(await fileSha256(join(root, 'none.png'), root)).toBeUndefined()
  })
})
