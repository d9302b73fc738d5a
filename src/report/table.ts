import type { AssetOutcome } from '../generate/outcome.js'
import { formatColorCheck } from '../images/color-check.js'
import type { PlanEstimate } from '../plan/estimate.js'
import type { Plan } from '../plan/plan.js'
import type { Asset } from '../spec/types.js'
import { formatCost, formatDuration, formatEstimate } from './format.js'
import { inlineCode, logText, markdownText, markdownUrl } from '../safe-text.js'
import { PLAN_STATUS, planStatusIcon } from './status.js'

/**
 * One row per asset, built once and rendered into the CLI output, the job summary and the PR
 * comment, so the three never disagree.
 */
export interface AssetRow {
  id: string
  /** generated, skipped, failed; for plans the status label: new, changed, edited (kept), ... */
  status: string
  reason: string
  out: string
  size: string
  color: string
  time: string
  /** Estimated USD before the run (`?` when no price is known). */
  estimate: string
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
  'skipped (budget)': '💸'
}

/** Rows from a build's outcomes. */
export function rowsFromOutcomes(outcomes: AssetOutcome[]): AssetRow[] {
  return outcomes.map((outcome) => ({
    id: outcome.id,
    status: outcome.stoppedBy
      ? 'skipped (budget)'
      : outcome.placeholder && outcome.status === 'generated'
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
    estimate:
      outcome.estimate === undefined ? '' : formatEstimate(outcome.estimate),
    cost: outcome.costUnknown
      ? [formatCost(outcome.cost), '?'].filter(Boolean).join(' + ')
      : formatCost(outcome.cost),
    note: outcome.error ?? outcome.warnings.join('; '),
    ok: outcome.status !== 'failed' && outcome.status !== 'cancelled'
  }))
}

/** Rows from a plan alone (dry runs, `assetgen plan`), with its estimate when given. */
export function rowsFromPlan(plan: Plan, estimate?: PlanEstimate): AssetRow[] {
  return plan.items.map((item) => ({
    id: item.asset.id,
    status: PLAN_STATUS[item.status].label,
    reason: item.reason,
    out: item.asset.out,
    size:
      exactSize(item.asset) ??
      (item.asset.aspectRatio
        ? `${item.asset.aspectRatio} (${item.asset.width}×${item.asset.height})`
        : `${item.asset.width}×${item.asset.height}`),
    color: '',
    time: '',
    estimate: estimate
      ? formatEstimate(estimate.assets.get(item.asset.id)?.usd)
      : '',
    cost: '',
    note: '',
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
  return statusIcon[row.status] ?? planStatusIcon(row.status) ?? ''
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
  const header =
    '| Asset | Status | Reason | Size | Colour | Time | Estimate | Cost |'
  const lines = [header, '|---|---|---|---|---|---|---|---|']
  for (const row of rows) {
    // Every cell holds outside text (spec strings, gateway errors, GitHub's URLs): escaped here.
    const url = markdownUrl(options.link?.(row))
    const id = inlineCode(row.id)
    // Spec ids match [a-z0-9._-]; the filter keeps the HTML attribute safe whatever comes in.
    const alt = row.id.replace(/[^a-z0-9._-]/gi, '')
    const name = url
      ? options.thumbnails
        ? `[<img src="${url}" width="96" alt="${alt}"><br>${id}](${url})`
        : `[${id}](${url})`
      : id
    const reason = row.note
      ? `${markdownText(row.reason)}<br>⚠️ ${markdownText(row.note)}`
      : markdownText(row.reason)
    lines.push(
      `| ${name} | ${icon(row)} ${row.status} | ${reason} | ${markdownText(row.size)} | ${markdownText(row.color)} | ${row.time} | ${row.estimate} | ${row.cost} |`
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
    // A terminal, or a CI log that obeys workflow commands: each cell is one inert line.
    ...rows.map((row) => columns.map((column) => logText(String(row[column]))))
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
