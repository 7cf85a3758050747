// Listing, scheduling, reading, editing, deleting a meeting and recording it as held.
import type { z } from 'zod'
import type { Db } from '#server/db/client.ts'
import type { Actor } from '#server/platform/actor.ts'
import { writeAudit } from '#server/platform/audit.ts'
import type { AppDeps } from '#server/platform/deps.ts'
import { conflict, refused } from '#server/platform/errors.ts'
import { FieldErrors } from '#server/platform/field-errors.ts'
import { nextCounterValue } from '#server/platform/sequences.ts'
import type * as contract from '#shared/contracts/meetings.ts'
import { formatWareki, tokyoDate } from '#shared/dates.ts'
import {
  buildMeetingDetail,
  type DetailResult,
  openMeeting,
  openMeetingForChange,
  reloadDetail,
} from './meeting-detail.ts'
import { toMeetingSummary } from './meetings.dto.ts'
import { requireCoordinator, requireMeetingRole } from './meetings.policy.ts'
import * as repo from './meetings.repository.ts'
import { suggestNextMeetingDate } from './next-meeting.ts'

type Deps = Pick<AppDeps, 'db' | 'clock'>
type ListQuery = z.output<NonNullable<typeof contract.listMeetings.query>>
type CreateInput = z.output<NonNullable<typeof contract.createMeeting.body>>
type PatchInput = z.output<NonNullable<typeof contract.updateMeeting.body>>

export const HELD_BEFORE_DATE = '開催日より前の会議は開催済みにできません'
export const HELD_MEETING_FUTURE_DATE = '開催済みの会議の開催日に、今日より後の日付は入力できません'
export const HELD_ON_AFTER_NEXT_REVIEW =
  '記録した決定の次回確認日より前の開催日にしてください（先に決定の次回確認日を修正してください）'
export const CANNOT_DELETE =
  '開催済みの会議、または検討ケースの決定を記録した会議は削除できません（記録として残します）'

/** A meeting's reading is audited; an agency's reading of agenda cases under its own action. */
export async function auditRead(tx: Db, actor: Actor, now: Date, meetingId: string, result: DetailResult) {
  const agencyView = actor.role === 'agency_member' && result.detail.access.canReadAgenda
  await writeAudit(tx, actor, now, {
    action: agencyView ? 'meeting.agency_view' : 'meeting.read',
    recordType: 'meeting',
    recordId: meetingId,
    detail: { cases: result.casesShown },
  })
}

export async function listMeetings({ db, clock }: Deps, actor: Actor, query: ListQuery) {
  const role = requireMeetingRole(actor)
  const now = clock.now()
  return db.transaction(async (tx) => {
    const { rows, total } = await repo.findMeetingPage(tx, actor.tenantId, role, actor.accountId, {
      when: query.when,
      today: tokyoDate(now),
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    })
    await writeAudit(tx, actor, now, {
      action: 'meeting.list',
      detail: { when: query.when, count: rows.length },
    })
    return { items: rows.map(toMeetingSummary), total, page: query.page, pageSize: query.pageSize }
  })
}

/** 会議番号: the ward and the date (kita-20261124), with -2, -3 … when the day has more meetings. */
async function nextMeetingNo(tx: Db, tenantId: string, ward: string, heldOn: string): Promise<string> {
  const base = `${ward}-${heldOn.replaceAll('-', '')}`
  for (;;) {
    const n = await nextCounterValue(tx, tenantId, `meeting_no:${base}`)
    const meetingNo = n === 1 ? base : `${base}-${n}`
    // A number an imported ledger already uses is skipped, not reused.
    if (!(await repo.meetingNoTaken(tx, tenantId, meetingNo))) return meetingNo
  }
}

/** The 409 of a second meeting on one date: which meeting is already there. */
export function sameDateMessage(heldOn: string, meetingNo: string): string {
  return `${formatWareki(heldOn)}には、この区の会議（${meetingNo}）が既に予定されています。同じ日にもう一つ会議を予定する場合は、確認してください。`
}

export async function createMeeting({ db, clock }: Deps, actor: Actor, input: CreateInput) {
  const { ward } = requireCoordinator(actor)
  const now = clock.now()
  return db.transaction(async (tx) => {
    // Two meetings of a ward on one day are usually a slip (the next month's date not changed).
    const [sameDay] = await repo.findWardMeetingsOn(tx, actor.tenantId, ward, input.heldOn)
    if (sameDay && !input.confirmSameDate) throw conflict(sameDateMessage(sameDay.heldOn, sameDay.meetingNo))
    const row = await repo.insertMeeting(tx, {
      tenantId: actor.tenantId,
      meetingNo: await nextMeetingNo(tx, actor.tenantId, ward, input.heldOn),
      ward,
      heldOn: input.heldOn,
      status: 'scheduled',
      startTime: input.startTime,
      place: input.place,
      chair: input.chair,
      createdAt: now,
      updatedAt: now,
    })
    await writeAudit(tx, actor, now, { action: 'meeting.create', recordType: 'meeting', recordId: row.id })
    const opened = await openMeeting(tx, actor, row.id)
    return (await buildMeetingDetail(tx, actor, opened, now)).detail
  })
}

