/** Real test images made with sharp, so the image layer is tested against actual codecs. */
import sharp from 'sharp'
import type { VariantFormat } from '../../src/spec/types.js'
import type { Provenance } from '../../src/images/provenance.js'

/** A single-colour image of `width` x `height` in `format` (PNG by default). */
export async function solidImage(
  hex: string,
  width: number,
  height: number,
  format: VariantFormat | 'gif' = 'png'
): Promise<Buffer> {
  return sharp({
    create: { width, height, channels: 3, background: hex }
  })
    .toFormat(format)
    .toBuffer()
}

/** A PNG of equal vertical stripes, left to right, one per colour. */
export async function bandsImage(
  hexes: string[],
  width: number,
  height: number
): Promise<Buffer> {
  const stripes = hexes
    .map((hex, index) => {
      const x = Math.floor((index * width) / hexes.length)
      const next = Math.floor(((index + 1) * width) / hexes.length)
      return `<rect x="${x}" y="0" width="${next - x}" height="${height}" fill="${hex}"/>`
    })
    .join('')
  return svgToPng(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" shape-rendering="crispEdges">${stripes}</svg>`
  )
}

/** A PNG filled with `background` and a `size` x `size` square of `patch` at the top left. */
export async function patchImage(
  background: string,
  patch: string,
  width: number,
  height: number,
  size: number
): Promise<Buffer> {
  return svgToPng(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" shape-rendering="crispEdges"><rect width="${width}" height="${height}" fill="${background}"/><rect width="${size}" height="${size}" fill="${patch}"/></svg>`
  )
}

/**
 * A photo-like PNG (gradients, shapes and grain) for timings: flat test images compress and
 * encode unrealistically fast.
 */
export async function photoLikeImage(
  width: number,
  height: number
): Promise<Buffer> {
  const scene = await sharp(
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
        <defs><linearGradient id="sky" x1="0" y1="0" x2="0.3" y2="1">
          <stop offset="0" stop-color="#1B3A6B"/><stop offset="0.6" stop-color="#F2A65A"/>
          <stop offset="1" stop-color="#3E5C2A"/></linearGradient></defs>
        <rect width="100%" height="100%" fill="url(#sky)"/>
        <circle cx="${width * 0.7}" cy="${height * 0.3}" r="${width * 0.12}" fill="#FFE08A"/>
        <ellipse cx="${width * 0.3}" cy="${height * 0.85}" rx="${width * 0.4}" ry="${height * 0.2}" fill="#2F4A22"/>
      </svg>`
    )
  )
    .raw()
    .toBuffer({ resolveWithObject: true })
  // Mid-grey noise: soft-light with 50% grey leaves the scene unchanged, so this adds grain only.
  const grain = await sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 24 }
    }
  })
    .png()
    .toBuffer()
  return sharp(scene.data, { raw: scene.info })
    .composite([{ input: grain, blend: 'soft-light' }])
    .png()
    .toBuffer()
}

/** Reads the RGB of one pixel. */
export async function pixelAt(
  image: Uint8Array,
  x: number,
  y: number
): Promise<[number, number, number]> {
  const { data } = await sharp(image)
    .extract({ left: x, top: y, width: 1, height: 1 })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  return [data[0], data[1], data[2]]
}

/** Formats RGB as upper-case `#RRGGBB`. */
export function rgbHex([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`.toUpperCase()
}

function svgToPng(svg: string): Promise<Buffer> {
  return sharp(Buffer.from(svg)).png().toBuffer()
}

/** A provenance record with every field set, for checking what an encoded image carries. */
export const sampleProvenance: Provenance = {
  model: 'bfl/flux-2-pro',
  seed: 12345,
  inputHash: 'e3b0c442',
  assetgenVersion: '0.1.0',
  assetId: 'hero'
}
