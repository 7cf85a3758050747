import type { Actor } from '#server/platform/actor.ts'
import { forbidden, refused } from '#server/platform/errors.ts'
import { addDays } from '#shared/dates.ts'

/**
 * Who takes part in a ward's meetings (docs/domain.md, "Who works with the records"): the ward's
 * coordinator runs them, the ward's section staff attend and read them, an outside agency's
 * members read the meetings their organisation is invited to. Everyone else has no meetings.
 */
export type MeetingRole =
  | { kind: 'coordinator'; ward: string }
  | { kind: 'staff'; ward: string }
  | { kind: 'agency'; unitId: string }

/** Days after the meeting during which an invited agency may still read the agenda's cases. */
export const DEFAULT_AGENCY_VIEW_DAYS = 30

export function meetingRoleOf(actor: Actor): MeetingRole | null {
  if (actor.role === 'ward_coordinator' && actor.wardCode)
    return { kind: 'coordinator', ward: actor.wardCode }
  if (actor.role === 'ward_staff' && actor.wardCode) return { kind: 'staff', ward: actor.wardCode }
  if (actor.role === 'agency_member' && actor.unitKind === 'agency')
    return { kind: 'agency', unitId: actor.unitId }
  return null
}

/** Lists: a role without meetings is refused outright (nothing is revealed by refusing). */
export function requireMeetingRole(actor: Actor): MeetingRole {
  const role = meetingRoleOf(actor)
  if (!role) throw forbidden()
  return role
}

/** Scheduling a meeting and adding agencies to the directory are the coordinator's work. */
export function requireCoordinator(actor: Actor): { kind: 'coordinator'; ward: string } {
  const role = meetingRoleOf(actor)
  if (role?.kind !== 'coordinator') throw forbidden()
  return role
}

/** The facts of a meeting that decide who may see it. */
export interface MeetingFacts {
  ward: string
  heldOn: string
  /** Whether the caller's organisation unit is among the meeting's invited units. */
  invited: boolean
}

export function seesMeeting(role: MeetingRole | null, m: MeetingFacts): role is MeetingRole {
  if (!role) return false
  if (role.kind === 'agency') return m.invited
  return role.ward === m.ward
}

/** A meeting the caller may not see answers 404, so that nobody learns it exists. */
export function requireSeen(
  role: MeetingRole | null,
  m: MeetingFacts | undefined,
  meetingId: string,
): MeetingRole {
  if (!m || !seesMeeting(role, m)) throw refused('meeting', meetingId)
  return role as MeetingRole
}

export function mayEdit(role: MeetingRole, m: MeetingFacts): boolean {
  return role.kind === 'coordinator' && role.ward === m.ward
}

/** The meeting's ward's coordinator changes it; its staff and invited agencies may only read it. */
export function requireEditor(role: MeetingRole, m: MeetingFacts): void {
  if (!mayEdit(role, m)) throw forbidden('会議の編集は、その区の寄り添い支援係長が行います')
}

/** The minutes are the ward's record: its coordinator and staff. */
export function mayReadMinutes(role: MeetingRole, m: MeetingFacts): boolean {
  return role.kind !== 'agency' && role.ward === m.ward
}

export interface AgendaAccess {
  canReadAgenda: boolean
  /** For agencies: the last day (inclusive) the agenda may be read. */
  agendaVisibleUntil: string | null
  acknowledgementRequired: boolean
}

/**
 * The ward reads its agenda at any time. An agency reads it only after acknowledging
 * confidentiality for this meeting, and only until `viewDays` days after the meeting date.
 */
export function agendaAccess(
  role: MeetingRole,
  m: MeetingFacts,
  acknowledgedAt: Date | null,
  today: string,
  viewDays: number,
): AgendaAccess {
  if (role.kind !== 'agency') {
    return { canReadAgenda: true, agendaVisibleUntil: null, acknowledgementRequired: false }
  }
  const until = addDays(m.heldOn, viewDays)
  return {
    canReadAgenda: acknowledgedAt !== null && today <= until,
    agendaVisibleUntil: until,
    acknowledgementRequired: true,
  }
}
