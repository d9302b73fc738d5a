/**
 * Palette snapping: every pixel within a CIEDE2000 tolerance of a palette
 * colour becomes exactly that colour, so a flat brand blue that came back as
 * `#0C5EFE` is written as the spec's `#0B5FFF`. Pixels between colours
 * (anti-aliased edges, gradients, shading) stay as they are.
 *
 * Fast on raw RGB(A) buffers: each distinct colour is decided once (cached in
 * a table indexed by the 24-bit colour), cheap Lab bounds rule out palette
 * colours that cannot be within tolerance, and CIEDE2000 runs only for the
 * few that can.
 */
import type { Lab65 } from 'culori'
import { converter, differenceCiede2000 } from 'culori'
import type { PaletteColor } from '../spec/types.js'

/** A colour distance on Lab (D65) colours: CIEDE2000 unless a test injects a wrapper. */
export type ColorDistance = (from: Lab65, to: Lab65) => number

/** What snapping did to an image. */
export interface SnapStats {
  /** The tolerance used (CIEDE2000). */
  tolerance: number
  /** Share (0..1) of visible pixels now exactly on a palette colour. */
  onPalette: number
  /** Share (0..1) of visible pixels that snapping changed. */
  changed: number
}

/*
 * The prefilter's bounds. CIEDE2000 divides the lightness difference by S_L <= 1.76 and the
 * chroma and hue differences by S_C = 1 + 0.045 C' (S_H is smaller); its rotation term can
 * take away at most 0.866 of the cross term, leaving >= 0.134 of the chroma and hue part
 * (1 / sqrt(0.134) = 2.73). And a' = a (1 + G) >= a. So a colour within `tolerance` has
 * |ΔL| <= 1.8 tolerance and |Δ(a, b)| <= 2.8 tolerance S_C: anything outside is never a match.
 */
const LIGHTNESS_BOUND = 1.8
const CHROMA_BOUND = 2.8
const toLab = converter('lab65')
const deltaE2000 = differenceCiede2000()

// sRGB byte to linear light, once: the per-colour Lab conversion below is the hot path.
const LINEAR = Float64Array.from({ length: 256 }, (_, value) => {
  const c = value / 255
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
})
// D65 white, as culori's lab65.
const WHITE_X = 0.3127 / 0.329
const WHITE_Z = (1 - 0.3127 - 0.329) / 0.329
const EPSILON = 216 / 24389
const KAPPA = 24389 / 27

function labAxis(value: number): number {
  return value > EPSILON ? Math.cbrt(value) : (KAPPA * value + 16) / 116
}

/** Lab (D65) of a colour key (`r | g << 8 | b << 16`) into `out`, matching culori's lab65. */
function labOf(key: number, out: Float64Array): void {
  const r = LINEAR[key & 0xff]
  const g = LINEAR[(key >> 8) & 0xff]
  const b = LINEAR[(key >> 16) & 0xff]
  const x = labAxis(
    (0.4123907992659593 * r + 0.357584339383878 * g + 0.1804807884018343 * b) /
      WHITE_X
  )
  const y = labAxis(
    0.2126390058715102 * r + 0.715168678767756 * g + 0.0721923153607337 * b
  )
  const z = labAxis(
    (0.0193308187155918 * r + 0.119194779794626 * g + 0.9505321522496607 * b) /
      WHITE_Z
  )
  out[0] = 116 * y - 16
  out[1] = 500 * (x - y)
  out[2] = 200 * (y - z)
}

/** A palette prepared once per image: colour keys, Lab, and each colour's prefilter radii. */
interface PreparedPalette {
  keys: Int32Array
  lab: Float64Array
  /** Largest |ΔL| of a colour within tolerance (shared by all). */
  lightness: number
  /** Per colour: the largest squared |Δ(a, b)| of a colour within tolerance. */
  chroma: Float64Array
}

function prepare(palette: PaletteColor[], tolerance: number): PreparedPalette {
  const keys = new Int32Array(palette.length)
  const lab = new Float64Array(palette.length * 3)
  const chroma = new Float64Array(palette.length)
  palette.forEach((color, index) => {
    const rgb = Number.parseInt(color.hex.slice(1), 16)
    keys[index] = ((rgb >> 16) & 0xff) | (rgb & 0xff00) | ((rgb & 0xff) << 16)
    const { l, a, b } = toLab(color.hex) ?? { l: 0, a: 0, b: 0 }
    lab.set([l, a, b], index * 3)
    // S_C grows with the pair's mean chroma C' <= 1.5 (C + radius): bound it from a first guess.
    const own = Math.hypot(a, b)
    const radius = (c: number): number =>
      CHROMA_BOUND * tolerance * (1 + 0.045 * 1.5 * c)
    chroma[index] = radius(own + radius(own + radius(own))) ** 2
  })
  return { keys, lab, lightness: LIGHTNESS_BOUND * tolerance, chroma }
}

