import { formatWareki, isIsoDate } from '#shared/dates.ts'

const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'] as const

/** 令和8年12月12日（土） 14:00～16:00: families arrange by weekday, so it is shown with the date. */
export function seminarWhenText(s: { heldOn: string; startTime: string; endTime: string | null }): string {
  if (!isIsoDate(s.heldOn)) return s.heldOn
  const weekday = WEEKDAYS[new Date(`${s.heldOn}T00:00:00Z`).getUTCDay()]
  return `${formatWareki(s.heldOn)}（${weekday}） ${s.startTime}～${s.endTime ?? ''}`
}

/** 会場, オンライン, or both. */
export function seminarPlaceText(s: { place: string | null; online: boolean }): string {
  return [s.place, s.online ? 'オンライン' : null].filter(Boolean).join('／')
}

/** 3人／定員20人（待ち2人）: people, not registrations. */
export function seatsText(s: {
  confirmedPeople: number
  capacity: number
  waitlistedPeople: number
}): string {
  const waiting = s.waitlistedPeople > 0 ? `（キャンセル待ち${s.waitlistedPeople}人）` : ''
  return `${s.confirmedPeople}人／定員${s.capacity}人${waiting}`
}
