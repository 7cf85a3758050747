// 実人数 and 延べ件数 (docs/report-rules.md "Volumes"): window cases and their contacts, for the
// period, per month and per ward, beside the populations headquarters enters by fiscal year.
import { sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { filter8050, fiscalYearsOf, type ReportOptions, rowsOf, wardFilter } from './report-period.ts'

/** One grouping's counts: `month` and `ward` are null where the row is over all of them. */
export interface VolumeRow {
  month: string | null
  ward: string | null
  /** 0: the period, 1: one ward, 2: one month (GROUPING of month, ward). */
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

/**
 * Contacts dated in the period on window cases (count) and the distinct cases they were on
 * (people); `consultations` counts those on cases opened in the period. Counted per case and
 * month first, so that "distinct cases" is a count of rows at each level instead of a
 * count(distinct) that sorts every contact once per grouping (the report's time targets).
 */
export async function countContactVolumes(db: Db, tenantId: string, o: ReportOptions) {
  const opened = sql`c.opened_on between ${o.from}::date and ${o.to}::date`
  return rowsOf<VolumeRow & { consultations: number }>(
    db,
    sql`with per_month as (
        select c.id, c.ward, date_trunc('month', ct.contacted_on) as m, ${opened} as opened_in,
          count(*)::int as n
        from contacts ct
        join cases c on c.tenant_id = ct.tenant_id and c.id = ct.case_id
        where ct.tenant_id = ${tenantId} and c.intake_unit = 'window'
          and ct.contacted_on between ${o.from}::date and ${o.to}::date
          ${wardFilter(sql`c.ward`, o.ward)} ${filter8050(sql`c.id`, tenantId, o)}
        group by c.id, c.ward, m, opened_in),
      per_case as (
        select id, ward, opened_in, sum(n)::int as n from per_month group by id, ward, opened_in)
      select to_char(m, 'YYYY-MM') as month, null::text as ward, 1 as g, count(*)::int as people,
          sum(n)::int as count, coalesce(sum(n) filter (where opened_in), 0)::int as consultations
        from per_month group by m
      union all
      select null, ward, grouping(ward)::int + 2, count(*)::int, coalesce(sum(n), 0)::int,
          coalesce(sum(n) filter (where opened_in), 0)::int
        from per_case group by grouping sets ((), (ward))`,
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
