/** The workspace the end-to-end fault tests of the action share: key, token, spec and outputs. */

/** The gateway key their fakes accept. */
export const KEY = 'agw_faults_key_5f3c9e1d7b'
/** The GitHub token their fakes accept. */
export const TOKEN = 'ghs_faults_token_8a2e6c4f0d'

/** Two assets, hero and icon, written to public/img. */
export const spec = `version: 1
palettes:
  brand: ["#0B5FFF", "#FFB000"]
defaults: { palette: brand, outDir: public/img }
assets:
  - id: hero
    prompt: A trail at dawn
    size: 256x128
  - id: icon
    prompt: An app icon
    size: 64x64
`
/** The files the spec's build writes. */
export const OUTPUTS = ['public/img/hero.png', 'public/img/icon.png']
