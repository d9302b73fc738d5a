/**
 * SIGINT and SIGTERM, at any phase of a run. A cancelled job gets SIGINT, then SIGTERM 7.5 s later,
 * then SIGKILL 2.5 s after that: the first signal aborts the run's signal (nothing new starts) and
 * runs the handler of the current phase; later signals are absorbed, so the default action (dying
 * at once) never cuts the rescue short.
 */

/** The watch over the process's signals, for one run. */
export interface Cancellation {
  /** Aborted by the first SIGINT or SIGTERM. */
  readonly signal: AbortSignal
  /** The first signal received, if any. */
  readonly received: NodeJS.Signals | undefined
  /** Milliseconds since the first signal, for deadlines counted from it. */
  elapsedMs(): number
  /**
   * Sets what the current phase does on a signal (replacing the previous phase's); runs it at once
   * when a signal already came.
   */
  onCancel(handler: (() => void) | undefined): void
  /** Removes the process listeners. */
  dispose(): void
}

/** Starts watching SIGINT and SIGTERM; `announce` is told the first one. */
export function watchSignals(
  announce: (name: NodeJS.Signals) => void,
  now: () => number = Date.now
): Cancellation {
  const controller = new AbortController()
  let received: NodeJS.Signals | undefined
  let at = 0
  let handler: (() => void) | undefined
  const listener = (name: NodeJS.Signals): void => {
    if (received) return
    received = name
    at = now()
    announce(name)
    controller.abort(new Error(`cancelled by ${name}`))
    handler?.()
  }
  const onInterrupt = (): void => listener('SIGINT')
  const onTerminate = (): void => listener('SIGTERM')
  process.on('SIGINT', onInterrupt)
  process.on('SIGTERM', onTerminate)
  return {
    signal: controller.signal,
    get received() {
      return received
    },
    elapsedMs: () => (received ? now() - at : 0),
    onCancel(next) {
      handler = next
      if (received) next?.()
    },
    dispose() {
      process.off('SIGINT', onInterrupt)
      process.off('SIGTERM', onTerminate)
    }
  }
}
