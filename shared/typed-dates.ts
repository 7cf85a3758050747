// Dates as people type them: 西暦 (2021-08-31, 2021/8/31, 2021年8月31日) and 和暦 (令和3年8月31日,
// R3.8.31, R3/8/31), full-width digits and era ligatures included. The ledger importer, the
// forms' live reading and the API's date inputs all read dates through parseDateText, so a date
// a counsellor can type is a date the importer reads, and the other way round.
import { isRealDate } from './dates.ts'

export type DateReading = { ok: true; value: string } | { ok: false; reason: string }

/** Reasons are Japanese and never repeat the text: it may be a name typed in the wrong field. */
export const DATE_REASONS = {
  notADate: '日付として読み取れません（例：2021-08-31、R3.8.31、令和3年8月31日）',
  notReal: '実在しない日付です',
  outsideEra: '和暦の日付が元号の期間外です',
} as const

const ok = (value: string): DateReading => ({ ok: true, value })
const fail = (reason: string): DateReading => ({ ok: false, reason })

interface Era {
  letter: string
  name: string
  start: string
}
// Each era runs from its start to the day before the next one's start.
const ERAS: Era[] = [
  { letter: 'M', name: '明治', start: '1868-10-23' },
  { letter: 'T', name: '大正', start: '1912-07-30' },
  { letter: 'S', name: '昭和', start: '1926-12-25' },
  { letter: 'H', name: '平成', start: '1989-01-08' },
  { letter: 'R', name: '令和', start: '2019-05-01' },
]

/** The era named by 令和 or R (any case), with the one after it (undefined for the current era). */
export function eraOf(token: string): { era: Era; next: Era | undefined } {
  const i = ERAS.findIndex((e) => e.name === token || e.letter === token.toUpperCase())
  return { era: ERAS[i]!, next: ERAS[i + 1] }
}

/** An era year as typed: 元 is the first. */
export const eraYear = (n: string) => (n === '元' ? 1 : Number(n))

const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`

// Western dates may carry a time, as Excel writes date-time cells to CSV (2021/8/31 14:05).
const WESTERN = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/u
const WESTERN_KANJI = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/u
const ERA_SHORT = /^([MTSHR])(\d{1,2}|元)([-/.])(\d{1,2})\3(\d{1,2})$/iu
const ERA_LONG = /^(明治|大正|昭和|平成|令和)(\d{1,2}|元)年(\d{1,2})月(\d{1,2})日$/u

/** A 西暦 date as ISO, refused before the first era or beyond any plausible record. */
export function westernDate(y: number, m: number, d: number): DateReading {
  if (y < 1868 || y > 2200) return fail(DATE_REASONS.notADate)
  return isRealDate(y, m, d) ? ok(iso(y, m, d)) : fail(DATE_REASONS.notReal)
}

function warekiDate(token: string, n: number, m: number, d: number): DateReading {
  const { era, next } = eraOf(token)
  const y = Number(era.start.slice(0, 4)) + n - 1
  if (!isRealDate(y, m, d)) return fail(DATE_REASONS.notReal)
  const date = iso(y, m, d)
  // ISO strings compare in calendar order. 平成31年5月1日 was never a day: the era had ended.
  if (n < 1 || date < era.start || (next && date >= next.start)) return fail(DATE_REASONS.outsideEra)
  return ok(date)
}

/**
 * A typed date as ISO (YYYY-MM-DD). NFKC first folds full-width digits and letters (ｒ８．１２．１)
 * and era ligatures (㋿). Blank text is not a date: callers decide what blank means.
 */
export function parseDateText(text: string): DateReading {
  const t = text.normalize('NFKC').trim()
  let m = WESTERN.exec(t)
  if (m) return westernDate(Number(m[1]), Number(m[3]), Number(m[4]))
  m = WESTERN_KANJI.exec(t)
  if (m) return westernDate(Number(m[1]), Number(m[2]), Number(m[3]))
  m = ERA_SHORT.exec(t)
  if (m) return warekiDate(m[1]!, eraYear(m[2]!), Number(m[4]), Number(m[5]))
  m = ERA_LONG.exec(t)
  if (m) return warekiDate(m[1]!, eraYear(m[2]!), Number(m[3]), Number(m[4]))
  return fail(DATE_REASONS.notADate)
}

/** The ISO date of typed text, or undefined: for checks that need only yes or no. */
export function typedDate(text: string): string | undefined {
  const reading = parseDateText(text)
  return reading.ok ? reading.value : undefined
}
