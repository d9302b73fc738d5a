import { differenceCiede2000 } from 'culori'
import { describe, expect, it } from 'vitest'
import { snapPixels } from '../../src/images/snap.js'
import { DEFAULT_SNAP_TOLERANCE } from '../../src/spec/fields.js'

const palette = [
  { hex: '#0B5FFF', name: 'primary' },
  { hex: '#FFB000' },
  { hex: '#111827' },
  { hex: '#F7F4EA' }
]
const deltaE = differenceCiede2000()

function rgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16)
  return [value >> 16, (value >> 8) & 0xff, value & 0xff]
}

function hexAt(data: Uint8Array, pixel: number): string {
  return `#${[0, 1, 2]
    .map((channel) => data[pixel * 4 + channel].toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase()}`
}

/** mulberry32, so the drifts are the same every run. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Flat art: four bands of the palette colours, each pixel drifted by up to
 * ±drift per channel (a model's small colour errors), opaque.
 */
function flatArt(width: number, height: number, drift: number): Uint8Array {
  const next = random(7)
  const data = new Uint8Array(width * height * 4)
  for (let y = 0; y < height; y++) {
    const base = rgb(palette[Math.floor((y * palette.length) / height)].hex)
    for (let x = 0; x < width; x++) {
      const offset = (y * width + x) * 4
      for (let channel = 0; channel < 3; channel++) {
        const shift = Math.round((next() * 2 - 1) * drift)
        data[offset + channel] = Math.min(
          255,
          Math.max(0, base[channel] + shift)
        )
      }
      data[offset + 3] = 255
    }
  }
  return data
}

/** A smooth gradient from the primary blue to the amber, left to right. */
function gradient(width: number, height: number): Uint8Array {
  const [from, to] = [rgb('#0B5FFF'), rgb('#FFB000')]
  const data = new Uint8Array(width * height * 4)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const t = x / (width - 1)
      const offset = (y * width + x) * 4
      for (let channel = 0; channel < 3; channel++) {
        data[offset + channel] = Math.round(
          from[channel] + (to[channel] - from[channel]) * t
        )
      }
      data[offset + 3] = 255
    }
  }
  return data
}

/**
 * Every pixel snapping changed was within the tolerance of the colour it
 * became, and every pixel it left was beyond the tolerance of every colour.
 */
function expectOnlyNearColoursChanged(
  before: Uint8Array,
  after: Uint8Array,
  tolerance: number
): void {
  const verdicts = new Map<string, string>()
  for (let pixel = 0; pixel < before.length / 4; pixel++) {
    const [was, now] = [hexAt(before, pixel), hexAt(after, pixel)]
    const key = `${was}>${now}`
    if (verdicts.has(key)) continue
    const distances = palette.map((color) => deltaE(color.hex, was))
    const nearest = Math.min(...distances)
    verdicts.set(key, now)
    if (now === was) {
      if (!palette.some((color) => color.hex === was)) {
        expect(nearest, was).toBeGreaterThan(tolerance)
      }
    } else {
      expect(deltaE(now, was), `${was} → ${now}`).toBeCloseTo(nearest, 9)
      expect(nearest, was).toBeLessThanOrEqual(tolerance)
    }
  }
}

