import { spawnSync } from 'node:child_process'
import { readFile, readdir, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { InputError } from '../../src/errors.js'
import {
  acquireWorkspaceLock,
  lockPath
} from '../../src/plan/workspace-lock.js'
import { tempDir } from '../helpers/temp-dir.js'

/** A clock that only moves when the lock sleeps, so waits take no real time. */
function fakeClock(onSleep?: (ms: number) => Promise<void> | void) {
  let time = 1_000_000
  return {
    now: () => time,
    sleep: async (ms: number) => {
      time += ms
      await onSleep?.(ms)
    }
  }
}

function holder(pid: number, startedAt: number) {
  return `${JSON.stringify({ token: 'other', pid, host: hostname(), startedAt })}\n`
}

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
    // The first build's lock is untouched.
    expect(await readFile(first.path, 'utf8')).toContain(String(process.pid))
    await first.release()
  })

  it('takes the lock as soon as the first build releases it', async () => {
    await using dir = await tempDir()
    const lockfilePath = join(dir.path, 'assetgen.lock.json')
    const first = await acquireWorkspaceLock({ lockfilePath })
    let sleeps = 0
    const clock = fakeClock(async () => {
      sleeps += 1
      if (sleeps === 3) await first.release()
    })
    const second = await acquireWorkspaceLock({
      lockfilePath,
      pollMs: 500,
      ...clock
    })
    expect(sleeps).toBe(3)
    await second.release()
  })

  it('takes over a lock whose holder is gone or that is older than the stale bound', async () => {
    await using dir = await tempDir()
    const lockfilePath = join(dir.path, 'assetgen.lock.json')
    const gone = spawnSync(process.execPath, ['-e', '']).pid
    await writeFile(lockPath(lockfilePath), holder(gone, Date.now()))
    const taken = await acquireWorkspaceLock({ lockfilePath, waitMs: 0 })
    await taken.release()
    // Alive (this very process) but older than the bound.
    await writeFile(lockPath(lockfilePath), holder(process.pid, 0))
    const old = await acquireWorkspaceLock({
      lockfilePath,
      waitMs: 0,
      staleMs: 60_000
    })
    await old.release()
    // Alive and fresh: not stale.
    await writeFile(lockPath(lockfilePath), holder(process.pid, Date.now()))
    await expect(
      acquireWorkspaceLock({ lockfilePath, waitMs: 0 })
    ).rejects.toThrow(/still building/)
  })

  it('does not remove a lock another build took over', async () => {
    await using dir = await tempDir()
    const lockfilePath = join(dir.path, 'assetgen.lock.json')
    const lock = await acquireWorkspaceLock({ lockfilePath })
    await writeFile(lock.path, holder(process.pid, Date.now()))
    await lock.release()
    expect(await readFile(lock.path, 'utf8')).toContain('"token":"other"')
  })
})
