// Figures that are not case records: entered baselines (比較基準) and subsidised resources.
import { sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { fiscalYearsOf, type ReportOptions, rowsOf } from './report-period.ts'

export interface BaselineRows {
  label: string
  values: Map<string, number | null>
}

/**
 * The baseline the caller names, or else the most recent one ending before `from` (latest end
 * date, then label). Undefined when there is none; a named label that does not exist is too
 * (the service reports it as an input error).
 */
export async function findBaseline(db: Db, tenantId: string, o: ReportOptions) {
  let label = o.baseline ?? null
  if (!label) {
    const [latest] = await rowsOf<{ label: string }>(
      db,
      sql`select label from baselines
        where tenant_id = ${tenantId} and to_on < ${o.from}::date
        order by to_on desc, label limit 1`,
    )
    label = latest?.label ?? null
  }
  if (!label) return undefined
  const rows = await rowsOf<{ metric: string; value: number | null }>(
    db,
    sql`select metric, value from baselines where tenant_id = ${tenantId} and label = ${label}`,
  )
  if (rows.length === 0) return undefined
  return { label, values: new Map(rows.map((r) => [r.metric, r.value])) } satisfies BaselineRows
}

/**
 * Resources adopted for the subsidy, per fiscal year overlapping the period (zeros included).
 * With a ward: that ward's resources and the city-wide ones (ward null), which serve it too.
 */
export async function countSubsidisedProjects(db: Db, tenantId: string, o: ReportOptions) {
  const years = fiscalYearsOf(o.from, o.to)
  const rows = await rowsOf<{ fy: number; n: number }>(
    db,
    sql`select fy::int as fy, count(distinct r.id)::int as n
      from resources r cross join lateral unnest(r.subsidy_fiscal_years) as fy
      where r.tenant_id = ${tenantId} and fy between ${years[0]!} and ${years.at(-1)!}
        ${o.ward ? sql`and (r.ward = ${o.ward} or r.ward is null)` : sql``}
      group by fy`,
  )
  const found = new Map(rows.map((r) => [r.fy, r.n]))
  return years.map((fiscalYear) => ({ fiscalYear, count: found.get(fiscalYear) ?? 0 }))
}
