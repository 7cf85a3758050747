// 表3 延べ対応回数 and 図3: the window's workload, counted over contacts dated in the period.
import { sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { fillMonths, filter8050, monthsOf, type ReportOptions, rowsOf, wardFilter } from './report-period.ts'

/**
 * Every contact dated in the period on a window case, whenever the case was opened (a case
 * carried over from the previous year counts). With a ward: the case's residence ward, as for
 * the consultations.
 */
function windowContacts(tenantId: string, o: ReportOptions) {
  return sql`from contacts ct
    join cases c on c.tenant_id = ct.tenant_id and c.id = ct.case_id
    where ct.tenant_id = ${tenantId} and c.intake_unit = 'window'
      and ct.contacted_on between ${o.from}::date and ${o.to}::date
      ${wardFilter(sql`c.ward`, o.ward)} ${filter8050(sql`c.id`, tenantId, o)}`
}

/** Contacts by method × counterpart (only the cells that have any). */
export async function countContactCells(db: Db, tenantId: string, o: ReportOptions) {
  return rowsOf<{ method: string; counterpart: string; n: number }>(
    db,
    sql`select ct.method, ct.counterpart, count(*)::int as n ${windowContacts(tenantId, o)}
      group by ct.method, ct.counterpart`,
  )
}

/** 図3: in-person (面談) contacts per month, every month of the period. */
export async function countMonthlyInPerson(db: Db, tenantId: string, o: ReportOptions) {
  const rows = await rowsOf<{ month: string; n: number }>(
    db,
    sql`select to_char(ct.contacted_on, 'YYYY-MM') as month, count(*)::int as n
      ${windowContacts(tenantId, o)} and ct.method = 'in_person' group by 1`,
  )
  return fillMonths(monthsOf(o.from, o.to), rows)
}
