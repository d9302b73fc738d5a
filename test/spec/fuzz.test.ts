import { readFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { parse, stringify } from 'yaml'
import { describe, expect, it } from 'vitest'
import { SpecError } from '../../src/errors.js'
import { parseSpecText } from '../../src/spec/load.js'
import { FIXTURE_DIR } from '../helpers/spec-fixture.js'

// The corpus folder is the workspace: references resolve, and parseSpecText
// never writes.
const root = FIXTURE_DIR
const validText = readFileSync(path.join(FIXTURE_DIR, 'valid/full.yml'), 'utf8')
// 120 runs: each parse fully decodes the spec's reference images (so a truncated one is refused
// before paying), which makes a run ~4x dearer than when only headers were read.
const RUNS = { numRuns: 120, seed: 20_240_601 }

/**
 * Asserts the loader's contract on any text: it resolves, or rejects with a
 * SpecError whose problems each carry a line and column inside the text.
 */
async function checkContract(text: string): Promise<void> {
  const lines = text.split('\n').length
  try {
    await parseSpecText(text, {
      specName: 'fuzz.yml',
      specPath: 'valid/fuzz.yml',
      root
    })
  } catch (error) {
    if (!(error instanceof SpecError)) throw error
    expect(error.problems.length).toBeGreaterThan(0)
    for (const problem of error.problems) {
      expect(problem.file).toBe('fuzz.yml')
      expect(problem.line).toBeGreaterThanOrEqual(1)
      expect(problem.line).toBeLessThanOrEqual(lines)
      expect(problem.column).toBeGreaterThanOrEqual(1)
    }
  }
}

// Tokens that steer random text into YAML's tricky corners: flow and block
// collections, anchors and aliases, tags, block scalars, document markers,
// comments, tabs, keys of the spec.
const token = fc.constantFrom(
  'version',
  'assets',
  'defaults',
  'palettes',
  'id',
  'prompt',
  'size',
  'aspectRatio',
  'references',
  'variants',
  'colorCheck',
  'palette',
  'out',
  'outDir',
  ': ',
  ':',
  '- ',
  '\n',
  '\n  ',
  '\n    ',
  '  ',
  '\t',
  '[',
  ']',
  '{',
  '}',
  ', ',
  '&a ',
  '*a',
  '&b ',
  '*b',
  '!!str ',
  '!!binary ',
  '!x ',
  '? ',
  '|',
  '>-',
  '---',
  '...',
  '#',
  "'",
  '"',
  '\\',
  '1',
  '1.5',
  '-1',
  '.inf',
  '~',
  'null',
  'true',
  '1024x1024',
  '16:9',
  '#0B5FFF',
  'refs/a.png',
  'refs/*.png',
  '../x.png',
  '/abs.png',
  'hero',
  '%YAML 1.1\n',
  '<<: ',
  '\u00e9',
  '\u{1F600}'
)

// Applies one edit at a position given as a fraction of the text, so edits land
// anywhere.
type Edit = {
  at: number
  kind: 'insert' | 'delete' | 'duplicate-line'
  text: string
}

function applyEdit(text: string, edit: Edit): string {
  const index = Math.floor(edit.at * text.length)
  if (edit.kind === 'insert')
    return text.slice(0, index) + edit.text + text.slice(index)
  if (edit.kind === 'delete')
    return text.slice(0, index) + text.slice(index + edit.text.length)
  const lines = text.split('\n')
  const line = Math.floor(edit.at * lines.length)
  lines.splice(line, 0, lines[line] ?? '')
  return lines.join('\n')
}

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  kind: fc.constantFrom('insert', 'delete', 'duplicate-line'),
  text: token
}) as fc.Arbitrary<Edit>

describe('parseSpecText under fuzzing', () => {
  it('accepts the unmutated spec it mutates', async () => {
    await expect(
      parseSpecText(validText, {
        specName: 'fuzz.yml',
        specPath: 'valid/fuzz.yml',
        root
      })
    ).resolves.toMatchObject({ specName: 'fuzz.yml' })
  })

  it('keeps its contract on random YAML-ish text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 60 }), async (tokens) => {
        await checkContract(tokens.join(''))
      }),
      RUNS
    )
  })

  it('keeps its contract on textual mutations of a valid spec', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(edit, { minLength: 1, maxLength: 5 }),
        async (edits) => {
          await checkContract(edits.reduce(applyEdit, validText))
        }
      ),
      RUNS
    )
  })

  it('keeps its contract when any value is replaced by arbitrary JSON', async () => {
    const valid = parse(validText) as unknown
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        fc.jsonValue({ maxDepth: 3 }),
        async (steps, replacement) => {
          await checkContract(stringify(replaceAt(valid, steps, replacement)))
        }
      ),
      RUNS
    )
  })
})

/**
 * Returns a copy of `value` with the node reached by `steps` (indexes mod size)
 * replaced.
 */
function replaceAt(
  value: unknown,
  steps: number[],
  replacement: unknown
): unknown {
  const [step, ...rest] = steps
  if (step === undefined || value === null || typeof value !== 'object')
    return replacement
  if (Array.isArray(value)) {
    if (value.length === 0) return replacement
    const copy = [...value]
    const index = step % copy.length
    copy[index] = replaceAt(copy[index], rest, replacement)
    return copy
  }
  const entries = Object.entries(value)
  if (entries.length === 0) return replacement
  const index = step % entries.length
  return Object.fromEntries(
    entries.map(([key, item], position) => [
      key,
      position === index ? replaceAt(item, rest, replacement) : item
    ])
  )
}
