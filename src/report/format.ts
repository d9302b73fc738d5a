/** Small formatters shared by the progress lines, tables, summary and comment. */

/** `$0.03`, `$1.2345`; '' for zero. */
export function formatCost(usd: number): string {
  if (!usd) return ''
  const fixed = usd.toFixed(4).replace(/0{1,2}$/, '')
  return `$${fixed}`
}

/** An estimate: `$0.03`, `$0` when nothing is paid, `?` when no price is known. */
export function formatEstimate(usd: number | null | undefined): string {
  if (usd === null || usd === undefined) return '?'
  return usd === 0 ? '$0' : formatCost(usd)
}

/** A plan's estimated total, e.g. `$0.18`, or `$0.12 + ? (2 assets without a price)`. */
export function formatEstimateTotal(total: number, unknown: number): string {
  const known = formatEstimate(total)
  if (unknown === 0) return known
  return `${known} + ? (${unknown} asset${unknown === 1 ? '' : 's'} without a price)`
}

/** `3.2s`; '' for zero. */
export function formatDuration(ms: number): string {
  if (!ms) return ''
  return ms < 10_000
    ? `${(ms / 1000).toFixed(1)}s`
    : `${Math.round(ms / 1000)}s`
}

/** Lines of cells as an aligned plain-text table: columns padded, two spaces apart. */
export function alignColumns(lines: string[][]): string {
  const count = Math.max(0, ...lines.map((line) => line.length))
  const widths = Array.from({ length: count }, (_, index) =>
    Math.max(...lines.map((line) => (line[index] ?? '').length))
  )
  return lines
    .map((line) =>
      line
        .map((cell, index) => cell.padEnd(widths[index] ?? 0))
        .join('  ')
        .trimEnd()
    )
    .join('\n')
}
