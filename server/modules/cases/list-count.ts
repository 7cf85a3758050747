import { type SQL, sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { cases } from '#server/db/schema/index.ts'

/**
 * Up to this many cases the list counts exactly; past it, it says about how many (約) from the
 * planner's estimate. Counting every case in scope for each page cost O(cases): 25–36 ms at
 * 200,000 cases, for a number nobody reads to the last digit. Counting stops here instead.
 */
export const EXACT_COUNT_UP_TO = 5_000

/**
 * How many cases `where` holds: exact up to `upTo` (reading at most one more), else
 * the planner's estimate for the same condition, never below what was counted (upTo + 1).
 */
export async function countCases(
  db: Db,
  where: SQL | undefined,
  upTo = EXACT_COUNT_UP_TO,
): Promise<{ total: number; estimated: boolean }> {
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
