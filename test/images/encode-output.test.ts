import sharp from 'sharp'
import { crc32 } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { ImageError } from '../../src/errors.js'
import { encodeOutput, sniffMediaType } from '../../src/images/process.js'
import { readProvenance } from '../../src/images/provenance.js'
import {
  pixelAt,
  rgbHex,
  sampleProvenance as provenance,
  solidImage
} from '../helpers/images.js'

describe('encodeOutput', () => {
  const cases = [
    ['png', 'image/png'],
    ['jpeg', 'image/jpeg'],
    ['webp', 'image/webp']
  ] as const

  it.each(cases)(
    'converts PNG to %s with the provenance embedded',
    async (format, mediaType) => {
      const input = await solidImage('#2266AA', 320, 200)
      const out = await encodeOutput(input, { format, provenance })
      expect(out).toMatchObject({ width: 320, height: 200, format, mediaType })
      expect(sniffMediaType(out.bytes)).toBe(mediaType)
      const metadata = await sharp(out.bytes).metadata()
      expect([metadata.format, metadata.width, metadata.height]).toEqual([
        format,
        320,
        200
      ])
      expect(await readProvenance(out.bytes)).toEqual(provenance)
    }
  )

  it('decodes JPEG and WebP model output too', async () => {
    for (const format of ['jpeg', 'webp'] as const) {
      const input = await solidImage('#2266AA', 64, 48, format)
      const out = await encodeOutput(input, { format: 'png' })
      expect(sniffMediaType(out.bytes)).toBe('image/png')
      expect([out.width, out.height]).toEqual([64, 48])
    }
  })

  it('stores PNG provenance in an iTXt XML:com.adobe.xmp chunk', async () => {
    const out = await encodeOutput(await solidImage('#000000', 8, 8), {
      format: 'png',
      provenance
    })
    expect(out.bytes.includes('iTXtXML:com.adobe.xmp')).toBe(true)
    expect(out.bytes.includes('zTXt')).toBe(false)
  })

  it('writes no metadata without a provenance', async () => {
    const out = await encodeOutput(await solidImage('#000000', 8, 8), {
      format: 'webp'
    })
    expect((await sharp(out.bytes).metadata()).xmp).toBeUndefined()
  })

  it('applies an EXIF rotation instead of dropping it with the metadata', async () => {
    const rotated = await sharp(await solidImage('#808080', 60, 20))
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer()
    const out = await encodeOutput(rotated, { format: 'png' })
    expect([out.width, out.height]).toEqual([20, 60])
  })

  it('flattens transparency on white for JPEG', async () => {
    const transparent = await sharp({
      create: {
        width: 8,
        height: 8,
        channels: 4,
        background: { r: 0, g: 0, b: 0, alpha: 0 }
      }
    })
      .png()
      .toBuffer()
    const out = await encodeOutput(transparent, { format: 'jpeg' })
    expect(rgbHex(await pixelAt(out.bytes, 4, 4))).toBe('#FFFFFF')
  })

  it('throws ImageError naming the detected type for undecodable bytes', async () => {
    const png = await solidImage('#2266AA', 64, 64)
    const truncated = png.subarray(0, 40)
    await expect(encodeOutput(truncated, { format: 'png' })).rejects.toThrow(
      /could not be decoded \(40 bytes, detected type: image\/png\)/
    )
    const garbage = new TextEncoder().encode('<html>rate limited</html>')
    const error: unknown = await encodeOutput(garbage, {
      format: 'webp'
    }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ImageError)
    expect((error as Error).message).toMatch(/returned SVG or other markup/)
  })

  it('accepts only raster formats: SVG and GIF are refused before decoding', async () => {
    const svg = new TextEncoder().encode(
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>'
    )
    await expect(encodeOutput(svg, { format: 'png' })).rejects.toThrow(
      /returned SVG or other markup, not a PNG, JPEG, WebP or AVIF image: refused/
    )
    const gif = await sharp({
      create: { width: 8, height: 8, channels: 3, background: '#ff0000' }
    })
      .gif()
      .toBuffer()
    await expect(encodeOutput(gif, { format: 'png' })).rejects.toThrow(
      /returned image\/gif, not a PNG/
    )
  })

  it('refuses a header claiming more pixels than the limit, before decoding', async () => {
    const png = Buffer.from(await solidImage('#2266AA', 64, 64))
    // IHDR starts at byte 8: length (4), type (4), width (4), height (4) ... crc.
    png.writeUInt32BE(100_000, 16)
    png.writeUInt32BE(100_000, 20)
    png.writeUInt32BE(crc32(png.subarray(12, 29)), 29)
    await expect(encodeOutput(png, { format: 'png' })).rejects.toThrow(
      /pixel limit/
    )
    // The same image with honest dimensions decodes: the refusal is the pixel count.
    const small = Buffer.from(await solidImage('#2266AA', 64, 64))
    await expect(
      encodeOutput(small, { format: 'png', maxPixels: 64 * 64 })
    ).resolves.toMatchObject({ width: 64 })
    await expect(
      encodeOutput(small, { format: 'png', maxPixels: 64 * 63 })
    ).rejects.toThrow(/pixel limit/)
  })
})

