import type { Actor } from '#server/platform/actor.ts'
import { forbidden } from '#server/platform/errors.ts'

/**
 * Who works with web consultations (docs/domain.md, "Who works with the records" and "Web
 * consultation"): they reach the city-wide window, so the window's counsellors read, claim and
 * answer them and link them to the window's cases. Headquarters sees aggregates only by default,
 * so it gets the inbox's counts and never a thread. The administrator sets the city's settings
 * (crisis words, overdue hours, closing and retention) and reads no thread either.
 */
export function requireInboxRole(actor: Actor): void {
  if (!(actor.role === 'window_counsellor' && actor.unitKind === 'window')) throw forbidden()
}

/** The home page's counts: the window, and headquarters' aggregate view. */
export function requireCountsRole(actor: Actor): void {
  if (actor.role === 'headquarters') return
  requireInboxRole(actor)
}

export function requireInquirySettingsRole(actor: Actor): void {
  if (actor.role !== 'admin') throw forbidden()
}

export const worksInbox = (actor: Actor) => actor.role === 'window_counsellor' && actor.unitKind === 'window'
