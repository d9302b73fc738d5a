import { describe, expect, it } from 'vitest'
import {
  needsFit,
  canonicalJson,
  changedInputs,
  deriveSeed,
  inputDigests,
  inputHash
} from '../../src/plan/hash.js'
import { makeAsset } from '../helpers/asset.js'

describe('canonicalJson', () => {
  it('sorts keys at every depth, so key order never changes the text', () => {
    expect(
      canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })
    ).toBe('{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}')
  })
})

describe('input hash', () => {
  const hash = (overrides: Parameters<typeof makeAsset>[0]) =>
    inputHash(inputDigests(makeAsset(overrides)))

  it('ignores the order of provider option keys', () => {
    expect(hash({ providerOptions: { a: { x: 1, y: 2 }, b: 1 } })).toBe(
      hash({ providerOptions: { b: 1, a: { y: 2, x: 1 } } })
    )
  })

  it('changes with each input that shapes the request', () => {
    const base = hash({})
    const variations: Array<Parameters<typeof makeAsset>[0]> = [
      { prompt: 'A mountain trail at dusk' },
      { palette: [{ hex: '#0B5FFF', name: 'primary' }, { hex: '#FFB001' }] },
      { size: '1024x768' },
      { aspectRatio: '16:9' },
      { seed: 1 },
      { model: 'bfl/flux-2-max' },
      { format: 'jpeg' },
      { providerOptions: { blackForestLabs: { safetyTolerance: 2 } } },
      { swatch: true }
    ]
    const hashes = variations.map(hash)
    for (const other of hashes) expect(other).not.toBe(base)
    expect(new Set(hashes).size).toBe(hashes.length)
  })

  it('changes when one byte of a reference changes, and with reference order', () => {
    const reference = (path: string, sha256: string) => ({
      path,
      absolutePath: `/w/${path}`,
      sha256,
      mediaType: 'image/png' as const,
      bytes: 10,
      width: 1,
      height: 1
    })
    const a = reference('refs/a.png', 'a'.repeat(64))
    const b = reference('refs/b.png', 'b'.repeat(64))
    const a2 = reference('refs/a.png', `${'a'.repeat(63)}b`)
    expect(hash({ references: [a, b] })).not.toBe(hash({ references: [a2, b] }))
    expect(hash({ references: [a, b] })).not.toBe(hash({ references: [b, a] }))
    // The path alone is not an input: moving a reference file keeps the hash.
    expect(hash({ references: [a] })).toBe(
      hash({ references: [{ ...a, path: 'moved/a.png' }] })
    )
  })

  it('names exactly the inputs that changed', () => {
    const before = inputDigests(makeAsset())
    const after = inputDigests(makeAsset({ prompt: 'other', seed: 5 }))
    expect(changedInputs(before, after)).toEqual(['prompt', 'seed'])
    expect(changedInputs(undefined, after)).toHaveLength(
      Object.keys(after).length
    )
  })
})

describe('input hash with exact sizes, crop and snapColors', () => {
  const exact = {
    size: '1024x576',
    width: 1024,
    height: 576,
    generation: { width: 1024, height: 576 }
  } as const

  it('keeps the hash an asset had before these settings existed', () => {
    // Computed with the hash module as it was before exact sizes (commit f785d32).
    expect(inputHash(inputDigests(makeAsset(exact)))).toBe(
      'sha256:10cbdedc527322c03154a39266598e9ce3f54a0751b235b4fb196e07982b20b9'
    )
    // The crop shapes nothing when the model makes the output size itself.
    expect(inputDigests(makeAsset({ ...exact, crop: 'center' }))).toEqual(
      inputDigests(makeAsset(exact))
    )
  })

  it('covers the crop when the image is fitted, and snapColors when set', () => {
    const fitted = {
      size: '1200x630',
      width: 1200,
      height: 630,
      generation: { width: 1216, height: 640 }
    } as const
    const digests = (overrides: Parameters<typeof makeAsset>[0]) =>
      inputDigests(makeAsset({ ...fitted, ...overrides }))
    expect(changedInputs(digests({}), digests({ crop: 'entropy' }))).toEqual([
      'crop'
    ])
    expect(
      changedInputs(digests({}), digests({ snapColors: { tolerance: 3 } }))
    ).toEqual(['snapColors'])
    // Switching it off again counts as a change too.
    expect(
      changedInputs(digests({ snapColors: { tolerance: 3 } }), digests({}))
    ).toEqual(['snapColors'])
    expect(
      changedInputs(
        digests({ snapColors: { tolerance: 3 } }),
        digests({ snapColors: { tolerance: 2 } })
      )
    ).toEqual(['snapColors'])
  })
})

describe('deriveSeed', () => {
  it('is stable per id, differs between ids and attempts, and fits in uint32', () => {
    expect(deriveSeed('hero')).toBe(deriveSeed('hero'))
    expect(deriveSeed('hero')).not.toBe(deriveSeed('og-image'))
    expect(deriveSeed('hero', 1)).not.toBe(deriveSeed('hero'))
    for (const id of ['a', 'b', 'c', 'hero']) {
      const seed = deriveSeed(id)
      expect(Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff).toBe(
        true
      )
    }
  })
})

describe('needsFit', () => {
  it('is true when the generation differs in width or in height alone, false when it matches or is absent', () => {
    const output = { width: 1200, height: 640 }
    const fit = (generation?: { width: number; height: number }) =>
      needsFit(makeAsset({ ...output, ...(generation ? { generation } : {}) }))
    expect(fit({ width: 1216, height: 640 })).toBe(true)
    expect(fit({ width: 1200, height: 656 })).toBe(true)
    expect(fit({ width: 1216, height: 656 })).toBe(true)
    expect(fit({ width: 1200, height: 640 })).toBe(false)
    expect(fit()).toBe(false)
  })
})
