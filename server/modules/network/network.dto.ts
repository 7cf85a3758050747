import type { Actor } from '#server/platform/actor.ts'
import { labelOf, UNIT_KINDS, type UnitKind } from '#shared/codes.ts'
import type {
  CaseStudyShare,
  NetworkMeetingDetail,
  NetworkMeetingSummary,
} from '#shared/contracts/network.ts'
import { mayWithdrawShare, schedulesMeetings, sharesCases } from './network.policy.ts'
import type { NetworkMeetingView, ShareView } from './network.repository.ts'

export function toMeetingSummary(m: NetworkMeetingView): NetworkMeetingSummary {
  return {
    id: m.id,
    kind: m.kind as NetworkMeetingSummary['kind'],
    title: m.title,
    heldOn: m.heldOn,
    startTime: m.startTime,
    place: m.place,
    shareCount: m.shareCount,
  }
}

/** Where a share came from: the sharer's ward, else their unit's kind (相談窓口, よりそい支援員). */
function originOf(s: ShareView): string {
  if (s.ward) return s.wardName ?? s.ward
  return s.sharedByUnitKind ? labelOf(UNIT_KINDS, s.sharedByUnitKind as UnitKind) : '不明'
}

/** Only the anonymised fields: the case id the row keeps never leaves the server. */
export function toShare(s: ShareView, actor: Actor): CaseStudyShare {
  return {
    id: s.id,
    title: s.title,
    origin: originOf(s),
    ageBand: s.ageBand as CaseStudyShare['ageBand'],
    gender: s.gender as CaseStudyShare['gender'],
    firstConsulter: s.firstConsulter as CaseStudyShare['firstConsulter'],
    concerns: s.concerns as CaseStudyShare['concerns'],
    lead: s.lead as CaseStudyShare['lead'],
    openedFiscalYear: s.openedFiscalYear,
    summary: s.summary,
    question: s.question,
    sharedByName: s.sharedByName,
    sharedAt: s.sharedAt.toISOString(),
    canDelete: mayWithdrawShare(actor, s),
  }
}

/** `today` (Tokyo): cases are shared to a meeting until its day, not after it was held. */
export function toMeetingDetail(
  m: NetworkMeetingView,
  shares: ShareView[],
  actor: Actor,
  today: string,
): NetworkMeetingDetail {
  return {
    ...toMeetingSummary(m),
    note: m.note,
    updatedAt: m.updatedAt.toISOString(),
    access: {
      canEdit: schedulesMeetings(actor),
      canShare: m.kind === 'case_study' && m.heldOn >= today && sharesCases(actor),
    },
    shares: shares.map((s) => toShare(s, actor)),
  }
}
