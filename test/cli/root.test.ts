import { execFileSync } from 'node:child_process'
import { mkdir, symlink } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { gitTopLevel, workspaceRoot } from '../../src/cli/root.js'
import { tempDir } from '../helpers/temp-dir.js'

describe('the CLI workspace root', () => {
  it("is the git top level of the spec's folder, from wherever the CLI runs", async () => {
    await using repo = await tempDir('assetgen-root-')
    execFileSync('git', ['init', '-q', repo.path])
    await mkdir(join(repo.path, 'examples', 'deep'), { recursive: true })
    const specPath = join(repo.path, 'examples', 'deep', 'assetgen.yml')
    for (const cwd of ['/', repo.path, join(repo.path, 'examples')])
      expect(await workspaceRoot({ specPath, cwd })).toBe(repo.path)
  })

  it("is the spec's folder outside git, and --root overrides both (relative to the current folder)", async () => {
    await using folder = await tempDir('assetgen-root-')
    const specPath = join(folder.path, 'assetgen.yml')
    expect(await gitTopLevel(folder.path)).toBeUndefined()
    expect(await workspaceRoot({ specPath, cwd: '/' })).toBe(folder.path)
    expect(
      await workspaceRoot({ specPath, cwd: folder.path, override: '..' })
    ).toBe(join(folder.path, '..'))
    // An answer from git that does not contain the spec is ignored.
    expect(
      await workspaceRoot({
        specPath,
        cwd: '/',
        topLevel: () => Promise.resolve('/somewhere/else')
      })
    ).toBe(folder.path)
  })

  it('keeps the path the user gave when the repository is reached through a symlink', async () => {
    await using scratch = await tempDir('assetgen-root-')
    const real = join(scratch.path, 'real')
    await mkdir(join(real, 'sub'), { recursive: true })
    execFileSync('git', ['init', '-q', real])
    await symlink(real, join(scratch.path, 'link'))
    const specPath = join(scratch.path, 'link', 'sub', 'assetgen.yml')
    expect(await workspaceRoot({ specPath, cwd: '/' })).toBe(
      join(scratch.path, 'link')
    )
  })
})
