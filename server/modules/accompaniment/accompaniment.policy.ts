import type { Actor } from '#server/platform/actor.ts'
import { conflict, forbidden } from '#server/platform/errors.ts'
import type { CaseLead } from '#shared/codes.ts'

/**
 * Who records support on a case (docs/domain.md, "What is recorded"): its lead workers — the accompaniment
 * worker named by the meeting, the members of the leading agency — and the coordinator and
 * section staff of the case's ward. The cases module has already found the case in the caller's
 * scope, so a lead worker's role here means they lead it and a ward role means it is their ward's.
 * The window reads the cases it took in but does not write the lead's records.
 */
const SUPPORT_WRITERS: ReadonlySet<string> = new Set([
  'accompaniment_worker',
  'agency_member',
  'ward_coordinator',
  'ward_staff',
])

/** 主担当 that lead a case; 再協議 (rediscuss) names no one. */
const LEADS: ReadonlySet<string> = new Set<CaseLead>(['ward_section', 'accompaniment', 'specialist'])

export interface SupportFacts {
  lead: string | null
  status: string
}

export function hasLead(c: Pick<SupportFacts, 'lead'>): boolean {
  return c.lead !== null && LEADS.has(c.lead)
}

export function maySupport(actor: Actor, c: SupportFacts): boolean {
  return SUPPORT_WRITERS.has(actor.role) && hasLead(c) && c.status !== 'closed'
}

export const NOT_A_SUPPORT_WRITER = '支援計画・支援記録は、主担当と担当区の職員が記録します'
export const NO_LEAD =
  '主担当が決まっていないケースです。支援調整会議で主担当が決まってから、支援計画・支援記録を記録できます'
export const CLOSED = '終結したケースの支援計画・支援記録は変更できません。再開してから記録してください'

/** Throws why the caller may not write support records on a case in their scope. */
export function requireSupportWriter(actor: Actor, c: SupportFacts): void {
  if (!SUPPORT_WRITERS.has(actor.role)) throw forbidden(NOT_A_SUPPORT_WRITER)
  if (!hasLead(c)) throw conflict(NO_LEAD)
  if (c.status === 'closed') throw conflict(CLOSED)
}

/** "My cases" exists for the people a meeting can make lead or give a task. */
export function requireMyCasesRole(actor: Actor): void {
  if (actor.role === 'accompaniment_worker') return
  if (actor.role === 'agency_member' && actor.unitKind === 'agency') return
  if ((actor.role === 'ward_staff' || actor.role === 'ward_coordinator') && actor.wardCode) return
  throw forbidden()
}

/**
 * Caseloads: a ward's coordinator sees their ward, headquarters every ward (counts and worker
 * names only; no supported person's data is in the figures).
 */
export function requireCaseloadRole(actor: Actor): void {
  if (actor.role === 'headquarters') return
  if (actor.role === 'ward_coordinator' && actor.wardCode) return
  throw forbidden()
}

export function caseloadWardOf(actor: Actor, asked: string | undefined): { ward: string | null } {
  requireCaseloadRole(actor)
  if (actor.role === 'ward_coordinator' && actor.wardCode) {
    if (asked && asked !== actor.wardCode) throw forbidden('担当状況は自分の区のものを表示できます')
    return { ward: actor.wardCode }
  }
  return { ward: asked ?? null }
}
