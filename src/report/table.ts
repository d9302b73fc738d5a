import type { AssetOutcome } from '../generate/outcome.js'
import { formatColorCheck } from '../images/color-check.js'
import type { PlanEstimate } from '../plan/estimate.js'
import type { Plan } from '../plan/plan.js'
import type { Asset } from '../spec/types.js'
import {
  alignColumns,
  formatCost,
  formatDuration,
  formatEstimate
} from './format.js'
import { inlineCode, logText, markdownText, markdownUrl } from '../safe-text.js'
import { PLAN_STATUS, planStatusIcon } from './status.js'

/**
 * One row per asset, built once and rendered into the CLI output, the job summary and the PR
 * comment, so the three never disagree.
 */
export interface AssetRow {
  id: string
  /** generated, skipped, failed, from store; for plans the status label: new, changed, edited (kept), ... */
  status: string
  reason: string
  out: string
  size: string
  color: string
  time: string
  /** Estimated USD before the run (`?` when no price is known). */
  estimate: string
  cost: string
  /** The seed the image was (or will be) made with; '' when unknown. */
  seed: string
  /** The error, or warnings joined. */
  note: string
  ok: boolean
}

/** Shown for an asset the image store already held: restored byte for byte, not paid for. */
export const FROM_STORE = 'from store'

const statusIcon: Record<string, string> = {
  generated: '✅',
  reprocessed: '🔁',
  'from store': '📦',
  skipped: '⏭️',
  failed: '❌',
  cancelled: '⛔',
  'skipped (budget)': '💸'
}

/** The label of an outcome (`restored` reads as `from store` everywhere). */
function outcomeLabel(outcome: AssetOutcome): string {
  if (outcome.stoppedBy) return 'skipped (budget)'
  if (outcome.status === 'restored') return FROM_STORE
  return outcome.placeholder && outcome.status === 'generated'
    ? 'placeholder'
    : outcome.status
}

/** Rows from a build's outcomes. */
export function rowsFromOutcomes(outcomes: AssetOutcome[]): AssetRow[] {
  return outcomes.map((outcome) => ({
    id: outcome.id,
    status: outcomeLabel(outcome),
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
    seed: outcome.seed === undefined ? '' : String(outcome.seed),
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
    seed: String(item.seed),
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

/** Commit-pinned image URLs of one asset for the review columns. */
export interface RowImages {
  before?: string
  after?: string
}

/** Options for Markdown rendering. */
export interface MarkdownTableOptions {
  /** A link per asset (blob or artifact URL). */
  link?: (row: AssetRow) => string | undefined
  /** Show linked images inline as thumbnails (commit-pinned URLs only). */
  thumbnails?: boolean
  /** Before/after images per asset: adds the two columns when any row has one. */
  images?: (row: AssetRow) => RowImages | undefined
  /** Rows shown before the rest fold into `<details>`; default {@link FOLD_AFTER}. */
  foldAfter?: number
}

/** Past this many rows the table folds the rest into `<details>`, keeping a PR readable. */
export const FOLD_AFTER = 10

/** Width of an inline image in the table (GitHub scales the preview down to it). */
const IMAGE_WIDTH = 240
const THUMBNAIL_WIDTH = 96

/** Rows that need a look (failed, then changed) first, each group in spec order. */
function attentionOrder(rows: AssetRow[]): AssetRow[] {
  const rank = (row: AssetRow): number =>
    !row.ok
      ? 0
      : ['skipped', 'up to date', 'not selected'].includes(row.status)
        ? 2
        : 1
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => rank(a.row) - rank(b.row) || a.index - b.index)
    .map(({ row }) => row)
}

/** An inline image linking to itself; only an http(s) URL, made safe as a link and an attribute. */
function image(url: string | undefined, alt: string, width: number): string {
  const safe = markdownUrl(url)
  return safe
    ? `[<img src="${safe}" width="${width}" alt="${alt}">](${safe})`
    : ''
}

/**
 * The asset table in GitHub-flavoured Markdown. Every text from outside (ids, reasons, notes,
 * sizes) goes through `safe-text`, so a spec or an error message can't inject HTML, mentions or
 * links. Past `foldAfter` rows the rest goes into a `<details>` block.
 */
export function markdownTable(
  rows: AssetRow[],
  options: MarkdownTableOptions = {}
): string {
  const withImages = options.images
    ? rows.some((row) => {
        const pair = options.images?.(row)
        return Boolean(pair?.before || pair?.after)
      })
    : false
  const columns = withImages
    ? ['Asset', 'Before', 'After', 'Status', 'Reason', 'ΔE', 'Seed']
    : ['Asset', 'Status', 'Reason', 'Size', 'ΔE', 'Seed', 'Time']
  columns.push('Estimate', 'Cost')
  const header = [
    `| ${columns.join(' | ')} |`,
    `|${columns.map(() => '---').join('|')}|`
  ]
  const line = (row: AssetRow): string => {
    // Every cell holds outside text (spec strings, gateway errors, GitHub's URLs): escaped here.
    const url = markdownUrl(options.link?.(row))
    const id = inlineCode(row.id)
    const name = url
      ? options.thumbnails
        ? `${image(url, 'asset', THUMBNAIL_WIDTH)}<br>[${id}](${url})`
        : `[${id}](${url})`
      : id
    const reason = row.note
      ? `${markdownText(row.reason)}<br>⚠️ ${markdownText(row.note)}`
      : markdownText(row.reason)
    const status = `${icon(row)} ${row.status}`
    const color = markdownText(row.color)
    const cells = withImages
      ? [
          name,
          image(options.images?.(row)?.before, 'before', IMAGE_WIDTH) || '—',
          image(options.images?.(row)?.after, 'after', IMAGE_WIDTH) || '—',
          status,
          reason,
          color,
          row.seed,
          row.estimate,
          row.cost
        ]
      : [
          name,
          status,
          reason,
          markdownText(row.size),
          color,
          row.seed,
          row.time,
          row.estimate,
          row.cost
        ]
    return `| ${cells.join(' | ')} |`
  }
  const ordered = attentionOrder(rows)
  const foldAfter = options.foldAfter ?? FOLD_AFTER
  const shown = ordered.slice(0, foldAfter).map(line)
  const folded = ordered.slice(foldAfter).map(line)
  const table = [...header, ...shown].join('\n')
  if (folded.length === 0) return table
  return `${table}\n\n<details><summary>${folded.length} more assets</summary>\n\n${[...header, ...folded].join('\n')}\n\n</details>`
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
  return alignColumns(cells)
}
