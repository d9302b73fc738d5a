/** Small formatters shared by the progress lines, tables, summary and comment. */

/** `$0.03`, `$1.2345`; '' for zero. */
export function formatCost(usd: number): string {
  if (!usd) return ''
  const fixed = usd.toFixed(4).replace(/0{1,2}$/, '')
  return `$${fixed}`
}

/** `3.2s`; '' for zero. */
export function formatDuration(ms: number): string {
  if (!ms) return ''
  return ms < 10_000
    ? `${(ms / 1000).toFixed(1)}s`
    : `${Math.round(ms / 1000)}s`
}
