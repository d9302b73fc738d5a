/** `assetgen models`: the model table, generically, so new columns appear without code here. */
import { alignColumns } from '../../report/format.js'
import { KNOWN_MODELS, modelLimits } from '../../spec/models.js'
import type { CliArguments } from '../args.js'
import type { CliStreams } from '../io.js'

/** One model's row: its id and every field of its table entry. */
export function modelRows(): Array<Record<string, unknown>> {
  return KNOWN_MODELS.map((id) => ({ id, ...modelLimits(id) }))
}

function cell(value: unknown): string {
  if (typeof value === 'number') return value.toLocaleString('en-US')
  if (typeof value === 'string') return value
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  if (value === undefined || value === null) return ''
  if (typeof value === 'function') return ''
  return JSON.stringify(value)
}

/** The rows as an aligned text table, one column per field. */
export function modelTable(rows: Array<Record<string, unknown>>): string {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))]
  const lines = [
    columns,
    ...rows.map((row) => columns.map((column) => cell(row[column])))
  ]
  return alignColumns(lines)
}

/** Prints the known models and their limits. */
export function runModels(args: CliArguments, io: CliStreams): number {
  const rows = modelRows()
  if (args.values.json) {
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`)
    return 0
  }
  io.stdout.write(
    `${modelTable(rows)}\n\nOther AI Gateway image model ids work too: assetgen warns and uses conservative limits.\n`
  )
  return 0
}
