import type { InboxItem } from '#shared/contracts/handovers.ts'
import type { InboxRow } from './handovers.repository.ts'

export function toInboxItem(r: InboxRow): InboxItem {
  return {
    id: r.id,
    caseNo: r.caseNo,
    name: r.name,
    openedOn: r.openedOn,
    handedOverOn: r.handedOverOn,
    waitingSince: r.waitingSince,
    wardRoute: r.wardRoute as InboxItem['wardRoute'],
    wardState: r.wardState as InboxItem['wardState'],
    urgency: r.urgency as InboxItem['urgency'],
    ageBand: r.ageBand as InboxItem['ageBand'],
    hasAssessment: r.hasAssessment,
  }
}
