import type { Asset, Spec } from '../../src/spec/types.js'

/** A resolved asset with sensible values; override what the test is about. */
export function makeAsset(overrides: Partial<Asset> = {}): Asset {
  return {
    id: 'hero',
    index: 0,
    prompt: 'A mountain trail at dawn',
    out: 'assets/hero.png',
    references: [],
    palette: [{ hex: '#0B5FFF', name: 'primary' }, { hex: '#FFB000' }],
    width: 1024,
    height: 1024,
    model: 'bfl/flux-2-pro',
    format: 'png',
    providerOptions: {},
    swatch: false,
    variants: [],
    crop: 'attention',
    ...overrides
  }
}

/** A spec around the given assets, rooted at `root`. */
export function makeSpec(root: string, assets: Asset[]): Spec {
  return {
    specPath: `${root}/assetgen.yml`,
    specName: 'assetgen.yml',
    root,
    lockfilePath: `${root}/assetgen.lock.json`,
    assets,
    pricing: {}
  }
}
