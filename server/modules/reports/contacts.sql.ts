// 表3 延べ対応回数, 図3 and the contacts' 実人数/延べ件数 (docs/report-rules.md "Volumes"): every
// contact dated in the period on a window case, whenever the case was opened (a case carried over
// from the previous year counts). With a ward: the case's residence ward, as for the consultations.
// The same read tells 表3's cases with two or more contacts up to `to` (continuing).
import { sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import {
  fillMonths,
  filter8050,
  monthKey,
  monthsOf,
  type ReportOptions,
  rowsOf,
  wardFilter,
} from './report-period.ts'
import type { VolumeRow } from './volumes.sql.ts'

/** grouping(m, ward, method, counterpart) of each row set the query returns. */
const G = { period: 15, month: 7, ward: 11, cell: 12 } as const

interface Row {
  g: number
  month: string | null
  ward: string | null
  method: string | null
  counterpart: string | null
  n: number
  /** Distinct cases in the row's month (month rows), in the period (the others). */
  people: number
  consultations: number
  inPerson: number
  /** Cases opened in the period with a second contact by `to` (the period row). */
  continuing: number
}

/**
 * One read of contacts feeds four sections, which were four joins of contacts with cases (over
 * two thirds of the report's time at the bench city). The contacts come in case and date order
 * from contacts_case_idx alone and keep that order through a merge join with the window's cases
 * (in id order from cases_report_idx alone), so "distinct cases" is a flag on each row (lag: the
 * case's previous contact, none, before the period or in an earlier month) and "two or more
 * contacts" is the case's second contact (row_number), instead of groupings by case; joining
 * before the window spares it the ward centres' contacts. Contacts before the period are kept
 * only on cases opened in it (a contact before the case was opened still counts towards 表3's two
 * or more); every other count is of the period's contacts. The sections' row sets are one
 * grouping by month, ward, method and counterpart; the month is labelled on those few rows only
 * (monthKey).
 */
export async function countWindowContacts(db: Db, tenantId: string, o: ReportOptions) {
  const inPeriod = sql`d.contacted_on >= ${o.from}::date`
  const rows = await rowsOf<Row>(
    db,
    sql`with dated as (
        select ct.contacted_on, ct.method, ct.counterpart, c.ward,
          c.opened_on between ${o.from}::date and ${o.to}::date as opened_in_period,
          ${monthKey(sql`ct.contacted_on`)} as m,
          lag(ct.contacted_on) over w as prev, row_number() over w as nth
        from contacts ct
        join cases c on c.tenant_id = ct.tenant_id and c.id = ct.case_id
        where ct.tenant_id = ${tenantId} and ct.contacted_on <= ${o.to}::date and c.intake_unit = 'window'
          and (ct.contacted_on >= ${o.from}::date or c.opened_on between ${o.from}::date and ${o.to}::date)
          ${wardFilter(sql`c.ward`, o.ward)} ${filter8050(sql`c.id`, tenantId, o)}
        window w as (partition by ct.case_id order by ct.contacted_on))
      select grouping(d.m, d.ward, d.method, d.counterpart) as g, to_char(d.m + 1, 'YYYY-MM') as month,
        d.ward, d.method, d.counterpart, count(*) filter (where ${inPeriod})::int as n,
        case when grouping(d.m) = 0
          then count(*) filter (where ${inPeriod} and (d.prev is null or d.prev < greatest(d.m + 1, ${o.from}::date)))
          else count(*) filter (where ${inPeriod} and (d.prev is null or d.prev < ${o.from}::date)) end::int as people,
        count(*) filter (where ${inPeriod} and d.opened_in_period)::int as consultations,
        count(*) filter (where ${inPeriod} and d.method = 'in_person')::int as "inPerson",
        count(*) filter (where d.nth = 2 and d.opened_in_period)::int as continuing
      from dated d
      group by grouping sets ((), (d.m), (d.ward), (d.method, d.counterpart))`,
  )
  // Months before the period and cells or wards with no contact in it come only from the
  // contacts read for 表3's count: they have no contact to show.
  const of = (g: number) => rows.filter((r) => r.g === g && (g === G.period || r.n > 0))
  // volumesOf's levels: 1 one month, 2 one ward, 3 the period.
  const volume = (level: number) => (r: Row) => ({
    month: r.month,
    ward: r.ward,
    g: level,
    people: r.people,
    count: r.n,
    consultations: r.consultations,
  })
  return {
    /** Contacts by method × counterpart (only the cells that have any). */
    cells: of(G.cell).map((r) => ({ method: r.method!, counterpart: r.counterpart!, n: r.n })),
    /** 図3: in-person (面談) contacts per month, every month of the period. */
    monthlyInPerson: fillMonths(
      monthsOf(o.from, o.to),
      of(G.month).map((r) => ({ month: r.month!, n: r.inPerson })),
    ),
    /** Contacts (count) and the distinct cases they were on (people); `consultations`: on cases opened in the period. */
    volumes: [
      ...of(G.month).map(volume(1)),
      ...of(G.ward).map(volume(2)),
      ...of(G.period).map(volume(3)),
    ] as (VolumeRow & { consultations: number })[],
    /** Window cases opened in the period with two or more contacts up to `to`. */
    continuing: of(G.period)[0]?.continuing ?? 0,
  }
}
