import type { AgeBand } from './codes.ts'

/**
 * The age band at intake (docs/domain.md: derive it from age or birth year at the opening date).
 * With only a birth year, the age is the one reached in the opening year (opened year − birth
 * year): ledgers record the year alone and the seed counts bands the same way.
 */
export function ageAt(openedOn: string, age: number | null, birthYear: number | null): number | null {
  if (age != null) return age
  if (birthYear != null) return Number(openedOn.slice(0, 4)) - birthYear
  return null
}

export function ageBandOf(age: number | null): AgeBand {
  if (age == null) return 'unknown'
  return age < 40 ? 'under40' : '40plus'
}
