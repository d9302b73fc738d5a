/** Loading a spec with problems: every problem in one SpecError, each reported once. */
import { describe, expect, it } from 'vitest'
import { SpecError } from '../../src/errors.js'
import { parseSpecText } from '../../src/spec/load.js'
import { FIXTURE_DIR } from '../helpers/spec-fixture.js'

const root = FIXTURE_DIR

async function problemsOf(text: string, specPath = 'spec.yml') {
  try {
    await parseSpecText(text, { specName: specPath, specPath, root })
  } catch (error) {
    if (error instanceof SpecError) return error.problems
    throw error
  }
  throw new Error('the spec loaded')
}

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
