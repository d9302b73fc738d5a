import type { ProgressEvent } from '../engine.js'
import { formatColorCheck } from '../images/color-check.js'
import { formatCost, formatDuration } from './format.js'
import { logText } from '../safe-text.js'

/** The longest outcome status (`generated`, `cancelled`), so columns line up. */
const STATUS_WIDTH = 'reprocessed'.length

/**
 * `[12/48] hero  generated  3.2s  $0.03` (plus the colour check, or the error): one log line in
 * which the id, warnings and error (spec and gateway text) are inert.
 */
export function formatProgress(event: ProgressEvent): string {
  const { outcome } = event
  const counter = `[${String(event.done).padStart(String(event.total).length)}/${event.total}]`
  const parts = [
    counter,
    logText(outcome.id).padEnd(event.idWidth),
    (outcome.status === 'restored' ? 'from store' : outcome.status).padEnd(
      STATUS_WIDTH
    )
  ]
  if (outcome.status === 'skipped')
    parts.push(outcome.stoppedBy ? '(budget)' : `(${outcome.reason})`)
  const time = formatDuration(outcome.durationMs)
  if (time) parts.push(time)
  const cost = formatCost(outcome.cost)
  if (cost) parts.push(cost)
  if (outcome.attempts > 1) parts.push(`${outcome.attempts} attempts`)
  if (outcome.colorCheck) parts.push(formatColorCheck(outcome.colorCheck))
  for (const warning of outcome.warnings)
    parts.push(`warning: ${logText(warning)}`)
  if (outcome.error)
    parts.push(
      `${outcome.stoppedBy ? 'not started' : 'error'}: ${logText(outcome.error)}`
    )
  return parts.join('  ').trimEnd()
}
