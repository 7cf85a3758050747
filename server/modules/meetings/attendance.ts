// Who takes part: whom to invite, the invitation list with presence, the directory of outside
// agencies, and each participant's confidentiality acknowledgement (守秘義務の確認).

import type { z } from 'zod'
import type { Db } from '#server/db/client.ts'
import { orgRecords } from '#server/modules/org/index.ts'
import type { Actor } from '#server/platform/actor.ts'
import { writeAudit } from '#server/platform/audit.ts'
import type { AppDeps } from '#server/platform/deps.ts'
import { conflict, forbidden } from '#server/platform/errors.ts'
import { FieldErrors } from '#server/platform/field-errors.ts'
import type * as contract from '#shared/contracts/meetings.ts'
import { tokyoDate } from '#shared/dates.ts'
import { buildMeetingDetail, openMeeting, openMeetingForChange, reloadDetail } from './meeting-detail.ts'
import * as repo from './meetings.repository.ts'
import { auditRead } from './schedule-meetings.ts'

type Deps = Pick<AppDeps, 'db' | 'clock'>
type AttendeesInput = z.output<NonNullable<typeof contract.setAttendees.body>>['attendees']

export const AGENCY_EXISTS = 'この名前の関係機関は既に登録されています'
export const NOT_INVITABLE = 'この会議に招待できる課・機関ではありません。一覧から選択してください'
export const DUPLICATE_ATTENDEE = '同じ出席者が重複しています'
export const ATTENDED_BEFORE_DATE = '開催日より前に出席を記録することはできません'

/**
 * The units a meeting of `ward` may invite or give a task: the ward's own sections, outside
 * agencies and the accompaniment team (never another ward's sections, the window or headquarters).
 */
export function isInvitableUnit(unit: repo.UnitRow, ward: string): boolean {
  if (unit.kind === 'ward_section') return unit.wardCode === ward
  return unit.kind === 'agency' || unit.kind === 'accompaniment_team'
}

export async function listInvitable({ db }: Deps, actor: Actor, meetingId: string) {
  return db.transaction(async (tx) => {
    const { meeting } = await openMeetingForChange(tx, actor, meetingId, false)
    const t = actor.tenantId
    const sections = await orgRecords.activeUnits(tx, t, 'ward_section', meeting.ward)
    const agencies = await orgRecords.activeUnits(tx, t, 'agency')
    const [team] = await orgRecords.activeUnits(tx, t, 'accompaniment_team')
    const workers = await repo.findActiveAccounts(tx, t, 'accompaniment_worker')
    const staff = await repo.findActiveAccounts(
      tx,
      t,
      'ward_staff',
      sections.map((s) => s.id),
    )
    return {
      sections: sections.map((s) => ({
        unitId: s.id,
        name: s.name,
        sectionCode: s.sectionCode as contract.MeetingAttendee['sectionCode'],
      })),
      agencies: agencies
        .map((a) => ({ unitId: a.id, name: a.name }))
        .sort((a, b) => a.name.localeCompare(b.name, 'ja')),
      accompanimentTeam: team ? { unitId: team.id, name: team.name } : null,
      accompanimentWorkers: workers.map((w) => ({ accountId: w.accountId, name: w.name })),
      sectionStaff: staff.map((s) => ({ accountId: s.accountId, name: s.name, unitId: s.unitId })),
    }
  })
}

export async function createAgency({ db, clock }: Deps, actor: Actor, name: string) {
  const mayAdd =
    (actor.role === 'ward_coordinator' && actor.wardCode !== null) || actor.role === 'headquarters'
  if (!mayAdd) throw forbidden()
  const now = clock.now()
  return db.transaction(async (tx) => {
    if (await orgRecords.agencyNameTaken(tx, actor.tenantId, name)) throw conflict(AGENCY_EXISTS)
    const unit = await orgRecords.insertAgency(tx, actor.tenantId, name)
    await writeAudit(tx, actor, now, { action: 'agency.create', recordType: 'org_unit', recordId: unit.id })
    return { unitId: unit.id, name: unit.name }
  })
}

async function checkAttendees(
  tx: Db,
  tenantId: string,
  meeting: repo.MeetingRow,
  list: AttendeesInput,
  today: string,
): Promise<void> {
  const errors = new FieldErrors()
  const units = new Map(
    (
      await orgRecords.unitsByIds(
        tx,
        tenantId,
        list.map((a) => a.unitId),
      )
    ).map((u) => [u.id, u]),
  )
  const invitedBefore = new Set((await repo.findAttendees(tx, tenantId, meeting.id)).map((a) => a.unitId))
  const seen = new Set<string>()
  list.forEach((a, i) => {
    const unit = units.get(a.unitId)
    // A unit retired since it was invited may stay on the list; a new invitation needs an active one.
    const usable = unit && isInvitableUnit(unit, meeting.ward) && (unit.active || invitedBefore.has(unit.id))
    if (!usable) errors.add(`attendees.${i}.unitId`, NOT_INVITABLE)
    else if (seen.has(a.unitId)) errors.add(`attendees.${i}.unitId`, DUPLICATE_ATTENDEE)
    seen.add(a.unitId)
    if (a.attended && meeting.heldOn > today) errors.add(`attendees.${i}.attended`, ATTENDED_BEFORE_DATE)
  })
  errors.throwIfAny()
}

export async function setAttendees(
  { db, clock }: Deps,
  actor: Actor,
  meetingId: string,
  list: AttendeesInput,
) {
  const now = clock.now()
  return db.transaction(async (tx) => {
    const opened = await openMeetingForChange(tx, actor, meetingId)
    await checkAttendees(tx, actor.tenantId, opened.meeting, list, tokyoDate(now))
    await repo.replaceAttendees(tx, actor.tenantId, meetingId, list)
    await repo.updateMeeting(tx, actor.tenantId, meetingId, { updatedAt: now })
    await writeAudit(tx, actor, now, {
      action: 'meeting.attendees',
      recordType: 'meeting',
      recordId: meetingId,
      detail: { invited: list.length, attended: list.filter((a) => a.attended).length },
    })
    return (await reloadDetail(tx, actor, opened, now)).detail
  })
}

/**
 * An invited agency's member (or a member of the ward) confirms confidentiality for this
 * meeting; for an agency the answer then carries the agenda, so the view is audited too.
 * `readVersion` is the wording's version the caller was shown (null: the statutory default);
 * when the city has reworded it since, nothing is recorded (409) and the caller reads it anew.
 */
export async function acknowledgeMeeting(
  { db, clock }: Deps,
  actor: Actor,
  meetingId: string,
  readVersion?: number | null,
) {
  const now = clock.now()
  return db.transaction(async (tx) => {
    const opened = await openMeeting(tx, actor, meetingId)
    // The acknowledgement records which wording was agreed to (the city may reword it later).
    const text = (await orgRecords.confidentiality(tx, actor.tenantId))?.version ?? null
    if (readVersion !== undefined && readVersion !== text)
      throw conflict('守秘義務の確認文が更新されました。新しい内容を読んでから、もう一度確認してください')
    await repo.insertAcknowledgement(tx, actor.tenantId, meetingId, actor.accountId, now, text)
    await writeAudit(tx, actor, now, {
      action: 'meeting.acknowledge',
      recordType: 'meeting',
      recordId: meetingId,
      detail: { textVersion: text },
    })
    const result = await buildMeetingDetail(tx, actor, opened, now)
    await auditRead(tx, actor, now, meetingId, result)
    return result.detail
  })
}
