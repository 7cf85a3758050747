// 実人数 and 延べ件数 (docs/report-rules.md "Volumes"): window cases, for the period, per month and
// per ward (their contacts are counted in contacts.sql.ts), beside the populations headquarters
// enters by fiscal year.
import { sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { filter8050, fiscalYearsOf, type ReportOptions, rowsOf, wardFilter } from './report-period.ts'

/** One grouping's counts: `month` and `ward` are null where the row is over all of them. */
export interface VolumeRow {
  month: string | null
  ward: string | null
  /** 3: the period, 1: one month, 2: one ward (GROUPING of month, ward). */
  g: number
  people: number
  count: number
}

/** Cases opened in the period at the window (people), with the contacts on them dated in the period (count). */
export async function countConsultationVolumes(db: Db, tenantId: string, o: ReportOptions) {
  const month = sql`to_char(c.opened_on, 'YYYY-MM')`
  const opened = await rowsOf<Omit<VolumeRow, 'count'>>(
    db,
    sql`select ${month} as month, c.ward, grouping(${month}, c.ward)::int as g, count(*)::int as people
      from cases c
      where c.tenant_id = ${tenantId} and c.intake_unit = 'window'
        and c.opened_on between ${o.from}::date and ${o.to}::date
        ${wardFilter(sql`c.ward`, o.ward)} ${filter8050(sql`c.id`, tenantId, o)}
      group by grouping sets ((), (${month}), (c.ward))`,
  )
  return opened
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
