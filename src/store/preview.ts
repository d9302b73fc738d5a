/** The store's preview for PR comments: a WebP at most 800 px wide. */
import { sharp } from '../images/sharp.js'

/** Widest preview, in pixels: enough for a comment column, small enough to load fast. */
export const PREVIEW_WIDTH = 800

/** Renders `image` as a WebP no wider than {@link PREVIEW_WIDTH} (never upscaled), metadata dropped. */
export async function renderPreview(image: Uint8Array): Promise<Uint8Array> {
  return (
    sharp(image)
      .resize({ width: PREVIEW_WIDTH, withoutEnlargement: true })
      // sharp's default WebP quality, 80: small, and fine at comment size.
      .webp()
      .toBuffer()
  )
}