/**
 * The palette index a colour snaps to, or -1: the nearest palette colour by
 * CIEDE2000 when it is within `tolerance`.
 */
function decide(
  key: number,
  palette: PreparedPalette,
  tolerance: number,
  scratch: Float64Array,
  measure: ColorDistance
): number {
  labOf(key, scratch)
  let best = -1
  let bestDistance = Infinity
  for (let index = 0; index < palette.keys.length; index++) {
    if (palette.keys[index] === key) return index
    const dl = scratch[0] - palette.lab[index * 3]
    if (dl > palette.lightness || -dl > palette.lightness) continue
    const da = scratch[1] - palette.lab[index * 3 + 1]
    const db = scratch[2] - palette.lab[index * 3 + 2]
    if (da * da + db * db > palette.chroma[index]) continue
    const distance = measure(
      {
        mode: 'lab65',
        l: palette.lab[index * 3],
        a: palette.lab[index * 3 + 1],
        b: palette.lab[index * 3 + 2]
      },
      { mode: 'lab65', l: scratch[0], a: scratch[1], b: scratch[2] }
    )
    if (distance <= tolerance && distance < bestDistance) {
      best = index
      bestDistance = distance
    }
  }
  return best
}

/**
 * Snaps the pixels of a raw RGBA buffer (8 bits per channel, as sharp's
 * `ensureAlpha().raw()` gives) in place. Alpha is kept; fully transparent
 * pixels are left out of the shares. Returns the shares of visible pixels on
 * the palette and changed. `measure` is CIEDE2000; tests pass a wrapper to see
 * how often it runs.
 */
export function snapPixels(
  rgba: Uint8Array,
  palette: PaletteColor[],
  tolerance: number,
  measure: ColorDistance = deltaE2000
): SnapStats {
  if (rgba.length % 4 !== 0) {
    throw new RangeError('snapPixels takes RGBA: 4 bytes per pixel')
  }
  // One 32-bit read per pixel; on little-endian hosts (every platform Node ships for) the low
  // 24 bits are r | g << 8 | b << 16 and the top 8 the alpha.
  // A copy, not `slice()`: a Node Buffer's `slice` is a view at the same unaligned offset.
  const aligned = rgba.byteOffset % 4 === 0 ? rgba : new Uint8Array(rgba)
  const pixels = new Uint32Array(
    aligned.buffer,
    aligned.byteOffset,
    aligned.length / 4
  )
  const prepared = prepare(palette, tolerance)
  // Indexed by the colour key: 0 = not decided yet, 1 = no palette colour within tolerance,
  // 2 + i = palette colour i. A typed array beats a Map by far, and only the pages of the
  // colours the image uses are ever touched.
  const decisions = new Uint16Array(1 << 24)
  const scratch = new Float64Array(3)
  let visible = 0
  let onPalette = 0
  let changed = 0
  // Flat art repeats the pixel before it: reuse that decision without a lookup.
  let lastPixel = -1
  let lastResult = 0
  for (let index = 0; index < pixels.length; index++) {
    const pixel = pixels[index]
    if (pixel >>> 24 === 0) continue
    visible += 1
    let result = lastResult
    if (pixel !== lastPixel) {
      const key = pixel & 0xffffff
      let decision = decisions[key]
      if (decision === 0) {
        decision = decide(key, prepared, tolerance, scratch, measure) + 2
        decisions[key] = decision
      }
      // 0 leaves the pixel as it is (a visible pixel is never 0), else the snapped pixel.
      result =
        decision === 1
          ? 0
          : ((pixel & 0xff000000) | prepared.keys[decision - 2]) >>> 0
      lastPixel = pixel
      lastResult = result
    }
    if (result === 0) continue
    onPalette += 1
    if (result !== pixel) {
      pixels[index] = result
      changed += 1
    }
  }
  if (aligned !== rgba) rgba.set(aligned)
  return {
    tolerance,
    onPalette: visible === 0 ? 0 : onPalette / visible,
    changed: visible === 0 ? 0 : changed / visible
  }
}
