// Dates and times for people in Japan. Dates are plain ISO strings (YYYY-MM-DD) with no time
// zone; instants are stored in UTC and shown in Asia/Tokyo whatever the machine's zone is.
// 和暦 and 年度 come only from here; typed dates (西暦 or 和暦) are read in typed-dates.ts.

export const TIME_ZONE = 'Asia/Tokyo'

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** True when y-m-d names a real calendar day (2021-02-30 is not one). */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return d <= days
}

export function isIsoDate(input: string): boolean {
  const m = ISO_DATE.exec(input)
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))
}

function tokyoParts(instant: Date): Record<string, string> {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant)
  return Object.fromEntries(parts.map((p) => [p.type, p.value]))
}

/** The calendar date in Tokyo at an instant. */
export function tokyoDate(instant: Date): string {
  const p = tokyoParts(instant)
  return `${p.year}-${p.month}-${p.day}`
}

/** HH:MM in Tokyo at an instant. */
export function tokyoTime(instant: Date): string {
  const p = tokyoParts(instant)
  return `${p.hour}:${p.minute}`
}

/** Whole days from a to b (ISO dates); negative when b is earlier. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000)
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

/** Monday of the week a date falls in (weeks start on Monday in Japanese offices). */
export function startOfWeek(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay() // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7))
}

const eraFormat = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  era: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
})

/** 令和3年8月31日 for 2021-08-31; the first year of an era is 元年 (Intl already writes it so). */
export function formatWareki(date: string): string {
  if (!isIsoDate(date)) return date
  return eraFormat.format(new Date(`${date}T00:00:00Z`)).replace(/(\D)1年/u, '$1元年')
}

/** The letters that stand for an era in short dates (R3.1), as forms and chart axes write them. */
const ERA_LETTER: Record<string, string> = { 令和: 'R', 平成: 'H', 昭和: 'S', 大正: 'T', 明治: 'M' }

/**
 * R3.1 for the month 2021-01 (YYYY-MM): the 和暦 month in the short form a chart's axis has room
 * for; 元年 is written 1 (R1.5), as the short form always does.
 */
export function formatWarekiMonthShort(month: string): string {
  const parsed = /^(\p{Script=Han}+)(元|\d+)年(\d+)月/u.exec(formatWareki(`${month}-01`))
  if (!parsed) return month
  const [, era, year, m] = parsed as unknown as [string, string, string, string]
  return `${ERA_LETTER[era] ?? era}${year === '元' ? 1 : year}.${m}`
}

/** 2021年8月31日（令和3年8月31日）: the 西暦 date with its 和暦, as staff expect on forms. */
export function formatDateBoth(date: string): string {
  if (!isIsoDate(date)) return date
  const [y, m, d] = date.split('-').map(Number)
  return `${y}年${m}月${d}日（${formatWareki(date)}）`
}

/** 2026年12月1日（令和8年）: how a form reads back a typed date, the era year being what staff check. */
export function formatDateReading(date: string): string {
  if (!isIsoDate(date)) return date
  const [y, m, d] = date.split('-').map(Number)
  return `${y}年${m}月${d}日（${formatWareki(date).replace(/年.*$/u, '年')}）`
}

/** 令和3年8月31日 14:05 for an instant, in Tokyo. */
export function formatInstant(instant: Date | string): string {
  const at = typeof instant === 'string' ? new Date(instant) : instant
  return `${formatWareki(tokyoDate(at))} ${tokyoTime(at)}`
}

/** Fiscal year (年度, 1 April – 31 March) that a date falls in, as its starting 西暦 year. */
export function fiscalYearOf(date: string): number {
  const [y, m] = date.split('-').map(Number) as [number, number]
  return m >= 4 ? y : y - 1
}

/**
 * 令和3年度 for 2021. The era is read on 1 May: FY2019 began in 平成31年 April, yet it is
 * officially 令和元年度 (the era changed on 1 May 2019).
 */
export function fiscalYearLabel(fy: number): string {
  const era = formatWareki(`${fy}-05-01`)
  return era.replace(/年.*$/u, '年度')
}
