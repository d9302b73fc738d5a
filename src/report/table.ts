import type { AssetOutcome } from '../generate/outcome.js'
import { formatColorCheck } from '../images/color-check.js'
import type { Plan } from '../plan/plan.js'
import type { Asset } from '../spec/types.js'
import { escapeCell, formatCost, formatDuration } from './format.js'

/**
 * One row per asset, built once and rendered into the CLI output, the job summary and the PR
 * comment, so the three never disagree.
 */
export interface AssetRow {
  id: string
  /** generated, skipped, failed, would generate, ... */
  status: string
  reason: string
  out: string
  size: string
  color: string
  time: string
  cost: string
  /** The error, or warnings joined. */
  note: string
  ok: boolean
}

const statusIcon: Record<string, string> = {
  generated: '✅',
  reprocessed: '🔁',
  skipped: '⏭️',
  failed: '❌',
  cancelled: '⛔',
  generate: '🆕',
  reprocess: '🔁',
  keep: '⏭️'
}

/** Rows from a build's outcomes. */
export function rowsFromOutcomes(outcomes: AssetOutcome[]): AssetRow[] {
  return outcomes.map((outcome) => ({
    id: outcome.id,
    status:
      outcome.placeholder && outcome.status === 'generated'
        ? 'placeholder'
        : outcome.status,
    reason: outcome.reason,
    out: outcome.out,
    size: outcome.width ? `${outcome.width}×${outcome.height}` : '',
    color: [
      outcome.colorCheck ? formatColorCheck(outcome.colorCheck) : '',
      outcome.snapped
        ? `${Math.floor(outcome.snapped.onPalette * 100)}% on palette`
        : ''
    ]
      .filter(Boolean)
      .join(', '),
    time: formatDuration(outcome.durationMs),
    cost: formatCost(outcome.cost),
    note: outcome.error ?? outcome.warnings.join('; '),
    ok: outcome.status !== 'failed' && outcome.status !== 'cancelled'
  }))
}

/** Rows from a plan alone (dry runs, `assetgen plan`). */
export function rowsFromPlan(plan: Plan): AssetRow[] {
  return plan.items.map((item) => ({
    id: item.asset.id,
    status:
      item.action === 'generate'
        ? 'would generate'
        : item.action === 'reprocess'
          ? 'would reprocess'
          : 'up to date',
    reason: item.reason,
    out: item.asset.out,
    size:
      exactSize(item.asset) ??
      (item.asset.aspectRatio
        ? `${item.asset.aspectRatio} (${item.asset.width}×${item.asset.height})`
        : `${item.asset.width}×${item.asset.height}`),
    color: '',
    time: '',
    cost: '',
    note: item.status === 'edited' ? 'kept: edited by hand' : '',
    ok: true
  }))
}

/** `1216x640 → 1200x630` when the model is asked for another size than the output's. */
function exactSize(asset: Asset): string | undefined {
  const { generation, size } = asset
  if (!size || !generation) return size
  const requested = `${generation.width}x${generation.height}`
  return requested === size ? size : `${requested} → ${size}`
}

function icon(row: AssetRow): string {
  if (row.status === 'would generate') return statusIcon.generate
  if (row.status === 'would reprocess') return statusIcon.reprocess
  if (row.status === 'up to date') return statusIcon.keep
  return statusIcon[row.status] ?? (row.status === 'placeholder' ? '🧪' : '')
}

/** Options for Markdown rendering. */
export interface MarkdownTableOptions {
  /** A link per asset (blob or artifact URL). */
  link?: (row: AssetRow) => string | undefined
  /** Show linked images inline as thumbnails (commit-pinned URLs only). */
  thumbnails?: boolean
}

/** The asset table in GitHub-flavoured Markdown. */
export function markdownTable(
  rows: AssetRow[],
  options: MarkdownTableOptions = {}
): string {
  const header = '| Asset | Status | Reason | Size | Colour | Time | Cost |'
  const lines = [header, '|---|---|---|---|---|---|---|']
  for (const row of rows) {
    const url = options.link?.(row)
    const name = url
      ? options.thumbnails
        ? `[<img src="${url}" width="96" alt="${row.id}"><br>\`${row.id}\`](${url})`
        : `[\`${row.id}\`](${url})`
      : `\`${row.id}\``
    const reason = row.note ? `${row.reason}<br>⚠️ ${row.note}` : row.reason
    lines.push(
      `| ${name} | ${icon(row)} ${row.status} | ${escapeCell(reason)} | ${row.size} | ${escapeCell(row.color)} | ${row.time} | ${row.cost} |`
    )
  }
  return lines.join('\n')
}

/** The asset table as aligned plain text, for the terminal. */
export function textTable(
  rows: AssetRow[],
  columns: Array<keyof AssetRow> = ['id', 'status', 'reason', 'out', 'size']
): string {
  const cells = [
    columns.map(String),
    ...rows.map((row) => columns.map((column) => String(row[column])))
  ]
  const widths = columns.map((_, index) =>
    Math.max(...cells.map((line) => (line[index] ?? '').length))
  )
  return cells
    .map((line) =>
      line
        .map((cell, index) => cell.padEnd(widths[index] ?? 0))
        .join('  ')
        .trimEnd()
    )
    .join('\n')
}
