import { type SQL, sql } from 'drizzle-orm'
import { AppError } from '#server/platform/errors.ts'

/**
 * Keyset pagination for the case list (`after`, `nextCursor`): the next page starts after the
 * last row shown, found through the sort's index, instead of counting OFFSET rows past every
 * earlier page. The cursor holds the last row's sort value, case number and id (the list's full
 * order, so ties in the sort value neither repeat nor skip a case), and which sort it belongs to.
 * It names no person: a kana sort's value is the kana, so it is a personal value only as much as
 * the page that handed it out; it travels in the query string of the caller's own requests.
 */
export interface ListCursor {
  sort: string
  order: 'asc' | 'desc'
  /** The last row's sort value (null: a missing value, sorted last). */
  value: string | number | null
  caseNo: string
  id: string
}

const BAD_CURSOR = 'ページの続きを示す値（after）が正しくありません。一覧を最初から表示し直してください'

export function encodeCursor(cursor: ListCursor): string {
  return Buffer.from(
    JSON.stringify([cursor.sort, cursor.order, cursor.value, cursor.caseNo, cursor.id]),
  ).toString('base64url')
}

/** The cursor of `after`, checked against the list's sort: a cursor of another sort is refused. */
export function decodeCursor(after: string, sort: string, order: 'asc' | 'desc'): ListCursor {
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'))
  } catch {
    parsed = undefined
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 5 ||
    parsed[0] !== sort ||
    parsed[1] !== order ||
    !(parsed[2] === null || typeof parsed[2] === 'string' || Number.isInteger(parsed[2])) ||
    typeof parsed[3] !== 'string' ||
    typeof parsed[4] !== 'string' ||
    !/^[0-9a-f-]{36}$/i.test(parsed[4])
  ) {
    throw new AppError('validation', BAD_CURSOR, [{ field: 'after', message: BAD_CURSOR }])
  }
  return { sort, order, value: parsed[2] as ListCursor['value'], caseNo: parsed[3], id: parsed[4] }
}

/**
 * The rows after the cursor in the order `key order nulls last, case_no, id` (cases.search.repository.ts).
 * A missing value sorts after every present one in either direction.
 */
export function afterCursor(key: SQL, caseNo: SQL, id: SQL, cursor: ListCursor): SQL {
  const tie = sql`(${caseNo}, ${id}) > (${cursor.caseNo}, ${cursor.id}::uuid)`
  if (cursor.value === null) return sql`(${key} is null and ${tie})`
  const value = sql`${cursor.value}`
  const beyond = cursor.order === 'asc' ? sql`${key} > ${value}` : sql`${key} < ${value}`
  return sql`(${beyond} or (${key} = ${value} and ${tie}) or ${key} is null)`
}
