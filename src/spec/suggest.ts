/**
 * "Did you mean" hints for unknown keys and palette names: a typo should cost
 * the user one glance at the message, not a trip to the docs.
 */

/**
 * Levenshtein edit distance between two strings (insertions, deletions,
 * substitutions).
 */
export function editDistance(a: string, b: string): number {
  // One rolling row is enough: the distance only ever looks one row back.
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + cost
      )
    }
    previous = current
  }
  return previous[b.length]
}

/**
 * Returns the candidate closest to `input`: a case-insensitive match first
 * (`outdir` → `outDir`, ignoring `_` and `-` so `aspect_ratio` finds
 * `aspectRatio`), else the nearest within edit distance 2. Undefined when
 * nothing is close enough to be a likely typo.
 */
export function closestMatch(
  input: string,
  candidates: readonly string[]
): string | undefined {
  const fold = (text: string): string => text.toLowerCase().replace(/[-_]/g, '')
  const folded = candidates.find((candidate) => fold(candidate) === fold(input))
  if (folded !== undefined) return folded
  let best: string | undefined
  let bestDistance = 3
  for (const candidate of candidates) {
    const distance = editDistance(input, candidate)
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}

/**
 * Returns ` (did you mean \`x\`?)` for the closest candidate, or '' when none
 * is close.
 */
export function didYouMean(
  input: string,
  candidates: readonly string[]
): string {
  const match = closestMatch(input, candidates)
  return match === undefined ? '' : ` (did you mean \`${match}\`?)`
}
