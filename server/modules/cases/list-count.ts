import { type SQL, sql } from 'drizzle-orm'
import { PgDialect } from 'drizzle-orm/pg-core'
import type { Db } from '#server/db/client.ts'
import { cases } from '#server/db/schema/index.ts'

/**
 * Up to this many cases the list counts exactly; past it, it says about how many (約) from the
 * planner's estimate. Counting every case in scope for each page cost O(cases): 25–36 ms at
 * 200,000 cases, for a number nobody reads to the last digit. Counting stops here instead.
 */
export const EXACT_COUNT_UP_TO = 5_000

/**
 * How long an estimate is given again for the same condition without counting: past the
 * threshold every page of the list counted EXACT_COUNT_UP_TO + 1 cases and asked the planner
 * again, for a figure shown as approximate (約). Within this time a change of the cases (an
 * import, a deletion) may leave that figure behind, and a list that fell under the threshold may
 * still say 約 until it is counted again.
 */
export const ESTIMATE_REUSE_MS = 10_000
/** Conditions whose estimate is kept, per database handle; past this many, they are all forgotten. */
const MOST_ESTIMATES = 1_000

type Count = { total: number; estimated: boolean }
const estimates = new WeakMap<Db, Map<string, { total: number; until: number }>>()
const dialect = new PgDialect()

/**
 * How many cases `where` holds: exact up to `upTo` (reading at most one more), else
 * the planner's estimate for the same condition, never below what was counted (upTo + 1).
 * An estimate is given again for the same condition on the same handle for ESTIMATE_REUSE_MS; an
 * exact count is always made afresh (a case just added is in the next list's total).
 */
export async function countCases(db: Db, where: SQL | undefined, upTo = EXACT_COUNT_UP_TO): Promise<Count> {
  const query = dialect.sqlToQuery(where ?? sql`true`)
  const key = `${upTo} ${query.sql} ${JSON.stringify(query.params)}`
  let kept = estimates.get(db)
  if (!kept) {
    kept = new Map()
    estimates.set(db, kept)
  }
  const known = kept.get(key)
  if (known && known.until > Date.now()) return { total: known.total, estimated: true }
  const count = await countNow(db, where, upTo)
  if (!count.estimated) kept.delete(key)
  else {
    if (kept.size >= MOST_ESTIMATES) kept.clear()
    kept.set(key, { total: count.total, until: Date.now() + ESTIMATE_REUSE_MS })
  }
  return count
}

async function countNow(db: Db, where: SQL | undefined, upTo: number): Promise<Count> {
  const cap = sql.raw(String(upTo + 1))
  const filtered = sql`select 1 from ${cases}${where ? sql` where ${where}` : sql``}`
  const counted = (await db.execute(
    sql`select count(*)::int as n from (${filtered} limit ${cap}) as capped`,
  )) as unknown as { rows: { n: number }[] }
  const n = Number(counted.rows[0]?.n ?? 0)
  if (n <= upTo) return { total: n, estimated: false }
  const plan = (await db.execute(sql`explain (format json) ${filtered}`)) as unknown as {
    rows: Record<string, unknown>[]
  }
  return { total: Math.max(n, estimatedRows(plan.rows[0])), estimated: true }
}

/** The top plan node's row estimate from EXPLAIN (FORMAT JSON) (one row, one column: the plan). */
function estimatedRows(row: Record<string, unknown> | undefined): number {
  const cell = row ? Object.values(row)[0] : undefined
  const doc = typeof cell === 'string' ? JSON.parse(cell) : cell
  const rows = Array.isArray(doc) ? doc[0]?.Plan?.['Plan Rows'] : undefined
  return typeof rows === 'number' ? Math.round(rows) : 0
}
