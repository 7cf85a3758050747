import { formatDateReading, tokyoDate } from '#shared/dates.ts'
import { DATE_REASONS, parseDateText } from '#shared/typed-dates.ts'

/** 2021-08-31 → 2021/8/31, the way staff write dates on forms. */
export function slashDate(iso: string): string {
  const [y, m, d] = iso.split('-')
  return `${y}/${Number(m)}/${Number(d)}`
}

/** Today in Tokyo as a form default, whatever time zone the workstation is set to. */
export function todayText(): string {
  return slashDate(tokyoDate(new Date()))
}

/**
 * What a date field reads back beside itself as the person types: the date it will be saved as,
 * or, shortly (it is announced), why it is none. Blank says nothing.
 */
export function dateReadingText(value: string): string {
  if (value.trim() === '') return ''
  const reading = parseDateText(value)
  if (reading.ok) return formatDateReading(reading.value)
  return reading.reason === DATE_REASONS.notADate ? '日付として読み取れません' : reading.reason
}
