/**
 * One build per workspace spec at a time. Two builds on one checkout would both pay for the same
 * assets and leave files and lockfile disagreeing, so `build()` holds an exclusive lock file beside
 * the lockfile while it plans, generates and writes. The file is created with O_EXCL and names its
 * holder (pid, host, start time); a lock whose holder is gone, or older than the stale bound, is
 * taken over. A second build waits, saying so, up to a bound, then stops with a clear message.
 */
import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import { link, readFile, rm, writeFile } from 'node:fs/promises'
import { setTimeout as sleepFor } from 'node:timers/promises'
import { getErrorMessage, InputError } from '../errors.js'

/** How long a second build waits for the first by default. */
export const DEFAULT_LOCK_WAIT_MS = 10 * 60_000

/** A lock older than this is stale whatever its holder: GitHub's longest job runs 6 hours. */
export const DEFAULT_LOCK_STALE_MS = 6 * 60 * 60_000

/** Options for {@link acquireWorkspaceLock}. */
export interface WorkspaceLockOptions {
  /** The lockfile the lock guards; the lock file is `<lockfile>.build-lock` beside it. */
  lockfilePath: string
  /** Longest wait for another build; default {@link DEFAULT_LOCK_WAIT_MS}. */
  waitMs?: number
  /** Age past which a lock is stale; default {@link DEFAULT_LOCK_STALE_MS}. */
  staleMs?: number
  /** Pause between tries; default 500 ms. */
  pollMs?: number
  /** Told once when this build starts waiting, and why. */
  onWait?: (message: string) => void
  signal?: AbortSignal
  now?: () => number
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
}

/** What the lock file holds. */
interface Holder {
  token: string
  pid: number
  host: string
  startedAt: number
}

/** A held lock. */
export interface WorkspaceLock {
  path: string
  release(): Promise<void>
}

/** The lock file guarding `lockfilePath`. */
export function lockPath(lockfilePath: string): string {
  return `${lockfilePath}.build-lock`
}

/** Takes the workspace lock, waiting for another build up to `waitMs`; throws InputError after. */
export async function acquireWorkspaceLock(
  options: WorkspaceLockOptions
): Promise<WorkspaceLock> {
  const path = lockPath(options.lockfilePath)
  const now = options.now ?? Date.now
  const sleep =
    options.sleep ??
    ((ms: number, signal?: AbortSignal) =>
      sleepFor(ms, undefined, signal ? { signal } : {}))
  const waitMs = options.waitMs ?? DEFAULT_LOCK_WAIT_MS
  const staleMs = options.staleMs ?? DEFAULT_LOCK_STALE_MS
  const mine: Holder = {
    token: randomUUID(),
    pid: process.pid,
    host: hostname(),
    startedAt: now()
  }
  const started = now()
  let told = false
  for (;;) {
    options.signal?.throwIfAborted()
    if (await tryCreate(path, mine)) return held(path, mine.token)
    const text = await readLock(path)
    // Gone between our create and read: just try again.
    if (text === undefined) continue
    const holder = parseHolder(text)
    if (!holder || isStale(holder, now(), staleMs)) {
      // Only remove what we judged: a new holder's fresh lock must survive.
      const again = await readLock(path)
      if (again === text) await rm(path, { force: true })
      continue
    }
    const waited = now() - started
    if (waited >= waitMs) {
      throw new InputError(
        `another assetgen build (pid ${holder.pid} on ${holder.host}, started ${new Date(holder.startedAt).toISOString()}) is still building this workspace after ${Math.round(waited / 1000)} s: run one build at a time, or delete ${path} if no build is running`
      )
    }
    if (!told) {
      told = true
      options.onWait?.(
        `another assetgen build (pid ${holder.pid}) is building this workspace; waiting up to ${Math.round(waitMs / 1000)} s for it to finish (lock: ${path})`
      )
    }
    await sleep(
      Math.min(options.pollMs ?? 500, waitMs - waited),
      options.signal
    )
  }
}

async function tryCreate(path: string, holder: Holder): Promise<boolean> {
  // The holder is written in full to a private file (`wx`: O_CREAT | O_EXCL), then hard-linked to
  // the lock path, which fails if it exists: exactly one process wins, and nobody ever reads a
  // half-written lock.
  const staging = `${path}.${holder.token}`
  try {
    await writeFile(staging, `${JSON.stringify(holder)}\n`, { flag: 'wx' })
    await link(staging, path)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw new InputError(
      `cannot create the build lock ${path}: ${getErrorMessage(error)}`,
      { cause: error }
    )
  } finally {
    await rm(staging, { force: true })
  }
}

/**
 * The lock file's text, or undefined when it is gone. Any other failure (a directory in its place,
 * no read permission) stops the build: retrying could never succeed.
 */
async function readLock(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new InputError(
      `cannot read the build lock ${path}: ${getErrorMessage(error)}`,
      { cause: error }
    )
  }
}

function held(path: string, token: string): WorkspaceLock {
  return {
    path,
    async release() {
      // Remove only our own lock: after a stale takeover the file may be someone else's.
      const text = await readFile(path, 'utf8').catch(() => undefined)
      if (text !== undefined && parseHolder(text)?.token === token)
        await rm(path, { force: true })
    }
  }
}

function parseHolder(text: string): Holder | undefined {
  try {
    const value = JSON.parse(text) as Partial<Holder> | null
    if (
      typeof value?.token === 'string' &&
      Number.isSafeInteger(value.pid) &&
      typeof value.host === 'string' &&
      Number.isFinite(value.startedAt)
    )
      return value as Holder
  } catch {
    // A half-written or foreign file: stale.
  }
  return undefined
}

function isStale(holder: Holder, now: number, staleMs: number): boolean {
  if (now - holder.startedAt > staleMs) return true
  // A pid means something only on its own host (a workspace may sit on a shared disk).
  return holder.host === hostname() && !isAlive(holder.pid)
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
