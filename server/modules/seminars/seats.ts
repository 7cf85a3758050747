// Who gets a seat. Capacity counts people: a registration for 2 takes 2 seats. The waitlist is
// first come, first served: while anyone waits, a newcomer waits too (even if a small party would
// fit), and moving up stops at the first waiting party that does not fit, so nobody is overtaken.

export interface Party {
  id: string
  attendees: number
  status: string
}

export function seatsTaken(parties: readonly Party[]): number {
  return parties.filter((p) => p.status === 'confirmed').reduce((n, p) => n + p.attendees, 0)
}

/** The status of a newcomer, given the registrations so far (in order of arrival). */
export function placeNewcomer(parties: readonly Party[], attendees: number, capacity: number) {
  const someoneWaits = parties.some((p) => p.status === 'waitlisted')
  if (!someoneWaits && seatsTaken(parties) + attendees <= capacity) return 'confirmed' as const
  return 'waitlisted' as const
}

/** The waiting parties, in order of arrival, that move up into the seats now free. */
export function partiesMovingUp(parties: readonly Party[], capacity: number): Party[] {
  let free = capacity - seatsTaken(parties)
  const moving: Party[] = []
  for (const p of parties) {
    if (p.status !== 'waitlisted') continue
    if (p.attendees > free) break
    moving.push(p)
    free -= p.attendees
  }
  return moving
}

/** 1-based place in the waitlist, or null for a party not waiting. */
export function waitlistPositions(parties: readonly Party[]): Map<string, number> {
  const out = new Map<string, number>()
  for (const p of parties) if (p.status === 'waitlisted') out.set(p.id, out.size + 1)
  return out
}
