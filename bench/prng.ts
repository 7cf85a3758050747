// The benchmark's seedable pseudo-random numbers: the same seed gives the same ledger.

/** mulberry32: a small, fast, seedable PRNG (uniform in [0, 1)). */
export function prng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1))
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!
  /** Picks by weight, from 'value:weight value:weight …' (an empty value is a blank cell). */
  const weighted = (spec: string): string => {
    const table = spec.split(' ').map((part) => {
      const at = part.lastIndexOf(':')
      return [part.slice(0, at), Number(part.slice(at + 1))] as const
    })
    let r = next() * table.reduce((s, [, w]) => s + w, 0)
    for (const [v, w] of table) {
      r -= w
      if (r < 0) return v
    }
    return table.at(-1)![0]
  }
  return { next, int, pick, weighted, chance: (p: number) => next() < p }
}
export type Rng = ReturnType<typeof prng>
