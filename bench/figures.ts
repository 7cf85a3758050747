// How the bench prints its figures: numbers, megabytes, medians and percentiles, PASS/MISS, and
// the machine's load average. Shared by run.ts and scale-bench.ts.
import { loadavg } from 'node:os'

export const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
/** KiB (as getrusage and /proc give them) to MB. */
export const mb = (kib: number) => (kib * 1024) / 1e6
export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}
export const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? Number.NaN
}
export const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS')
/**
 * The machine's load average (1, 5, 15 minutes), printed with every figure: on a shared machine
 * a figure means little without it.
 */
export const load = () =>
  `[load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}]`