describe('snapPixels', () => {
  it('puts flat art with small drifts exactly on the palette', () => {
    const data = flatArt(256, 256, 2)
    const before = Uint8Array.from(data)
    const stats = snapPixels(data, palette, DEFAULT_SNAP_TOLERANCE)
    expect(stats.onPalette).toBeGreaterThanOrEqual(0.95)
    const hexes = new Set(palette.map((color) => color.hex))
    let exact = 0
    for (let pixel = 0; pixel < 256 * 256; pixel++) {
      if (hexes.has(hexAt(data, pixel))) exact += 1
    }
    expect(exact / (256 * 256)).toBeCloseTo(stats.onPalette, 6)
    expectOnlyNearColoursChanged(before, data, DEFAULT_SNAP_TOLERANCE)
  })

  it("snaps the issue's #0C5EFE to the spec's #0B5FFF and keeps alpha", () => {
    const data = Uint8Array.from([0x0c, 0x5e, 0xfe, 128, 0x0b, 0x5f, 0xff, 255])
    const stats = snapPixels(data, palette, 2)
    expect([...data]).toEqual([0x0b, 0x5f, 0xff, 128, 0x0b, 0x5f, 0xff, 255])
    expect(stats).toEqual({ tolerance: 2, onPalette: 1, changed: 0.5 })
  })

  it('leaves a gradient between two palette colours alone', () => {
    const data = gradient(512, 4)
    const before = Uint8Array.from(data)
    const stats = snapPixels(data, palette, DEFAULT_SNAP_TOLERANCE)
    // Only the columns next to the two ends (within ΔE 3 of blue or amber, about 7% at each
    // end) snap: the middle stays as it was, so the gradient keeps its steps.
    expect(stats.changed).toBeLessThan(0.16)
    for (let x = 80; x < 432; x++) {
      expect(hexAt(data, x), `column ${x}`).toBe(hexAt(before, x))
    }
    expectOnlyNearColoursChanged(before, data, DEFAULT_SNAP_TOLERANCE)
    expect(
      new Set(Array.from({ length: 512 }, (_, x) => hexAt(data, x))).size
    ).toBeGreaterThan(300)
  })

  it('ignores fully transparent pixels and leaves colours beyond the tolerance', () => {
    const data = Uint8Array.from([0x0c, 0x5e, 0xfe, 0, 0x80, 0x80, 0x80, 255])
    const stats = snapPixels(data, palette, 3)
    expect([...data]).toEqual([0x0c, 0x5e, 0xfe, 0, 0x80, 0x80, 0x80, 255])
    expect(stats).toEqual({ tolerance: 3, onPalette: 0, changed: 0 })
  })

  it('picks the nearest palette colour when two are within the tolerance', () => {
    const close = [{ hex: '#808080' }, { hex: '#828282' }]
    const data = Uint8Array.from([0x83, 0x83, 0x83, 255])
    snapPixels(data, close, 5)
    expect(hexAt(data, 0)).toBe('#828282')
  })

  it('picks the nearest palette colour whatever the palette order', () => {
    const data = Uint8Array.from([0x83, 0x83, 0x83, 255])
    snapPixels(data, [{ hex: '#828282' }, { hex: '#808080' }], 5)
    expect(hexAt(data, 0)).toBe('#828282')
  })

  it('reports zero shares, not NaN, for an image with no visible pixel', () => {
    const data = Uint8Array.from([0x0b, 0x5f, 0xff, 0, 0x0c, 0x5e, 0xfe, 0])
    expect(snapPixels(data, palette, 3)).toEqual({
      tolerance: 3,
      onPalette: 0,
      changed: 0
    })
  })

  it('refuses a buffer that is not whole RGBA pixels', () => {
    expect(() => snapPixels(new Uint8Array(7), palette, 3)).toThrow(RangeError)
  })

  it('works on a buffer that does not start on a 4-byte boundary', () => {
    const backing = new Uint8Array(9)
    const data = backing.subarray(1)
    data.set([0x0c, 0x5e, 0xfe, 255, 0x10, 0x18, 0x28, 255])
    snapPixels(data, palette, 3)
    expect(hexAt(data, 0)).toBe('#0B5FFF')
    expect(hexAt(data, 1)).toBe('#111827')
  })

  it('works on a Node Buffer that does not start on a 4-byte boundary', () => {
    // sharp hands back Buffers, whose `slice` is a view at the same offset, not a copy.
    const data = Buffer.alloc(9).subarray(1)
    data.set([0x0c, 0x5e, 0xfe, 255, 0x10, 0x18, 0x28, 255])
    snapPixels(data, palette, 3)
    expect(hexAt(data, 0)).toBe('#0B5FFF')
    expect(hexAt(data, 1)).toBe('#111827')
  })
})

describe('snapPixels against CIEDE2000 computed directly', () => {
  it('snaps exactly the colours within the tolerance of a palette colour, to the nearest', () => {
    // Colours around each palette colour (saturated blue is where CIEDE2000 and plain Lab
    // distance disagree most) plus random ones, each decided against culori pair by pair.
    const next = random(11)
    const colours: number[][] = []
    for (const color of palette) {
      const base = rgb(color.hex)
      for (let i = 0; i < 600; i++) {
        const spread = [3, 8, 20][i % 3]
        colours.push(
          base.map((channel) =>
            Math.min(
              255,
              Math.max(0, channel + Math.round((next() * 2 - 1) * spread))
            )
          )
        )
      }
    }
    for (let i = 0; i < 1000; i++) {
      colours.push([0, 1, 2].map(() => Math.floor(next() * 256)))
    }
    for (const tolerance of [1, 3, 8]) {
      const data = new Uint8Array(colours.length * 4)
      colours.forEach((colour, index) => {
        data.set([...colour, 255], index * 4)
      })
      const before = Uint8Array.from(data)
      snapPixels(data, palette, tolerance)
      expectOnlyNearColoursChanged(before, data, tolerance)
    }
  })
})
