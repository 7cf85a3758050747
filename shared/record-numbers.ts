// Case and meeting numbers as staff read them. The stored numbers are codes (2026-00084,
// kita-20261124): a 西暦 fiscal year or a romaji ward with a 西暦 date, which reads badly inside
// Japanese text. Screens show this reading beside the stored number, which stays the key staff
// quote, search and find in the ledger.
import { WARDS } from './codes.ts'
import { fiscalYearLabel, formatWareki, isIsoDate } from './dates.ts'

const CASE_NO = /^(\d{4})-(\d{1,6})$/u
const MEETING_NO = /^([a-z][a-z0-9-]*?)-(\d{4})(\d{2})(\d{2})(?:-(\d+))?$/u

/** 令和8年度 第84号 for 2026-00084 (fiscal year, then the number within it); null for other shapes. */
export function caseNoReading(caseNo: string): string | null {
  const m = CASE_NO.exec(caseNo)
  if (!m) return null
  return `${fiscalYearLabel(Number(m[1]))} 第${Number(m[2])}号`
}

/**
 * 北区 令和8年11月24日 for kita-20261124, with （2回目） for the second meeting of that day
 * (kita-20261124-2). `wardName` is the city's own name of the ward when the caller has it; else
 * the reference list's. Null for numbers of another shape (an imported ledger's own).
 */
export function meetingNoReading(meetingNo: string, wardName?: string | null): string | null {
  const m = MEETING_NO.exec(meetingNo)
  if (!m) return null
  const [, ward, y, mo, d, nth] = m as unknown as [string, string, string, string, string, string?]
  const date = `${y}-${mo}-${d}`
  if (!isIsoDate(date)) return null
  const name = wardName ?? WARDS.find((w) => w.code === ward)?.label ?? null
  if (!name) return null
  return `${name} ${formatWareki(date)}${nth ? `（${Number(nth)}回目）` : ''}`
}

/** The reading followed by the stored number in brackets, or the stored number alone. */
export function caseNoText(caseNo: string): string {
  const reading = caseNoReading(caseNo)
  return reading ? `${reading}（${caseNo}）` : caseNo
}

export function meetingNoText(meetingNo: string, wardName?: string | null): string {
  const reading = meetingNoReading(meetingNo, wardName)
  return reading ? `${reading}（${meetingNo}）` : meetingNo
}
