/**
 * Reads what the gateway says a result cost, from each call's `providerMetadata.gateway` (the
 * top-level `providerMetadata` of ai@7 is deprecated), and each call's SDK warnings. The numbers
 * are outside text: a cost that is not a believable amount is recorded as unknown, with a warning,
 * never as it came.
 */
import { redact } from '../safe-text.js'
import type { CallWarning, SdkWarning } from './verify.js'

/** The most one call may believably cost; more is a broken report, not a price. */
export const MAX_REPORTED_COST_USD = 100

/** What one result's calls reported. */
export interface ReportedCalls {
  /** USD summed over the calls; undefined when any call reported an unbelievable cost. */
  cost: number | undefined
  /** The gateway's generation id of each call that gave one. */
  generationIds: string[]
  /** Each call's SDK warnings as they came (verify.ts words them), then any unbelievable cost. */
  warnings: CallWarning[]
}

interface GatewayMetadata {
  cost?: unknown
  generationId?: unknown
}

/** Sums the gateway's cost over a result's calls and collects their generation ids and warnings. */
export function readCalls(
  calls: ReadonlyArray<{
    providerMetadata?: unknown
    warnings?: readonly SdkWarning[]
  }>
): ReportedCalls {
  let cost: number | undefined = 0
  const generationIds: string[] = []
  const warnings: CallWarning[] = []
  for (const call of calls) {
    warnings.push(...(call.warnings ?? []))
    const gateway = (
      call.providerMetadata as { gateway?: GatewayMetadata } | undefined
    )?.gateway
    const id = gateway?.generationId
    if (typeof id === 'string' && /^[\w-]{1,100}$/.test(id))
      generationIds.push(id)
    if (gateway?.cost === undefined || gateway.cost === null) continue
    const amount = parseCost(gateway.cost)
    if (amount === undefined) {
      cost = undefined
      warnings.push({
        type: 'cost',
        message: `the gateway reported a cost of ${shown(gateway.cost)}, not an amount from $0 to $${MAX_REPORTED_COST_USD}: recorded as unknown`
      })
    } else if (cost !== undefined) cost += amount
  }
  return {
    cost: cost === undefined ? undefined : Math.round(cost * 1e6) / 1e6,
    generationIds,
    warnings
  }
}

/** A decimal string or number from 0 to the bound, else undefined. */
export function parseCost(raw: unknown): number | undefined {
  const text = typeof raw === 'number' ? String(raw) : raw
  if (typeof text !== 'string' || !/^\s*[-+]?[\d.eE+-]+\s*$/.test(text))
    return undefined
  const amount = Number(text)
  return Number.isFinite(amount) &&
    amount >= 0 &&
    amount <= MAX_REPORTED_COST_USD
    ? amount
    : undefined
}

/** The reported value as inert text: only characters a number could hold, at most 40. */
function shown(raw: unknown): string {
  const text = redact(String(JSON.stringify(raw)))
  return text.replace(/[^\w.+\-"]/g, '').slice(0, 40) || 'an unreadable value'
}
