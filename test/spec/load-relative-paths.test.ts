/** loadSpec on a spec in a subfolder: its paths resolve from the spec file, inside the root. */
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadSpec } from '../../src/spec/load.js'
import { createFixtureWorkspace } from '../helpers/spec-fixture.js'

describe('paths relative to the spec file', () => {
  it('resolve from a spec in a subfolder and stay confined to the root', async () => {
    const workspace = await createFixtureWorkspace()
    await mkdir(path.join(workspace.root, 'site/design'), { recursive: true })
    await writeFile(
      path.join(workspace.root, 'site/design/assetgen.yml'),
      [
        'version: 1',
        'assets:',
        '  - id: logo',
        '    prompt: a logo',
        '    out: ../public/logo.png',
        '    references: [../../refs/a.png]'
      ].join('\n')
    )
    const spec = await loadSpec({
      specPath: 'site/design/assetgen.yml',
      root: workspace.root
    })
    expect(spec.lockfilePath).toBe(
      path.join(workspace.root, 'site/design/assetgen.lock.json')
    )
    expect(spec.assets[0]?.out).toBe('site/public/logo.png')
    expect(spec.assets[0]?.references[0]?.path).toBe('refs/a.png')
    await workspace.remove()
  })
})
