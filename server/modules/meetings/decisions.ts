// The meeting's decision on an agenda case (検討ケース): support policy, lead (主担当), role
// assignments, next review. It is the case's current decision too, which gives the lead worker
// access to the case (the cases module's lead scope).
import type { z } from 'zod'
import type { Db } from '#server/db/client.ts'
import { applyLatestDecisions, caseRecords } from '#server/modules/cases/index.ts'
import { orgRecords } from '#server/modules/org/index.ts'
import type { Actor } from '#server/platform/actor.ts'
import { writeAudit } from '#server/platform/audit.ts'
import type { Change } from '#server/platform/changes.ts'
import type { AppDeps } from '#server/platform/deps.ts'
import { conflict, refused } from '#server/platform/errors.ts'
import { FieldErrors } from '#server/platform/field-errors.ts'
import type * as contract from '#shared/contracts/meetings.ts'
import { tokyoDate } from '#shared/dates.ts'
import * as agendaRepo from './agenda.repository.ts'
import { isInvitableUnit } from './attendance.ts'
import { openMeetingForChange, reloadDetail } from './meeting-detail.ts'
import { assignmentsByReview, toCaseReview } from './meetings.dto.ts'
import * as repo from './meetings.repository.ts'

type Deps = Pick<AppDeps, 'db' | 'clock'>
type DecisionInput = z.output<NonNullable<typeof contract.recordDecision.body>>

export const DECISION_BEFORE_DATE = '開催日より前に、検討ケースの決定は記録できません'
export const LEAD_SECTION = '主担当の課を、この区の保健福祉センターの課から選択してください'
export const LEAD_SECTION_STAFF = '担当者は、主担当の課の職員から選択してください'
export const LEAD_WORKER = '主担当のよりそい支援員を選択してください'
export const LEAD_AGENCY = '主担当の専門機関・NPO等を、関係機関の一覧から選択してください'
export const NEXT_REVIEW_AFTER_MEETING = '次回確認日は、開催日より後の日付を入力してください'
export const ASSIGNMENT_UNIT = '役割を担う課・機関を一覧から選択してください'

interface CheckedLead {
  lead: string
  leadUnitId: string | null
  leadUnitName: string | null
  leadAccountId: string | null
}

/** Checks the whole decision at once (every field error together) and resolves the lead's unit. */
async function checkDecision(
  tx: Db,
  tenantId: string,
  meeting: repo.MeetingRow,
  input: DecisionInput,
): Promise<CheckedLead> {
  const errors = new FieldErrors()
  const unitIds = [input.leadUnitId, ...input.assignments.map((a) => a.unitId)].filter(
    (x): x is string => !!x,
  )
  const units = new Map((await orgRecords.unitsByIds(tx, tenantId, unitIds)).map((u) => [u.id, u]))
  const account = input.leadAccountId ? await repo.findAccount(tx, tenantId, input.leadAccountId) : undefined
  const unit = input.leadUnitId ? units.get(input.leadUnitId) : undefined
  let checked: CheckedLead = { lead: input.lead, leadUnitId: null, leadUnitName: null, leadAccountId: null }

  switch (input.lead) {
    case 'ward_section': {
      const ok = unit?.kind === 'ward_section' && unit.wardCode === meeting.ward && unit.active
      if (!ok) errors.add('leadUnitId', LEAD_SECTION)
      // Naming a member of the section is optional; when named, it must be one of its staff.
      const staffOk =
        !account || (account.role === 'ward_staff' && account.active && account.unitId === unit?.id)
      if (ok && !staffOk) errors.add('leadAccountId', LEAD_SECTION_STAFF)
      if (unit)
        checked = {
          ...checked,
          leadUnitId: unit.id,
          leadUnitName: unit.name,
          leadAccountId: account?.accountId ?? null,
        }
      break
    }
    case 'accompaniment': {
      const ok = account?.role === 'accompaniment_worker' && account.active
      if (!ok) errors.add('leadAccountId', LEAD_WORKER)
      const team = account && (await orgRecords.unitsByIds(tx, tenantId, [account.unitId]))[0]
      const [anyTeam] = await orgRecords.activeUnits(tx, tenantId, 'accompaniment_team')
      const lead = team?.kind === 'accompaniment_team' ? team : anyTeam
      checked = {
        ...checked,
        leadUnitId: lead?.id ?? null,
        leadUnitName: lead?.name ?? null,
        leadAccountId: account?.accountId ?? null,
      }
      break
    }
    case 'specialist': {
      const ok = unit?.kind === 'agency' && unit.active
      if (!ok) errors.add('leadUnitId', LEAD_AGENCY)
      if (unit) checked = { ...checked, leadUnitId: unit.id, leadUnitName: unit.name }
      break
    }
    case 'rediscuss':
      // 再協議: nobody leads yet; the case comes back to a later meeting.
      break
  }
  if (input.nextReviewOn && input.nextReviewOn <= meeting.heldOn) {
    errors.add('nextReviewOn', NEXT_REVIEW_AFTER_MEETING)
  }
  input.assignments.forEach((a, i) => {
    const u = units.get(a.unitId)
    if (!u || !isInvitableUnit(u, meeting.ward)) errors.add(`assignments.${i}.unitId`, ASSIGNMENT_UNIT)
  })
  errors.throwIfAny()
  return checked
}

