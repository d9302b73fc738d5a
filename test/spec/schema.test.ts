import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { parse } from 'yaml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SpecError } from '../../src/errors.js'
import { COLOR_KEYS } from '../../src/spec/colors.js'
import { COLOR_CHECK_KEYS, VARIANT_KEYS } from '../../src/spec/fields.js'
import { loadSpec } from '../../src/spec/load.js'
import {
  ASSET_KEYS,
  DEFAULTS_KEYS,
  TOP_LEVEL_KEYS
} from '../../src/spec/validate.js'
import { FIXTURE_DIR, createFixtureWorkspace } from '../helpers/spec-fixture.js'
import type { FixtureWorkspace } from '../helpers/spec-fixture.js'

const repoRoot = path.resolve(fileURLToPath(import.meta.url), '../../..')
const schema = JSON.parse(
  readFileSync(path.join(repoRoot, 'schema/assetgen.schema.json'), 'utf8')
) as Record<string, any>
// strictRequired would flag the `not: { required: [size, aspectRatio] }`
// exclusivity idiom.
const validateSchema = new Ajv2020({
  strict: true,
  strictRequired: false,
  allErrors: true
}).compile(schema)

/**
 * Broken fixtures whose fault is one of shape (unknown key, wrong type, missing
 * key, bad enum or pattern, out-of-range number), which the schema can see too.
 * The rest need the file system, the model's limits, YAML-level checks or
 * cross-field rules, which only the loader can apply.
 */
const STRUCTURAL = [
  'asset-not-mapping',
  'asset-unknown-key',
  'assets-empty',
  'assets-missing',
  'assets-not-list',
  'aspect-ratio-bad-format',
  'color-bad-hex',
  'color-check-on-miss',
  'color-check-retries',
  'color-check-tolerance',
  'color-check-unknown-key',
  'color-missing-hex',
  'color-unknown-key',
  'color-unquoted',
  'defaults-not-mapping',
  'defaults-unknown-key',
  'format-unknown',
  'id-bad-pattern',
  'id-missing',
  'model-malformed',
  'palette-empty',
  'palette-not-list',
  'palettes-not-mapping',
  'prompt-blank',
  'prompt-empty-mapping',
  'prompt-missing',
  'prompt-wrong-type',
  'provider-options-not-mapping',
  'reference-empty',
  'references-not-list',
  'seed-negative',
  'seed-not-integer',
  'seed-too-large',
  'size-bad-format',
  'size-with-aspect-ratio',
  'spec-empty',
  'spec-top-level-list',
  'swatch-not-boolean',
  'top-level-unknown-key',
  'variant-format',
  'variant-missing-format',
  'variant-quality',
  'variant-unknown-key',
  'variant-width',
  'variants-not-list',
  'version-missing',
  'version-wrong'
]

/**
 * The schema's errors for a YAML file, each as the JSON pointer of the node it
 * is about.
 */
function schemaErrors(file: string): string[] {
  const data: unknown = parse(readFileSync(file, 'utf8'))
  if (validateSchema(data)) return []
  return (validateSchema.errors ?? []).map((error) => {
    const key =
      (
        error.params as {
          additionalProperty?: string
          missingProperty?: string
        }
      ).additionalProperty ??
      (error.params as { missingProperty?: string }).missingProperty
    return key === undefined
      ? error.instancePath
      : `${error.instancePath}/${key}`
  })
}

/**
 * `assets[0].size` → `/assets/0/size`, to compare with the schema's JSON
 * pointers.
 */
function pointer(fieldPath: string): string {
  return fieldPath
    .split(/[.[\]]+/)
    .filter(Boolean)
    .map((part) => `/${part}`)
    .join('')
}

describe('schema/assetgen.schema.json', () => {
  it('is a draft 2020-12 schema with an $id', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    expect(schema.$id).toBe('https://assetgen.dev/schema/v1.json')
  })

  it('knows exactly the keys the validator knows', () => {
    const keys = (object: Record<string, any>): string[] =>
      Object.keys(object.properties).sort()
    const defs = schema.$defs as Record<string, any>
    expect(keys(schema)).toEqual([...TOP_LEVEL_KEYS].sort())
    expect(keys(schema.properties.defaults)).toEqual([...DEFAULTS_KEYS].sort())
    expect(keys(defs.asset)).toEqual([...ASSET_KEYS].sort())
    expect(keys(defs.colorCheck)).toEqual([...COLOR_CHECK_KEYS].sort())
    expect(keys(defs.variants.items)).toEqual([...VARIANT_KEYS].sort())
    expect(keys(defs.color.oneOf[1])).toEqual([...COLOR_KEYS].sort())
  })

  it('describes every property for editor hover', () => {
    const missing: string[] = []
    const walk = (node: unknown, at: string): void => {
      if (!node || typeof node !== 'object') return
      const properties = (node as { properties?: Record<string, any> })
        .properties
      for (const [key, value] of Object.entries(properties ?? {})) {
        const target = value.$ref
          ? schema.$defs[String(value.$ref).replace('#/$defs/', '')]
          : value
        if (!value.description && !target?.description)
          missing.push(`${at}.${key}`)
      }
      for (const [key, value] of Object.entries(node))
        walk(value, `${at}.${key}`)
    }
    walk(schema, '')
    expect(missing).toEqual([])
  })

  const valid = [
    path.join(repoRoot, 'examples/assetgen.yml'),
    ...readdirSync(path.join(FIXTURE_DIR, 'valid')).map((name) =>
      path.join(FIXTURE_DIR, 'valid', name)
    )
  ]

  it.each(valid.map((file) => [path.relative(repoRoot, file), file]))(
    '%s validates against the schema',
    (_name, file) => {
      expect(schemaErrors(file)).toEqual([])
    }
  )

  describe('structural fixtures', () => {
    let workspace: FixtureWorkspace
    beforeAll(async () => {
      workspace = await createFixtureWorkspace()
    })
    afterAll(() => workspace.remove())

    it('all exist', () => {
      const names = readdirSync(FIXTURE_DIR)
      for (const name of STRUCTURAL) expect(names).toContain(`${name}.yml`)
    })

    it.each(STRUCTURAL)(
      '%s is refused by the schema and the loader',
      async (name) => {
        const file = `${name}.yml`
        const error = await loadSpec({
          specPath: file,
          root: workspace.root
        }).catch((caught: unknown) => caught)
        expect(error).toBeInstanceOf(SpecError)
        const [problem] = (error as SpecError).problems
        // Both must fault the same node (or, for a bad value, a node on the way
        // to it).
        const expected = pointer(problem?.path ?? '')
        const errors = schemaErrors(path.join(FIXTURE_DIR, file))
        expect(errors).not.toEqual([])
        const matches = errors.filter(
          (at) => expected.startsWith(at) && (at !== '' || expected === '')
        )
        expect(matches, `schema errors at: ${errors.join(', ')}`).not.toEqual(
          []
        )
      }
    )
  })
})
