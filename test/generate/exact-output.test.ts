import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { readLockfile } from '../../src/plan/lockfile.js'
import { manifestAssets } from '../../src/report/manifest.js'
import {
  markdownTable,
  rowsFromOutcomes,
  rowsFromPlan
} from '../../src/report/table.js'
import {
  ignoresSize,
  ok,
  startFakeGateway,
  withWarnings,
  type FakeGateway
} from '../fakes/gateway.js'
import { buildAgainst, workspace } from '../helpers/workspace.js'

let gateway: FakeGateway
beforeAll(async () => {
  gateway = await startFakeGateway({ apiKeys: 'test-key' })
})
afterAll(() => gateway.close())
beforeEach(() => {
  gateway.reset()
  gateway.behavior = ok()
})

const palette = `palettes:
  brand: ["#0B5FFF", "#FFB000", { hex: "#111827", name: ink }]
`

async function dimensions(root: string, file: string) {
  const { width, height } = await sharp(join(root, file)).metadata()
  return `${width}x${height}`
}

/** Distinct colours of an image, as upper-case hex. */
async function colours(root: string, file: string): Promise<Set<string>> {
  const data = await sharp(join(root, file)).removeAlpha().raw().toBuffer()
  const found = new Set<string>()
  for (let i = 0; i < data.length; i += 3) {
    found.add(
      `#${[data[i], data[i + 1], data[i + 2]]
        .map((value) => value.toString(16).padStart(2, '0'))
        .join('')
        .toUpperCase()}`
    )
  }
  return found
}

describe('exact output sizes', () => {
  it('asks for sizes the model accepts and writes exactly the sizes the spec says', async () => {
    await using ws = await workspace(`version: 1
assets:
  - { id: og, prompt: "An OG image", size: 1200x630 }
  - { id: favicon, prompt: "A favicon", size: 32x32, crop: center }
  - { id: touch, prompt: "A touch icon", size: 180x180, crop: entropy }
  - { id: wide, prompt: "A wide banner", size: 1024x576 }
`)
    const result = await buildAgainst(ws.root, gateway)
    expect(result.generated).toBe(4)
    const sent = new Map(
      gateway.requests.map((request) => [
        request.body.prompt,
        request.body.size
      ])
    )
    expect(Object.fromEntries(sent)).toEqual({
      'An OG image': '1216x640',
      'A favicon': '64x64',
      'A touch icon': '192x192',
      'A wide banner': '1024x576'
    })
    expect(await dimensions(ws.root, 'assets/og.png')).toBe('1200x630')
    expect(await dimensions(ws.root, 'assets/favicon.png')).toBe('32x32')
    expect(await dimensions(ws.root, 'assets/touch.png')).toBe('180x180')
    expect(await dimensions(ws.root, 'assets/wide.png')).toBe('1024x576')
    for (const outcome of result.outcomes) expect(outcome.warnings).toEqual([])
    const lock = await readLockfile(join(ws.root, 'assetgen.lock.json'))
    expect(lock.assets.og).toMatchObject({ width: 1200, height: 630 })
    // The plan shows both sizes where they differ, and the crop is an input only there.
    expect(rowsFromPlan(result.plan).map((row) => row.size)).toEqual([
      '1216x640 → 1200x630',
      '64x64 → 32x32',
      '192x192 → 180x180',
      '1024x576'
    ])
    expect(Object.keys(lock.assets.og?.inputs ?? {})).toContain('crop')
    expect(Object.keys(lock.assets.wide?.inputs ?? {})).not.toContain('crop')
  })

  it('regenerates when the crop of a fitted asset changes', async () => {
    const spec = `version: 1
assets:
  - { id: og, prompt: "An OG image", size: 1200x630 }
`
    await using ws = await workspace(spec)
    await buildAgainst(ws.root, gateway)
    await ws.write(
      'assetgen.yml',
      spec.replace('1200x630', '1200x630, crop: center')
    )
    const again = await buildAgainst(ws.root, gateway)
    expect(again.outcomes[0]).toMatchObject({
      status: 'generated',
      reason: 'crop changed'
    })
  })

  it('warns, naming both sizes, when the model ignores size, and still writes the exact size', async () => {
    gateway.behavior = ignoresSize()
    await using ws = await workspace(`version: 1
assets:
  - { id: wide, prompt: "A wide banner", size: 1024x576 }
`)
    const result = await buildAgainst(ws.root, gateway)
    const outcome = result.outcomes[0]
    expect(outcome?.status).toBe('generated')
    const warning =
      'the model returned 1024x1024 instead of the requested 1024x576'
    expect(outcome?.warnings).toEqual([warning])
    expect(await dimensions(ws.root, 'assets/wide.png')).toBe('1024x576')
    // The same words reach the manifest and the summary / PR comment table.
    expect(manifestAssets(result.outcomes)[0]?.warnings).toEqual([warning])
    expect(markdownTable(rowsFromOutcomes(result.outcomes))).toContain(warning)
  })

  it('fails the asset under strict when the model ignores size, keeping the previous file and lock entry', async () => {
    const spec = `version: 1
assets:
  - { id: wide, prompt: "A wide banner", size: 1024x576 }
`
    await using ws = await workspace(spec)
    await buildAgainst(ws.root, gateway)
    const before = await readFile(join(ws.root, 'assets/wide.png'))
    const lockBefore = await readLockfile(join(ws.root, 'assetgen.lock.json'))
    gateway.behavior = ignoresSize()
    await ws.write('assetgen.yml', spec.replace('A wide', 'A new wide'))
    const result = await buildAgainst(ws.root, gateway, { strict: true })
    expect(result.outcomes[0]).toMatchObject({
      status: 'failed',
      error: expect.stringContaining(
        'the model returned 1024x1024 instead of the requested 1024x576 (strict: the previous image is kept)'
      )
    })
    expect(await readFile(join(ws.root, 'assets/wide.png'))).toEqual(before)
    expect(await readLockfile(join(ws.root, 'assetgen.lock.json'))).toEqual(
      lockBefore
    )
  })
})

