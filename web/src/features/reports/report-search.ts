import { fiscalYearLabel, fiscalYearOf, formatWareki, tokyoDate } from '#shared/dates.ts'

/** The report's conditions as kept in the page's URL; dates as ISO once they parse. */
export interface ReportSearch {
  from?: string
  to?: string
  ward?: string
  baseline?: string
  /** 'true': only the cases in the 8050 situation; absent: all cases. */
  flag8050?: 'true'
}

export const REPORT_SEARCH_KEYS = ['from', 'to', 'ward', 'baseline'] as const

export function parseReportSearch(raw: Record<string, unknown>): ReportSearch {
  const out: ReportSearch = {}
  for (const key of REPORT_SEARCH_KEYS) {
    const value = raw[key]
    if (typeof value === 'string' && value.trim() !== '') out[key] = value.trim()
  }
  // The router reads ?flag8050=true as JSON (a boolean); the API takes the text.
  if (raw.flag8050 === true || raw.flag8050 === 'true') out.flag8050 = 'true'
  return out
}

export interface PeriodShortcut {
  label: string
  from: string
  to: string
}

/** The current fiscal year and the three before it (1 April – 31 March), newest first. */
export function fiscalYearShortcuts(today: string = tokyoDate(new Date())): PeriodShortcut[] {
  const current = fiscalYearOf(today)
  return [0, 1, 2, 3].map((back) => {
    const fy = current - back
    return { label: fiscalYearLabel(fy), from: `${fy}-04-01`, to: `${fy + 1}-03-31` }
  })
}

/** The period of the 2021 evaluation report (the first year of the reorganised window). */
export const SEED_PERIOD: PeriodShortcut = {
  label: '令和2年9月～令和3年8月',
  from: '2020-09-01',
  to: '2021-08-31',
}

/** 令和2年9月1日～令和3年8月31日 */
export function periodLabel(from: string, to: string): string {
  return `${formatWareki(from)}～${formatWareki(to)}`
}

/** The last day of a month given as YYYY-MM. */
function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)
}

/**
 * The monthly run on headquarters' home: the calendar month before `today` and its fiscal year
 * up to that month's end. Both end with the past month, so on 1 April the year to date is the
 * whole year just closed, not an empty new one.
 */
export function monthlyPeriods(today: string = tokyoDate(new Date())): {
  month: PeriodShortcut
  yearToDate: PeriodShortcut
} {
  const [y, m] = today.split('-').map(Number) as [number, number]
  const past = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
  const from = `${past}-01`
  const to = lastDayOf(past)
  const fy = fiscalYearOf(from)
  return {
    month: { label: formatWareki(from).replace(/1日$/u, ''), from, to },
    yearToDate: {
      label: `${fiscalYearLabel(fy)}（${formatWareki(to).replace(/\d+日$/u, '')}まで）`,
      from: `${fy}-04-01`,
      to,
    },
  }
}
