/** Inputs the engine tests build from: a three-asset spec and solid PNGs. */
import sharp from 'sharp'

/** A `size`×`size` PNG of one colour. */
export const png = (color: string, size = 64) =>
  sharp({
    create: { width: size, height: size, channels: 3, background: color }
  })
    .png()
    .toBuffer()

/** Three assets on a three-colour palette: hero (size, seed), og-image (aspect ratio), icon. */
export const threeAssets = `version: 1
palettes:
  brand: ["#0B5FFF", "#FFB000", { hex: "#111827", name: ink }]
defaults:
  palette: brand
  outDir: out
assets:
  - id: hero
    prompt: A mountain trail at dawn
    size: 512x256
    seed: 42
  - id: og-image
    prompt: A social card
    aspectRatio: "16:9"
  - id: icon
    prompt: An app icon
    size: 128x128
`
