import type { InboxItem } from '#shared/contracts/handovers.ts'
import { daysBetween } from '#shared/dates.ts'
import type { InboxRow } from './handovers.repository.ts'

/** `today` and the city's limit decide how long the case has waited and whether that is too long. */
export function toInboxItem(r: InboxRow, today: string, waitLimitDays: number): InboxItem {
  const daysWaiting = daysBetween(r.waitingSince, today)
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
    daysWaiting,
    waitingLong: daysWaiting > waitLimitDays,
  }
}
