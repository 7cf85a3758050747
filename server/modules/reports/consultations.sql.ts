// 表2, 表3 (ケース数, 対応結果), 図2, 図5 and the ward centres' intake: counts over cases.
import { sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { AGE_BANDS, FIRST_CONSULTERS, ROUTES } from '#shared/codes.ts'
import { fillMonths, filter8050, monthsOf, type ReportOptions, rowsOf, wardFilter } from './report-period.ts'

/**
 * The window's consultations: cases taken in at the window and opened in the period. With a
 * ward, the case's residence ward (cases.ward) decides: the window is one city-wide office, so
 * the only ward a window case belongs to is where the person lives.
 */
function windowCases(tenantId: string, o: ReportOptions, join = sql``) {
  return sql`from cases c ${join}
    where c.tenant_id = ${tenantId} and c.intake_unit = 'window'
      and c.opened_on between ${o.from}::date and ${o.to}::date
      ${wardFilter(sql`c.ward`, o.ward)} ${filter8050(sql`c.id`, tenantId, o)}`
}

const countWhere = (name: string, condition: ReturnType<typeof sql>) =>
  sql`, count(*) filter (where ${condition})::int as ${sql.identifier(name)}`

export interface ConsultationCounts {
  total: number
  single: number
  continuing: number
  handed_over: number
  closed: number
  open: number
  [key: string]: number
}

/** One pass over the period's window cases: age bands, contact counts, outcomes, consulters, routes. */
export async function countConsultations(db: Db, tenantId: string, o: ReportOptions) {
  // "At the end" (docs/report-rules.md): only what had happened by `to` counts.
  const handedOver = sql`c.handed_over_on <= ${o.to}::date`
  const closed = sql`not coalesce(c.handed_over_on <= ${o.to}::date, false) and c.closed_on <= ${o.to}::date`
  // Each case's contacts up to `to`, counted once per case: one grouped join of the period's
  // cases with their contacts (a hash or merge join, set-based), the case's own columns carried
  // through the group by its key. It replaced a per-case LATERAL count, run as a nested loop of
  // index probes that was over half of the report's time at every scale.
  const contactsByEnd = sql`c.n`
  const withContactCount = sql`from (select c.handed_over_on, c.closed_on, c.age_band, c.first_consulter,
      c.route, count(ct.case_id)::int as n
    ${windowCases(
      tenantId,
      o,
      sql`left join contacts ct on ct.tenant_id = c.tenant_id and ct.case_id = c.id
        and ct.contacted_on <= ${o.to}::date`,
    )}
    group by c.tenant_id, c.id) c`
  const columns = [
    countWhere('single', sql`${contactsByEnd} <= 1`),
    countWhere('continuing', sql`${contactsByEnd} >= 2`),
    countWhere('handed_over', handedOver),
    countWhere('closed', closed),
    countWhere(
      'open',
      sql`not coalesce(${handedOver}, false) and not coalesce(c.closed_on <= ${o.to}::date, false)`,
    ),
    ...AGE_BANDS.map((b) => countWhere(`age.${b.code}`, sql`c.age_band = ${b.code}`)),
    ...FIRST_CONSULTERS.map((f) => countWhere(`consulter.${f.code}`, sql`c.first_consulter = ${f.code}`)),
    ...ROUTES.map((r) => countWhere(`route.${r.code}`, sql`c.route = ${r.code}`)),
  ]
  const [row] = await rowsOf<ConsultationCounts>(
    db,
    sql`select count(*)::int as total ${sql.join(columns)} ${withContactCount}`,
  )
  return row!
}

/** 図2: the window's new cases per calendar month, every month of the period. */
export async function countMonthlyNewCases(db: Db, tenantId: string, o: ReportOptions) {
  const rows = await rowsOf<{ month: string; n: number }>(
    db,
    sql`select to_char(c.opened_on, 'YYYY-MM') as month, count(*)::int as n
      ${windowCases(tenantId, o)} group by 1`,
  )
  return fillMonths(monthsOf(o.from, o.to), rows)
}

/**
 * Cases opened in the period at each ward centre (intake_unit is the ward's code), every ward
 * of the city listed in its order, zeros included; with a ward, that ward only.
 */
export async function countWardIntake(db: Db, tenantId: string, o: ReportOptions) {
  return rowsOf<{ ward: string; count: number }>(
    db,
    sql`select w.code as ward, count(c.id)::int as count
      from wards w
      left join cases c on c.tenant_id = w.tenant_id and c.intake_unit = w.code
        and c.opened_on between ${o.from}::date and ${o.to}::date ${filter8050(sql`c.id`, tenantId, o)}
      where w.tenant_id = ${tenantId} ${wardFilter(sql`w.code`, o.ward)}
      group by w.code, w.sort_order
      order by w.sort_order`,
  )
}
