import { type SQL, sql } from 'drizzle-orm'
import { fiscalYearOf } from '../../../shared/dates.ts'
import type { Db } from '../../db/client.ts'

/** What a report is asked for: an inclusive period, optionally one ward and a named baseline. */
export interface ReportOptions {
  from: string
  to: string
  ward?: string | null
  baseline?: string | null
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
 * Runs an aggregate query. The report's queries are written as plain SQL with FILTER clauses,
 * which read closer to the definitions in report.md than the query builder would; both drivers
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
