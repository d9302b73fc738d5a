/**
 * Images where the clustering itself decides the answer: a wrong distance or a skipped seeding
 * step merges colours and reports a wrong ΔE. Each image is 128 × 128 (the sample size), built
 * pixel by pixel, so what the check sees is exactly what is written here.
 */
import { converter, differenceCiede2000, formatHex } from 'culori'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { checkColors } from '../../src/images/color-check.js'

const SIDE = 128
type Rgb = [number, number, number]

const rgb = (hex: string): Rgb => [
  Number.parseInt(hex.slice(1, 3), 16),
  Number.parseInt(hex.slice(3, 5), 16),
  Number.parseInt(hex.slice(5, 7), 16)
]

/** A PNG whose pixel (x, y) has the colour `paint(x, y)`. */
function painted(paint: (x: number, y: number) => Rgb): Promise<Buffer> {
  const data = Buffer.alloc(SIDE * SIDE * 3)
  for (let y = 0; y < SIDE; y++)
    for (let x = 0; x < SIDE; x++) data.set(paint(x, y), (y * SIDE + x) * 3)
  return sharp(data, { raw: { width: SIDE, height: SIDE, channels: 3 } })
    .png()
    .toBuffer()
}

const mix = (from: Rgb, to: Rgb, t: number): Rgb =>
  from.map((value, i) => Math.round(value + ((to[i] ?? 0) - value) * t)) as Rgb

