import type {
  AgendaItem,
  CaseReview,
  Decision,
  DraftDecision,
  MeetingAttendee,
  MeetingSummary,
} from '#shared/contracts/meetings.ts'
import type { AgendaCaseRow, AssignmentView, ReviewView } from './agenda.repository.ts'
import type { AttendeeRow, MeetingListRow } from './meetings.repository.ts'

export function toMeetingSummary(r: MeetingListRow): MeetingSummary {
  const m = r.meeting
  return {
    id: m.id,
    meetingNo: m.meetingNo,
    ward: m.ward,
    wardName: r.wardName ?? m.ward,
    heldOn: m.heldOn,
    startTime: m.startTime,
    place: m.place,
    status: m.status as MeetingSummary['status'],
    agendaCount: r.agendaCount,
    decidedCount: r.decidedCount,
    acknowledgedAt: r.acknowledgedAt ? r.acknowledgedAt.toISOString() : null,
  }
}

export function toAttendee(a: AttendeeRow): MeetingAttendee {
  return {
    unitId: a.unitId,
    name: a.name,
    kind: a.kind as MeetingAttendee['kind'],
    sectionCode: a.sectionCode as MeetingAttendee['sectionCode'],
    attended: a.attended,
  }
}

/** Assignments grouped by review, in their order. */
export function assignmentsByReview(list: AssignmentView[]): Map<string, AssignmentView[]> {
  const out = new Map<string, AssignmentView[]>()
  for (const a of list) {
    const group = out.get(a.reviewId) ?? []
    group.push(a)
    out.set(a.reviewId, group)
  }
  return out
}

/** An imported review names its lead organisation as text only; a decision made here names the unit. */
export function toDecision(v: ReviewView, assignments: AssignmentView[] = []): Decision {
  const r = v.review
  return {
    reviewId: r.id,
    policy: r.policy,
    lead: r.lead as Decision['lead'],
    leadUnitId: r.leadUnitId,
    leadUnitName: v.leadUnitName ?? r.leadUnit,
    leadAccountId: r.leadAccountId,
    leadAccountName: v.leadAccountName,
    assignments: assignments.map((a) => ({ unitId: a.unitId, unitName: a.unitName ?? '', task: a.task })),
    nextReviewOn: r.nextReviewOn,
  }
}

export function toCaseReview(v: ReviewView, assignments: AssignmentView[]): CaseReview {
  return {
    meetingId: v.review.meetingId,
    meetingNo: v.meetingNo,
    heldOn: v.heldOn,
    ward: v.ward,
    kind: v.review.kind as CaseReview['kind'],
    route: v.review.route as CaseReview['route'],
    decision: toDecision(v, assignments),
  }
}

/**
 * The agenda as the caller may see it. `withName` is false for agencies: they read only the
 * fields the discussion needs (the contract has no place for anything else), and no drafts.
 */
export function toAgenda(
  meeting: { id: string; heldOn: string },
  rows: AgendaCaseRow[],
  reviewViews: ReviewView[],
  assignments: Map<string, AssignmentView[]>,
  withName: boolean,
  drafts: Map<string, DraftDecision> = new Map(),
): AgendaItem[] {
  const decision = (v: ReviewView | undefined) => (v ? toDecision(v, assignments.get(v.review.id)) : null)
  return rows.map((row, i) => {
    const ofCase = reviewViews.filter((v) => v.review.caseId === row.caseId)
    const own = ofCase.find((v) => v.review.meetingId === meeting.id)
    // Newest first: the first earlier meeting's decision is the one this meeting follows up.
    const previous = ofCase.find((v) => v.review.meetingId !== meeting.id && v.heldOn <= meeting.heldOn)
    return {
      caseId: row.caseId,
      caseNo: row.caseNo,
      position: i + 1,
      kind: row.kind as AgendaItem['kind'],
      route: row.route as AgendaItem['route'],
      name: withName ? row.name : null,
      case: {
        ageBand: row.ageBand as AgendaItem['case']['ageBand'],
        gender: row.gender as AgendaItem['case']['gender'],
        firstConsulter: row.firstConsulter as AgendaItem['case']['firstConsulter'],
        concerns: row.concerns as AgendaItem['case']['concerns'],
        urgency: row.urgency as AgendaItem['case']['urgency'],
        wardRoute: row.wardRoute as AgendaItem['case']['wardRoute'],
        handoverSummary: row.handoverSummary,
        wardAssessment: row.wardAssessment,
        consentOn: row.consentOn,
        consentNote: row.consentNote,
        progressSummary: row.progressSummary,
        previousDecision: decision(previous),
      },
      decision: decision(own),
      // The 方針案 is the ward's working paper: agencies never get it, and a decision replaces it.
      draft: withName && !own ? (drafts.get(row.caseId) ?? null) : null,
    }
  })
}
