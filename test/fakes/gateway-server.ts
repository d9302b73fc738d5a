/**
 * Runs the fake gateway as its own process (end-to-end tests, benchmark):
 *
 *   node test/fakes/gateway-server.ts [--latency-ms 50] [--rate-limit 5]
 *     [--burst 5] [--key test-key]... [--cost-per-image 0.03]
 *     [--behavior ok|flaky|hang|…] [--on 'prompt substring=preset']...
 *     [--color-map '#FFB000=#FF6000']... [--models bfl/flux-2-pro]...
 *     [--prefix /v4/ai] [--port 0] [--records out.json]
 *
 * Environment fallbacks: FAKE_GATEWAY_KEY, FAKE_GATEWAY_LATENCY_MS,
 * FAKE_GATEWAY_RATE_LIMIT, FAKE_GATEWAY_BEHAVIOR, FAKE_GATEWAY_RECORDS.
 * Prints `{"url","port","pid"}` as the first stdout line; `GET /__records`
 * serves the request log, and SIGTERM/SIGINT writes it to `--records`.
 */
import { writeFileSync } from 'node:fs'
import { registerHooks } from 'node:module'
import { parseArgs } from 'node:util'

// The fakes import each other with NodeNext `.js` specifiers (what tsc and
// vitest expect); Node's type stripping does not rewrite them, so map a
// missing relative `.js` to its `.ts` sibling before loading ./gateway.
registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context)
    } catch (error) {
      if (!/^\.\.?\/.*\.js$/.test(specifier)) throw error
      return nextResolve(`${specifier.slice(0, -3)}.ts`, context)
    }
  }
})
const { presets, byPrompt, startFakeGateway } = await import('./gateway.js')

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    prefix: { type: 'string' },
    key: { type: 'string', multiple: true },
    'latency-ms': { type: 'string' },
    'rate-limit': { type: 'string' },
    burst: { type: 'string' },
    'cost-per-image': { type: 'string' },
    behavior: { type: 'string' },
    on: { type: 'string', multiple: true },
    'color-map': { type: 'string', multiple: true },
    models: { type: 'string', multiple: true },
    records: { type: 'string' }
  }
})
const env = process.env
const number = (text: string | undefined) =>
  text === undefined || text === '' ? undefined : Number(text)
const pair = (text: string) => {
  const at = text.lastIndexOf('=')
  if (at < 1) throw new Error(`expected key=value, got ${text}`)
  return [text.slice(0, at), text.slice(at + 1)] as const
}
const colorMap = Object.fromEntries((values['color-map'] ?? []).map(pair))
const okOptions = { colorMap }
const preset = (name: string) => {
  const make = presets[name]
  if (!make) {
    const known = Object.keys(presets).join(', ')
    throw new Error(`unknown preset ${name}; known: ${known}`)
  }
  return make(okOptions)
}
const cases = Object.fromEntries(
  (values.on ?? []).map(pair).map(([part, name]) => [part, preset(name)])
)
const perSecond = number(values['rate-limit'] ?? env.FAKE_GATEWAY_RATE_LIMIT)
const burst = number(values.burst)
const keys = values.key ?? [env.FAKE_GATEWAY_KEY ?? 'test-key']
const recordsFile = values.records ?? env.FAKE_GATEWAY_RECORDS

const gateway = await startFakeGateway({
  apiKeys: keys,
  port: number(values.port) ?? 0,
  ...(values.prefix !== undefined && { prefix: values.prefix }),
  latencyMs: number(values['latency-ms'] ?? env.FAKE_GATEWAY_LATENCY_MS) ?? 0,
  costPerImage: number(values['cost-per-image']) ?? 0.03,
  behavior: byPrompt(
    cases,
    preset(values.behavior ?? env.FAKE_GATEWAY_BEHAVIOR ?? 'ok')
  ),
  ...(perSecond !== undefined && {
    rateLimit: { perSecond, ...(burst !== undefined && { burst }) }
  }),
  ...(values.models && { models: values.models })
})
const { url, port } = gateway
process.stdout.write(`${JSON.stringify({ url, port, pid: process.pid })}\n`)

let stopping = false
const stop = async () => {
  if (stopping) return
  stopping = true
  if (recordsFile) {
    writeFileSync(recordsFile, JSON.stringify(gateway.snapshot()))
  }
  await gateway.close()
  process.exit(0)
}
process.on('SIGTERM', () => void stop())
process.on('SIGINT', () => void stop())
