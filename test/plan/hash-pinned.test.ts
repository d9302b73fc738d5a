/**
 * The input hash decides what is paid for again: a change to how it is computed regenerates every
 * paid asset of every user. These digests are pinned: change one only on purpose (a new
 * RECIPE_VERSION), in the same commit as the code.
 */
import { describe, expect, it } from 'vitest'
import {
  changedInputs,
  deriveSeed,
  inputDigests,
  inputHash
} from '../../src/plan/hash.js'
import { variantsDigest } from '../../src/plan/plan.js'
import { makeAsset } from '../helpers/asset.js'

const fixed = makeAsset({
  seed: 7,
  size: '1024x1024',
  references: [
    {
      path: 'refs/a.png',
      absolutePath: '/w/refs/a.png',
      sha256: 'a'.repeat(64),
      bytes: 1,
      mediaType: 'image/png',
      width: 1,
      height: 1
    }
  ],
  providerOptions: { blackForestLabs: { safetyTolerance: 2 } },
  variants: [{ width: 640, format: 'webp' }]
})

describe('pinned digests', () => {
  it('gives a fixed asset the same digests and input hash as every earlier release', () => {
    expect(inputDigests(fixed)).toEqual({
      model: '9afacdba9928b08a',
      prompt: '3d459ddc58ec80f7',
      palette: 'edcba819b2fef28a',
      size: '39f090fa93bfba93',
      seed: '7902699be42c8a8e',
      format: '6e8a45b4224910a4',
      providerOptions: '8e419bd508ffed41',
      references: '5adb8c3d42601f14',
      swatch: 'fcbcf165908dd18a',
      recipe: '6b86b273ff34fce1'
    })
    expect(inputHash(inputDigests(fixed))).toBe(
      'sha256:38b78026a2ae63e90380e9971a417900a35b4862bb62bad1a4592d528c65b4d4'
    )
    expect(variantsDigest(fixed)).toBe('afeb46702ea068b5')
  })

  it('derives the same seeds as every earlier release', () => {
    expect([deriveSeed('hero'), deriveSeed('hero', 1)]).toEqual([
      3177173619, 483484065
    ])
  })
})

describe('palette colour names', () => {
  it('changes the input hash when a colour is renamed, as the prompt names it', () => {
    const named = makeAsset({ palette: [{ hex: '#0B5FFF', name: 'primary' }] })
    const renamed = makeAsset({ palette: [{ hex: '#0B5FFF', name: 'ocean' }] })
    const unnamed = makeAsset({ palette: [{ hex: '#0B5FFF' }] })
    const hashes = [named, renamed, unnamed].map((asset) =>
      inputHash(inputDigests(asset))
    )
    expect(new Set(hashes).size).toBe(3)
    expect(changedInputs(inputDigests(named), inputDigests(renamed))).toEqual([
      'palette'
    ])
  })
})
