import { spawnSync } from 'node:child_process'
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { InputError } from '../../src/errors.js'
import {
  acquireWorkspaceLock,
  lockPath
} from '../../src/plan/workspace-lock.js'
import { tempDir } from '../helpers/temp-dir.js'
import { fakeClock, holderText } from '../helpers/workspace-lock.js'

describe('acquireWorkspaceLock', () => {
  it('creates the lock beside the lockfile with its holder, and release removes it', async () => {
    await using dir = await tempDir()
    const lockfilePath = join(dir.path, 'assetgen.lock.json')
    const lock = await acquireWorkspaceLock({ lockfilePath })
    expect(lock.path).toBe(lockPath(lockfilePath))
    const content = JSON.parse(await readFile(lock.path, 'utf8')) as {
      pid: number
    }
    expect(content.pid).toBe(process.pid)
    await lock.release()
    expect(await readdir(dir.path)).toEqual([])
  })

  it('makes a second build wait, saying so, then stop with a clear message at the bound', async () => {
    await using dir = await tempDir()
    const lockfilePath = join(dir.path, 'assetgen.lock.json')
    const first = await acquireWorkspaceLock({ lockfilePath })
    const messages: string[] = []
    const clock = fakeClock()
    const error: unknown = await acquireWorkspaceLock({
      lockfilePath,
      waitMs: 30_000,
      pollMs: 1000,
      onWait: (message) => messages.push(message),
      ...clock
    }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(InputError)
    expect((error as Error).message).toMatch(
      new RegExp(
        `another assetgen build \\(pid ${process.pid} .*\\) is still building this workspace after 30 s: run one build at a time`
      )
    )
    expect(messages).toEqual([
      expect.stringMatching(
        /is building this workspace; waiting up to 30 s for it to finish/
      )
    ])
    expect(clock.sleeps).toEqual(Array<number>(30).fill(1000))
    // The first build's lock is untouched.
    expect(await readFile(first.path, 'utf8')).toContain(String(process.pid))
    await first.release()
  })

  it('takes the lock as soon as the first build releases it', async () => {
    await using dir = await tempDir()
    const lockfilePath = join(dir.path, 'assetgen.lock.json')
    const first = await acquireWorkspaceLock({ lockfilePath })
    const clock = fakeClock(async () => {
      if (clock.sleeps.length === 3) await first.release()
    })
    const second = await acquireWorkspaceLock({ lockfilePath, ...clock })
    // Half a second between tries unless told.
    expect(clock.sleeps).toEqual([500, 500, 500])
    await second.release()
  })

  it('takes over a lock whose holder is gone or that is older than the stale bound', async () => {
    await using dir = await tempDir()
    const lockfilePath = join(dir.path, 'assetgen.lock.json')
    const gone = spawnSync(process.execPath, ['-e', '']).pid
    await writeFile(lockPath(lockfilePath), holderText(gone, Date.now()))
    const taken = await acquireWorkspaceLock({ lockfilePath, waitMs: 0 })
    await taken.release()
    // Alive (this very process) but older than the bound.
    await writeFile(lockPath(lockfilePath), holderText(process.pid, 0))
    const old = await acquireWorkspaceLock({
      lockfilePath,
      waitMs: 0,
      staleMs: 60_000
    })
    await old.release()
    // Alive and fresh: not stale.
    await writeFile(lockPath(lockfilePath), holderText(process.pid, Date.now()))
    await expect(
      acquireWorkspaceLock({ lockfilePath, waitMs: 0 })
    ).rejects.toThrow(/still building/)
  })

  it('does not remove a lock another build took over', async () => {
    await using dir = await tempDir()
    const lockfilePath = join(dir.path, 'assetgen.lock.json')
    const lock = await acquireWorkspaceLock({ lockfilePath })
    await writeFile(lock.path, holderText(process.pid, Date.now()))
    await lock.release()
    expect(await readFile(lock.path, 'utf8')).toContain('"token":"other"')
  })
})

describe('acquireWorkspaceLock waiting', () => {
  it('never pauses past the wait bound', async () => {
    await using dir = await tempDir()
    const lockfilePath = join(dir.path, 'assetgen.lock.json')
    const first = await acquireWorkspaceLock({ lockfilePath })
    const clock = fakeClock()
    await expect(
      acquireWorkspaceLock({
        lockfilePath,
        waitMs: 2500,
        pollMs: 1000,
        ...clock
      })
    ).rejects.toThrow(/still building/)
    // The last pause is cut to what is left of the 2.5 s.
    expect(clock.sleeps).toEqual([1000, 1000, 500])
    await first.release()
  })

  it('stops waiting at once when the build is aborted', async () => {
    await using dir = await tempDir()
    const lockfilePath = join(dir.path, 'assetgen.lock.json')
    const first = await acquireWorkspaceLock({ lockfilePath })
    const controller = new AbortController()
    // The real sleeper, with a ten-minute pause: only the abort can end it in time.
    await expect(
      acquireWorkspaceLock({
        lockfilePath,
        pollMs: 10 * 60_000,
        waitMs: 20 * 60_000,
        signal: controller.signal,
        onWait: () => controller.abort()
      })
    ).rejects.toMatchObject({ name: 'AbortError' })
    expect(await readFile(first.path, 'utf8')).toContain(String(process.pid))
    await first.release()
  })
})

describe('acquireWorkspaceLock failures', () => {
  it('stops with an InputError when the lock cannot be created', async () => {
    await using dir = await tempDir()
    const lockfilePath = join(dir.path, 'gone', 'assetgen.lock.json')
    const error: unknown = await acquireWorkspaceLock({ lockfilePath }).catch(
      (caught: unknown) => caught
    )
    expect(error).toBeInstanceOf(InputError)
    expect((error as Error).message).toContain(
      `cannot create the build lock ${lockPath(lockfilePath)}`
    )
    // The file system's own error is kept for whoever debugs it.
    expect((error as Error).cause).toMatchObject({ code: 'ENOENT' })
  })

  it('stops with an InputError, not a busy loop, when the lock path cannot be read', async () => {
    await using dir = await tempDir()
    const lockfilePath = join(dir.path, 'assetgen.lock.json')
    await mkdir(lockPath(lockfilePath))
    const error: unknown = await acquireWorkspaceLock({
      lockfilePath,
      ...fakeClock()
    }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(InputError)
    expect((error as Error).message).toContain(
      `cannot read the build lock ${lockPath(lockfilePath)}`
    )
    expect((error as Error).cause).toMatchObject({ code: 'EISDIR' })
    // Nothing was removed or left behind.
    expect(await readdir(dir.path)).toEqual(['assetgen.lock.json.build-lock'])
  })

  it('release keeps a lock file it cannot read, and is fine when the lock is gone', async () => {
    await using dir = await tempDir()
    const lockfilePath = join(dir.path, 'assetgen.lock.json')
    const lock = await acquireWorkspaceLock({ lockfilePath })
    await writeFile(lock.path, 'not a lock')
    await lock.release()
    expect(await readFile(lock.path, 'utf8')).toBe('not a lock')
    await rm(lock.path)
    await lock.release()
    expect(await readdir(dir.path)).toEqual([])
  })
})
