// 実人数 and 延べ件数 (docs/report-rules.md "Volumes"): window cases, for the period, per month and
// per ward (their contacts are counted in contacts.sql.ts), beside the populations headquarters
// enters by fiscal year.
import { sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { windowCases } from './consultations.sql.ts'
import { fillMonths, fiscalYearsOf, monthKey, monthsOf, type ReportOptions, rowsOf } from './report-period.ts'

/** One grouping's counts: `month` and `ward` are null where the row is over all of them. */
export interface VolumeRow {
  month: string | null
  ward: string | null
  /** 3: the period, 1: one month, 2: one ward (GROUPING of month, ward). */
  g: number
  people: number
  count: number
}

/**
 * Cases opened in the period at the window (people): by month (図2 too), by ward, in all. Their
 * contacts are counted in the one read of contacts (contacts.sql.ts). The cases are first counted
 * per opening day and ward (one hash of a few thousand), and only those counts are keyed by month
 * and labelled (monthKey): the month of every case and the grouping sets' hashes per case took
 * 47 ms of 140,000 cases at 20 times the bench city, 35 ms this way.
 */
export async function countConsultationVolumes(db: Db, tenantId: string, o: ReportOptions) {
  return rowsOf<Omit<VolumeRow, 'count'>>(
    db,
    sql`select to_char(v.m + 1, 'YYYY-MM') as month, v.ward, grouping(v.m, v.ward)::int as g,
        coalesce(sum(v.n), 0)::int as people
      from (select ${monthKey(sql`c.opened_on`)} as m, c.ward, count(*) as n ${windowCases(tenantId, o)}
        group by c.opened_on, c.ward) v
      group by grouping sets ((), (v.m), (v.ward))`,
  )
}

/** 図2: the window's new cases per calendar month, every month of the period. */
export function monthlyNewCasesOf(o: ReportOptions, opened: Omit<VolumeRow, 'count'>[]) {
  return fillMonths(
    monthsOf(o.from, o.to),
    opened.filter((r) => r.g === 1).map((r) => ({ month: r.month!, n: r.people })),
  )
}

export interface WardPopulations {
  /** Every ward of the city in its order (the chosen one only, with a ward). */
  wards: { code: string; active: boolean }[]
  /** `${ward}:${fiscalYear}` → population. */
  byWardYear: Map<string, number>
}

/** The wards and their entered populations for the fiscal years the period overlaps. */
export async function findPopulations(db: Db, tenantId: string, o: ReportOptions): Promise<WardPopulations> {
  const years = fiscalYearsOf(o.from, o.to)
  const [wards, populations] = [
    await rowsOf<{ code: string; active: boolean }>(
      db,
      sql`select code, active from wards where tenant_id = ${tenantId} order by sort_order, code`,
    ),
    await rowsOf<{ ward: string; fy: number; population: number }>(
      db,
      sql`select ward_code as ward, fiscal_year as fy, population from ward_populations
        where tenant_id = ${tenantId} and fiscal_year between ${years[0]!} and ${years.at(-1)!}`,
    ),
  ]
  return {
    wards,
    byWardYear: new Map(populations.map((p) => [`${p.ward}:${p.fy}`, p.population])),
  }
}
