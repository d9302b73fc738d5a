import { mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { FileWriteError } from '../src/errors.js'
import { fileWriteError, writeFileAtomic } from '../src/fs-atomic.js'
import { tempDir } from './helpers/temp-dir.js'

describe('writeFileAtomic', () => {
  it('writes through a temp file and leaves no temp file behind', async () => {
    await using dir = await tempDir()
    const target = path.join(dir.path, 'img/hero.png')
    await writeFileAtomic(target, 'new', { root: dir.path })
    expect(await readFile(target, 'utf8')).toBe('new')
    expect(await readdir(path.dirname(target))).toEqual(['hero.png'])
  })

  it('refuses a folder swapped for a symlink leading outside the workspace after validation', async () => {
    await using base = await tempDir()
    const root = path.join(base.path, 'workspace')
    const outside = path.join(base.path, 'outside')
    await mkdir(root)
    await mkdir(outside)
    await symlink(outside, path.join(root, 'img'))
    const error: unknown = await writeFileAtomic(
      path.join(root, 'img/hero.png'),
      'x',
      { root }
    ).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(FileWriteError)
    expect((error as Error).message).toMatch(
      /refused to write: img leads through a symlink to .*outside/
    )
    expect(await readdir(outside)).toEqual([])
  })

  it('refuses .git in the path, in any case, and a symlink leading into .git', async () => {
    await using dir = await tempDir()
    const root = dir.path
    await mkdir(path.join(root, '.git/hooks'), { recursive: true })
    await symlink(path.join(root, '.git/hooks'), path.join(root, 'hooks'))
    for (const target of ['.git/config', '.GIT/hooks/x.png']) {
      await expect(
        writeFileAtomic(path.join(root, target), 'x', { root })
      ).rejects.toThrow(/goes through \.git/)
    }
    await expect(
      writeFileAtomic(path.join(root, 'hooks/pre-commit'), 'x', { root })
    ).rejects.toThrow(/hooks leads through a symlink into \.git/)
    expect(await readdir(path.join(root, '.git/hooks'))).toEqual([])
  })

  it('replaces a symlink at the target rather than writing through it', async () => {
    await using dir = await tempDir()
    const victim = path.join(dir.path, 'victim.txt')
    await writeFile(victim, 'keep')
    await symlink(victim, path.join(dir.path, 'hero.png'))
    await writeFileAtomic(path.join(dir.path, 'hero.png'), 'new', {
      root: dir.path
    })
    expect(await readFile(victim, 'utf8')).toBe('keep')
    expect(await readFile(path.join(dir.path, 'hero.png'), 'utf8')).toBe('new')
  })

  it('names the file it could not write', async () => {
    await using dir = await tempDir()
    await writeFile(path.join(dir.path, 'file'), '')
    const target = path.join(dir.path, 'file/hero.png')
    await expect(writeFileAtomic(target, 'x')).rejects.toThrow(
      `could not write ${target}:`
    )
  })
})

describe('fileWriteError', () => {
  it('names the file and says the disk is full for a real ENOSPC', async () => {
    // /dev/full answers every write with ENOSPC, as a full disk does.
    const enospc: unknown = await writeFile('/dev/full', 'x').catch(
      (caught: unknown) => caught
    )
    expect((enospc as NodeJS.ErrnoException).code).toBe('ENOSPC')
    const error = fileWriteError('/ws/img/hero.png', enospc)
    expect(error).toBeInstanceOf(FileWriteError)
    expect(error.path).toBe('/ws/img/hero.png')
    expect(error.message).toBe(
      'could not write /ws/img/hero.png: no space left on the device (ENOSPC): free some disk space and rerun'
    )
    expect(error.cause).toBe(enospc)
  })
})
