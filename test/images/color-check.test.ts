import { differenceCiede2000 } from 'culori'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { ImageError } from '../../src/errors.js'
import type { ColorCheckResult } from '../../src/images/color-check.js'
import { checkColors, formatColorCheck } from '../../src/images/color-check.js'
import {
  bandsImage,
  patchImage,
  photoLikeImage,
  solidImage
} from '../helpers/images.js'

const palette = [
  { hex: '#0B1F3A', name: 'navy' },
  { hex: '#FFB000', name: 'amber' },
  { hex: '#F5F1E8', name: 'cream' }
]

describe('checkColors', () => {
  it('passes an image in the palette colours, with each band’s coverage', async () => {
    const image = await bandsImage(
      palette.map((color) => color.hex),
      900,
      300
    )
    const result = await checkColors(image, palette, 2)
    expect(result.passed).toBe(true)
    expect(result.tolerance).toBe(2)
    expect(result.worstDeltaE).toBeLessThan(2)
    expect(result.colors.map(({ hex, name }) => ({ hex, name }))).toEqual(
      palette
    )
    for (const color of result.colors) {
      expect(color.deltaE).toBeLessThan(2)
      expect(color.nearest).toBe(color.hex)
      expect(color.coverage).toBeGreaterThan(0.28)
      expect(color.coverage).toBeLessThan(0.38)
    }
    const covered = result.dominant.reduce((sum, c) => sum + c.coverage, 0)
    expect(covered).toBeCloseTo(1, 6)
  })

  it('reports a shifted colour with its CIEDE2000 distance, and fails', async () => {
    const image = await bandsImage(['#0B1F3A', '#FF6000', '#F5F1E8'], 900, 300)
    const result = await checkColors(image, palette, 5)
    const amber = result.colors.find((color) => color.name === 'amber')!
    const expected = differenceCiede2000()('#FFB000', '#FF6000')
    expect(expected).toBeGreaterThan(20)
    expect(Math.abs(amber.deltaE - expected)).toBeLessThanOrEqual(1.5)
    expect(amber.nearest).toBe('#FF6000')
    expect(result.worstDeltaE).toBe(amber.deltaE)
    expect(result.passed).toBe(false)
    expect(formatColorCheck(result)).toBe(
      `ΔE ${amber.deltaE.toFixed(1)} ✗ #FFB000`
    )
  })

  it('does not match a colour that covers under 1% of the image', async () => {
    const colours = [{ hex: '#C81E1E' }, { hex: '#1E3CC8' }]
    // 14x14 of 200x200 = 0.49%: found as a cluster, but too small to count.
    const tiny = await checkColors(
      await patchImage('#C81E1E', '#1E3CC8', 200, 200, 14),
      colours,
      3
    )
    const blue = tiny.dominant.find(
      (c) => differenceCiede2000()(c.hex, '#1E3CC8') < 3
    )
    expect(blue?.coverage).toBeLessThan(0.01)
    expect(tiny.colors[1].deltaE).toBeGreaterThan(30)
    expect(tiny.colors[1].nearest).not.toBe(blue?.hex)
    expect(tiny.passed).toBe(false)
    // 40x40 = 4%: now it counts.
    const small = await checkColors(
      await patchImage('#C81E1E', '#1E3CC8', 200, 200, 40),
      colours,
      3
    )
    expect(small.colors[1].deltaE).toBeLessThan(2)
    expect(small.colors[1].coverage).toBeCloseTo(0.04, 2)
    expect(small.passed).toBe(true)
  })

  it('counts a colour covering exactly 1% of an image smaller than the sample', async () => {
    // 10x10 of 100x100: exactly 1%, measured on the image's own pixels (a small image is not
    // enlarged to the 128 px sample, which would turn the patch into 12 or 13 px squares).
    const result = await checkColors(
      await patchImage('#C81E1E', '#1E3CC8', 100, 100, 10),
      [{ hex: '#1E3CC8' }],
      3
    )
    expect(result.colors[0]?.nearest).toBe('#1E3CC8')
    expect(result.colors[0]?.coverage).toBe(0.01)
    expect(result.passed).toBe(true)
  })

  it('lists dominant colours by coverage even when a small one is found first', async () => {
    // Black is far from the white that seeds the clustering, so it gets the next cluster
    // before the much larger light grey does; the list is still ordered by coverage.
    const image = await bandsImage(
      ['#FFFFFF', '#FFFFFF', '#FFFFFF', '#E0E0E0', '#E0E0E0', '#000000'],
      120,
      20
    )
    const { dominant } = await checkColors(image, [{ hex: '#FFFFFF' }], 2)
    expect(dominant.map(({ hex }) => hex)).toEqual([
      '#FFFFFF',
      '#E0E0E0',
      '#000000'
    ])
    expect(dominant.map(({ coverage }) => coverage)).toEqual([
      0.5,
      1 / 3,
      1 / 6
    ])
  })

  it('flattens transparency on white', async () => {
    const transparent = await sharp({
      create: {
        width: 64,
        height: 64,
        channels: 4,
        background: { r: 0, g: 0, b: 0, alpha: 0 }
      }
    })
      .png()
      .toBuffer()
    const result = await checkColors(transparent, [{ hex: '#FFFFFF' }], 1)
    expect(result.dominant).toEqual([{ hex: '#FFFFFF', coverage: 1 }])
    expect(result.passed).toBe(true)
  })

  it('handles greyscale and lossy images', async () => {
    const grey = await sharp(await solidImage('#777777', 50, 50))
      .toColourspace('b-w')
      .png()
      .toBuffer()
    expect((await checkColors(grey, [{ hex: '#777777' }], 1)).passed).toBe(true)
    const jpeg = await bandsImage(['#0B1F3A', '#FFB000'], 400, 200).then(
      (png) => sharp(png).jpeg({ quality: 80 }).toBuffer()
    )
    const result = await checkColors(jpeg, palette.slice(0, 2), 3)
    expect(result.passed).toBe(true)
  })

  it('is deterministic on a photo-like image', async () => {
    const photo = await photoLikeImage(400, 300)
    const first = await checkColors(photo, palette, 10)
    expect(await checkColors(photo, palette, 10)).toEqual(first)
    expect(first.dominant.length).toBeGreaterThanOrEqual(8)
  })

  it('passes an empty palette with no colours', async () => {
    const result = await checkColors(await solidImage('#123456', 8, 8), [], 2)
    expect(result).toMatchObject({ passed: true, worstDeltaE: 0, colors: [] })
    expect(formatColorCheck(result)).toBe('—')
  })

  it('throws ImageError for bytes that are not an image', async () => {
    await expect(
      checkColors(new Uint8Array([1, 2, 3]), palette, 2)
    ).rejects.toBeInstanceOf(ImageError)
  })
})

describe('formatColorCheck', () => {
  const result = (passed: boolean, deltas: number[]): ColorCheckResult => ({
    passed,
    tolerance: 5,
    worstDeltaE: Math.max(...deltas),
    colors: deltas.map((deltaE, index) => ({
      hex: `#00000${index}`,
      deltaE,
      coverage: 0.5,
      nearest: '#000000'
    })),
    dominant: []
  })

  it('shows the worst distance and a tick when passed', () => {
    expect(formatColorCheck(result(true, [0.4, 1.23]))).toBe('ΔE 1.2 ✓')
  })

  it('names the worst palette colour when failed', () => {
    expect(formatColorCheck(result(false, [2, 23.44, 9]))).toBe(
      'ΔE 23.4 ✗ #000001'
    )
  })

  it('names the first of two palette colours that are equally far off', () => {
    expect(formatColorCheck(result(false, [9, 23.44, 2, 23.44]))).toBe(
      'ΔE 23.4 ✗ #000001'
    )
  })
})