describe('encodeOutput to an exact size', () => {
  /** 300x100: a noisy (detailed) left third, the rest flat grey. */
  async function detailOnTheLeft(): Promise<Buffer> {
    const raw = Buffer.alloc(300 * 100 * 3, 0x80)
    let state = 1
    for (let y = 0; y < 100; y++) {
      for (let x = 0; x < 100; x++) {
        for (let channel = 0; channel < 3; channel++) {
          state = (state * 1103515245 + 12345) >>> 0
          raw[(y * 300 + x) * 3 + channel] = state >>> 24
        }
      }
    }
    return sharp(raw, { raw: { width: 300, height: 100, channels: 3 } })
      .png()
      .toBuffer()
  }

  /** Distinct colours in a decoded image: many for the noisy part, one for the flat grey. */
  async function distinctColours(image: Buffer): Promise<number> {
    const data = await sharp(image).removeAlpha().raw().toBuffer()
    const seen = new Set<number>()
    for (let i = 0; i < data.length; i += 3) {
      seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2])
    }
    return seen.size
  }

  it('cover-fits to exactly the size, keeping what the crop strategy picks', async () => {
    const input = await detailOnTheLeft()
    const fit = (crop: 'attention' | 'entropy' | 'center') =>
      encodeOutput(input, {
        format: 'png',
        fit: { width: 100, height: 100, crop }
      })
    const [entropy, center] = await Promise.all([fit('entropy'), fit('center')])
    expect(entropy).toMatchObject({
      width: 100,
      height: 100,
      source: { width: 300, height: 100 }
    })
    // entropy keeps the detailed third; center keeps the flat middle.
    expect(await distinctColours(entropy.bytes)).toBeGreaterThan(1000)
    expect(await distinctColours(center.bytes)).toBe(1)
    expect((await fit('attention')).width).toBe(100)
  })

  it('does not resample an answer that already has the exact size', async () => {
    const input = await detailOnTheLeft()
    const plain = await encodeOutput(input, { format: 'png' })
    const fitted = await encodeOutput(input, {
      format: 'png',
      fit: { width: 300, height: 100, crop: 'attention' }
    })
    expect(fitted.bytes).toEqual(plain.bytes)
  })

  it('snaps to the palette and keeps an opaque image without an alpha channel', async () => {
    const input = await solidImage('#0C5EFE', 64, 32)
    const output = await encodeOutput(input, {
      format: 'png',
      fit: { width: 32, height: 32, crop: 'center' },
      snap: { palette: [{ hex: '#0B5FFF' }], tolerance: 3 }
    })
    expect(output.snapped).toEqual({ tolerance: 3, onPalette: 1, changed: 1 })
    expect(rgbHex(await pixelAt(output.bytes, 5, 5))).toBe('#0B5FFF')
    const metadata = await sharp(output.bytes).metadata()
    expect([metadata.width, metadata.height, metadata.hasAlpha]).toEqual([
      32,
      32,
      false
    ])
  })
})
