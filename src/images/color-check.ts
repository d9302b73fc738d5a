/**
 * The palette check: does a generated image actually use the brand colours? Finds the image's
 * dominant colours by k-means in CIELAB and measures each palette colour's CIEDE2000 distance to
 * the nearest one that covers a meaningful share of the image.
 */
import type { Lab65 } from 'culori'
import { converter, differenceCiede2000, formatHex } from 'culori'
import { getErrorMessage, ImageError } from '../errors.js'
import type { PaletteColor } from '../spec/types.js'
import { sharp } from './sharp.js'

/** How one palette colour fared. */
export interface ColorMeasurement {
  /** The palette colour. */
  hex: string
  name?: string
  /** CIEDE2000 distance to `nearest`. */
  deltaE: number
  /** Fraction of the image (0..1) covered by `nearest`. */
  coverage: number
  /** The dominant image colour closest to the palette colour. */
  nearest: string
}

/** The outcome of a palette check. */
export interface ColorCheckResult {
  passed: boolean
  tolerance: number
  /** The largest `deltaE` over the palette; 0 for an empty palette. */
  worstDeltaE: number
  colors: ColorMeasurement[]
  /** The image's dominant colours, most coverage first. */
  dominant: Array<{ hex: string; coverage: number }>
}

/** Long side the image is sampled down to: 16k pixels is plenty for colour statistics. */
const SAMPLE_SIDE = 128
/** Smaller clusters are edges, noise or details, not a colour the image "uses". */
const MIN_COVERAGE = 0.01
/** With at most 64 clusters the largest one covers at least 1/64 > 1%, so one always qualifies. */
const MAX_CLUSTERS = 64
const MAX_ITERATIONS = 30

const toLab = converter('lab65')
const deltaE2000 = differenceCiede2000()

/** Distinct colours of the sample as Lab triples, with how many pixels have each. */
interface Points {
  lab: Float64Array
  weight: Float64Array
  count: number
}

/** RGB bytes of the image sampled down to at most SAMPLE_SIDE on the long side. */
async function samplePixels(image: Uint8Array): Promise<Buffer> {
  try {
    // Nearest-neighbour sampling keeps only colours that are really in the image: averaging
    // kernels invent blends along every edge (orange/cream edges average to a peach that sits
    // closer to amber than the orange does).
    return await sharp(image)
      .autoOrient()
      .flatten({ background: '#ffffff' })
      .resize({
        width: SAMPLE_SIDE,
        height: SAMPLE_SIDE,
        fit: 'inside',
        withoutEnlargement: true,
        kernel: 'nearest'
      })
      // Three channels even for greyscale input.
      .toColourspace('srgb')
      .raw()
      .toBuffer()
  } catch (error) {
    throw new ImageError(
      `Could not decode the image for the colour check: ${getErrorMessage(error)}`,
      { cause: error }
    )
  }
}

/** The sample's distinct colours in Lab, weighted by pixel count. */
async function samplePoints(image: Uint8Array): Promise<Points> {
  const data = await samplePixels(image)
  // Flat artwork has few distinct colours: cluster those, weighted, instead of every pixel.
  const counts = new Map<number, number>()
  for (let i = 0; i + 2 < data.length; i += 3) {
    const key = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2]
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  const points: Points = {
    lab: new Float64Array(counts.size * 3),
    weight: new Float64Array(counts.size),
    count: counts.size
  }
  let index = 0
  for (const [key, count] of counts) {
    const { l, a, b } = toLab({
      mode: 'rgb',
      r: (key >> 16) / 255,
      g: ((key >> 8) & 0xff) / 255,
      b: (key & 0xff) / 255
    })
    points.lab.set([l, a, b], index * 3)
    points.weight[index++] = count
  }
  return points
}

/** mulberry32: a tiny seeded PRNG, so the clustering (and the report) is the same every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function squaredDistance(
  from: Float64Array,
  i: number,
  to: Float64Array,
  j: number
): number {
  const dl = from[i * 3] - to[j * 3]
  const da = from[i * 3 + 1] - to[j * 3 + 1]
  const db = from[i * 3 + 2] - to[j * 3 + 2]
  return dl * dl + da * da + db * db
}

/**
 * k-means++ seeding: the most common colour first, then colours drawn with probability
 * proportional to pixels x squared distance, so distinct colours get their own centre early.
 * Stops early when every colour already is a centre.
 */
function seedCentres(points: Points, k: number): Float64Array {
  const random = seededRandom(0x5eed)
  let first = 0
  for (let i = 1; i < points.count; i++) {
    if (points.weight[i] > points.weight[first]) first = i
  }
  const centres = [first]
  const nearest = new Float64Array(points.count).fill(Infinity)
  let latest = first
  while (centres.length < k) {
    let total = 0
    for (let i = 0; i < points.count; i++) {
      const d = squaredDistance(points.lab, i, points.lab, latest)
      if (d < nearest[i]) nearest[i] = d
      total += nearest[i] * points.weight[i]
    }
    if (total === 0) break
    let target = random() * total
    // Floating-point leftovers can outlast the loop: then the last colour is the pick.
    latest = points.count - 1
    for (let i = 0; i < points.count; i++) {
      target -= nearest[i] * points.weight[i]
      if (target < 0) {
        latest = i
        break
      }
    }
    centres.push(latest)
  }
  const lab = new Float64Array(centres.length * 3)
  centres.forEach((point, c) => {
    lab.set(points.lab.subarray(point * 3, point * 3 + 3), c * 3)
  })
  return lab
}

