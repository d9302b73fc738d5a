/** The store's preview: a WebP for the PR comment, at most 800 px wide, never enlarged. */
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { PREVIEW_WIDTH, renderPreview } from '../../src/store/preview.js'

/** A solid PNG of `width`×`height`. */
const png = (width: number, height: number) =>
  sharp({
    create: { width, height, channels: 3, background: '#0B5FFF' }
  })
    .png()
    .toBuffer()

describe('renderPreview', () => {
  it('narrows a wide image to 800 px, keeping its aspect ratio, as WebP', async () => {
    const preview = await renderPreview(await png(1600, 400))
    const meta = await sharp(preview).metadata()
    expect(meta.format).toBe('webp')
    expect([meta.width, meta.height]).toEqual([PREVIEW_WIDTH, 200])
  })

  it('never enlarges an image narrower than 800 px', async () => {
    const preview = await renderPreview(await png(120, 60))
    const meta = await sharp(preview).metadata()
    expect(meta.format).toBe('webp')
    expect([meta.width, meta.height]).toEqual([120, 60])
  })
})
