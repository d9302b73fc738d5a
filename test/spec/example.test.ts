import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadSpec } from '../../src/spec/load.js'
import type { Spec } from '../../src/spec/types.js'

const root = path.resolve(fileURLToPath(import.meta.url), '../../..')

describe('examples/assetgen.yml', () => {
  let spec: Spec
  beforeAll(async () => {
    spec = await loadSpec({ specPath: 'examples/assetgen.yml', root })
  })

  it('loads from the repository root with outputs in examples/generated', () => {
    expect(spec.specName).toBe('examples/assetgen.yml')
    expect(spec.lockfilePath).toBe(
      path.join(root, 'examples/assetgen.lock.json')
    )
    expect(spec.assets.map((asset) => [asset.id, asset.out])).toEqual([
      ['hero', 'examples/generated/hero.png'],
      ['og-image', 'examples/generated/og-image.jpeg'],
      ['icon-route', 'examples/generated/icon-route.png'],
      ['icon-offline', 'examples/generated/icon-offline.png'],
      ['icon-weather', 'examples/generated/icon-weather.png'],
      ['product-shot', 'examples/generated/product-shot.png']
    ])
  })

  it('plans sizes the model accepts', () => {
    expect(
      spec.assets.map((asset) => `${asset.width}x${asset.height}`)
    ).toEqual([
      '1920x1088',
      '1216x640',
      '512x512',
      '512x512',
      '512x512',
      '1184x880'
    ])
  })

  it('puts every asset on the named brand palette', () => {
    for (const asset of spec.assets) {
      expect(asset.paletteName).toBe('brand')
      expect(asset.palette.map((color) => color.name)).toEqual([
        'trail blue',
        'summit amber',
        'night ink',
        'map paper'
      ])
    }
  })

  it('sends the product shot its two references plus the swatch', () => {
    const product = spec.assets.find((asset) => asset.id === 'product-shot')
    expect(product?.swatch).toBe(true)
    expect(
      product?.references.map((reference) => [
        reference.path,
        reference.mediaType
      ])
    ).toEqual([
      ['examples/refs/app-on-phone.jpg', 'image/jpeg'],
      ['examples/refs/northwind-logo.png', 'image/png']
    ])
    for (const reference of product?.references ?? []) {
      expect(reference).toMatchObject({ width: 256, height: 256 })
      expect(reference.bytes).toBeLessThan(10_000)
    }
  })

  it('checks colours on one icon and writes web variants of the hero', () => {
    const byId = new Map(spec.assets.map((asset) => [asset.id, asset]))
    expect(byId.get('icon-route')?.colorCheck).toEqual({
      tolerance: 12,
      onMiss: 'retry',
      retries: 2
    })
    expect(byId.get('icon-route')?.prompt).toMatchObject({
      scene: 'a single app icon on a plain background'
    })
    expect(byId.get('hero')?.variants).toEqual([
      { width: 640, format: 'webp', quality: 80 },
      { width: 1280, format: 'webp', quality: 80 }
    ])
  })
})