/** Weighted Lloyd iterations from k-means++ seeds; returns each cluster's mean Lab and weight. */
function kMeans(
  points: Points,
  k: number
): Array<{ lab: Lab65; weight: number }> {
  const centres = seedCentres(points, k)
  const clusters = centres.length / 3
  const assignment = new Int32Array(points.count).fill(-1)
  const sums = new Float64Array(clusters * 4)
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    let changed = false
    sums.fill(0)
    for (let i = 0; i < points.count; i++) {
      let best = 0
      let bestDistance = Infinity
      for (let c = 0; c < clusters; c++) {
        const d = squaredDistance(points.lab, i, centres, c)
        if (d < bestDistance) [best, bestDistance] = [c, d]
      }
      if (assignment[i] !== best) [assignment[i], changed] = [best, true]
      const w = points.weight[i]
      for (let axis = 0; axis < 3; axis++) {
        sums[best * 4 + axis] += points.lab[i * 3 + axis] * w
      }
      sums[best * 4 + 3] += w
    }
    for (let c = 0; c < clusters; c++) {
      const w = sums[c * 4 + 3]
      // An emptied cluster keeps its old centre; it is dropped from the result below.
      if (w === 0) continue
      for (let axis = 0; axis < 3; axis++) {
        centres[c * 3 + axis] = sums[c * 4 + axis] / w
      }
    }
    if (!changed) break
  }
  const result: Array<{ lab: Lab65; weight: number }> = []
  for (let c = 0; c < clusters; c++) {
    const weight = sums[c * 4 + 3]
    if (weight === 0) continue
    result.push({
      lab: {
        mode: 'lab65',
        l: centres[c * 3],
        a: centres[c * 3 + 1],
        b: centres[c * 3 + 2]
      },
      weight
    })
  }
  return result
}

/**
 * Checks an image against a palette. Samples the image down to at most 128 px on the long side
 * (transparency flattened on white), clusters its colours in CIELAB with k-means (k = palette size
 * + 3, at least 8; deterministic seeding, bounded iterations) into dominant colours with their
 * coverage, then gives each palette colour the CIEDE2000 distance to the nearest dominant colour
 * covering at least 1% of the image. Passes when the worst distance is within `tolerance`; an
 * empty palette always passes. Throws ImageError when the image cannot be decoded.
 */
export async function checkColors(
  image: Uint8Array,
  palette: PaletteColor[],
  tolerance: number
): Promise<ColorCheckResult> {
  const points = await samplePoints(image)
  const k = Math.min(Math.max(palette.length + 3, 8), MAX_CLUSTERS)
  const clusters = kMeans(points, k)
  const total = clusters.reduce((sum, cluster) => sum + cluster.weight, 0)
  const measured = clusters
    .map((cluster) => ({
      lab: cluster.lab,
      hex: formatHex(cluster.lab).toUpperCase(),
      coverage: cluster.weight / total
    }))
    .sort((a, b) => b.coverage - a.coverage)
  const candidates = measured.filter((c) => c.coverage >= MIN_COVERAGE)
  const colors = palette.map((color): ColorMeasurement => {
    let best = { deltaE: Infinity, coverage: 0, nearest: '' }
    for (const candidate of candidates) {
      const deltaE = deltaE2000(color.hex, candidate.lab)
      if (deltaE < best.deltaE) {
        best = { deltaE, coverage: candidate.coverage, nearest: candidate.hex }
      }
    }
    return color.name === undefined
      ? { hex: color.hex, ...best }
      : { hex: color.hex, name: color.name, ...best }
  })
  const worstDeltaE = Math.max(0, ...colors.map((color) => color.deltaE))
  return {
    passed: worstDeltaE <= tolerance,
    tolerance,
    worstDeltaE,
    colors,
    dominant: measured.map(({ hex, coverage }) => ({ hex, coverage }))
  }
}

/**
 * A compact one-line table cell: `ΔE 1.2 ✓` when the check passed, else the worst distance and
 * the palette colour it belongs to, `ΔE 23.4 ✗ #FFB000`; `—` for an empty palette.
 */
export function formatColorCheck(result: ColorCheckResult): string {
  if (result.colors.length === 0) return '—'
  const worst = `ΔE ${result.worstDeltaE.toFixed(1)}`
  if (result.passed) return `${worst} ✓`
  const culprit = result.colors.reduce((a, b) => (b.deltaE > a.deltaE ? b : a))
  return `${worst} ✗ ${culprit.hex}`
}
