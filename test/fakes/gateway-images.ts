/**
 * The images the fake gateway paints: horizontal bands of the prompt's colours at the requested
 * size, cached per size, format and colours (./gateway.ts re-exports these).
 */
import sharp from 'sharp'
import type { ImageRequestBody } from './gateway-types.js'

/** Colour painted when a prompt names none. */
export const DEFAULT_GREY = '#808080'

/** A 1×1 GIF, for `ok({ image: ONE_PIXEL_GIF })` (a non-PNG/JPEG reply). */
export const ONE_PIXEL_GIF: Uint8Array = Buffer.from(
  'R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==',
  'base64'
)

const HEX = /#[0-9a-f]{6}(?![0-9a-f])/gi
const ONE_MEGAPIXEL = 1024 * 1024

/**
 * Colours of a fake image, top band first: a JSON prompt's `color_palette`,
 * else every `#RRGGBB` in the text (upper-cased, de-duplicated), else grey.
 */
export function promptColors(prompt: string | undefined): string[] {
  let found: string[] = []
  if (prompt?.trim().startsWith('{')) {
    try {
      const palette = (JSON.parse(prompt) as { color_palette?: unknown })
        .color_palette
      if (Array.isArray(palette)) {
        found = palette.filter(
          (c): c is string => typeof c === 'string' && /^#[0-9a-f]{6}$/i.test(c)
        )
      }
    } catch {
      // Not JSON after all: scan it as text below.
    }
  }
  if (found.length === 0) found = prompt?.match(HEX) ?? []
  const unique = [...new Set(found.map((c) => c.toUpperCase()))]
  return unique.length > 0 ? unique : [DEFAULT_GREY]
}

/**
 * Output size: `size` (WxH), else `aspectRatio` at about 1 MP with sides
 * rounded to multiples of 16 (as FLUX.2 requires), else 1024×1024.
 */
export function imageSize(body: ImageRequestBody): {
  width: number
  height: number
} {
  const size = /^(\d+)x(\d+)$/.exec(body.size ?? '')
  if (size) return { width: Number(size[1]), height: Number(size[2]) }
  const ratio = /^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(body.aspectRatio ?? '')
  const r = ratio ? Number(ratio[1]) / Number(ratio[2]) : 1
  if (!ratio || !(r > 0)) return { width: 1024, height: 1024 }
  const width = Math.max(16, Math.round(Math.sqrt(ONE_MEGAPIXEL * r) / 16) * 16)
  return { width, height: Math.max(16, Math.round(width / r / 16) * 16) }
}

/** Image encodings the fake can paint. */
export type FakeImageFormat = 'png' | 'jpeg' | 'webp'

// Renders are cached (as promises, so concurrent twins share one render):
// the benchmark must measure the client, not sharp in the fake.
const renders = new Map<string, Promise<Buffer>>()

/** Paints equal-height horizontal bands of `colors`, top to bottom. */
export function renderBands(
  width: number,
  height: number,
  colors: string[],
  format: FakeImageFormat = 'png'
): Promise<Buffer> {
  const key = `${width}x${height}:${format}:${colors.join(',')}`
  let render = renders.get(key)
  if (!render) {
    if (renders.size >= 64) renders.delete(renders.keys().next().value ?? '')
    render = paint(width, height, colors, format)
    renders.set(key, render)
    render.catch(() => renders.delete(key))
  }
  return render
}

async function paint(
  width: number,
  height: number,
  colors: string[],
  format: FakeImageFormat
): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3)
  const rows = colors.map((hex) => {
    const row = Buffer.alloc(width * 3)
    for (let x = 0; x < width; x++) {
      row[x * 3] = parseInt(hex.slice(1, 3), 16)
      row[x * 3 + 1] = parseInt(hex.slice(3, 5), 16)
      row[x * 3 + 2] = parseInt(hex.slice(5, 7), 16)
    }
    return row
  })
  for (let y = 0; y < height; y++) {
    const band = Math.floor((y * rows.length) / height)
    rows[band]?.copy(raw, y * width * 3)
  }
  const image = sharp(raw, { raw: { width, height, channels: 3 } })
  if (format === 'jpeg') {
    // 4:4:4 keeps band colours exact enough for colour assertions.
    return image.jpeg({ quality: 95, chromaSubsampling: '4:4:4' }).toBuffer()
  }
  if (format === 'webp') return image.webp({ lossless: true }).toBuffer()
  return image.png().toBuffer()
}
