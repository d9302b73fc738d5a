import { createHash } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { SpecError } from '../../src/errors.js'
import { loadSpec, parseSpecText } from '../../src/spec/load.js'
import type { Asset, Spec } from '../../src/spec/types.js'
import { FIXTURE_DIR, createFixtureWorkspace } from '../helpers/spec-fixture.js'

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

async function problemsOf(text: string, specPath = 'spec.yml') {
  try {
    await parseSpecText(text, { specName: specPath, specPath, root })
  } catch (error) {
    if (error instanceof SpecError) return error.problems
    throw error
  }
  throw new Error('the spec loaded')
}

describe('loadSpec on a minimal spec', () => {
  it('fills in every default', async () => {
    const spec = await loadSpec({ specPath: 'valid/minimal.yml', root })
    expect(spec).toEqual({
      specPath: path.join(root, 'valid/minimal.yml'),
      specName: 'valid/minimal.yml',
      root,
      lockfilePath: path.join(root, 'valid/assetgen.lock.json'),
      assets: [
        {
          id: 'hero',
          index: 0,
          prompt: 'a hiking trail at dawn',
          out: 'valid/assets/hero.png',
          references: [],
          palette: [],
          width: 1024,
          height: 1024,
          model: 'bfl/flux-2-pro',
          format: 'png',
          providerOptions: {},
          swatch: false,
          variants: [],
          crop: 'attention'
        }
      ],
      pricing: {}
    })
  })

  it('accepts an absolute spec path', async () => {
    const spec = await loadSpec({
      specPath: path.join(root, 'valid/minimal.yml'),
      root
    })
    expect(spec.specName).toBe('valid/minimal.yml')
  })

  it('refuses a spec outside the root in one problem that names the root, not defaults.outDir', async () => {
    const error = await loadSpec({
      specPath: path.join(root, 'valid/minimal.yml'),
      root: path.join(root, 'refs')
    }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(SpecError)
    const problems = (error as SpecError).problems
    expect(problems).toHaveLength(1)
    expect(problems[0]?.message).toMatch(
      /^the spec is outside the workspace root .*refs: .*--root/
    )
    expect(problems[0]?.path).toBe('')
  })

  it('refuses a missing spec file with a SpecError naming it', async () => {
    const error = await loadSpec({ specPath: 'valid/nope.yml', root }).catch(
      (caught: unknown) => caught
    )
    expect(error).toBeInstanceOf(SpecError)
    expect((error as SpecError).problems).toEqual([
      expect.objectContaining({ file: 'valid/nope.yml', path: '' })
    ])
  })
})

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

describe('paths relative to the spec file', () => {
  it('resolve from a spec in a subfolder and stay confined to the root', async () => {
    const workspace = await createFixtureWorkspace()
    await mkdir(path.join(workspace.root, 'site/design'), { recursive: true })
    await writeFile(
      path.join(workspace.root, 'site/design/assetgen.yml'),
      [
        'version: 1',
        'assets:',
        '  - id: logo',
        '    prompt: a logo',
        '    out: ../public/logo.png',
        '    references: [../../refs/a.png]'
      ].join('\n')
    )
    const spec = await loadSpec({
      specPath: 'site/design/assetgen.yml',
      root: workspace.root
    })
    expect(spec.lockfilePath).toBe(
      path.join(workspace.root, 'site/design/assetgen.lock.json')
    )
    expect(spec.assets[0]?.out).toBe('site/public/logo.png')
    expect(spec.assets[0]?.references[0]?.path).toBe('refs/a.png')
    await workspace.remove()
  })
})

describe('collecting problems', () => {
  it('reports every problem of a spec in one SpecError, sorted by line', async () => {
    const problems = await problemsOf(
      [
        'version: 1',
        'assets:',
        '  - id: hero',
        '    prompt: a hiking trail at dawn',
        '    size: 3000x3000',
        '  - id: map',
        '    prompt: a trail map',
        '    aspect_ratio: "4:3"',
        '  - id: icon',
        '    prompt: an icon',
        '    references: [refs/missing.png]'
      ].join('\n')
    )
    expect(problems.map(({ path: at, line }) => [at, line])).toEqual([
      ['assets[0].size', 5],
      ['assets[1].aspect_ratio', 8],
      ['assets[2].references[0]', 11]
    ])
    expect(problems[0]?.message).toBe(
      '3000x3000 is 9000000 pixels, more than the 4194304 bfl/flux-2-pro allows (try 2048x2048)'
    )
  })

  it('reports a bad default once, not once per asset', async () => {
    const problems = await problemsOf(
      [
        'version: 1',
        'defaults: { size: 3000x3000 }',
        'assets:',
        '  - { id: a, prompt: one }',
        '  - { id: b, prompt: two }',
        '  - { id: c, prompt: three }'
      ].join('\n')
    )
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ path: 'defaults.size', line: 2 })
  })

  it('plans the generation size with the model each asset uses', async () => {
    const spec = await parseSpecText(
      [
        'version: 1',
        'defaults: { size: 1000x1000 }',
        'assets:',
        // The fallback limits for unknown models accept any multiple of 1.
        '  - { id: a, prompt: one, model: acme/painter-1 }',
        '  - { id: b, prompt: two }'
      ].join('\n'),
      { specName: 'spec.yml', specPath: 'spec.yml', root }
    )
    expect(
      spec.assets.map(({ width, height, generation }) => ({
        width,
        height,
        generation
      }))
    ).toEqual([
      { width: 1000, height: 1000, generation: { width: 1000, height: 1000 } },
      { width: 1000, height: 1000, generation: { width: 1008, height: 1008 } }
    ])
  })
})
