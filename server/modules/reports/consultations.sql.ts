// 表2, 表3 (ケース数, 対応結果), 図5 and the ward centres' intake: counts over cases (図2, the
// window's new cases per month, is the month rows of countConsultationVolumes).
import { sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { AGE_BANDS, FIRST_CONSULTERS, ROUTES } from '#shared/codes.ts'
import { filter8050, type ReportOptions, rowsOf, wardFilter } from './report-period.ts'

/**
 * The window's consultations: cases taken in at the window and opened in the period. With a
 * ward, the case's residence ward (cases.ward) decides: the window is one city-wide office, so
 * the only ward a window case belongs to is where the person lives.
 */
export function windowCases(tenantId: string, o: ReportOptions) {
  return sql`from cases c
    where c.tenant_id = ${tenantId} and c.intake_unit = 'window'
      and c.opened_on between ${o.from}::date and ${o.to}::date
      ${wardFilter(sql`c.ward`, o.ward)} ${filter8050(sql`c.id`, tenantId, o)}`
}

const countWhere = (name: string, condition: ReturnType<typeof sql>) =>
  sql`, count(*) filter (where ${condition})::int as ${sql.identifier(name)}`

export interface ConsultationCounts {
  total: number
  handed_over: number
  closed: number
  open: number
  [key: string]: number
}

/**
 * One pass over the period's window cases: age bands, outcomes, consulters, routes. Their
 * contacts (表3's one or two and more) are counted in the one read of contacts
 * (countWindowContacts), which replaced a grouped join of these cases with their contacts here.
 */
export async function countConsultations(db: Db, tenantId: string, o: ReportOptions) {
  // "At the end" (docs/report-rules.md): only what had happened by `to` counts.
  const handedOver = sql`c.handed_over_on <= ${o.to}::date`
  const closed = sql`not coalesce(c.handed_over_on <= ${o.to}::date, false) and c.closed_on <= ${o.to}::date`
  const columns = [
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
    sql`select count(*)::int as total ${sql.join(columns)} ${windowCases(tenantId, o)}`,
  )
  return row!
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
