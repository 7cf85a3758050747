import type { Actor } from '#server/platform/actor.ts'
import { forbidden } from '#server/platform/errors.ts'
import type { Role } from '#shared/codes.ts'

/**
 * City-wide meetings are for the city's own staff of every ward: the window, the ward centres,
 * the accompaniment workers and headquarters. Outside agencies' members and the system's
 * administrators are not part of them.
 */
const READERS: readonly Role[] = [
  'window_counsellor',
  'ward_coordinator',
  'ward_staff',
  'accompaniment_worker',
  'headquarters',
]

/** Those who work on cases share them (each case still only if they may read it). */
const SHARERS: readonly Role[] = [
  'window_counsellor',
  'ward_coordinator',
  'ward_staff',
  'accompaniment_worker',
]

export function requireNetworkReader(actor: Actor): void {
  if (!READERS.includes(actor.role)) throw forbidden()
}

export function schedulesMeetings(actor: Actor): boolean {
  return actor.role === 'headquarters'
}

export function requireScheduler(actor: Actor): void {
  requireNetworkReader(actor)
  if (!schedulesMeetings(actor)) throw forbidden('全市の会議の登録・変更は本市担当課が行います')
}

export function sharesCases(actor: Actor): boolean {
  return SHARERS.includes(actor.role)
}

export function requireSharer(actor: Actor): void {
  requireNetworkReader(actor)
  if (!sharesCases(actor)) throw forbidden('ケースの共有は、そのケースを担当する職員が行います')
}

/** A shared case may be withdrawn by whoever shared it, or by headquarters. */
export function mayWithdrawShare(actor: Actor, share: { sharedBy: string }): boolean {
  return share.sharedBy === actor.accountId || actor.role === 'headquarters'
}