export async function recordDecision(
  { db, clock }: Deps,
  actor: Actor,
  meetingId: string,
  caseId: string,
  input: DecisionInput,
) {
  const now = clock.now()
  return db.transaction(async (tx) => {
    const opened = await openMeetingForChange(tx, actor, meetingId)
    const m = opened.meeting
    const t = actor.tenantId
    const item = await agendaRepo.findAgendaItem(tx, t, m.id, caseId)
    if (!item) throw refused('case', caseId)
    if (m.heldOn > tokyoDate(now)) throw conflict(DECISION_BEFORE_DATE)
    const lead = await checkDecision(tx, t, m, input)
    const { theCase } = await caseRecords.findForChange(tx, actor, caseId)
    const before = await agendaRepo.findReview(tx, t, m.id, caseId)

    const review = await agendaRepo.upsertReview(tx, {
      tenantId: t,
      meetingId: m.id,
      caseId,
      kind: item.kind,
      route: item.route,
      lead: lead.lead,
      leadUnit: lead.leadUnitName,
      leadUnitId: lead.leadUnitId,
      leadAccountId: lead.leadAccountId,
      policy: input.policy,
      nextReviewOn: input.nextReviewOn,
      createdAt: now,
      updatedAt: now,
    })
    await agendaRepo.replaceAssignments(tx, t, review.id, input.assignments)
    // The meeting has confirmed or changed the 方針案: from now on the decision is what counts.
    await agendaRepo.setDraft(tx, t, m.id, caseId, null, null)

    // The case carries the decision of its latest meeting; correcting an older one leaves it.
    const later = await agendaRepo.latestOtherDecisionOn(tx, t, caseId, m.id)
    const reason = `支援調整会議 ${m.meetingNo}`
    // The decision holds the meeting (held, so the case follows it) before the case takes it.
    if (m.status !== 'held') {
      await repo.updateMeeting(tx, t, m.id, { status: 'held', updatedAt: now })
    }
    let changes: Change[] = []
    if (!later || later <= m.heldOn) {
      const by = { accountId: actor.accountId, name: actor.name }
      changes = (await applyLatestDecisions(tx, t, [theCase.id], by, now)).get(theCase.id) ?? []
    }
    if (changes.length === 0) {
      // The case's fields stay as they were (再協議 again, or an older meeting corrected): the
      // history still shows that the meeting decided.
      await caseRecords.recordEvent(
        tx,
        actor,
        now,
        caseId,
        'meeting_decision',
        [{ field: 'review.lead', from: before?.lead ?? null, to: lead.lead }],
        reason,
      )
    }
    await writeAudit(tx, actor, now, {
      action: 'meeting.decision',
      recordType: 'meeting',
      recordId: m.id,
      detail: { caseId, reviewId: review.id, lead: lead.lead, corrected: before !== undefined },
    })
    return (await reloadDetail(tx, actor, opened, now)).detail
  })
}

/** The meetings' decisions on a case, for anyone who may read the case; newest first. */
export async function listCaseReviews({ db, clock }: Deps, actor: Actor, caseId: string) {
  const now = clock.now()
  return db.transaction(async (tx) => {
    await caseRecords.findReadable(tx, actor, caseId)
    const views = await agendaRepo.findReviewsOfCases(tx, actor.tenantId, [caseId])
    const assignments = assignmentsByReview(
      await agendaRepo.findAssignments(
        tx,
        actor.tenantId,
        views.map((v) => v.review.id),
      ),
    )
    await writeAudit(tx, actor, now, {
      action: 'case.reviews',
      recordType: 'case',
      recordId: caseId,
      detail: { count: views.length },
    })
    return views.map((v) => toCaseReview(v, assignments.get(v.review.id) ?? []))
  })
}
