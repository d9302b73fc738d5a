/** loadSpec on a minimal spec: every default filled in, and where the spec file may be. */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { SpecError } from '../../src/errors.js'
import { loadSpec } from '../../src/spec/load.js'
import { FIXTURE_DIR } from '../helpers/spec-fixture.js'

const root = FIXTURE_DIR

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
