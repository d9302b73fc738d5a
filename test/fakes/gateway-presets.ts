/** Named behaviours for the standalone server (./gateway-server.ts, re-exported by ./gateway.ts). */
import {
  emptyImages,
  error,
  hang,
  html,
  ignoresSize,
  malformed,
  modelNotFound,
  ok,
  rateLimited,
  resetMidBody,
  withWarnings,
  type OkOptions
} from './gateway-behaviors.js'
import { sequence } from './gateway-combinators.js'
import { ONE_PIXEL_GIF } from './gateway-images.js'
import type { Behavior } from './gateway-types.js'

/** Behaviours by name for the standalone server's `--behavior` / `--on`. */
export const presets: Record<string, (okOptions?: OkOptions) => Behavior> = {
  ok: (o) => ok(o),
  flaky: (o) => sequence(rateLimited(0), ok(o)),
  'rate-limited': () => rateLimited(0),
  'invalid-request': () =>
    error(400, 'invalid_request_error', 'Invalid request: size'),
  unauthorized: () => error(401, 'authentication_error', 'Invalid API key'),
  forbidden: () => error(403, 'forbidden', 'Forbidden'),
  'model-not-found': () => modelNotFound(),
  'server-error': () =>
    error(500, 'internal_server_error', 'Internal server error'),
  html: () => html(502),
  hang: () => hang(),
  reset: (o) => resetMidBody(o),
  malformed: () => malformed(),
  empty: () => emptyImages(false),
  gif: () => ok({ image: ONE_PIXEL_GIF }),
  'ignores-size': (o) => ignoresSize(o),
  warnings: (o) => withWarnings(undefined, o)
}
