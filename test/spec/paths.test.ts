import { mkdir, symlink } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  checkRealPath,
  isInside,
  refusePathText,
  resolveSpecPath,
  workspacePath,
  type Workspace
} from '../../src/spec/paths.js'
import { tempDir } from '../helpers/temp-dir.js'

const root = '/work/repo'
const lexical: Workspace = {
  root,
  realRoot: root,
  specDir: path.join(root, 'site')
}

describe('resolveSpecPath (no disk access)', () => {
  it('resolves relative paths from the spec folder', () => {
    expect(resolveSpecPath(lexical, 'img/a.png')).toEqual({
      absolute: '/work/repo/site/img/a.png'
    })
    expect(resolveSpecPath(lexical, '../public/a.png')).toEqual({
      absolute: '/work/repo/public/a.png'
    })
  })

  it('refuses a path that climbs out of the workspace as written', () => {
    // Lexical only: the later real-path check would not see this, as nothing exists there.
    expect(resolveSpecPath(lexical, '../../etc/passwd')).toEqual({
      message:
        '../../etc/passwd resolves to /work/etc/passwd, outside the workspace root /work/repo'
    })
    expect(resolveSpecPath(lexical, 'a/../../../repo-other/x')).toEqual({
      message:
        'a/../../../repo-other/x resolves to /work/repo-other/x, outside the workspace root /work/repo'
    })
  })

  it('refuses absolute paths of both flavours, Windows ones on Linux too', () => {
    const refusal = (text: string) => ({
      message: `${text} is absolute: write paths relative to the spec file's folder`
    })
    expect(resolveSpecPath(lexical, '/work/repo/site/a.png')).toEqual(
      refusal('/work/repo/site/a.png')
    )
    expect(resolveSpecPath(lexical, 'C:\\x')).toEqual(refusal('C:\\x'))
    expect(resolveSpecPath(lexical, '\\\\server\\share\\x')).toEqual(
      refusal('\\\\server\\share\\x')
    )
  })
})

describe('isInside', () => {
  it('accepts the root itself and what lies below it', () => {
    expect(isInside(root, root)).toBe(true)
    expect(isInside(root, `${root}/a/b`)).toBe(true)
    // A name that merely starts with two dots is still inside.
    expect(isInside(root, `${root}/..cache/x`)).toBe(true)
  })

  it('refuses the parent, a sibling with the same prefix and other trees', () => {
    expect(isInside(root, '/work')).toBe(false)
    expect(isInside(root, '/work/repo-other')).toBe(false)
    expect(isInside(root, '/elsewhere/x')).toBe(false)
  })
})

describe('checkRealPath (follows symlinks on disk)', () => {
  async function realWorkspace(directory: string): Promise<Workspace> {
    const repo = path.join(directory, 'repo')
    await mkdir(path.join(repo, 'site'), { recursive: true })
    return { root: repo, realRoot: repo, specDir: path.join(repo, 'site') }
  }

  it('accepts existing and not-yet-existing paths inside the root', async () => {
    await using directory = await tempDir()
    const workspace = await realWorkspace(directory.path)
    expect(
      await checkRealPath(workspace, path.join(workspace.root, 'site'))
    ).toBeUndefined()
    expect(
      await checkRealPath(
        workspace,
        path.join(workspace.root, 'new/deep/a.png')
      )
    ).toBeUndefined()
  })

  it('refuses a dangling symlink: writing through it would create its target', async () => {
    await using directory = await tempDir()
    const workspace = await realWorkspace(directory.path)
    await symlink(
      path.join(directory.path, 'nowhere'),
      path.join(workspace.root, 'out')
    )
    expect(
      await checkRealPath(workspace, path.join(workspace.root, 'out'))
    ).toBe('out is a symlink whose target does not exist')
    // A file still to be written below it is refused for the same reason.
    expect(
      await checkRealPath(workspace, path.join(workspace.root, 'out/a.png'))
    ).toBe('out is a symlink whose target does not exist')
  })

  it('refuses a path that leads through a symlink out of the root', async () => {
    await using directory = await tempDir()
    const workspace = await realWorkspace(directory.path)
    const outside = path.join(directory.path, 'outside')
    await mkdir(outside)
    await symlink(outside, path.join(workspace.root, 'site/link'))
    expect(
      await checkRealPath(
        workspace,
        path.join(workspace.root, 'site/link/new.png')
      )
    ).toBe(
      `site/link leads through a symlink to ${outside}, outside the workspace root`
    )
  })

  it('accepts a symlink that stays inside the root', async () => {
    await using directory = await tempDir()
    const workspace = await realWorkspace(directory.path)
    await symlink(
      path.join(workspace.root, 'site'),
      path.join(workspace.root, 'alias')
    )
    expect(
      await checkRealPath(workspace, path.join(workspace.root, 'alias/a.png'))
    ).toBeUndefined()
  })
})

describe('workspacePath', () => {
  it('is the POSIX path relative to the root', () => {
    expect(workspacePath(lexical, '/work/repo/site/img/a.png')).toBe(
      'site/img/a.png'
    )
  })
})

describe('refusePathText', () => {
  it('takes a name of exactly 255 bytes and refuses one byte more', () => {
    // 'é' is two bytes: the bound is on bytes, as file systems count, not characters.
    const name = (bytes: number) => `assets/${'é'.repeat((bytes - 5) / 2)}x.png`
    expect(refusePathText(name(255))).toBeUndefined()
    expect(refusePathText(name(257))).toMatch(/has a name of 25[67] bytes/)
    expect(refusePathText(`assets/${'a'.repeat(251)}.png`)).toBeUndefined()
    expect(refusePathText(`assets/${'a'.repeat(252)}.png`)).toMatch(
      /has a name of 25[67] bytes/
    )
  })
})
