import type { Period } from '#shared/contracts/common.ts'

/** A list of dated meetings: the period tab and the page live in the URL, so going back returns to it. */
export interface PeriodSearch {
  when?: Period
  page?: number
}

/** Upcoming is the default and is left out of the URL, like the first page. */
export function parsePeriodSearch(raw: Record<string, unknown>): PeriodSearch {
  const out: PeriodSearch = {}
  if (raw.when === 'past' || raw.when === 'all') out.when = raw.when
  const page = Number(raw.page)
  if (Number.isInteger(page) && page > 1) out.page = page
  return out
}

/** The period tabs of the meetings lists, with what each shows when it is empty. */
export const PERIOD_TABS: readonly { when: Period; label: string; empty: string }[] = [
  { when: 'upcoming', label: '今後の会議', empty: '予定されている会議はありません。' },
  { when: 'past', label: '過去の会議', empty: '過去の会議はありません。' },
  { when: 'all', label: 'すべて', empty: '会議はまだありません。' },
]
