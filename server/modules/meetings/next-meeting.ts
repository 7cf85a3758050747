// When the next meeting of a ward probably is: wards meet monthly on a fixed week and weekday
// (e.g. the third Tuesday), so the suggestion keeps both. Pure, for the scheduling form's start.

const DAY_MS = 86_400_000

function parts(iso: string) {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  return { y, m, d }
}

const iso = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`

const weekdayOf = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).getUTCDay()
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate()

/** The `week`-th (1–5) `weekday` of a month; a fifth that the month lacks becomes its last. */
function nthWeekday(y: number, m: number, week: number, weekday: number): string {
  const first = 1 + ((weekday - weekdayOf(y, m, 1) + 7) % 7)
  let d = first + 7 * (week - 1)
  if (d > daysIn(y, m)) d -= 7
  return iso(y, m, d)
}

/**
 * The same week and weekday in the month after `previous`, moved on month by month until it is
 * not before `today` (a ward that has not met for a while gets its next date, not a past one).
 */
export function suggestNextMeetingDate(previous: string, today: string): string {
  const { y, m, d } = parts(previous)
  const week = Math.ceil(d / 7)
  const weekday = weekdayOf(y, m, d)
  let year = y
  let month = m
  for (let i = 0; i < 600; i++) {
    month += 1
    if (month > 12) {
      month = 1
      year += 1
    }
    const next = nthWeekday(year, month, week, weekday)
    if (next >= today) return next
  }
  // Unreachable for real dates; a plain month on keeps the function total.
  return new Date(Date.parse(`${today}T00:00:00Z`) + 30 * DAY_MS).toISOString().slice(0, 10)
}
