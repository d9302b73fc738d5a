import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  acquireWorkspaceLock,
  DEFAULT_LOCK_STALE_MS,
  lockPath
} from '../../src/plan/workspace-lock.js'
import { tempDir } from '../helpers/temp-dir.js'
import { holderText } from '../helpers/workspace-lock.js'

const T = 1_700_000_000_000

/** Whether a build taking the lock at time T (without waiting) takes over `text`. */
async function takesOver(
  text: string,
  options: { staleMs?: number } = {}
): Promise<boolean> {
  await using dir = await tempDir()
  const lockfilePath = join(dir.path, 'assetgen.lock.json')
  await writeFile(lockPath(lockfilePath), text)
  try {
    const lock = await acquireWorkspaceLock({
      lockfilePath,
      waitMs: 0,
      now: () => T,
      ...options
    })
    const mine = JSON.parse(await readFile(lock.path, 'utf8')) as object
    expect(mine).toMatchObject({ pid: process.pid, startedAt: T })
    await lock.release()
    return true
  } catch (error) {
    expect((error as Error).message).toMatch(/still building this workspace/)
    // Waiting never touches the other build's lock.
    expect(await readFile(lockPath(lockfilePath), 'utf8')).toBe(text)
    return false
  }
}

describe('acquireWorkspaceLock takeover', () => {
  it('takes over a live holder only past six hours by default', async () => {
    const bound = T - DEFAULT_LOCK_STALE_MS
    expect(await takesOver(holderText(process.pid, bound))).toBe(false)
    expect(await takesOver(holderText(process.pid, bound - 1))).toBe(true)
  })

  it('takes over a live holder only past the stale bound it is given', async () => {
    const staleMs = 60_000
    expect(
      await takesOver(holderText(process.pid, T - staleMs), { staleMs })
    ).toBe(false)
    expect(
      await takesOver(holderText(process.pid, T - staleMs - 1), { staleMs })
    ).toBe(true)
  })

  it('trusts a holder on another host whatever its pid says here', async () => {
    const gone = spawnSync(process.execPath, ['-e', '']).pid
    expect(await takesOver(holderText(gone, T, 'build-box-2'))).toBe(false)
    expect(await takesOver(holderText(gone, T))).toBe(true)
  })

  it('counts a running process as alive even when it is not ours to signal', async () => {
    // pid 1 always runs; a non-root test run gets EPERM for it, which still means alive.
    expect(await takesOver(holderText(1, T))).toBe(false)
  })

  it('takes over a lock file that does not name its holder in full', async () => {
    // Each names this live process on this host, just now, but for one broken field.
    const live = { token: 'other', pid: process.pid, host: hostname() }
    const broken = [
      'not json',
      'null',
      '"a string"',
      { ...live, token: undefined, startedAt: T },
      { ...live, token: 7, startedAt: T },
      { ...live, pid: String(process.pid), startedAt: T },
      { ...live, host: undefined, startedAt: T },
      { ...live, startedAt: String(T) },
      { ...live, startedAt: undefined }
    ]
    for (const value of broken) {
      const text = typeof value === 'string' ? value : JSON.stringify(value)
      expect(await takesOver(text), text).toBe(true)
    }
    // The same file in full is a live holder.
    expect(await takesOver(JSON.stringify({ ...live, startedAt: T }))).toBe(
      false
    )
  })
})

describe('acquireWorkspaceLock racing another build', () => {
  /**
   * Runs `act` as this build judges a stale lock (dead holder) stale: the lock's clock is read
   * twice to stamp this build's start, and a third time for the stale check.
   */
  async function raceTheJudgement(act: (path: string) => void) {
    await using dir = await tempDir()
    const lockfilePath = join(dir.path, 'assetgen.lock.json')
    const path = lockPath(lockfilePath)
    const gone = spawnSync(process.execPath, ['-e', '']).pid
    writeFileSync(path, holderText(gone, T))
    let calls = 0
    const now = () => {
      calls += 1
      if (calls === 3) act(path)
      return T
    }
    const result = await acquireWorkspaceLock({ lockfilePath, waitMs: 0, now })
      .then(async (lock) => {
        await lock.release()
        return 'taken'
      })
      .catch((error: unknown) => (error as Error).message)
    return {
      result,
      left: existsSync(path) ? readFileSync(path, 'utf8') : undefined
    }
  }

  it('leaves a fresh lock that replaced the stale one while it judged', async () => {
    const fresh = holderText(process.pid, T)
    const { result, left } = await raceTheJudgement((path) =>
      writeFileSync(path, fresh)
    )
    expect(result).toMatch(/still building this workspace/)
    expect(left).toBe(fresh)
  })

  it('takes the lock when the stale one vanishes while it judged', async () => {
    const { result, left } = await raceTheJudgement((path) => rmSync(path))
    expect(result).toBe('taken')
    expect(left).toBeUndefined()
  })
})
