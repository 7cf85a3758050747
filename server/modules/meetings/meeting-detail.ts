// Opening a meeting for the caller (who may see it, 404 otherwise) and building its detail as
// the caller may see it: every use case of the module answers with this detail.

import type { Db } from '#server/db/client.ts'
import { orgRecords } from '#server/modules/org/index.ts'
import type { Actor } from '#server/platform/actor.ts'
import { readSetting } from '#server/platform/settings-store.ts'
import { CONFIDENTIALITY_NOTICE, type MeetingDetail } from '#shared/contracts/meetings.ts'
import { tokyoDate } from '#shared/dates.ts'
import * as agendaRepo from './agenda.repository.ts'
import { draftViews } from './draft-views.ts'
import { assignmentsByReview, toAgenda, toAttendee } from './meetings.dto.ts'
import {
  agendaAccess,
  DEFAULT_AGENCY_VIEW_DAYS,
  type MeetingFacts,
  type MeetingRole,
  mayEdit,
  meetingRoleOf,
  requireEditor,
  requireSeen,
} from './meetings.policy.ts'
import * as repo from './meetings.repository.ts'

export interface OpenedMeeting {
  meeting: repo.MeetingRow
  role: MeetingRole
  facts: MeetingFacts
}

/**
 * The meeting if the caller may see it (the ward's coordinator and staff, an invited agency's
 * members), else 404. `lock` holds the meeting row for a change in the same transaction.
 */
export async function openMeeting(
  tx: Db,
  actor: Actor,
  meetingId: string,
  lock = false,
): Promise<OpenedMeeting> {
  const role = meetingRoleOf(actor)
  const meeting = role
    ? lock
      ? await repo.findMeetingForChange(tx, actor.tenantId, meetingId)
      : await repo.findMeeting(tx, actor.tenantId, meetingId)
    : undefined
  const invited =
    meeting && role?.kind === 'agency'
      ? await repo.isInvited(tx, actor.tenantId, meeting.id, role.unitId)
      : false
  const facts = meeting && { ward: meeting.ward, heldOn: meeting.heldOn, invited }
  const seen = requireSeen(role, facts, meetingId)
  return { meeting: meeting!, role: seen, facts: facts! }
}

/**
 * The meeting for its ward's coordinator: 404 when unseen, 403 for its readers. Locked unless
 * `lock` is false (the coordinator's reads: candidates, whom to invite).
 */
export async function openMeetingForChange(
  tx: Db,
  actor: Actor,
  meetingId: string,
  lock = true,
): Promise<OpenedMeeting> {
  const opened = await openMeeting(tx, actor, meetingId, lock)
  requireEditor(opened.role, opened.facts)
  return opened
}

/** 'agencyViewDays' in the city's settings: a whole number of days, 30 unless set. */
export async function agencyViewDays(tx: Db, tenantId: string): Promise<number> {
  const value = await readSetting(tx, tenantId, 'agencyViewDays')
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : DEFAULT_AGENCY_VIEW_DAYS
}

export interface DetailResult {
  detail: MeetingDetail
  /** How many agenda cases the detail shows (0 when the agenda is hidden), for the audit. */
  casesShown: number
}

export async function buildMeetingDetail(
  tx: Db,
  actor: Actor,
  opened: OpenedMeeting,
  now: Date,
): Promise<DetailResult> {
  const { meeting: m, role, facts } = opened
  const t = actor.tenantId
  const acknowledgedAt = await repo.findAcknowledgement(tx, t, m.id, actor.accountId)
  const wording = await orgRecords.confidentiality(tx, t)
  const days = role.kind === 'agency' ? await agencyViewDays(tx, t) : DEFAULT_AGENCY_VIEW_DAYS
  const access = agendaAccess(role, facts, acknowledgedAt, tokyoDate(now), days)
  const attendees = await repo.findAttendees(tx, t, m.id)
  let agenda: MeetingDetail['agenda'] = []
  if (access.canReadAgenda) {
    const rows = await agendaRepo.findAgendaCases(tx, t, m.id)
    const reviews = await agendaRepo.findReviewsOfCases(
      tx,
      t,
      rows.map((r) => r.caseId),
    )
    const assignments = assignmentsByReview(
      await agendaRepo.findAssignments(
        tx,
        t,
        reviews.map((r) => r.review.id),
      ),
    )
    const ward = role.kind !== 'agency'
    const drafts = ward ? await draftViews(tx, t, rows) : new Map()
    agenda = toAgenda(m, rows, reviews, assignments, ward, drafts)
  }
  return {
    casesShown: agenda.length,
    detail: {
      id: m.id,
      meetingNo: m.meetingNo,
      ward: m.ward,
      wardName: (await orgRecords.wardName(tx, t, m.ward)) ?? m.ward,
      heldOn: m.heldOn,
      startTime: m.startTime,
      place: m.place,
      chair: m.chair,
      status: m.status as MeetingDetail['status'],
      minutesNote: m.minutesNote,
      updatedAt: m.updatedAt.toISOString(),
      attendees: attendees.map(toAttendee),
      acknowledgement: {
        required: access.acknowledgementRequired,
        acknowledgedAt: acknowledgedAt ? acknowledgedAt.toISOString() : null,
        text: wording?.body ?? CONFIDENTIALITY_NOTICE,
        textVersion: wording?.version ?? null,
      },
      access: {
        canEdit: mayEdit(role, facts),
        canReadAgenda: access.canReadAgenda,
        agendaVisibleUntil: access.agendaVisibleUntil,
      },
      agenda,
    },
  }
}

/** After a change: the meeting as it now stands, read again in the same transaction. */
export async function reloadDetail(
  tx: Db,
  actor: Actor,
  opened: OpenedMeeting,
  now: Date,
): Promise<DetailResult> {
  const meeting = (await repo.findMeeting(tx, actor.tenantId, opened.meeting.id))!
  const facts = { ...opened.facts, heldOn: meeting.heldOn }
  return buildMeetingDetail(tx, actor, { ...opened, meeting, facts }, now)
}