describe('colour clustering', () => {
  it('measures the mean of a fine two-shade dither, which is neither shade', async () => {
    // Two browns about ΔE 4 apart in a checkerboard, beside seven far-apart flat colours: nine
    // colours for eight clusters, so the two shades share one, whose mean lies between them.
    // Centres left at their seeds would measure one shade, about ΔE 2 off the mean.
    const [dark, light] = [rgb('#7A5C3A'), rgb('#86674A')]
    const toLab = converter('lab65')
    const [a, b] = [dark, light].map((c) =>
      toLab({ mode: 'rgb', r: c[0] / 255, g: c[1] / 255, b: c[2] / 255 })
    )
    const mean = formatHex({
      mode: 'lab65',
      l: (a.l + b.l) / 2,
      a: (a.a + b.a) / 2,
      b: (a.b + b.b) / 2
    })
    const far = [
      '#FFFFFF',
      '#000000',
      '#FF0000',
      '#00FF00',
      '#0000FF',
      '#FFFF00',
      '#FF00FF'
    ]
    const image = await painted((x, y) =>
      x < 64
        ? (x + y) % 2 === 0
          ? dark
          : light
        : rgb(far[Math.min(6, Math.floor((x - 64) / 9))])
    )
    expect(differenceCiede2000()(a, b)).toBeGreaterThan(3)
    const result = await checkColors(image, [{ hex: mean }], 1)
    expect(result.worstDeltaE).toBeLessThan(0.5)
    expect(result.passed).toBe(true)
  })

  it('tells two close blues apart', async () => {
    const blue = '#0B5FFF'
    const nearBlue = '#2E6BE6'
    const image = await painted((x) =>
      x < 56 ? rgb(blue) : x < 112 ? rgb(nearBlue) : rgb('#FFFFFF')
    )
    const result = await checkColors(
      image,
      [{ hex: blue }, { hex: nearBlue }],
      1
    )
    expect(result.colors.map((color) => color.nearest)).toEqual([
      blue,
      nearBlue
    ])
    expect(result.worstDeltaE).toBeLessThan(0.5)
    expect(result.passed).toBe(true)
  })

  // Three groups of six shades, the groups 40 apart along one Lab axis and the shades within a
  // group ±1.5 apart along another: 18 colours for 8 clusters. A distance that drops or flips
  // the groups' axis clusters by shade instead, and the means land between the groups.
  const axes = [
    ['lightness (L*)', 'l', 'b'],
    ['red-green (a*)', 'a', 'l'],
    ['yellow-blue (b*)', 'b', 'l']
  ] as const
  for (const [name, axis, shadeAxis] of axes) {
    it(`separates colours that differ only in ${name}`, async () => {
      const lab = (group: number, shade: number) => {
        const colour = { mode: 'lab65' as const, l: 60, a: 0, b: 0 }
        colour[axis] += group * 40
        colour[shadeAxis] += shade
        return formatHex(colour).toUpperCase()
      }
      const shades = [-1.5, -0.9, -0.3, 0.3, 0.9, 1.5]
      const image = await painted((x, y) => {
        const group = Math.floor((x * 3) / SIDE) - 1
        return rgb(lab(group, shades[y % shades.length] ?? 0))
      })
      const palette = [-1, 0, 1].map((group) => ({ hex: lab(group, 0) }))
      const result = await checkColors(image, palette, 1.5)
      expect(result.worstDeltaE).toBeLessThan(1.5)
    })
  }

  it('finds a small patch of a palette colour in a busy gradient', async () => {
    // A grey-to-teal gradient of many distinct colours, and a 20 × 20 magenta patch (2.4%).
    const magenta = '#E0115F'
    const image = await painted((x, y) =>
      x < 20 && y < 20
        ? rgb(magenta)
        : mix(rgb('#808080'), rgb('#2A9D8F'), (x + y) / (2 * SIDE))
    )
    const result = await checkColors(image, [{ hex: magenta }], 2)
    const [measured] = result.colors
    expect(measured?.nearest).toBe(magenta)
    expect(measured?.deltaE).toBeLessThan(0.5)
    expect(measured?.coverage).toBeCloseTo(400 / (SIDE * SIDE), 3)
  })

  it('measures the flat colours of anti-aliased artwork, not the blends along its edges', async () => {
    // Orange and cream halves with a soft 6 px edge: every blend is its own colour.
    const orange = rgb('#F26B1D')
    const cream = rgb('#F5F1E8')
    const image = await painted((x, y) => {
      const edge = (x - y / 4 - 48) / 6
      return edge <= 0 ? orange : edge >= 1 ? cream : mix(orange, cream, edge)
    })
    const result = await checkColors(
      image,
      [{ hex: '#F26B1D' }, { hex: '#F5F1E8' }],
      1
    )
    expect(result.colors.map((color) => color.nearest)).toEqual([
      '#F26B1D',
      '#F5F1E8'
    ])
    expect(result.worstDeltaE).toBeLessThan(0.5)
    // The two flat colours cover almost everything between them.
    const flat = result.colors.reduce((sum, color) => sum + color.coverage, 0)
    expect(flat).toBeGreaterThan(0.9)
  })

  it('gives every colour of a large palette its own cluster', async () => {
    // Twelve hues at equal lightness: more than the minimum of 8 clusters.
    const hues = Array.from({ length: 12 }, (_, index) =>
      formatHex({ mode: 'oklch', l: 0.7, c: 0.12, h: index * 30 }).toUpperCase()
    )
    const image = await painted((x) =>
      rgb(hues[Math.floor((x * 12) / SIDE)] ?? '#000000')
    )
    const result = await checkColors(
      image,
      hues.map((hex) => ({ hex })),
      1
    )
    expect(result.colors.map((color) => color.nearest)).toEqual(hues)
    expect(result.worstDeltaE).toBeLessThan(0.5)
  })

  it('samples a large image without inventing blends of fine stripes', async () => {
    // 256 px of 2 px stripes: averaging while scaling to 128 px would paint it all peach.
    const orange = rgb('#F26B1D')
    const cream = rgb('#F5F1E8')
    const data = Buffer.alloc(256 * 256 * 3)
    for (let y = 0; y < 256; y++)
      for (let x = 0; x < 256; x++)
        data.set(
          Math.floor(x / 2) % 2 === 0 ? orange : cream,
          (y * 256 + x) * 3
        )
    const image = await sharp(data, {
      raw: { width: 256, height: 256, channels: 3 }
    })
      .png()
      .toBuffer()
    const result = await checkColors(
      image,
      [{ hex: '#F26B1D' }, { hex: '#F5F1E8' }],
      1
    )
    expect(result.worstDeltaE).toBeLessThan(0.5)
  })

  it('passes a distance exactly at the tolerance', async () => {
    const image = await painted(() => rgb('#0B5FFF'))
    const palette = [{ hex: '#2E6BE6' }]
    const { worstDeltaE } = await checkColors(image, palette, 100)
    expect(worstDeltaE).toBeGreaterThan(1)
    expect((await checkColors(image, palette, worstDeltaE)).passed).toBe(true)
    expect(
      (await checkColors(image, palette, worstDeltaE - 0.001)).passed
    ).toBe(false)
  })

  it('iterates to a clustering where each dominant colour covers the pixels nearest to it', async () => {
    // A ramp of 128 greys for 8 clusters: the k-means++ seeds are single greys, and the first
    // assignment to them is not where Lloyd's iterations settle. Stopping early (or summing
    // across iterations) leaves coverages that do not match the colours reported with them.
    const image = await painted((x) => [x * 2, x * 2, x * 2])
    const { dominant } = await checkColors(image, [{ hex: '#808080' }], 2)
    expect(dominant).toHaveLength(8)
    const toLab = converter('lab65')
    const centres = dominant.map(({ hex }) => {
      const lab = toLab(hex)
      if (lab === undefined) throw new Error(`not a colour: ${hex}`)
      return lab
    })
    const nearest = Array.from({ length: SIDE }, (_, x) => {
      const grey = toLab({
        mode: 'rgb',
        r: (x * 2) / 255,
        g: (x * 2) / 255,
        b: (x * 2) / 255
      })
      const distances = centres.map(
        (c) => (c.l - grey.l) ** 2 + c.a ** 2 + c.b ** 2
      )
      return distances.indexOf(Math.min(...distances))
    })
    // Every column is one grey, so a coverage is the share of columns nearest to its colour.
    // A column that flipped would move it by 1/128.
    dominant.forEach(({ coverage }, index) => {
      const columns = nearest.filter((best) => best === index).length
      expect(coverage, dominant[index]?.hex).toBeCloseTo(columns / SIDE, 3)
    })
  })

  it('lists dominant colours by coverage, and leaves out the name of an unnamed colour', async () => {
    const image = await painted((x) =>
      rgb(x < 16 ? '#0B1F3A' : x < 80 ? '#F5F1E8' : '#FFB000')
    )
    const result = await checkColors(image, [{ hex: '#FFB000' }], 2)
    expect(result.dominant.map(({ hex }) => hex)).toEqual([
      '#F5F1E8',
      '#FFB000',
      '#0B1F3A'
    ])
    expect(result.dominant.map(({ coverage }) => coverage)).toEqual([
      0.5, 0.375, 0.125
    ])
    expect(Object.keys(result.colors[0] ?? {})).not.toContain('name')
  })
})
