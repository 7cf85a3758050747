import { type SQL, sql } from 'drizzle-orm'
import { PgTransaction } from 'drizzle-orm/pg-core'
import { type Db, embeddedClient } from '#server/db/client.ts'
import { cases } from '#server/db/schema/index.ts'
import { household8050 } from '#server/modules/cases/index.ts'
import { fiscalYearOf } from '#shared/dates.ts'

/**
 * What a report is asked for: an inclusive period, optionally one ward, a named baseline, and
 * only the cases in the 8050 situation.
 */
export interface ReportOptions {
  from: string
  to: string
  ward?: string | null
  baseline?: string | null
  flag8050?: boolean
}

/** Every calendar month (YYYY-MM) that the period touches, in order. */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = []
  let [y, m] = from.split('-').map(Number) as [number, number]
  const [ty, tm] = to.split('-').map(Number) as [number, number]
  while (y < ty || (y === ty && m <= tm)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`)
    m += 1
    if (m > 12) {
      y += 1
      m = 1
    }
  }
  return months
}

/** The fiscal years (年度, by starting 西暦 year) that overlap the period. */
export function fiscalYearsOf(from: string, to: string): number[] {
  const years: number[] = []
  for (let fy = fiscalYearOf(from); fy <= fiscalYearOf(to); fy++) years.push(fy)
  return years
}

/** Counts per month from SQL, laid over every month of the period (zeros where none). */
export function fillMonths(months: string[], rows: { month: string; n: number }[]) {
  const found = new Map(rows.map((r) => [r.month, r.n]))
  return months.map((month) => ({ month, count: found.get(month) ?? 0 }))
}

/**
 * A date's month as the day before the month starts, to group by: cheaper per row than to_char or
 * date_trunc (to_char over the bench city's contacts took ~70 ms of the report on PGlite). Label
 * the grouped rows with `to_char(key + 1, 'YYYY-MM')`.
 */
export function monthKey(date: SQL): SQL {
  return sql`${date} - date_part('day', ${date})::int`
}

/**
 * Runs an aggregate query. The report's queries are written as plain SQL with FILTER clauses,
 * which read closer to the definitions in docs/report-rules.md than the query builder would; both drivers
 * (PGlite and node-postgres) return `{ rows }`. Every count is cast to int in SQL.
 */
export async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] }
  return result.rows
}

/** `and <column> = ward` when the report is for one ward, else nothing. */
export function wardFilter(column: SQL, ward: string | null | undefined): SQL {
  return ward ? sql`and ${column} = ${ward}` : sql``
}

/**
 * `and <case id> in (the 8050 cases)` when the report is for 8050 households only, else nothing.
 * The rule is the one SQL expression of the case list (household-8050.ts); it names the cases
 * table itself, so it runs in a subquery of its own beside the report's aliased `cases c`.
 */
export function filter8050(caseId: SQL, tenantId: string, o: ReportOptions): SQL {
  if (!o.flag8050) return sql``
  return sql`and ${caseId} in (select ${cases.id} from ${cases} where ${cases.tenantId} = ${tenantId} and ${household8050})`
}

/**
 * Independent reads of one section: side by side on a PostgreSQL pool (each on a connection of
 * its own), in turn on a transaction's one connection, which node-postgres refuses a query
 * started while it runs another. PGlite runs them one at a time either way.
 */
export async function sideBySide<T extends readonly (() => Promise<unknown>)[]>(
  db: Db,
  reads: T,
): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  if (!(db instanceof PgTransaction)) return (await Promise.all(reads.map((read) => read()))) as never
  const results: unknown[] = []
  for (const read of reads) results.push(await read())
  return results as never
}

/**
 * A condition per half of the cases by id (ids are random), for a statement over every case
 * that is most of a big city's report and runs on one core: on a PostgreSQL pool its halves run
 * side by side on two connections (`and <case id> < middle`, `and <case id> >= middle`), and
 * counts of cases add up over them. A transaction has one connection and PGlite runs one
 * statement at a time: there one statement, with no condition.
 */
export function caseHalves(db: Db, caseId: SQL): SQL[] {
  if (db instanceof PgTransaction || embeddedClient(db)) return [sql``]
  const middle = sql`'80000000-0000-0000-0000-000000000000'::uuid`
  return [sql`and ${caseId} < ${middle}`, sql`and ${caseId} >= ${middle}`]
}
