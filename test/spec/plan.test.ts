import { describe, expect, it } from 'vitest'
import { modelLimits } from '../../src/spec/models.js'
import { checkSize, planDimensions } from '../../src/spec/plan.js'

const flux = modelLimits('bfl/flux-2-pro')

describe('planDimensions', () => {
  it.each([
    [1, 1, 1024, 1024],
    [16, 9, 1360, 768],
    [9, 16, 768, 1360],
    [4, 3, 1184, 880],
    [21, 9, 1568, 672]
  ])('plans %i:%i at about 1 MP as %ix%i', (w, h, width, height) => {
    const planned = planDimensions({ width: w, height: h }, flux)
    expect(planned).toEqual({ width, height })
    expect(checkSize(width, height, 'bfl/flux-2-pro', flux)).toBeUndefined()
    expect(Math.abs(width * height - 1_048_576) / 1_048_576).toBeLessThan(0.05)
  })

  it('rounds to 16 even for models without a size multiple', () => {
    const planned = planDimensions({ width: 3, height: 2 }, modelLimits('x/y'))
    expect(planned.width % 16).toBe(0)
    expect(planned.height % 16).toBe(0)
  })

  it('never plans a side below the model minimum', () => {
    expect(planDimensions({ width: 1, height: 1000 }, flux).width).toBe(64)
  })
})

describe('checkSize', () => {
  it('suggests the nearest multiple', () => {
    expect(checkSize(1000, 630, 'bfl/flux-2-pro', flux)).toEqual({
      reason: 'is not a multiple of 16 for bfl/flux-2-pro',
      fit: '1008x624'
    })
  })

  it('suggests a size that fits the pixel limit, keeping the ratio', () => {
    const problem = checkSize(4096, 2304, 'bfl/flux-2-pro', flux)
    expect(problem?.fit).toBe('2720x1536')
    expect(2720 * 1536).toBeLessThanOrEqual(flux.maxPixels)
  })

  it('accepts the largest square the model allows', () => {
    expect(checkSize(2048, 2048, 'bfl/flux-2-pro', flux)).toBeUndefined()
  })
})