describe('SDK warnings', () => {
  const spec = `version: 1
assets:
  - { id: hero, prompt: "A hero image", size: 256x256, seed: 5 }
`

  it('reports them per asset in plain words', async () => {
    gateway.behavior = withWarnings([
      { type: 'unsupported', feature: 'seed', details: 'No seeds here.' },
      { type: 'other', message: 'Image was upscaled.' }
    ])
    await using ws = await workspace(spec)
    const result = await buildAgainst(ws.root, gateway)
    expect(result.outcomes[0]).toMatchObject({
      status: 'generated',
      warnings: [
        'the model ignored `seed` (No seeds here.)',
        'the model warned: Image was upscaled.'
      ]
    })
  })

  it('fail the asset under strict, keeping the previous file and lock entry', async () => {
    await using ws = await workspace(spec)
    await buildAgainst(ws.root, gateway)
    const before = await readFile(join(ws.root, 'assets/hero.png'))
    const lockBefore = await readLockfile(join(ws.root, 'assetgen.lock.json'))
    gateway.behavior = withWarnings()
    const result = await buildAgainst(ws.root, gateway, {
      strict: true,
      force: true
    })
    expect(result.outcomes[0]).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('the model ignored `seed`'),
      cost: expect.any(Number)
    })
    expect(result.outcomes[0]?.cost).toBeGreaterThan(0)
    expect(await readFile(join(ws.root, 'assets/hero.png'))).toEqual(before)
    expect(await readLockfile(join(ws.root, 'assetgen.lock.json'))).toEqual(
      lockBefore
    )
  })
})

describe('snapColors and the colour result', () => {
  it('puts drifted flat colours exactly on the palette and measures after snapping', async () => {
    // The case: a background of #0C5EFE where the spec says #0B5FFF.
    gateway.behavior = ok({
      colorMap: { '#0B5FFF': '#0C5EFE', '#FFB000': '#FEB101' }
    })
    await using ws = await workspace(`version: 1
${palette}assets:
  - id: icon
    prompt: A flat icon
    size: 180x180
    palette: brand
    snapColors: true
    colorCheck: { tolerance: 2, onMiss: fail }
`)
    const result = await buildAgainst(ws.root, gateway)
    const outcome = result.outcomes[0]
    expect(outcome?.status).toBe('generated')
    expect(outcome?.snapped).toMatchObject({ tolerance: 3 })
    expect(outcome?.snapped?.onPalette).toBeGreaterThan(0.95)
    expect(outcome?.colorCheck?.worstDeltaE).toBeLessThan(0.01)
    const found = await colours(ws.root, 'assets/icon.png')
    expect(found.has('#0B5FFF')).toBe(true)
    expect(found.has('#0C5EFE')).toBe(false)
    expect(rowsFromOutcomes(result.outcomes)[0]?.color).toMatch(
      /^ΔE 0\.0 ✓, \d+% on palette$/
    )
  })

  it('keeps the measured colours in the manifest when the check fails', async () => {
    gateway.behavior = ok({ colorMap: { '#FFB000': '#FF6000' } })
    await using ws = await workspace(`version: 1
${palette}assets:
  - id: hero
    prompt: A banner
    size: 256x256
    palette: brand
    colorCheck: { tolerance: 5, onMiss: fail }
`)
    const result = await buildAgainst(ws.root, gateway)
    const [asset] = manifestAssets(result.outcomes)
    expect(asset?.status).toBe('failed')
    expect(asset?.colorCheck?.passed).toBe(false)
    expect(asset?.colorCheck?.worstDeltaE).toBeGreaterThan(5)
    expect(
      asset?.colorCheck?.colors.map((color) => [color.hex, color.deltaE > 5])
    ).toEqual([
      ['#0B5FFF', false],
      ['#FFB000', true],
      ['#111827', false]
    ])
  })
})
