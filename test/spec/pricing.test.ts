import { describe, expect, it } from 'vitest'
import { SpecError } from '../../src/errors.js'
import { parseSpecText } from '../../src/spec/load.js'
import {
  builtInPricing,
  builtInRows,
  priceImage
} from '../../src/spec/pricing.js'
import { tempDir } from '../helpers/temp-dir.js'

describe('priceImage', () => {
  const flux2Pro = {
    firstMegapixel: 0.03,
    perExtraMegapixel: 0.015,
    perReferenceMegapixel: 0.015
  }

  it('bills every started output megapixel and the reference megapixels', () => {
    const image = (megapixels: number, referenceMegapixels = 0) =>
      priceImage(flux2Pro, { megapixels, referenceMegapixels })
    expect(image(0.01)).toBe(0.03)
    expect(image(1)).toBe(0.03)
    expect(image(1.2)).toBe(0.045)
    expect(image(4)).toBe(0.075)
    expect(image(1, 2.5)).toBe(0.075)
  })

  it('charges a flat price per image whatever the size', () => {
    expect(
      priceImage(
        { perImage: 0.04 },
        { megapixels: 3.7, referenceMegapixels: 2 }
      )
    ).toBe(0.04)
  })
})

describe('the built-in price table', () => {
  it('knows FLUX.2 [pro], [max], [flex] and Kontext, and has no price for [klein] and FLUX 3', () => {
    expect(builtInPricing('bfl/flux-2-pro')).toEqual({
      firstMegapixel: 0.03,
      perExtraMegapixel: 0.015,
      perReferenceMegapixel: 0.015
    })
    expect(builtInPricing('bfl/flux-2-max')).toMatchObject({
      firstMegapixel: 0.07
    })
    expect(builtInPricing('bfl/flux-2-flex')).toMatchObject({
      perExtraMegapixel: 0.06
    })
    expect(builtInPricing('bfl/flux-kontext-pro')).toEqual({ perImage: 0.04 })
    expect(builtInPricing('bfl/flux-kontext-max')).toEqual({ perImage: 0.08 })
    expect(builtInPricing('bfl/flux-2-klein-4b')).toBeUndefined()
    expect(builtInPricing('bfl/flux-3-image')).toBeUndefined()
    expect(builtInPricing('acme/unheard-of')).toBeUndefined()
  })

  it('lists its rows, unknown prices included, for the README', () => {
    const rows = builtInRows()
    expect(rows.map((row) => row.model)).toContain('bfl/flux-2-pro')
    expect(
      rows.find((row) => row.model === 'bfl/flux-3')?.pricing
    ).toBeUndefined()
  })
})

describe('the spec pricing map', () => {
  const spec = (pricing: string) =>
    `version: 1\npricing:\n${pricing}\nassets:\n  - id: hero\n    prompt: a trail\n`

  it('reads per-image and per-megapixel prices by model id', async () => {
    await using dir = await tempDir()
    const loaded = await parseSpecText(
      spec(
        '  acme/flat: { perImage: 0.02 }\n  bfl/flux-2-pro: { firstMegapixel: 0.05, perExtraMegapixel: 0.01 }'
      ),
      { specName: 'assetgen.yml', specPath: 'assetgen.yml', root: dir.path }
    )
    expect(loaded.pricing).toEqual({
      'acme/flat': { perImage: 0.02 },
      'bfl/flux-2-pro': { firstMegapixel: 0.05, perExtraMegapixel: 0.01 }
    })
  })

  it('refuses a price past the sane bound, located', async () => {
    await using dir = await tempDir()
    const error = await parseSpecText(
      spec('  acme/flat: { perImage: 1e308 }'),
      {
        specName: 'assetgen.yml',
        specPath: 'assetgen.yml',
        root: dir.path
      }
    ).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(SpecError)
    expect((error as SpecError).problems).toEqual([
      expect.objectContaining({
        path: 'pricing.acme/flat.perImage',
        line: 3,
        message: expect.stringContaining('from 0 to 100')
      })
    ])
  })
})

describe('the schema for pricing', () => {
  it('accepts one kind of price per model and refuses a mix or a half', async () => {
    const { readFileSync } = await import('node:fs')
    const { Ajv2020 } = await import('ajv/dist/2020.js')
    const schema = JSON.parse(
      readFileSync(
        new URL('../../schema/assetgen.schema.json', import.meta.url),
        'utf8'
      )
    ) as object
    const validate = new Ajv2020({
      strict: true,
      strictRequired: false
    }).compile(schema)
    const spec = (price: object) => ({
      version: 1,
      pricing: { 'acme/model': price },
      assets: [{ id: 'a', prompt: 'x' }]
    })
    expect(validate(spec({ perImage: 0.04 }))).toBe(true)
    expect(
      validate(spec({ firstMegapixel: 0.03, perExtraMegapixel: 0.015 }))
    ).toBe(true)
    expect(validate(spec({ perImage: 0.04, perExtraMegapixel: 0.015 }))).toBe(
      false
    )
    expect(validate(spec({ firstMegapixel: 0.03 }))).toBe(false)
    expect(validate(spec({ perImage: 101 }))).toBe(false)
  })
})
