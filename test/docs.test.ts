import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { parseSpecText } from '../src/spec/load.js'
import { tempDir } from './helpers/temp-dir.js'

const repoRoot = join(import.meta.dirname, '..')
const read = (path: string) => readFile(join(repoRoot, path), 'utf8')

/** The fenced YAML blocks of a Markdown file, parsed. */
function yamlBlocks(markdown: string): unknown[] {
  return [...markdown.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) =>
    parse(match[1] ?? '')
  )
}

interface Workflow {
  name?: string
  jobs?: Record<
    string,
    {
      steps?: Array<{
        id?: string
        if?: string
        with?: Record<string, unknown>
      }>
    }
  >
}

describe('the docs match the behaviour', () => {
  it('README: the quick start is exactly two commands, both npm scripts that go through the Node launcher', async () => {
    const readme = await read('README.md')
    const quick = /## Quick start[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1]
    expect(quick).toBe('npm ci && npm run example\nnpm test\n')
    const scripts = (
      JSON.parse(await read('package.json')) as {
        scripts: Record<string, string>
      }
    ).scripts
    expect(scripts.example).toMatch(/^node scripts\/launch\.cjs /)
    expect(scripts.test).toMatch(/^node scripts\/launch\.cjs /)
  })

  it('README: the pull request example caps the images; the editor line pins the schema to a tag', async () => {
    const readme = await read('README.md')
    const preview = yamlBlocks(readme).find(
      (block) => (block as Workflow).name === 'assets preview'
    ) as Workflow
    const step = preview.jobs?.preview?.steps?.find((candidate) =>
      String((candidate as { uses?: string }).uses).startsWith('assetgen/')
    )
    expect(Number(step?.with?.['max-images'])).toBeGreaterThan(0)
    expect(readme).toMatch(
      /\$schema=https:\/\/raw\.githubusercontent\.com\/[^/]+\/assetgen\/v\d+\.\d+\.\d+\/schema\/assetgen\.schema\.json/
    )
    // The supported-models table is generated, not empty.
    expect(readme).toMatch(
      /<!-- models-start -->\n\n\| `id` [\s\S]*bfl\/flux-2-pro[\s\S]*<!-- models-end -->/
    )
  })

  it('README: ids are letters of either case, unique ignoring case, as the validator does', async () => {
    const readme = await read('README.md')
    const pattern = /- id: hero # unique ignoring case, (\S+)/.exec(readme)?.[1]
    expect(pattern).toBe('^[A-Za-z0-9][A-Za-z0-9._-]*$')
    await using dir = await tempDir()
    const options = {
      specName: 'assetgen.yml',
      specPath: 'assetgen.yml',
      root: dir.path
    }
    const spec = await parseSpecText(
      'version: 1\nassets:\n  - id: Hero\n    prompt: A\n    size: 64x64\n',
      options
    )
    expect(spec.assets[0]?.id).toBe('Hero')
    await expect(
      parseSpecText(
        'version: 1\nassets:\n  - id: Hero\n    prompt: A\n    size: 64x64\n  - id: hero\n    prompt: B\n    size: 64x64\n',
        options
      )
    ).rejects.toThrow(/hero/)
  })

  it('docs/workflows.md (e): the comment step runs when assets failed', async () => {
    const workflows = await read('docs/workflows.md')
    const preview = yamlBlocks(workflows).find(
      (block) => (block as Workflow).name === 'assetgen fork preview'
    ) as Workflow
    const comment = preview.jobs?.preview?.steps?.find(
      (step) => step.id === 'comment'
    )
    expect(comment?.if).toMatch(/!cancelled\(\)|always\(\)/)
    expect(comment?.if).toContain("steps.assetgen.outputs.failed != '0'")
  })

  it('action.yml: the changed output says what it means in mode none', async () => {
    const action = parse(await read('action.yml')) as {
      outputs: Record<string, { description: string }>
    }
    expect(action.outputs.changed?.description).toMatch(
      /in mode none when it wrote files to the workspace/
    )
  })
})
