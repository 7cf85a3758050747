import type { Actor } from '#server/platform/actor.ts'
import { forbidden } from '#server/platform/errors.ts'
import type { Role } from '#shared/codes.ts'

/** The city's own staff see which seminars there are (no personal data in the list). */
const READERS: readonly Role[] = [
  'window_counsellor',
  'ward_coordinator',
  'ward_staff',
  'accompaniment_worker',
  'headquarters',
]

const WARD_ORGANISERS: readonly Role[] = ['ward_coordinator', 'ward_staff']

export function requireSeminarReader(actor: Actor): void {
  if (!READERS.includes(actor.role)) throw forbidden()
}

/**
 * The ward a new seminar belongs to: null for headquarters (city-wide), the actor's ward for a
 * ward centre's staff; nobody else organises seminars.
 */
export function organiserWardOf(actor: Actor): string | null {
  requireSeminarReader(actor)
  if (actor.role === 'headquarters') return null
  if (WARD_ORGANISERS.includes(actor.role) && actor.wardCode) return actor.wardCode
  throw forbidden('研修会・家族教室の登録は本市担当課か区の担当職員が行います')
}

/** For the session's `can`: who may schedule seminars (and pick a follow-up survey). */
export function requireSeminarOrganiser(actor: Actor): void {
  organiserWardOf(actor)
}

/**
 * The ward whose seminars (beside the city-wide ones) the actor sees, or null for all of them: a
 * ward centre's staff see their own ward's and headquarters' seminars, not another ward's;
 * headquarters and the city's window see every one.
 */
export function seminarWardScope(actor: Actor): string | null {
  if (actor.role === 'headquarters' || !actor.wardCode) return null
  return actor.wardCode
}

export function seesSeminar(actor: Actor, seminar: { ward: string | null }): boolean {
  const ward = seminarWardScope(actor)
  return ward === null || seminar.ward === null || seminar.ward === ward
}

/**
 * Registrations are families' personal data: only the organiser sees them — headquarters for
 * its city-wide seminars, the ward centre for its own.
 */
export function managesSeminar(actor: Actor, seminar: { ward: string | null }): boolean {
  if (seminar.ward === null) return actor.role === 'headquarters'
  return WARD_ORGANISERS.includes(actor.role) && actor.wardCode === seminar.ward
}
