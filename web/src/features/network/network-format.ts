import { formatWareki, isIsoDate } from '#shared/dates.ts'

const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'] as const

/** 令和8年12月10日（木）: meetings are arranged by weekday, so it is shown with the date. */
export function networkDateText(heldOn: string): string {
  if (!isIsoDate(heldOn)) return heldOn
  const weekday = WEEKDAYS[new Date(`${heldOn}T00:00:00Z`).getUTCDay()]
  return `${formatWareki(heldOn)}（${weekday}）`
}

/** 令和8年12月10日（木） 14:00～, or the date alone when no start time is set. */
export function networkWhenText(heldOn: string, startTime: string | null): string {
  return startTime ? `${networkDateText(heldOn)} ${startTime}～` : networkDateText(heldOn)
}