/**
 * What the form to schedule a meeting starts from: the ward's latest meeting's time, place and
 * chair, and the same week and weekday a month later (not before today).
 */
export async function getMeetingDefaults({ db, clock }: Deps, actor: Actor) {
  const { ward } = requireCoordinator(actor)
  const now = clock.now()
  return db.transaction(async (tx) => {
    const last = await repo.findLatestWardMeeting(tx, actor.tenantId, ward)
    await writeAudit(tx, actor, now, { action: 'meeting.defaults', detail: { from: last?.id ?? null } })
    return {
      previous: last ? { meetingId: last.id, meetingNo: last.meetingNo, heldOn: last.heldOn } : null,
      heldOn: last ? suggestNextMeetingDate(last.heldOn, tokyoDate(now)) : null,
      startTime: last?.startTime ?? null,
      place: last?.place ?? null,
      chair: last?.chair ?? null,
    }
  })
}

export async function getMeeting({ db, clock }: Deps, actor: Actor, meetingId: string) {
  const now = clock.now()
  return db.transaction(async (tx) => {
    const opened = await openMeeting(tx, actor, meetingId)
    const result = await buildMeetingDetail(tx, actor, opened, now)
    await auditRead(tx, actor, now, meetingId, result)
    return result.detail
  })
}

/**
 * One case of the agenda, as the meeting's detail would show it to the caller: the same rule
 * (an agency member after the acknowledgement and within the reading period), but answering 404
 * when the caller may not read it, so a case's existence is not revealed. Audited per case.
 */
export async function getAgendaCase({ db, clock }: Deps, actor: Actor, meetingId: string, caseId: string) {
  const now = clock.now()
  return db.transaction(async (tx) => {
    const opened = await openMeeting(tx, actor, meetingId)
    const { detail } = await buildMeetingDetail(tx, actor, opened, now)
    const item = detail.agenda.find((a) => a.caseId === caseId)
    if (!item) throw refused('case', caseId)
    await writeAudit(tx, actor, now, {
      action: actor.role === 'agency_member' ? 'meeting.agency_case_view' : 'meeting.case_read',
      recordType: 'case',
      recordId: caseId,
      detail: { meetingId },
    })
    return item
  })
}

const PATCH_FIELDS = ['heldOn', 'startTime', 'place', 'chair', 'minutesNote'] as const

export async function updateMeeting({ db, clock }: Deps, actor: Actor, meetingId: string, input: PatchInput) {
  const now = clock.now()
  return db.transaction(async (tx) => {
    const opened = await openMeetingForChange(tx, actor, meetingId)
    const m = opened.meeting
    const sent = PATCH_FIELDS.filter((f) => input[f] !== undefined)
    const errors = new FieldErrors()
    if (input.heldOn && m.status === 'held' && input.heldOn > tokyoDate(now)) {
      errors.add('heldOn', HELD_MEETING_FUTURE_DATE)
    }
    // The decisions' next review dates were checked against the old date; they must stay after it.
    const nextReview = input.heldOn ? await repo.earliestNextReview(tx, actor.tenantId, m.id) : null
    if (input.heldOn && nextReview && nextReview <= input.heldOn) {
      errors.add('heldOn', HELD_ON_AFTER_NEXT_REVIEW)
    }
    errors.throwIfAny()
    const changed = sent.filter((f) => input[f] !== m[f])
    if (changed.length > 0) {
      const values = Object.fromEntries(changed.map((f) => [f, input[f]]))
      await repo.updateMeeting(tx, actor.tenantId, m.id, { ...values, updatedAt: now })
    }
    await writeAudit(tx, actor, now, {
      action: 'meeting.update',
      recordType: 'meeting',
      recordId: m.id,
      detail: { fields: changed },
    })
    return (await reloadDetail(tx, actor, opened, now)).detail
  })
}

export async function deleteMeeting({ db, clock }: Deps, actor: Actor, meetingId: string) {
  const now = clock.now()
  await db.transaction(async (tx) => {
    const { meeting } = await openMeetingForChange(tx, actor, meetingId)
    if (
      meeting.status !== 'scheduled' ||
      (await repo.countReviewsOfMeeting(tx, actor.tenantId, meeting.id)) > 0
    ) {
      throw conflict(CANNOT_DELETE)
    }
    await repo.deleteMeeting(tx, actor.tenantId, meeting.id)
    await writeAudit(tx, actor, now, {
      action: 'meeting.delete',
      recordType: 'meeting',
      recordId: meeting.id,
    })
  })
  return null
}

export async function markMeetingHeld({ db, clock }: Deps, actor: Actor, meetingId: string) {
  const now = clock.now()
  return db.transaction(async (tx) => {
    const opened = await openMeetingForChange(tx, actor, meetingId)
    if (opened.meeting.heldOn > tokyoDate(now)) throw conflict(HELD_BEFORE_DATE)
    if (opened.meeting.status !== 'held') {
      await repo.updateMeeting(tx, actor.tenantId, meetingId, { status: 'held', updatedAt: now })
    }
    await writeAudit(tx, actor, now, { action: 'meeting.held', recordType: 'meeting', recordId: meetingId })
    return (await reloadDetail(tx, actor, opened, now)).detail
  })
}
