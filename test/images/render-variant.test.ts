import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import {
  renderVariant,
  sniffMediaType,
  variantPath
} from '../../src/images/process.js'
import { readProvenance } from '../../src/images/provenance.js'
import {
  sampleProvenance as provenance,
  solidImage
} from '../helpers/images.js'

describe('renderVariant', () => {
  it('resizes to the width, keeping the aspect ratio, with provenance', async () => {
    const source = await solidImage('#2266AA', 333, 250)
    const out = await renderVariant(
      source,
      { width: 100, format: 'webp' },
      provenance
    )
    const metadata = await sharp(out.bytes).metadata()
    expect([metadata.format, metadata.width]).toEqual(['webp', 100])
    expect(Math.abs(metadata.height - 75)).toBeLessThanOrEqual(1)
    expect([out.width, out.height]).toEqual([metadata.width, metadata.height])
    expect(await readProvenance(out.bytes)).toEqual(provenance)
  })

  it('never upscales past the source width', async () => {
    const source = await solidImage('#2266AA', 300, 150)
    const out = await renderVariant(source, { width: 1280, format: 'jpeg' })
    expect([out.width, out.height]).toEqual([300, 150])
    const metadata = await sharp(out.bytes).metadata()
    expect([metadata.format, metadata.width]).toEqual(['jpeg', 300])
  })

  it('encodes AVIF with the provenance', async () => {
    const source = await solidImage('#2266AA', 256, 128)
    const out = await renderVariant(
      source,
      { width: 128, format: 'avif', quality: 50 },
      provenance
    )
    expect(out).toMatchObject({
      width: 128,
      height: 64,
      format: 'avif',
      mediaType: 'image/avif'
    })
    expect(sniffMediaType(out.bytes)).toBe('image/avif')
    expect((await sharp(out.bytes).metadata()).compression).toBe('av1')
    expect(await readProvenance(out.bytes)).toEqual(provenance)
  })

  it('uses the given quality', async () => {
    const source = await sharp({
      create: {
        width: 256,
        height: 256,
        channels: 3,
        background: '#808080',
        noise: { type: 'gaussian', mean: 128, sigma: 40 }
      }
    })
      .png()
      .toBuffer()
    const variant = { width: 256, format: 'jpeg' } as const
    const low = await renderVariant(source, { ...variant, quality: 30 })
    const high = await renderVariant(source, { ...variant, quality: 95 })
    expect(low.bytes.length).toBeLessThan(high.bytes.length / 2)
  })
})

describe('variantPath', () => {
  it.each([
    ['public/img/hero.png', 640, 'webp', 'public/img/hero-640w.webp'],
    ['hero.png', 1280, 'avif', 'hero-1280w.avif'],
    ['a/b.c/photo.final.jpeg', 320, 'jpeg', 'a/b.c/photo.final-320w.jpeg'],
    ['./img/logo.webp', 64, 'png', './img/logo-64w.png']
  ] as const)('%s at %i %s is %s', (out, width, format, expected) => {
    expect(variantPath(out, { width, format })).toBe(expected)
  })
})
