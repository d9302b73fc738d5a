import type { ProgressEvent } from '../engine.js'
import { formatColorCheck } from '../images/color-check.js'
import { formatCost, formatDuration } from './format.js'

/** `[12/48] hero  generated  3.2s  $0.03` (plus the colour check, or the error). */
export function formatProgress(event: ProgressEvent, idWidth = 0): string {
  const { outcome } = event
  const counter = `[${String(event.done).padStart(String(event.total).length)}/${event.total}]`
  const parts = [counter, outcome.id.padEnd(idWidth), outcome.status]
  if (outcome.status === 'skipped') parts.push(`(${outcome.reason})`)
  const time = formatDuration(outcome.durationMs)
  if (time) parts.push(time)
  const cost = formatCost(outcome.cost)
  if (cost) parts.push(cost)
  if (outcome.attempts > 1) parts.push(`${outcome.attempts} attempts`)
  if (outcome.colorCheck) parts.push(formatColorCheck(outcome.colorCheck))
  if (outcome.error) parts.push(`: ${outcome.error}`)
  return parts.join('  ')
}
