// The agenda (議題): which of the ward's cases a meeting discusses, in which order.
import type { z } from 'zod'
import { caseRecords } from '#server/modules/cases/index.ts'
import type { Actor } from '#server/platform/actor.ts'
import { writeAudit } from '#server/platform/audit.ts'
import type { AppDeps } from '#server/platform/deps.ts'
import { conflict, isUniqueViolation, refused } from '#server/platform/errors.ts'
import { FieldErrors } from '#server/platform/field-errors.ts'
import type * as contract from '#shared/contracts/meetings.ts'
import type { Candidate, CandidateElsewhere } from '#shared/contracts/meetings.ts'
import { formatWareki } from '#shared/dates.ts'
import * as agendaRepo from './agenda.repository.ts'
import { openMeetingForChange, reloadDetail } from './meeting-detail.ts'

type Deps = Pick<AppDeps, 'db' | 'clock'>
type AddInput = z.output<NonNullable<typeof contract.addAgendaItem.body>>

export const ALREADY_ON_AGENDA = 'このケースは既にこの会議の議題になっています'
export const CLOSED_CASE = '終結したケースは議題にできません'
export const DECIDED_ITEM = '決定を記録したケースは議題から外せません'
export const ROUTE_REQUIRED = '新規ケース経路を選択してください'
export const ORDER_MISMATCH = '議題のケースをすべて、一度ずつ指定してください'
export const ALREADY_ON_OPEN_AGENDA =
  'このケースは既に開催前の別の会議の議題になっています。画面を更新して確認してください'
export const MOVE_NOT_YOURS = 'このケースは他の区の会議の議題になっているため、移せません'

/** The 409 when a case already sits on another open agenda: where it is, and how to move it. */
export function onOtherAgenda(other: { meetingNo: string; heldOn: string }): string {
  return `このケースは${formatWareki(other.heldOn)}の会議（${other.meetingNo}）の議題になっています。ケースは開催前の一つの会議の議題にだけ載せられます。この会議へ移す場合は、移すことを確認してください。`
}

const toCandidate = (r: agendaRepo.CandidateRow): Candidate => ({
  caseId: r.caseId,
  caseNo: r.caseNo,
  name: r.name,
  ageBand: r.ageBand as Candidate['ageBand'],
  wardState: r.wardState as Candidate['wardState'],
  wardRoute: r.wardRoute as Candidate['wardRoute'],
  nextReviewOn: r.nextReviewOn,
  lead: r.lead as Candidate['lead'],
})

export async function listCandidates({ db, clock }: Deps, actor: Actor, meetingId: string) {
  const now = clock.now()
  return db.transaction(async (tx) => {
    const { meeting } = await openMeetingForChange(tx, actor, meetingId, false)
    const { fresh, continuing } = await agendaRepo.findCandidates(
      tx,
      actor.tenantId,
      meeting.ward,
      meeting.id,
      meeting.heldOn,
    )
    const elsewhere = await agendaRepo.findCandidatesElsewhere(
      tx,
      actor.tenantId,
      meeting.ward,
      meeting.id,
      meeting.heldOn,
    )
    await writeAudit(tx, actor, now, {
      action: 'meeting.candidates',
      recordType: 'meeting',
      recordId: meeting.id,
      detail: { new: fresh.length, continuing: continuing.length, elsewhere: elsewhere.length },
    })
    return {
      new: fresh.map(toCandidate),
      continuing: continuing.map(toCandidate),
      elsewhere: elsewhere.map(
        (r): CandidateElsewhere => ({
          ...toCandidate(r),
          onMeeting: { meetingId: r.meetingId, meetingNo: r.meetingNo, heldOn: r.heldOn },
        }),
      ),
    }
  })
}

