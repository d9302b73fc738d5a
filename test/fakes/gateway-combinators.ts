/**
 * Behaviours that choose among other behaviours: per-asset or global sequences, by prompt, by
 * seed, or after a delay (./gateway.ts re-exports these).
 */
import { ok } from './gateway-behaviors.js'
import type { Behavior } from './gateway-types.js'

/**
 * Per-asset sequence: the nth request for an asset (see
 * `BehaviorContext.attempt`) gets the nth behaviour; the last one repeats.
 */
export function sequence(...behaviors: Behavior[]): Behavior {
  return (request, context) =>
    pick(behaviors, context.attempt)(request, context)
}

/** Global sequence: the nth call reaching this behaviour gets the nth one. */
export function inOrder(...behaviors: Behavior[]): Behavior {
  let calls = 0
  return (request, context) => pick(behaviors, calls++)(request, context)
}

function pick(behaviors: Behavior[], index: number): Behavior {
  const chosen = behaviors[Math.min(index, behaviors.length - 1)]
  if (!chosen) throw new Error('sequence() needs at least one behaviour')
  return chosen
}

/** First case whose key is a substring of the prompt wins, else `fallback`. */
export function byPrompt(
  cases: Record<string, Behavior>,
  fallback: Behavior = ok()
): Behavior {
  return (request, context) => {
    const prompt = request.body.prompt ?? ''
    const hit = Object.keys(cases).find((part) => prompt.includes(part))
    const chosen = hit === undefined ? fallback : (cases[hit] ?? fallback)
    return chosen(request, context)
  }
}

/** Chooses by the request's `seed`, else `fallback`. */
export function bySeed(
  cases: Record<number, Behavior>,
  fallback: Behavior = ok()
): Behavior {
  return (request, context) => {
    const seed = request.body.seed
    return ((seed !== undefined && cases[seed]) || fallback)(request, context)
  }
}

/** Waits `ms` (cut short if the client leaves), then runs `behavior`. */
export function delayed(ms: number, behavior: Behavior): Behavior {
  return async (request, context) => {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms)
      const stop = () => {
        clearTimeout(timer)
        resolve()
      }
      context.signal.addEventListener('abort', stop, { once: true })
    })
    return behavior(request, context)
  }
}
