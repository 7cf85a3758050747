import { formatWareki, formatWarekiMonthShort } from '#shared/dates.ts'

const countFormat = new Intl.NumberFormat('ja-JP')

/** 1482 → 1,482 (as in the printed report). */
export function formatCount(n: number): string {
  return countFormat.format(n)
}

/** 56.3 → 56.3% (always one decimal, 0 → 0.0%). */
export function formatPercent(p: number): string {
  return `${p.toFixed(1)}%`
}

/** 2020-09 → 令和2年9月 */
export function monthLabel(month: string): string {
  return formatWareki(`${month}-01`).replace(/1日$/u, '')
}

/**
 * A chart axis's month: R2.9 on the first month and on each January, the month alone between
 * (10, 11, 12, R3.1, 2 …), so twelve labels fit beside the data table (which says 令和2年9月).
 */
export function shortMonthLabel(month: string, index: number): string {
  const m = Number(month.slice(5, 7))
  return index === 0 || m === 1 ? formatWarekiMonthShort(month) : String(m)
}
