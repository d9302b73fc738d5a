import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { ImageError } from '../../src/errors.js'
import { renderSwatch } from '../../src/images/swatch.js'
import { pixelAt, rgbHex } from '../helpers/images.js'

const palette = [
  { hex: '#0B1F3A', name: 'navy' },
  { hex: '#FFB000', name: 'amber' },
  { hex: '#F5F1E8' },
  { hex: '#E4572E' },
  { hex: '#17BEBB' },
  { hex: '#000000' },
  { hex: '#FFFFFF' }
]

describe('renderSwatch', () => {
  it('is a 512x128 PNG of equal bands in the exact palette colours', async () => {
    const png = await renderSwatch(palette)
    const metadata = await sharp(png).metadata()
    expect([metadata.format, metadata.width, metadata.height]).toEqual([
      'png',
      512,
      128
    ])
    const bandWidth = 512 / palette.length
    for (const [index, color] of palette.entries()) {
      const centre = Math.floor((index + 0.5) * bandWidth)
      expect(rgbHex(await pixelAt(png, centre, 64))).toBe(color.hex)
      // Unblended edges: the first and last column of each band are exact too.
      const first = Math.floor(index * bandWidth)
      const last = Math.floor((index + 1) * bandWidth) - 1
      expect(rgbHex(await pixelAt(png, first, 0))).toBe(color.hex)
      expect(rgbHex(await pixelAt(png, last, 127))).toBe(color.hex)
    }
  })

  it('takes a size', async () => {
    const png = await renderSwatch(palette.slice(0, 2), {
      width: 64,
      height: 16
    })
    const metadata = await sharp(png).metadata()
    expect([metadata.width, metadata.height]).toEqual([64, 16])
    expect(rgbHex(await pixelAt(png, 31, 8))).toBe('#0B1F3A')
    expect(rgbHex(await pixelAt(png, 32, 8))).toBe('#FFB000')
  })

  it('gives the same bytes every time', async () => {
    expect(
      (await renderSwatch(palette)).equals(await renderSwatch(palette))
    ).toBe(true)
  })

  it('refuses an empty palette and more colours than pixels', async () => {
    await expect(renderSwatch([])).rejects.toBeInstanceOf(ImageError)
    await expect(
      renderSwatch(palette, { width: 4, height: 4 })
    ).rejects.toBeInstanceOf(ImageError)
  })
})
