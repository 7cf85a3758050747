import { CASE_LEADS, labelOf } from '#shared/codes.ts'
import { formatWareki, isIsoDate } from '#shared/dates.ts'
import type { Decision } from './meeting-types.ts'

const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'] as const

/** 令和8年12月1日（火）: meetings are arranged by weekday, so it is shown with the date. */
export function meetingDateText(heldOn: string): string {
  if (!isIsoDate(heldOn)) return heldOn
  const weekday = WEEKDAYS[new Date(`${heldOn}T00:00:00Z`).getUTCDay()]
  return `${formatWareki(heldOn)}（${weekday}）`
}

/** 令和8年12月1日（火） 14:00～, or the date alone when no start time is set. */
export function meetingWhenText(heldOn: string, startTime: string | null): string {
  return startTime ? `${meetingDateText(heldOn)} ${startTime}～` : meetingDateText(heldOn)
}

type LeadFields = Pick<Decision, 'lead' | 'leadUnitName' | 'leadAccountName'>

/** 主担当 as people read it: the kind, with the section, worker or organisation in brackets. */
export function leadText(d: LeadFields): string {
  const kind = labelOf(CASE_LEADS, d.lead)
  const who = d.lead === 'accompaniment' ? (d.leadAccountName ?? d.leadUnitName) : d.leadUnitName
  return who && d.lead !== 'rediscuss' ? `${kind}（${who}）` : kind
}

/** The agency's reading period is over once today (Tokyo) is past agendaVisibleUntil. */
export function agendaPeriodOver(visibleUntil: string | null, today: string): boolean {
  return visibleUntil !== null && today > visibleUntil
}

/** 「12件中 5件決定」 for the list and the home page. */
export function agendaCountText(agendaCount: number, decidedCount: number): string {
  if (agendaCount === 0) return '議題なし'
  return `${agendaCount}件（決定 ${decidedCount}件）`
}
