/** The outline pass of spec validation: top-level shape, required keys and asset ids. */
import { describe, expect, it } from 'vitest'
import { SpecError } from '../../src/errors.js'
import { parseSpecText } from '../../src/spec/load.js'
import { FIXTURE_DIR } from '../helpers/spec-fixture.js'

async function problemsOf(text: string) {
  try {
    await parseSpecText(text, {
      specName: 'spec.yml',
      specPath: 'spec.yml',
      root: FIXTURE_DIR
    })
  } catch (error) {
    if (error instanceof SpecError)
      return error.problems.map(({ path, message }) => ({ path, message }))
    throw error
  }
  return []
}

const empty = {
  path: '',
  message:
    'the spec is empty: expected a mapping with `version: 1` and `assets`'
}

describe('the top level', () => {
  it('calls an empty or null document empty', async () => {
    expect(await problemsOf('')).toEqual([empty])
    expect(await problemsOf('~\n')).toEqual([empty])
    expect(await problemsOf('# only a comment\n')).toEqual([empty])
  })

  it('does not call a document of another scalar empty', async () => {
    const [problem] = await problemsOf('42\n')
    expect(problem?.message).not.toBe(empty.message)
  })

  it('says how to add a missing version, and only that for the version', async () => {
    expect(await problemsOf('assets: [{ id: a, prompt: b }]\n')).toEqual([
      { path: 'version', message: 'is required: add `version: 1`' }
    ])
    expect(await problemsOf('version: 1\n')).toEqual([
      { path: 'assets', message: 'is required' }
    ])
  })
})

describe('asset ids', () => {
  const spec = (id: string) =>
    `version: 1\nassets:\n  - { id: ${id}, prompt: p }\n`

  it('accepts ids up to 100 characters and refuses longer ones', async () => {
    expect(await problemsOf(spec('a'.repeat(100)))).toEqual([])
    const [problem] = await problemsOf(spec('a'.repeat(101)))
    expect(problem?.path).toBe('assets[0].id')
  })
})