export async function addAgendaItem({ db, clock }: Deps, actor: Actor, meetingId: string, input: AddInput) {
  const now = clock.now()
  return db.transaction(async (tx) => {
    const opened = await openMeetingForChange(tx, actor, meetingId)
    const t = actor.tenantId
    // The coordinator's own case scope: a case of another ward answers 404. The case row stays
    // locked to the end, so concurrent adds of one case to two meetings run one after the other.
    const { theCase } = await caseRecords.findForChange(tx, actor, input.caseId)
    if (theCase.status === 'closed') throw conflict(CLOSED_CASE)
    if (await agendaRepo.findAgendaItem(tx, t, meetingId, theCase.id)) throw conflict(ALREADY_ON_AGENDA)
    // One open agenda per case: moved (with its route and draft) when asked, otherwise refused.
    const other = await agendaRepo.findOpenAgendaElsewhere(tx, t, theCase.id, meetingId)
    const route = input.kind === 'new' ? (input.route ?? other?.route ?? theCase.wardRoute) : null
    const errors = new FieldErrors()
    if (input.kind === 'new' && !route) errors.add('route', ROUTE_REQUIRED)
    errors.throwIfAny()
    // Another ward's meeting is not named to this coordinator, nor changed by them.
    if (other && other.ward !== opened.meeting.ward) throw conflict(MOVE_NOT_YOURS)
    if (other && !input.move) throw conflict(onOtherAgenda(other))
    if (other) await agendaRepo.deleteAgendaItem(tx, t, other.meetingId, theCase.id)
    try {
      await agendaRepo.insertAgendaItem(tx, {
        tenantId: t,
        meetingId,
        caseId: theCase.id,
        kind: input.kind,
        route,
        position: (await agendaRepo.lastAgendaPosition(tx, t, meetingId)) + 1,
        addedAt: now,
        draft: other?.draft ?? null,
        draftSavedAt: other?.draftSavedAt ?? null,
      })
    } catch (error) {
      // The partial unique index is the last word when a concurrent request won the race.
      if (isUniqueViolation(error)) throw conflict(ALREADY_ON_OPEN_AGENDA)
      throw error
    }
    await writeAudit(tx, actor, now, {
      action: other ? 'meeting.agenda_move' : 'meeting.agenda_add',
      recordType: 'meeting',
      recordId: meetingId,
      detail: { caseId: theCase.id, kind: input.kind, ...(other ? { from: other.meetingId } : {}) },
    })
    return (await reloadDetail(tx, actor, opened, now)).detail
  })
}

export async function removeAgendaItem({ db, clock }: Deps, actor: Actor, meetingId: string, caseId: string) {
  const now = clock.now()
  return db.transaction(async (tx) => {
    const opened = await openMeetingForChange(tx, actor, meetingId)
    const t = actor.tenantId
    if (!(await agendaRepo.findAgendaItem(tx, t, meetingId, caseId))) throw refused('case', caseId)
    if (await agendaRepo.findReview(tx, t, meetingId, caseId)) throw conflict(DECIDED_ITEM)
    await agendaRepo.deleteAgendaItem(tx, t, meetingId, caseId)
    const rest = await agendaRepo.findAgendaRows(tx, t, meetingId)
    await agendaRepo.setAgendaOrder(
      tx,
      t,
      meetingId,
      rest.map((r) => r.caseId),
    )
    await writeAudit(tx, actor, now, {
      action: 'meeting.agenda_remove',
      recordType: 'meeting',
      recordId: meetingId,
      detail: { caseId },
    })
    return (await reloadDetail(tx, actor, opened, now)).detail
  })
}

export async function reorderAgenda({ db, clock }: Deps, actor: Actor, meetingId: string, caseIds: string[]) {
  const now = clock.now()
  return db.transaction(async (tx) => {
    const opened = await openMeetingForChange(tx, actor, meetingId)
    const t = actor.tenantId
    const current = (await agendaRepo.findAgendaRows(tx, t, meetingId)).map((r) => r.caseId)
    const same =
      caseIds.length === current.length &&
      new Set(caseIds).size === caseIds.length &&
      caseIds.every((id) => current.includes(id))
    const errors = new FieldErrors()
    if (!same) errors.add('caseIds', ORDER_MISMATCH)
    errors.throwIfAny()
    await agendaRepo.setAgendaOrder(tx, t, meetingId, caseIds)
    await writeAudit(tx, actor, now, {
      action: 'meeting.agenda_order',
      recordType: 'meeting',
      recordId: meetingId,
      detail: { count: caseIds.length },
    })
    return (await reloadDetail(tx, actor, opened, now)).detail
  })
}
