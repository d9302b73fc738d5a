/**
 * The work snapping saves: the Lab bounds that rule palette colours out before CIEDE2000, the
 * exact-colour shortcut and the per-colour decision table. Results alone cannot see them (a
 * bound that skips nothing gives the same pixels), so these tests count the CIEDE2000
 * measurements through `snapPixels`' `measure` seam, which stays the real CIEDE2000.
 */
import type { Lab65 } from 'culori'
import { differenceCiede2000, formatHex } from 'culori'
import { describe, expect, it } from 'vitest'
import { snapPixels } from '../../src/images/snap.js'

const ciede2000 = differenceCiede2000()

/** Real CIEDE2000 that records every distance it returns, in call order. */
function countingMeasure(): {
  measure: (from: Lab65, to: Lab65) => number
  distances: number[]
} {
  const distances: number[] = []
  return {
    distances,
    measure: (from, to) => {
      const distance = ciede2000(from, to)
      distances.push(distance)
      return distance
    }
  }
}

/** Opaque RGBA pixels, one per `#RRGGBB`. */
function pixels(...hexes: string[]): Uint8Array {
  const data = new Uint8Array(hexes.length * 4)
  hexes.forEach((hex, index) => {
    const value = Number.parseInt(hex.slice(1), 16)
    data.set([value >> 16, (value >> 8) & 0xff, value & 0xff, 255], index * 4)
  })
  return data
}

const hexOf = (data: Uint8Array, pixel: number): string =>
  `#${[...data.subarray(pixel * 4, pixel * 4 + 3)]
    .map((value) => value.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase()}`

describe('snapPixels: what it measures', () => {
  it('measures a near colour once against the one palette colour that can match', () => {
    // The control for the counts below: a candidate is measured, exactly once.
    const { measure, distances } = countingMeasure()
    const data = pixels('#0C5EFE')
    snapPixels(data, [{ hex: '#0B5FFF' }], 3, measure)
    expect(hexOf(data, 0)).toBe('#0B5FFF')
    expect(distances).toHaveLength(1)
    expect(distances[0]).toBeGreaterThan(0)
  })

  it('measures no palette colour that is too much lighter or darker', () => {
    // Black and white have the grey's a* and b* (0): only the lightness bound tells them
    // apart, from above (white) and from below (black).
    const { measure, distances } = countingMeasure()
    const data = pixels('#777777')
    snapPixels(data, [{ hex: '#000000' }, { hex: '#FFFFFF' }], 3, measure)
    expect(hexOf(data, 0)).toBe('#777777')
    expect(distances).toEqual([])
  })

  it('measures no palette colour too far off in a* or in b* at the same lightness', () => {
    // A grey palette colour and two colours of its lightness, one 40 away along a* only and
    // one along b* only: only the chroma bound rules them out, on either axis.
    const grey = formatHex({ mode: 'lab65', l: 60, a: 0, b: 0 }).toUpperCase()
    const red = formatHex({ mode: 'lab65', l: 60, a: 40, b: 0 }).toUpperCase()
    const yellow = formatHex({ mode: 'lab65', l: 60, a: 0, b: 40 })
    const { measure, distances } = countingMeasure()
    const data = pixels(red, yellow.toUpperCase())
    snapPixels(data, [{ hex: grey }], 3, measure)
    expect([hexOf(data, 0), hexOf(data, 1)]).toEqual([
      red,
      yellow.toUpperCase()
    ])
    expect(distances).toEqual([])
  })

  it('measures nothing for a pixel already on the palette', () => {
    // The second palette colour is within the tolerance too, but the exact match ends it.
    const { measure, distances } = countingMeasure()
    const data = pixels('#0B5FFF')
    const stats = snapPixels(
      data,
      [{ hex: '#0B5FFF' }, { hex: '#0C5EFE' }],
      3,
      measure
    )
    expect(stats).toEqual({ tolerance: 3, onPalette: 1, changed: 0 })
    expect(distances).toEqual([])
  })

  it('decides each colour once, wherever and at whatever alpha it recurs', () => {
    // Alternating pixels defeat the "same as the pixel before" shortcut; the decision table
    // still measures each colour once, and alpha is not part of the colour.
    const { measure, distances } = countingMeasure()
    const data = pixels('#0C5EFE', '#FEB101', '#0C5EFE', '#FEB101', '#0C5EFE')
    data[8 + 3] = 128
    snapPixels(data, [{ hex: '#0B5FFF' }, { hex: '#FFB000' }], 3, measure)
    expect(distances).toHaveLength(2)
    expect([0, 1, 2, 3, 4].map((pixel) => hexOf(data, pixel))).toEqual([
      '#0B5FFF',
      '#FFB000',
      '#0B5FFF',
      '#FFB000',
      '#0B5FFF'
    ])
    expect(data[8 + 3]).toBe(128)
  })
})

describe('snapPixels: the tolerance and ties', () => {
  it('snaps a colour exactly at the tolerance, and not one just beyond it', () => {
    // "Within the tolerance" includes it, as the colour check's pass does. The distance is
    // the one snapping itself measured, so the comparison is exact.
    const { measure, distances } = countingMeasure()
    snapPixels(pixels('#2E6BE6'), [{ hex: '#0B5FFF' }], 20, measure)
    const [distance = 0] = distances
    expect(distance).toBeGreaterThan(1)
    const atTolerance = pixels('#2E6BE6')
    snapPixels(atTolerance, [{ hex: '#0B5FFF' }], distance)
    expect(hexOf(atTolerance, 0)).toBe('#0B5FFF')
    const beyond = pixels('#2E6BE6')
    snapPixels(beyond, [{ hex: '#0B5FFF' }], distance * (1 - 1e-9))
    expect(hexOf(beyond, 0)).toBe('#2E6BE6')
  })

  it('gives a tie to the palette colour listed first', () => {
    // Real CIEDE2000 ties are rare; a measure that rates every candidate the same makes
    // palette order the only thing left to decide by.
    const palette = [{ hex: '#0B5FFF' }, { hex: '#0A60FF' }]
    const first = pixels('#0C5EFE')
    snapPixels(first, palette, 3, () => 1)
    expect(hexOf(first, 0)).toBe('#0B5FFF')
    const swapped = pixels('#0C5EFE')
    snapPixels(swapped, [...palette].reverse(), 3, () => 1)
    expect(hexOf(swapped, 0)).toBe('#0A60FF')
  })
})
