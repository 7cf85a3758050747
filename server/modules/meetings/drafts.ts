// 方針案: the coordinator drafts each agenda case's proposal (policy, lead, roles, next review)
// before the meeting day. The draft lives on the agenda row, never in `reviews`, so it counts
// nowhere (report, the case's lead, caseloads) until the meeting records its decision, which
// takes the draft's place (decisions.ts clears it).
import type { z } from 'zod'
import type { Db } from '#server/db/client.ts'
import { orgRecords } from '#server/modules/org/index.ts'
import type { Actor } from '#server/platform/actor.ts'
import { writeAudit } from '#server/platform/audit.ts'
import type { AppDeps } from '#server/platform/deps.ts'
import { conflict, refused } from '#server/platform/errors.ts'
import { FieldErrors } from '#server/platform/field-errors.ts'
import type * as contract from '#shared/contracts/meetings.ts'
import * as agendaRepo from './agenda.repository.ts'
import { isInvitableUnit } from './attendance.ts'
import { ASSIGNMENT_UNIT, NEXT_REVIEW_AFTER_MEETING } from './decisions.ts'
import type { StoredDraft } from './draft-views.ts'
import { openMeetingForChange, reloadDetail } from './meeting-detail.ts'
import * as repo from './meetings.repository.ts'

type Deps = Pick<AppDeps, 'db' | 'clock'>
type DraftInput = z.output<NonNullable<typeof contract.saveDraft.body>>

export const DECIDED_NO_DRAFT = '決定を記録したケースの方針案は変更できません（決定を修正してください）'
export const DRAFT_LEAD_UNIT = '主担当（案）の課・機関を一覧から選択してください'
export const DRAFT_LEAD_WORKER = '主担当（案）のよりそい支援員を一覧から選択してください'

/** Checks what is filled in (a draft may lack anything) against the meeting's ward and date. */
async function checkDraft(tx: Db, tenantId: string, meeting: repo.MeetingRow, input: DraftInput) {
  const errors = new FieldErrors()
  const ids = [input.leadUnitId, ...input.assignments.map((a) => a.unitId)].filter((x): x is string => !!x)
  const units = new Map((await orgRecords.unitsByIds(tx, tenantId, ids)).map((u) => [u.id, u]))
  const leadUnit = input.leadUnitId ? units.get(input.leadUnitId) : undefined
  if (input.lead === 'ward_section' && input.leadUnitId) {
    const ok = leadUnit?.kind === 'ward_section' && leadUnit.wardCode === meeting.ward && leadUnit.active
    if (!ok) errors.add('leadUnitId', DRAFT_LEAD_UNIT)
  }
  if (input.lead === 'specialist' && input.leadUnitId) {
    if (!(leadUnit?.kind === 'agency' && leadUnit.active)) errors.add('leadUnitId', DRAFT_LEAD_UNIT)
  }
  if (input.lead === 'accompaniment' && input.leadAccountId) {
    const account = await repo.findAccount(tx, tenantId, input.leadAccountId)
    if (!(account?.role === 'accompaniment_worker' && account.active)) {
      errors.add('leadAccountId', DRAFT_LEAD_WORKER)
    }
  }
  if (input.nextReviewOn && input.nextReviewOn <= meeting.heldOn) {
    errors.add('nextReviewOn', NEXT_REVIEW_AFTER_MEETING)
  }
  input.assignments.forEach((a, i) => {
    const u = units.get(a.unitId)
    if (!u || !isInvitableUnit(u, meeting.ward)) errors.add(`assignments.${i}.unitId`, ASSIGNMENT_UNIT)
  })
  errors.throwIfAny()
}

/** Only the lead field that fits the kind of lead is kept, as the decision does. */
function toStored(input: DraftInput): StoredDraft {
  const unitLead = input.lead === 'ward_section' || input.lead === 'specialist'
  return {
    policy: input.policy,
    lead: input.lead,
    leadUnitId: unitLead ? input.leadUnitId : null,
    leadAccountId: input.lead === 'accompaniment' ? input.leadAccountId : null,
    assignments: input.assignments.map((a) => ({ unitId: a.unitId, task: a.task })),
    nextReviewOn: input.nextReviewOn,
  }
}

export async function saveDraft(
  { db, clock }: Deps,
  actor: Actor,
  meetingId: string,
  caseId: string,
  input: DraftInput,
) {
  const now = clock.now()
  return db.transaction(async (tx) => {
    const opened = await openMeetingForChange(tx, actor, meetingId)
    const t = actor.tenantId
    if (!(await agendaRepo.findAgendaItem(tx, t, meetingId, caseId))) throw refused('case', caseId)
    if (await agendaRepo.findReview(tx, t, meetingId, caseId)) throw conflict(DECIDED_NO_DRAFT)
    await checkDraft(tx, t, opened.meeting, input)
    await agendaRepo.setDraft(tx, t, meetingId, caseId, toStored(input), now)
    // Ids and field names only: the draft's text is personal data.
    await writeAudit(tx, actor, now, {
      action: 'meeting.draft',
      recordType: 'meeting',
      recordId: meetingId,
      detail: { caseId, lead: input.lead },
    })
    return (await reloadDetail(tx, actor, opened, now)).detail
  })
}
