// Percentages to one decimal, computed on integers so that no binary fraction ever decides a
// rounding: 9 ÷ 16 is 562.5 tenths, which half up is 56.3 (floating point may say 56.2).
// docs/report-rules.md: multiple-choice answers round half up each; single-choice answers from everyone
// and shares of a whole (first consulters, routes) use the largest remainder so they add to 100.0.

/** count ÷ total × 100, rounded half up to one decimal; 0 when total is 0. */
export function percentHalfUp(count: number, total: number): number {
  if (total <= 0) return 0
  const tenths = Math.floor((2 * count * 1000 + total) / (2 * total))
  return tenths / 10
}

/**
 * Each count ÷ total × 100 to one decimal, adding up to exactly 100.0 when the counts add up
 * to the total: every share is rounded down to tenths, then the tenths still missing go one by
 * one to the largest remainders (ties to the earlier option). 0 everywhere when total is 0.
 */
export function percentsLargestRemainder(counts: readonly number[], total: number): number[] {
  if (total <= 0) return counts.map(() => 0)
  const tenths = counts.map((c) => Math.floor((c * 1000) / total))
  // Remainders share the denominator `total`, so the integers compare exactly.
  const remainders = counts.map((c) => (c * 1000) % total)
  let missing = 1000 - tenths.reduce((a, b) => a + b, 0)
  const order = counts
    .map((_, i) => i)
    .sort((a, b) => remainders[b]! - remainders[a]! || a - b)
    .filter((i) => remainders[i]! > 0)
  for (const i of order) {
    if (missing <= 0) break
    tenths[i]! += 1
    missing -= 1
  }
  return tenths.map((t) => t / 10)
}

/**
 * count per 100,000 people, rounded half up to one decimal, in integers like the percentages
 * (3 ÷ 117,000 × 100,000 = 2.564… → 2.6); null when the population is not known.
 */
export function per100kHalfUp(count: number, population: number | null): number | null {
  if (population === null || population <= 0) return null
  const tenths = Math.floor((2 * count * 1_000_000 + population) / (2 * population))
  return tenths / 10
}
