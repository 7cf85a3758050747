// Cell parsers for imported ledgers (docs/ledger-format.md). Each returns a result rather than
// throwing so the importer can collect every error of a file in one pass. Reasons are Japanese
// and never repeat free text from the cell: cells may hold personal data.
import { type CodeList, findWard, type WardCode } from '../codes.ts'
import { DATE_REASONS, eraOf, eraYear, parseDateText, westernDate } from '../typed-dates.ts'
import { quote } from './quote.ts'

/** What a reader hands over for one cell (the same shape as the reader's Cell). */
export type LedgerCell = string | number | boolean | Date | null

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string }

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value })
const fail = <T>(reason: string): Parsed<T> => ({ ok: false, reason })

/** NFKC folds full-width digits, letters, '：', '；' and ㍻-style era ligatures to plain forms. */
const normalise = (text: string) => text.normalize('NFKC').trim()

const NOT_A_DATE = DATE_REASONS.notADate
const NOT_REAL = DATE_REASONS.notReal
const OUTSIDE_ERA = DATE_REASONS.outsideEra

const DAY_MS = 86_400_000
// Excel's 1900 date system counts 1900-02-29, which never existed (serial 60). From serial 61
// on, counting from 1899-12-30 absorbs that phantom day; below it, from 1899-12-31.
function fromSerial(serial: number): Parsed<string> {
  const whole = Math.floor(serial)
  if (!Number.isFinite(serial) || whole < 1 || whole > 109_573) return fail(NOT_A_DATE)
  if (whole === 60) return fail(NOT_REAL)
  const base = whole > 60 ? Date.UTC(1899, 11, 30) : Date.UTC(1899, 11, 31)
  return ok(new Date(base + whole * DAY_MS).toISOString().slice(0, 10))
}

/**
 * A date cell as an ISO date (YYYY-MM-DD), null when blank. Date objects are read by their UTC
 * components: exceljs turns a date cell's serial into UTC midnight, so the calendar day must not
 * shift with the machine's time zone.
 */
export function parseLedgerDate(cell: LedgerCell): Parsed<string | null> {
  if (cell === null) return ok(null)
  if (cell instanceof Date) {
    // Excel has no dates before 1900: an earlier Date is a time-only cell (1899-12-30 14:05).
    if (Number.isNaN(cell.getTime()) || cell.getUTCFullYear() < 1900) return fail(NOT_A_DATE)
    return westernDate(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate())
  }
  if (typeof cell === 'number') return fromSerial(cell)
  if (typeof cell !== 'string') return fail(NOT_A_DATE)
  if (normalise(cell) === '') return ok(null)
  // Typed text reads exactly as in the forms and the API (shared/typed-dates.ts).
  return parseDateText(cell)
}

