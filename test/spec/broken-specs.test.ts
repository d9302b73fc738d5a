import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SpecError, formatProblem } from '../../src/errors.js'
import { loadSpec } from '../../src/spec/load.js'
import {
  FIXTURE_DIR,
  SETUPS,
  createFixtureWorkspace,
  readExpectation
} from '../helpers/spec-fixture.js'
import type { FixtureWorkspace } from '../helpers/spec-fixture.js'

const fixtures = readdirSync(FIXTURE_DIR)
  .filter((name) => name.endsWith('.yml'))
  .sort()
  .map((name) => ({
    name,
    expectation: readExpectation(
      readFileSync(path.join(FIXTURE_DIR, name), 'utf8')
    )
  }))

let workspace: FixtureWorkspace

beforeAll(async () => {
  workspace = await createFixtureWorkspace()
})
afterAll(() => workspace.remove())

async function loadError(name: string): Promise<SpecError> {
  try {
    await loadSpec({ specPath: name, root: workspace.root })
  } catch (error) {
    if (error instanceof SpecError) return error
    throw error
  }
  throw new Error(`${name} loaded without a SpecError`)
}

describe('the broken spec corpus', () => {
  it('is large enough and every setup it names exists', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(45)
    for (const { name, expectation } of fixtures) {
      if (expectation.setup)
        expect(SETUPS, name).toHaveProperty([expectation.setup])
    }
  })

  it.each(fixtures)(
    '$name is refused for its one problem',
    async ({ name, expectation }) => {
      if (expectation.setup) await SETUPS[expectation.setup]?.(workspace, name)
      const error = await loadError(name)
      // One refusal per fixture: a second problem would mean the fixture tests
      // two rules at once.
      expect(error.problems, error.message).toHaveLength(1)
      const [problem] = error.problems
      expect(problem).toMatchObject({ file: name, path: expectation.path })
      expect(problem.message).toContain(expectation.message)
      expect(problem.line).toBe(expectation.line)
      if (expectation.column !== undefined)
        expect(problem.column).toBe(expectation.column)
      // The formatted form is what users see: it names the spec file and, when
      // known, the place.
      const where =
        expectation.line === undefined ? name : `${name}:${expectation.line}:`
      expect(formatProblem(problem)).toMatch(new RegExp(`^${escape(where)}`))
      expect(error.message).toContain(formatProblem(problem))
    }
  )
})

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
