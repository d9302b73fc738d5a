import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  checkOutputSize,
  generationSize
} from '../../src/spec/generation-size.js'
import { modelLimits } from '../../src/spec/models.js'

const flux = modelLimits('bfl/flux-2-pro')
const generation = (width: number, height: number) =>
  generationSize(width, height, flux)

describe('generationSize for FLUX.2 (multiples of 16, 64 per side, 4 MP)', () => {
  it('asks for the output size itself when the model accepts it', () => {
    expect(generation(1024, 576)).toEqual({ width: 1024, height: 576 })
    expect(generation(2048, 2048)).toEqual({ width: 2048, height: 2048 })
  })

  it('covers sizes the model cannot make with the nearest it can', () => {
    // The OG image, a favicon and a touch icon.
    expect(generation(1200, 630)).toEqual({ width: 1216, height: 640 })
    expect(generation(32, 32)).toEqual({ width: 64, height: 64 })
    expect(generation(180, 180)).toEqual({ width: 192, height: 192 })
  })

  it('keeps a thin shape instead of rounding each side up on its own', () => {
    // Rounding both sides up would give 1008x112 (9:1); 1120x112 keeps 10:1.
    expect(generation(1000, 100)).toEqual({ width: 1120, height: 112 })
  })

  it('stays within 4 MP at the edge, enlarging slightly only when it must', () => {
    // 2040x2040 rounds up to exactly the limit.
    expect(generation(2040, 2040)).toEqual({ width: 2048, height: 2048 })
    // 2047x2049 is within the limit but its covering size (2048x2064) is not.
    const edge = generation(2047, 2049)
    expect(edge).toEqual({ width: 2032, height: 2032 })
  })

  it('gives no size for a shape the model cannot approach', () => {
    expect(generation(16, 65536)).toBeUndefined()
  })

  it('always returns an accepted size, covering the output when the limit allows, within 10% of its shape', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 16, max: 4096 }),
        fc.integer({ min: 16, max: 4096 }),
        (width, height) => {
          fc.pre(width * height <= flux.maxPixels)
          const size = generation(width, height)
          if (!size) return
          expect(size.width % 16).toBe(0)
          expect(size.height % 16).toBe(0)
          expect(Math.min(size.width, size.height)).toBeGreaterThanOrEqual(64)
          expect(size.width * size.height).toBeLessThanOrEqual(flux.maxPixels)
          const ratio = size.width / size.height / (width / height)
          expect(Math.abs(ratio - 1)).toBeLessThanOrEqual(0.1)
          const covering = Math.ceil(width / 16) * Math.ceil(height / 16) * 256
          if (covering <= flux.maxPixels / 1.2) {
            expect(size.width).toBeGreaterThanOrEqual(width)
            expect(size.height).toBeGreaterThanOrEqual(height)
          }
        }
      ),
      { numRuns: 500 }
    )
  })

  it('takes any size from 64 up for a model without a size multiple', () => {
    const other = modelLimits('acme/painter-1')
    expect(generationSize(1200, 630, other)).toEqual({
      width: 1200,
      height: 630
    })
    expect(generationSize(32, 32, other)).toEqual({ width: 64, height: 64 })
  })
})

describe('checkOutputSize', () => {
  it('accepts every size from 16x16 up to the pixel limit', () => {
    for (const [width, height] of [
      [16, 16],
      [32, 32],
      [180, 180],
      [1200, 630],
      [2048, 2048]
    ] as const) {
      expect(
        checkOutputSize(width, height, 'bfl/flux-2-pro', flux)
      ).toBeUndefined()
    }
  })

  it('refuses sizes beyond the limit with a size of the same shape that fits', () => {
    expect(checkOutputSize(3000, 1500, 'bfl/flux-2-pro', flux)).toEqual({
      reason: 'is 4500000 pixels, more than the 4194304 bfl/flux-2-pro allows',
      fit: '2896x1448'
    })
  })

  it('refuses sides under 16 pixels', () => {
    expect(checkOutputSize(15, 64, 'bfl/flux-2-pro', flux)?.reason).toBe(
      'is too small: each side must be at least 16 pixels'
    )
  })
})
