import { afterEach, describe, expect, it } from 'vitest'
import { watchSignals, type Cancellation } from '../src/cancellation.js'

let watch: Cancellation | undefined
afterEach(() => watch?.dispose())

describe('watchSignals', () => {
  it('aborts on the first signal, runs the phase handler once and absorbs later signals', () => {
    let time = 1000
    const announced: string[] = []
    let handled = 0
    watch = watchSignals(
      (name) => announced.push(name),
      () => time
    )
    watch.onCancel(() => (handled += 1))
    expect(watch.signal.aborted).toBe(false)
    process.emit('SIGINT')
    time += 7500
    // The runner's SIGTERM 7.5 s later must not start the rescue again (nor kill the process).
    process.emit('SIGTERM')
    expect(watch.signal.aborted).toBe(true)
    expect(watch.received).toBe('SIGINT')
    expect(announced).toEqual(['SIGINT'])
    expect(handled).toBe(1)
    expect(watch.elapsedMs()).toBe(7500)
  })

  it('runs a handler set after the signal at once, and a cleared handler not at all', () => {
    watch = watchSignals(() => {})
    let handled = 0
    watch.onCancel(undefined)
    process.emit('SIGTERM')
    watch.onCancel(() => (handled += 1))
    expect(handled).toBe(1)
  })

  it('stops listening when disposed', () => {
    const before = process.listenerCount('SIGTERM')
    const local = watchSignals(() => {})
    expect(process.listenerCount('SIGTERM')).toBe(before + 1)
    local.dispose()
    expect(process.listenerCount('SIGTERM')).toBe(before)
  })
})
