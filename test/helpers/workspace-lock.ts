import { hostname } from 'node:os'

/**
 * A clock that only moves when the lock sleeps, so waits take no real time. `sleeps` records
 * each pause asked for; `onSleep` runs during each one (say, to release the other build's lock).
 */
export function fakeClock(onSleep?: (ms: number) => Promise<void> | void) {
  let time = 1_000_000
  const sleeps: number[] = []
  return {
    sleeps,
    now: () => time,
    sleep: async (ms: number) => {
      sleeps.push(ms)
      time += ms
      await onSleep?.(ms)
    }
  }
}

/** The text of a lock file held by another build (token `other`), on this host unless told. */
export function holderText(
  pid: number | string,
  startedAt: number,
  host: string = hostname()
): string {
  return `${JSON.stringify({ token: 'other', pid, host, startedAt })}\n`
}
