/**
 * A palette swatch: sent as an extra reference image so the model sees the exact brand colours,
 * not only their names or hex codes in the prompt.
 */
import { ImageError } from '../errors.js'
import type { PaletteColor } from '../spec/types.js'
import { sharp } from './sharp.js'

/**
 * Renders a PNG of the palette as equal vertical bands, left to right in palette order, each filled
 * with its exact colour (no antialiasing, no colour management). Default 512x128. The pixels are
 * written directly, so the same palette and size always give the same bytes.
 * Throws ImageError for an empty palette or one with more colours than the width has pixels.
 */
export async function renderSwatch(
  palette: PaletteColor[],
  options: { width?: number; height?: number } = {}
): Promise<Buffer> {
  const { width = 512, height = 128 } = options
  if (palette.length === 0 || palette.length > width) {
    throw new ImageError(
      `Cannot render a ${width}px wide swatch of ${palette.length} colours`
    )
  }
  const row = Buffer.alloc(width * 3)
  palette.forEach(({ hex }, index) => {
    const start = Math.floor((index * width) / palette.length)
    const end = Math.floor(((index + 1) * width) / palette.length)
    const rgb = [1, 3, 5].map((offset) =>
      Number.parseInt(hex.slice(offset, offset + 2), 16)
    )
    for (let x = start; x < end; x++) row.set(rgb, x * 3)
  })
  const pixels = Buffer.alloc(row.length * height)
  for (let y = 0; y < height; y++) row.copy(pixels, y * row.length)
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .png({ compressionLevel: 9 })
    .toBuffer()
}
