/** loadSpec on a spec using every key: defaults merged, sizes planned, references read. */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadSpec } from '../../src/spec/load.js'
import type { Asset, Spec } from '../../src/spec/types.js'
import { FIXTURE_DIR } from '../helpers/spec-fixture.js'

const root = FIXTURE_DIR

function asset(spec: Spec, id: string): Asset {
  const found = spec.assets.find((candidate) => candidate.id === id)
  if (!found) throw new Error(`no asset ${id}`)
  return found
}

async function sha256(file: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(path.join(root, file)))
    .digest('hex')
}

describe('loadSpec on a spec using every key', () => {
  let spec: Spec
  beforeAll(async () => {
    spec = await loadSpec({ specPath: 'valid/full.yml', root })
  })

  it('merges defaults under each asset, the asset winning wholesale', () => {
    const hero = asset(spec, 'Hero')
    expect(hero).toMatchObject({
      model: 'bfl/flux-2-pro',
      format: 'webp',
      seed: 7,
      aspectRatio: '16:9',
      paletteName: 'brand',
      providerOptions: { blackForestLabs: { safetyTolerance: 2 } },
      colorCheck: { tolerance: 8, onMiss: 'warn', retries: 2 },
      variants: [{ width: 320, format: 'avif' }]
    })
    const banner = asset(spec, 'banner.wide')
    expect(banner.providerOptions).toEqual({})
    expect(banner.colorCheck).toEqual({
      tolerance: 12.5,
      onMiss: 'retry',
      retries: 5
    })
    expect(asset(spec, 'icon_1').variants).toEqual([])
  })

  it('reads crop and snapColors from defaults and per asset', () => {
    expect(asset(spec, 'Hero')).toMatchObject({
      crop: 'entropy',
      snapColors: { tolerance: 2 }
    })
    // An exact size the model cannot make: generated at 192x192, fitted to 180x180.
    expect(asset(spec, 'icon_1')).toMatchObject({
      size: '180x180',
      width: 180,
      height: 180,
      generation: { width: 192, height: 192 },
      crop: 'center',
      snapColors: { tolerance: 3 }
    })
    // An aspect ratio plans no generation size: the model's answer is kept as it is.
    expect(asset(spec, 'Hero').generation).toBeUndefined()
  })

  it('plans sizes from size, else the aspect ratio at about 1 MP', () => {
    expect(asset(spec, 'Hero')).toMatchObject({ width: 1360, height: 768 })
    const banner = asset(spec, 'banner.wide')
    expect(banner).toMatchObject({
      size: '1920x1088',
      width: 1920,
      height: 1088
    })
    // An asset's own size replaces the default aspect ratio instead of clashing
    // with it.
    expect(banner.aspectRatio).toBeUndefined()
  })

  it('resolves outputs relative to the spec folder, format from the extension', () => {
    expect(asset(spec, 'Hero').out).toBe('generated/Hero.webp')
    expect(asset(spec, 'banner.wide')).toMatchObject({
      out: 'public/banner.jpg',
      format: 'jpeg'
    })
  })

  it('normalises palette colours to upper-case #RRGGBB', () => {
    expect(asset(spec, 'Hero').palette).toEqual([
      { hex: '#0B5FFF' },
      { hex: '#FFBB00' },
      { hex: '#111827', name: 'ink' }
    ])
    const banner = asset(spec, 'banner.wide')
    expect(banner.palette).toEqual([{ hex: '#AABBCC' }])
    expect(banner.paletteName).toBeUndefined()
  })

  it('keeps structured prompts as JSON objects', () => {
    expect(asset(spec, 'banner.wide').prompt).toEqual({
      scene: 'a trail banner',
      subjects: [{ description: 'two hikers', position: 'left third' }],
      color_palette: ['#0B5FFF', '#FFB000']
    })
  })

  it('expands references in order, sorting glob matches and dropping repeats', () => {
    const references = asset(spec, 'Hero').references
    expect(references.map((reference) => reference.path)).toEqual([
      'refs/b.jpg',
      'refs/set/1.png',
      'refs/set/2.png',
      'refs/set/3.png'
    ])
    expect(references[0]).toEqual({
      path: 'refs/b.jpg',
      absolutePath: path.join(root, 'refs/b.jpg'),
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      mediaType: 'image/jpeg',
      bytes: expect.any(Number),
      width: 8,
      height: 8
    })
  })

  it('hashes the bytes and reads the type from them', async () => {
    const [webp] = asset(spec, 'banner.wide').references
    expect(webp).toMatchObject({ mediaType: 'image/webp', width: 8, height: 8 })
    expect(webp?.sha256).toBe(await sha256('refs/c.webp'))
    const bytes = await readFile(path.join(root, 'refs/c.webp'))
    expect(webp?.bytes).toBe(bytes.length)
  })
})
