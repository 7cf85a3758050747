// 表3 延べ対応回数, 図3 and the contacts' 実人数/延べ件数 (docs/report-rules.md "Volumes"): every
// contact dated in the period on a window case, whenever the case was opened (a case carried over
// from the previous year counts). With a ward: the case's residence ward, as for the consultations.
import { sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { fillMonths, filter8050, monthsOf, type ReportOptions, rowsOf, wardFilter } from './report-period.ts'
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
}

/**
 * One read of the period's contacts feeds three sections, which were three joins of contacts
 * with cases (over two thirds of the report's time at the bench city). The contacts come in
 * case and date order from contacts_case_idx alone, so "distinct cases" is a flag on each row
 * (lag: the case's previous contact in the period, none or in an earlier month) instead of a
 * grouping by case, and the one grouping left is by month, ward, method and counterpart, a few
 * thousand rows at most, from which the sections' row sets are summed. The month key is the day
 * before the month starts (cheaper per row than to_char or date_trunc, which took ~70 ms of the
 * report on PGlite); its label is made on those few rows only.
 */
export async function countWindowContacts(db: Db, tenantId: string, o: ReportOptions) {
  const rows = await rowsOf<Row>(
    db,
    sql`with dated as (
        select ct.case_id, ct.method, ct.counterpart,
          ct.contacted_on - date_part('day', ct.contacted_on)::int as m,
          lag(ct.contacted_on) over (partition by ct.case_id order by ct.contacted_on) as prev
        from contacts ct
        where ct.tenant_id = ${tenantId} and ct.contacted_on between ${o.from}::date and ${o.to}::date),
      groups as (
        select d.m, c.ward, d.method, d.counterpart, count(*)::int as n,
          count(*) filter (where d.prev is null or d.prev <= d.m)::int as first_in_month,
          count(*) filter (where d.prev is null)::int as first_in_period,
          count(*) filter (where c.opened_on between ${o.from}::date and ${o.to}::date)::int as consultations
        from dated d
        join cases c on c.id = d.case_id
        where c.tenant_id = ${tenantId} and c.intake_unit = 'window'
          ${wardFilter(sql`c.ward`, o.ward)} ${filter8050(sql`c.id`, tenantId, o)}
        group by d.m, c.ward, d.method, d.counterpart)
      select grouping(m, ward, method, counterpart) as g, to_char(m + 1, 'YYYY-MM') as month,
        ward, method, counterpart, coalesce(sum(n), 0)::int as n,
        coalesce(case when grouping(m) = 0 then sum(first_in_month) else sum(first_in_period) end, 0)::int
          as people,
        coalesce(sum(consultations), 0)::int as consultations,
        coalesce(sum(n) filter (where method = 'in_person'), 0)::int as "inPerson"
      from groups
      group by grouping sets ((), (m), (ward), (method, counterpart))`,
  )
  const of = (g: number) => rows.filter((r) => r.g === g)
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
  }
}
