import type { AssetRow, MarkdownTableOptions } from './table.js'
import { markdownTable } from './table.js'
import { formatCost } from './format.js'
import { inlineCode } from '../safe-text.js'

/** GitHub refuses step summaries over 1 MiB; stay well under it. */
export const SUMMARY_LIMIT = 1_000_000

/** What the summary says beyond the table. */
export interface SummaryInput {
  title: string
  rows: AssetRow[]
  /** Totals line, e.g. counts and cost. */
  totals: {
    generated: number
    skipped: number
    failed: number
    cost: number
    placeholder: boolean
  }
  /** Lines shown above the table (notices, where the files went, how to recover). */
  notes: string[]
  orphans: Array<{ id: string; out: string }>
  table?: MarkdownTableOptions
}

/** The one-line totals, e.g. `3 generated · 5 skipped · 0 failed · $0.09`. */
export function totalsLine(totals: SummaryInput['totals']): string {
  const parts = [
    `${totals.generated} generated`,
    `${totals.skipped} skipped`,
    `${totals.failed} failed`
  ]
  if (totals.cost) parts.push(formatCost(totals.cost))
  if (totals.placeholder) parts.push('placeholders (no model calls)')
  return parts.join(' · ')
}

/**
 * Renders Markdown for the job summary or the PR comment. Rows are dropped from the end (with a
 * count) when the text would pass `limit` characters.
 */
export function renderReport(
  input: SummaryInput,
  limit = SUMMARY_LIMIT
): string {
  const head = [`### ${input.title}`, '', `**${totalsLine(input.totals)}**`, '']
  for (const note of input.notes) head.push(note, '')
  const tail: string[] = []
  if (input.orphans.length > 0) {
    tail.push(
      '',
      `Orphans (no longer in the spec; lock entries dropped, files left alone): ${input.orphans.map((orphan) => inlineCode(orphan.out)).join(', ')}`
    )
  }
  let rows = input.rows
  for (;;) {
    const omitted = input.rows.length - rows.length
    const table = markdownTable(rows, input.table)
    const more =
      omitted > 0 ? `\n\n…and ${omitted} more assets (see the manifest)` : ''
    const text = `${head.join('\n')}${table}${more}${tail.join('\n')}\n`
    if (text.length <= limit || rows.length === 0) return text
    rows = rows.slice(0, Math.max(0, Math.floor(rows.length * 0.8)))
  }
}