const BAD_TIME = '時刻は HH:MM で入力してください'
const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`

/** A time cell as HH:MM, null when blank; seconds, as Excel may write them, are dropped. */
export function parseLedgerTime(cell: LedgerCell): Parsed<string | null> {
  if (cell === null) return ok(null)
  if (cell instanceof Date) {
    // exceljs gives a time cell as 1899-12-30 at that time, UTC; round away float noise.
    const ms = cell.getTime()
    if (Number.isNaN(ms)) return fail(BAD_TIME)
    const minutes = Math.round((((ms % DAY_MS) + DAY_MS) % DAY_MS) / 60_000)
    return minutes < 1440 ? ok(hhmm(minutes)) : fail(BAD_TIME)
  }
  if (typeof cell === 'number') {
    // Excel stores a time of day as a fraction of a day; anything else is not a time.
    if (!(cell >= 0 && cell < 1)) return fail(BAD_TIME)
    const minutes = Math.round(cell * 1440)
    return minutes < 1440 ? ok(hhmm(minutes)) : fail(BAD_TIME)
  }
  if (typeof cell !== 'string') return fail(BAD_TIME)
  const text = normalise(cell)
  if (text === '') return ok(null)
  const m = /^(\d{1,2}):(\d{2})(?::\d{2})?$/u.exec(text)
  if (!m) return fail(BAD_TIME)
  const [h, min] = [Number(m[1]), Number(m[2])]
  return h < 24 && min < 60 ? ok(hhmm(h * 60 + min)) : fail(BAD_TIME)
}

/** An integer cell, null when blank; min and max are inclusive. */
export function parseInteger(
  cell: LedgerCell,
  range: { min?: number; max?: number } = {},
): Parsed<number | null> {
  if (cell === null) return ok(null)
  let value: number
  if (typeof cell === 'number') value = cell
  else if (typeof cell === 'string') {
    const text = normalise(cell)
    if (text === '') return ok(null)
    if (!/^[-+]?\d+$/u.test(text)) return fail('整数で入力してください')
    value = Number(text)
  } else return fail('整数で入力してください')
  if (!Number.isSafeInteger(value)) return fail('整数で入力してください')
  if (range.min !== undefined && value < range.min) return fail(`${range.min}以上で入力してください`)
  if (range.max !== undefined && value > range.max) return fail(`${range.max}以下で入力してください`)
  return ok(value)
}

/**
 * The values of a multi-valued cell: separated by ';', '；' or a line break (Alt+Enter). Never
 * by '、' or ',', which occur inside labels (家族・親族、…).
 */
export function splitMulti(cell: LedgerCell): string[] {
  if (cell === null || cell instanceof Date) return []
  return String(cell)
    .split(/[;；\r\n]/u)
    .map((s) => s.trim())
    .filter((s) => s !== '')
}

// A code column should hold only codes, but a person may have typed anything there: quote at
// most a short prefix so a misplaced name or note does not travel whole into an error report.
const CODE_ECHO_CHARS = 20
/** Unknown values of one multi-valued cell quoted at most; the rest are counted. */
const UNKNOWN_SHOWN = 5

function matchCode<C extends string>(list: CodeList<C>, text: string): C | undefined {
  const t = normalise(text)
  const lower = t.toLowerCase()
  return list.find((c) => c.code.toLowerCase() === lower || normalise(c.label) === t)?.code
}

// Labels are joined with '、' because several contain '・' themselves (家族・親族).
const allowed = <C extends string>(list: CodeList<C>) => `使える値：${list.map((c) => c.label).join('、')}`

/** A coded value given as its English code (any case) or its Japanese label; null when blank. */
export function parseCode<C extends string>(list: CodeList<C>, cell: LedgerCell): Parsed<C | null> {
  if (cell === null || (typeof cell === 'string' && normalise(cell) === '')) return ok(null)
  const text = typeof cell === 'string' || typeof cell === 'number' ? String(cell) : ''
  const code = text === '' ? undefined : matchCode(list, text)
  if (code !== undefined) return ok(code)
  return fail(`${quote(normalise(text), CODE_ECHO_CHARS)}は使用できない値です。${allowed(list)}`)
}

/** A multi-valued coded cell; duplicates are dropped, every unknown value is reported. */
export function parseCodes<C extends string>(list: CodeList<C>, cell: LedgerCell): Parsed<C[]> {
  const codes: C[] = []
  const unknown: string[] = []
  for (const part of splitMulti(cell)) {
    const code = matchCode(list, part)
    if (code === undefined) unknown.push(part)
    else if (!codes.includes(code)) codes.push(code)
  }
  if (unknown.length > 0) {
    const shown = unknown.slice(0, UNKNOWN_SHOWN).map((u) => quote(normalise(u), CODE_ECHO_CHARS))
    const more = unknown.length > UNKNOWN_SHOWN ? `ほか${unknown.length - UNKNOWN_SHOWN}件` : ''
    return fail(`${shown.join('')}${more}は使用できない値です。${allowed(list)}`)
  }
  return ok(codes)
}

/** A ward by its code or name (北区, 北, kita, 深草支所 …); null when blank. */
export function parseWardCell(cell: LedgerCell): Parsed<WardCode | null> {
  if (cell === null) return ok(null)
  const text = typeof cell === 'string' ? normalise(cell) : undefined
  if (text === '') return ok(null)
  const ward = text === undefined ? undefined : findWard(text)
  return ward ? ok(ward) : fail('区の名前またはコードとして読み取れません')
}

const NOT_A_FY = '年度として読み取れません（例：2021、令和3年度）'

/**
 * A fiscal year (年度) as its starting 西暦 year: 2021, 2021年度, 令和3年度, R3. 平成31年度 and
 * 令和元年度 both name FY2019 (the era changed in May); an era year past the era's end is refused.
 */
export function parseFiscalYear(cell: LedgerCell): Parsed<number | null> {
  if (cell === null) return ok(null)
  if (typeof cell === 'number') {
    return Number.isInteger(cell) && cell >= 1868 && cell <= 2200 ? ok(cell) : fail(NOT_A_FY)
  }
  if (typeof cell !== 'string') return fail(NOT_A_FY)
  const text = normalise(cell)
  if (text === '') return ok(null)
  const western = /^(\d{4})(?:年度)?$/u.exec(text)
  if (western) {
    const y = Number(western[1])
    return y >= 1868 && y <= 2200 ? ok(y) : fail(NOT_A_FY)
  }
  const m =
    /^(明治|大正|昭和|平成|令和)(\d{1,2}|元)年度$/u.exec(text) ??
    /^([MTSHR])(\d{1,2}|元)(?:年度)?$/iu.exec(text)
  if (!m) return fail(NOT_A_FY)
  const { era, next } = eraOf(m[1]!)
  const n = eraYear(m[2]!)
  const y = Number(era.start.slice(0, 4)) + n - 1
  if (n < 1 || (next && y > Number(next.start.slice(0, 4)))) return fail(OUTSIDE_ERA)
  return ok(y)
}
