/**
 * A small seeded generator (mulberry32) so the demo city is the same on every machine: a
 * newcomer and a trainer looking at 「2025-00042」 see the same case.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max]. */
  int(min: number, max: number): number
  pick<T>(list: readonly T[]): T
  /** A value chosen with the given relative weights. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T
  chance(probability: number): boolean
  /** Up to `max` distinct items of a list, in its own order. */
  some<T>(list: readonly T[], max: number): T[]
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    pick: (list) => list[Math.floor(next() * list.length)]!,
    weighted(choices) {
      const total = choices.reduce((sum, [, w]) => sum + w, 0)
      let roll = next() * total
      for (const [value, weight] of choices) {
        roll -= weight
        if (roll < 0) return value
      }
      return choices[choices.length - 1]![0]
    },
    chance: (probability) => next() < probability,
    some(list, max) {
      const count = int(0, max)
      const chosen = new Set<number>()
      while (chosen.size < Math.min(count, list.length)) chosen.add(Math.floor(next() * list.length))
      return [...chosen].sort((a, b) => a - b).map((i) => list[i]!)
    },
  }
}

/** A version-4-shaped UUID from the generator, so ids are reproducible too. */
export function seededUuid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => random.int(0, 15).toString(16))
  hex[12] = '4'
  hex[16] = (8 + random.int(0, 3)).toString(16)
  const s = hex.join('')
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`
}
