import { execFile } from 'node:child_process'
import { copyFile, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { format, resolveConfig } from 'prettier'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { tempDir } from '../helpers/temp-dir.js'

const repoRoot = fileURLToPath(new URL('../../', import.meta.url))
const script = join(repoRoot, 'scripts', 'update-readme.mjs')
const run = promisify(execFile)

/** The parts of scripts/readme-tables.mjs the tests use (it is plain JS). */
interface ReadmeTables {
  START_MARKER: string
  END_MARKER: string
  escapeCell(value: unknown): string
  buildInputsTable(inputs: Record<string, unknown>): string
  buildOutputsTable(outputs: Record<string, unknown>): string
}
// A computed specifier keeps tsc from looking for the .mjs file's types.
const tablesPath = join(repoRoot, 'scripts', 'readme-tables.mjs')
const tables = (await import(tablesPath)) as ReadmeTables

interface ActionInput {
  description: string
  default?: string
}
interface Action {
  inputs: Record<string, ActionInput>
  outputs: Record<string, { description: string }>
}
const action = parse(
  await readFile(join(repoRoot, 'action.yml'), 'utf8')
) as Action

const before = '# assetgen\n\nIntro | with a pipe.\n\n## API\n\n'
const after = '\n\n## License\n\nMIT, `unchanged`.\n'
const staleReadme = `${before}<!-- api-start -->\nstale\n<!-- api-end -->${after}`

/** Runs the script in `cwd`; resolves with its exit code and output. */
async function runScript(cwd: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [script, ...args], {
      cwd
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failure = error as { code?: number; stdout: string; stderr: string }
    return { ...failure, code: failure.code ?? -1 }
  }
}

/** A temp dir holding action.yml and a README.md with stale markers. */
async function workspace(readme = staleReadme) {
  const dir = await tempDir('assetgen-readme-')
  await copyFile(join(repoRoot, 'action.yml'), join(dir.path, 'action.yml'))
  await writeFile(join(dir.path, 'README.md'), readme)
  return dir
}

/** The body rows of the table under `heading`, keyed by the name cell. */
function tableRows(readme: string, heading: string): Map<string, string[]> {
  // heading, blank line, header row, rule row, then rows up to a blank line
  const lines = readme.slice(readme.indexOf(heading)).split('\n').slice(4)
  const rows = new Map<string, string[]>()
  for (const line of lines) {
    if (!line.startsWith('|')) break
    const cells = line
      .slice(2, -2)
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim())
    rows.set(cells[0].replace(/`/g, ''), cells)
  }
  return rows
}

describe('update-readme.mjs', () => {
  it('writes every input with its default and every output', async () => {
    await using dir = await workspace()
    const result = await runScript(dir.path)
    expect(result.code).toBe(0)
    const readme = await readFile(join(dir.path, 'README.md'), 'utf8')

    const inputs = tableRows(readme, '#### Inputs')
    expect([...inputs.keys()]).toEqual(Object.keys(action.inputs))
    for (const [name, input] of Object.entries(action.inputs)) {
      const [, description, shown] = inputs.get(name)!
      expect(description).toBe(input.description.trim())
      const expected = input.default === '' ? "''" : input.default
      expect(shown).toBe(expected === undefined ? '' : `\`${expected}\``)
    }
    expect(inputs.get('github-token')?.[2]).toBe('`${{ github.token }}`')

    const outputs = tableRows(readme, '#### Outputs')
    expect([...outputs.keys()]).toEqual(Object.keys(action.outputs))
  })

  it('leaves the text outside the markers untouched', async () => {
    await using dir = await workspace()
    await runScript(dir.path)
    const readme = await readFile(join(dir.path, 'README.md'), 'utf8')
    expect(
      readme.startsWith(`${before}${tables.START_MARKER}\n\n#### Inputs`)
    ).toBe(true)
    expect(readme.endsWith(`\n\n${tables.END_MARKER}${after}`)).toBe(true)
    expect(readme.indexOf('#### Outputs')).toBeGreaterThan(
      readme.indexOf('#### Inputs')
    )
  })

  it('--check fails on a stale README and changes nothing', async () => {
    await using dir = await workspace()
    const result = await runScript(dir.path, '--check')
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('out of date with action.yml')
    expect(result.stderr).toContain('npm run readme')
    expect(await readFile(join(dir.path, 'README.md'), 'utf8')).toBe(
      staleReadme
    )
  })

  it('--check passes on a fresh README, and a rerun is a no-op', async () => {
    await using dir = await workspace()
    await runScript(dir.path)
    const fresh = await readFile(join(dir.path, 'README.md'), 'utf8')
    const check = await runScript(dir.path, '--check')
    expect(check.code).toBe(0)
    expect(check.stdout).toContain('match action.yml')
    await runScript(dir.path)
    expect(await readFile(join(dir.path, 'README.md'), 'utf8')).toBe(fresh)
  })

  it('--check fails when one input changes in action.yml', async () => {
    await using dir = await workspace()
    await runScript(dir.path)
    const actionPath = join(dir.path, 'action.yml')
    const text = await readFile(actionPath, 'utf8')
    await writeFile(actionPath, text.replace("default: '4'", "default: '8'"))
    expect((await runScript(dir.path, '--check')).code).toBe(1)
  })

  it('reads from --root instead of the current directory', async () => {
    await using dir = await workspace()
    const result = await runScript(repoRoot, '--root', dir.path, '--check')
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('out of date')
  })

  it('reports a missing README.md or missing markers', async () => {
    await using dir = await workspace('# no markers here\n')
    const noMarkers = await runScript(dir.path, '--check')
    expect(noMarkers.code).toBe(1)
    expect(noMarkers.stderr).toContain('<!-- api-start -->')

    await using empty = await tempDir('assetgen-readme-')
    await copyFile(join(repoRoot, 'action.yml'), join(empty.path, 'action.yml'))
    const missing = await runScript(empty.path)
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/README\.md does not exist/)
  })

  it('writes tables that Prettier leaves as they are', async () => {
    await using dir = await workspace()
    await runScript(dir.path)
    const readmePath = join(dir.path, 'README.md')
    const readme = await readFile(readmePath, 'utf8')
    const options = await resolveConfig(join(repoRoot, 'README.md'))
    const formatted = await format(readme, {
      ...options,
      parser: 'markdown'
    })
    const block = (text: string) =>
      text.slice(
        text.indexOf(tables.START_MARKER),
        text.indexOf(tables.END_MARKER)
      )
    expect(block(formatted)).toBe(block(readme))
  })
})

describe('readme-tables.mjs', () => {
  it('escapes pipes and line breaks inside cells', () => {
    expect(tables.escapeCell('a | b\nc\n\nd\n')).toBe('a \\| b<br>c<br><br>d')
  })

  it('keeps odd inputs on one row each', () => {
    const table = tables.buildInputsTable({
      'multi-line': { description: 'First line.\nSecond | line.\n' },
      'no-default': { description: 'Needed.', required: true },
      backticks: { description: 'x', default: 'a`b' }
    })
    const lines = table.split('\n')
    expect(lines).toHaveLength(5)
    expect(lines[2]).toContain('First line.<br>Second \\| line.')
    expect(lines[3]).toMatch(/\*\*Required\.\*\* Needed\. +\| +\|$/)
    expect(lines[4]).toContain('``a`b``')
    expect(tables.buildOutputsTable({}).split('\n')).toHaveLength(2)
  })
})
