import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { checkColors } from '../../src/images/color-check.js'
import {
  placeholderSvg,
  promptExcerpt,
  renderPlaceholder
} from '../../src/images/placeholder.js'
import { pixelAt, rgbHex } from '../helpers/images.js'

const palette = [
  { hex: '#0B1F3A', name: 'navy' },
  { hex: '#FFB000', name: 'amber' },
  { hex: '#F5F1E8', name: 'cream' }
]

describe('what a placeholder shows', () => {
  it('labels each band with its hex and name, the corner with the output size, and the id with the prompt', () => {
    const svg = placeholderSvg({
      id: 'hero',
      width: 1200,
      height: 630,
      palette,
      prompt: 'A mountain trail at dawn, wide angle, soft light'
    })
    for (const text of ['#0B1F3A navy', '#FFB000 amber', '#F5F1E8 cream'])
      expect(svg).toContain(`>${text}</text>`)
    expect(svg).toContain('>1200×630 placeholder</text>')
    expect(svg).toContain('>A mountain trail at dawn, wide…</text>')
    expect(promptExcerpt('  two   words ')).toBe('two words')
  })

  it('differs visibly between assets with the same id and palette but other prompts', async () => {
    const base = { id: 'card', width: 400, height: 300, palette }
    const a = await renderPlaceholder({ ...base, prompt: 'A red fox' })
    const b = await renderPlaceholder({ ...base, prompt: 'An owl at night' })
    expect(a.equals(b)).toBe(false)
  })
})

describe('renderPlaceholder', () => {
  it('is a PNG of the requested size', async () => {
    const png = await renderPlaceholder({
      id: 'hero',
      width: 1200,
      height: 630,
      palette
    })
    const metadata = await sharp(png).metadata()
    expect([metadata.format, metadata.width, metadata.height]).toEqual([
      'png',
      1200,
      630
    ])
  })

  it('gives the same bytes for the same inputs, other bytes for another id', async () => {
    const options = { id: 'hero', width: 512, height: 512, palette }
    const first = await renderPlaceholder(options)
    expect(first.equals(await renderPlaceholder(options))).toBe(true)
    const other = await renderPlaceholder({ ...options, id: 'hera' })
    expect(other.equals(first)).toBe(false)
  })

  it('is made of the palette colours, in bands top to bottom', async () => {
    const png = await renderPlaceholder({
      id: 'team-photo',
      width: 900,
      height: 600,
      palette
    })
    // Top-left corners of the bands are clear of the centred id and the corner label.
    expect(rgbHex(await pixelAt(png, 5, 5))).toBe('#0B1F3A')
    expect(rgbHex(await pixelAt(png, 5, 205))).toBe('#FFB000')
    expect(rgbHex(await pixelAt(png, 5, 405))).toBe('#F5F1E8')
    const result = await checkColors(png, palette, 2)
    expect(result.passed).toBe(true)
    expect(result.worstDeltaE).toBeLessThan(1)
  })

  it('draws the id: white glyphs with a dark outline in the middle', async () => {
    const png = await renderPlaceholder({
      id: 'HHHHHH',
      width: 600,
      height: 300,
      palette: [{ hex: '#FFB000' }]
    })
    const { data, info } = await sharp(png)
      .extract({ left: 0, top: 100, width: 600, height: 100 })
      .raw()
      .toBuffer({ resolveWithObject: true })
    let white = 0
    let dark = 0
    for (let i = 0; i < data.length; i += info.channels) {
      const sum = data[i] + data[i + 1] + data[i + 2]
      if (sum === 765) white++
      if (sum < 120) dark++
    }
    const pixels = info.width * info.height
    expect(white / pixels).toBeGreaterThan(0.02)
    expect(dark / pixels).toBeGreaterThan(0.01)
  })

  it('uses neutral greys without a palette, and escapes the id', async () => {
    const png = await renderPlaceholder({
      id: '<a & b>',
      width: 300,
      height: 300,
      palette: []
    })
    expect(rgbHex(await pixelAt(png, 2, 2))).toBe('#E5E7EB')
    expect(rgbHex(await pixelAt(png, 2, 297))).toBe('#4B5563')
  })
})
