import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { fitReferences } from '../../src/images/fit-references.js'
import { sniffMediaType } from '../../src/images/process.js'
import { solidImage } from '../helpers/images.js'

const BUDGET = 9_000_000

async function reference(
  hex: string,
  width: number,
  height: number,
  format: 'png' | 'jpeg' | 'webp'
) {
  return {
    bytes: await solidImage(hex, width, height, format),
    width,
    height,
    mediaType: `image/${format}`
  }
}

describe('fitReferences', () => {
  it('passes a set within budget through byte-identical', async () => {
    const references = [
      await reference('#FF0000', 2048, 2048, 'png'),
      await reference('#00FF00', 1024, 768, 'jpeg')
    ]
    const fitted = await fitReferences(references, BUDGET)
    expect(fitted).toHaveLength(2)
    fitted.forEach((fit, index) => {
      const original = references[index]
      expect(fit.bytes).toBe(original.bytes)
      expect(fit).toMatchObject({
        mediaType: original.mediaType,
        width: original.width,
        height: original.height,
        resized: false
      })
    })
  })

  it('scales an oversized set by one factor into the budget, keeping formats and order', async () => {
    const references = [
      await reference('#FF0000', 2048, 2048, 'png'),
      await reference('#00FF00', 2048, 2048, 'jpeg'),
      await reference('#0000FF', 2048, 2048, 'webp'),
      await reference('#FFFF00', 1000, 500, 'png')
    ]
    const fitted = await fitReferences(references, BUDGET)
    const total = fitted.reduce((sum, fit) => sum + fit.width * fit.height, 0)
    expect(total).toBeLessThanOrEqual(BUDGET)
    // Rounding down loses a little, but not more than a pixel row and column per image.
    expect(total).toBeGreaterThan(BUDGET * 0.99)
    const factor = Math.sqrt(BUDGET / (3 * 2048 * 2048 + 1000 * 500))
    for (const [index, fit] of fitted.entries()) {
      const original = references[index]
      expect(fit.resized).toBe(true)
      expect(fit.mediaType).toBe(original.mediaType)
      expect(sniffMediaType(fit.bytes)).toBe(original.mediaType)
      expect(fit.width).toBe(Math.floor(original.width * factor))
      expect(fit.height).toBe(Math.floor(original.height * factor))
      const metadata = await sharp(fit.bytes).metadata()
      expect([metadata.width, metadata.height]).toEqual([fit.width, fit.height])
      const { dominant } = await sharp(fit.bytes).stats()
      expect(dominant).toMatchObject(
        await sharp(original.bytes)
          .stats()
          .then((stats) => stats.dominant)
      )
    }
  })

  it('bakes an EXIF rotation in, so the downscaled copy still stands upright', async () => {
    const stored = await sharp(await solidImage('#808080', 400, 100))
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer()
    const [fit] = await fitReferences(
      [{ bytes: stored, width: 400, height: 100, mediaType: 'image/jpeg' }],
      10_000
    )
    expect(fit).toMatchObject({ width: 50, height: 200, resized: true })
    const metadata = await sharp(fit.bytes).metadata()
    expect([metadata.width, metadata.height, metadata.orientation]).toEqual([
      50,
      200,
      undefined
    ])
  })
})
