// The value axis of the report's bar charts: where it ends and which values get a grid line.

/** The top of the value axis: a tenth above the tallest bar, room for its value label; 1 when all are 0. */
export function axisMax(values: number[]): number {
  const max = Math.max(0, ...values)
  return max > 0 ? Math.ceil(max * 1.1) : 1
}

/**
 * Grid lines from 0 to `max` at a round step (1, 2 or 5 times a power of ten, never below 1: the
 * charts count people and contacts), about five of them, so the axis reads at a glance.
 */
export function axisTicks(max: number, about = 5): number[] {
  const rough = Math.max(1, max / about)
  const power = 10 ** Math.floor(Math.log10(rough))
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power
  const ticks: number[] = []
  for (let v = 0; v <= max; v += step) ticks.push(v)
  return ticks
}

/**
 * Category labels are slanted when the widest does not fit its bar's slot with a little room:
 * 12 months fit beside the table on a wide screen, not on a phone, where 「R7.9」 and 「10」 ran into
 * each other.
 */
export function slantLabels(labelWidths: number[], slot: number): boolean {
  return Math.max(0, ...labelWidths) + 4 > slot
}
