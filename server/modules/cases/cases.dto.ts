import type { z } from 'zod'
import type { Change } from '#server/platform/changes.ts'
import type { CaseDetail, CaseEvent, CaseSummary, similarCandidate } from '#shared/contracts/cases.ts'
import type { CaseEventRow, CaseRow, CaseView } from './cases.repository.ts'

export function toCaseSummary(v: CaseView): CaseSummary {
  const c = v.row
  return {
    id: c.id,
    caseNo: c.caseNo,
    openedOn: c.openedOn,
    intakeUnit: c.intakeUnit,
    status: c.status as CaseSummary['status'],
    urgency: c.urgency as CaseSummary['urgency'],
    ageBand: c.ageBand as CaseSummary['ageBand'],
    ward: c.ward,
    firstConsulter: c.firstConsulter as CaseSummary['firstConsulter'],
    name: c.name,
    kana: c.kana,
    staffName: v.staffName,
    handedOverTo: c.handedOverTo,
    lastContactOn: v.lastContactOn,
    contactCount: v.contactCount,
    lead: c.lead as CaseSummary['lead'],
    nextReviewOn: c.nextReviewOn,
    household8050: v.household8050,
  }
}

export function toCaseDetail(v: CaseView): CaseDetail {
  const c = v.row
  return {
    ...toCaseSummary(v),
    age: c.age,
    birthYear: c.birthYear,
    route: c.route as CaseDetail['route'],
    concerns: c.concerns as CaseDetail['concerns'],
    gender: c.gender as CaseDetail['gender'],
    staffId: c.staffId,
    handedOverOn: c.handedOverOn,
    handoverSummary: c.handoverSummary,
    wardState: c.wardState as CaseDetail['wardState'],
    wardRoute: c.wardRoute as CaseDetail['wardRoute'],
    wardAssessment: c.wardAssessment,
    consentOn: c.consentOn,
    consentNote: c.consentNote,
    leadUnitId: c.leadUnitId,
    leadUnitName: v.leadUnitName,
    leadAccountId: c.leadAccountId,
    leadAccountName: v.leadAccountName,
    closedOn: c.closedOn,
    closureReason: c.closureReason as CaseDetail['closureReason'],
    closureNote: c.closureNote,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  }
}

type SimilarCandidate = z.infer<typeof similarCandidate>
type MatchReason = SimilarCandidate['matchedOn'][number]

export function toSimilarCandidate(r: {
  row: CaseRow
  byName: boolean
  byKana: boolean
  byPhone: boolean
  byBirth: boolean
}): SimilarCandidate {
  const reasons: [boolean, MatchReason][] = [
    [r.byName, 'name'],
    [r.byKana, 'kana'],
    [r.byPhone, 'phone'],
    [r.byBirth, 'birth_ward_gender'],
  ]
  return {
    id: r.row.id,
    caseNo: r.row.caseNo,
    openedOn: r.row.openedOn,
    status: r.row.status as SimilarCandidate['status'],
    name: r.row.name,
    kana: r.row.kana,
    birthYear: r.row.birthYear,
    ward: r.row.ward,
    gender: r.row.gender as SimilarCandidate['gender'],
    matchedOn: reasons.filter(([hit]) => hit).map(([, reason]) => reason),
  }
}

export function toCaseEvent(e: CaseEventRow): CaseEvent {
  return {
    id: e.id,
    at: e.at.toISOString(),
    actorName: e.actorName,
    action: e.action as CaseEvent['action'],
    changes: e.changes as Change[],
    reason: e.reason,
  }
}

/** The intake fields a counsellor enters, as they appear in history. */
export const INTAKE_FIELDS = [
  'openedOn',
  'ward',
  'age',
  'birthYear',
  'ageBand',
  'firstConsulter',
  'route',
  'concerns',
  'urgency',
  'name',
  'kana',
  'gender',
  'staffId',
] as const satisfies readonly (keyof CaseRow)[]
