// 表3 延べ対応回数, 図3 and the contacts' 実人数/延べ件数 (docs/report-rules.md "Volumes"): every
// contact dated in the period on a window case, whenever the case was opened (a case carried over
// from the previous year counts). With a ward: the case's residence ward, as for the consultations.
// The same read tells 表3's cases with two or more contacts up to `to` (continuing).
import { type SQL, sql } from 'drizzle-orm'
import { PgTransaction } from 'drizzle-orm/pg-core'
import { type Db, embeddedClient } from '#server/db/client.ts'
import { filter8050, monthKey, monthsOf, type ReportOptions, rowsOf, wardFilter } from './report-period.ts'
import type { VolumeRow } from './volumes.sql.ts'
import { readWindowContactTallies } from './window-contact-tallies.sql.ts'

/** grouping(m, ward) of the two row sets the query returns: month × method × counterpart, and ward. */
const G = { cell: 1, ward: 2 } as const

interface Row {
  g: number
  month: string | null
  ward: string | null
  method: string | null
  counterpart: string | null
  n: number
  /** First contacts of a case in the row's month (cell rows), in the period (ward rows). */
  people: number
  /** Contacts on cases opened in the period. */
  consultations: number
  /** Cases opened in the period whose second contact by `to` is the row's. */
  continuing: number
}

/**
 * What the sections need of the window's contacts, from either source: the tallies kept by
 * month (window-contact-tallies.sql.ts) when the period is whole months, else the contacts
 * themselves (contactsRead).
 */
export interface WindowContactCounts {
  /** In-period contacts by month × method × counterpart; `people`: the case's first that month. */
  cells: { month: string; method: string; counterpart: string; n: number; people: number }[]
  /** In-period contacts on cases opened in the period, by month. */
  consultationsByMonth: Map<string, number>
  /**
   * By ward: in-period contacts (n), cases with one (people), contacts on cases opened in the
   * period (consultations) and those cases' second contacts by `to` (continuing).
   */
  wards: { ward: string | null; n: number; people: number; consultations: number; continuing: number }[]
}

/**
 * One read of contacts feeds four sections (表3's cells and two or more, 図3, the volumes):
 * from the monthly tallies when the period is whole months and not for 8050 households only
 * (the tallies know no household), else from the contacts.
 */
export async function countWindowContacts(db: Db, tenantId: string, o: ReportOptions) {
  const counts =
    wholeMonths(o) && !o.flag8050
      ? await readWindowContactTallies(db, tenantId, o)
      : await contactsRead(db, tenantId, o)
  return sectionsOf(o, counts)
}

/**
 * The contacts themselves, when the tallies cannot answer. The contacts come in case and date
 * order from contacts_case_idx alone and keep that order through a merge join with the window's
 * cases (in id order from cases_report_idx alone), so "distinct cases" is a flag on each row
 * (lag: the case's previous contact, none, before the period or in an earlier month) and "two or
 * more contacts" is the case's second contact (row_number), instead of groupings by case; joining
 * before the window spares it the ward centres' contacts. Contacts before the period are kept
 * only on cases opened in it (a contact before the case was opened still counts towards 表3's two
 * or more); every other count is of the period's contacts.
 *
 * Every count is then a count of flagged rows, so it adds up over any split of the rows: two
 * groupings (month × method × counterpart, and ward; each row in one group of each) are summed
 * into the sections' cells, months and period. The month is labelled on the grouped rows only
 * (monthKey).
 */
export async function contactsRead(db: Db, tenantId: string, o: ReportOptions): Promise<WindowContactCounts> {
  const inPeriod = sql`d.contacted_on >= ${o.from}::date`
  const statement = (cases: SQL) =>
    sql`with dated as (
        select ct.contacted_on, ct.method, ct.counterpart, c.ward,
          c.opened_on between ${o.from}::date and ${o.to}::date as opened_in_period,
          ${monthKey(sql`ct.contacted_on`)} as m,
          lag(ct.contacted_on) over w as prev, row_number() over w as nth
        from contacts ct
        join cases c on c.tenant_id = ct.tenant_id and c.id = ct.case_id
        where ct.tenant_id = ${tenantId} and ct.contacted_on <= ${o.to}::date and c.intake_unit = 'window'
          and (ct.contacted_on >= ${o.from}::date or c.opened_on between ${o.from}::date and ${o.to}::date)
          ${wardFilter(sql`c.ward`, o.ward)} ${filter8050(sql`c.id`, tenantId, o)} ${cases}
        window w as (partition by ct.case_id order by ct.contacted_on))
      select grouping(d.m, d.ward) as g, to_char(d.m + 1, 'YYYY-MM') as month,
        d.ward, d.method, d.counterpart, count(*) filter (where ${inPeriod})::int as n,
        case when grouping(d.m) = 0
          then count(*) filter (where ${inPeriod} and (d.prev is null or d.prev < greatest(d.m + 1, ${o.from}::date)))
          else count(*) filter (where ${inPeriod} and (d.prev is null or d.prev < ${o.from}::date)) end::int as people,
        count(*) filter (where ${inPeriod} and d.opened_in_period)::int as consultations,
        count(*) filter (where d.nth = 2 and d.opened_in_period)::int as continuing
      from dated d
      group by grouping sets ((d.m, d.method, d.counterpart), (d.ward))`
  const rows = (await Promise.all(halvesOf(db).map((half) => rowsOf<Row>(db, statement(half))))).flat()
  // Months before the period, and cells without a contact in it, come only from the contacts
  // read for 表3's two or more: they have no contact to show.
  const cellRows = rows.filter((r) => r.g === G.cell && r.n > 0)
  const consultationsByMonth = new Map<string, number>()
  for (const r of cellRows)
    consultationsByMonth.set(r.month!, (consultationsByMonth.get(r.month!) ?? 0) + r.consultations)
  return {
    cells: cellRows.map((r) => ({
      month: r.month!,
      method: r.method!,
      counterpart: r.counterpart!,
      n: r.n,
      people: r.people,
    })),
    consultationsByMonth,
    // A ward has a row from each half of the cases (halvesOf); sectionsOf sums them.
    wards: rows.filter((r) => r.g === G.ward),
  }
}

/** Whether the period is whole calendar months (the tallies are by month). */
export function wholeMonths(o: ReportOptions): boolean {
  const last = new Date(`${o.to}T00:00:00Z`)
  last.setUTCDate(last.getUTCDate() + 1)
  return o.from.endsWith('-01') && last.getUTCDate() === 1
}

/** The sections' figures from the counts, whichever source gave them. */
function sectionsOf(o: ReportOptions, counts: WindowContactCounts) {
  const byWard = new Map<string | null, WindowContactCounts['wards']>()
  for (const r of counts.wards) byWard.set(r.ward, [...(byWard.get(r.ward) ?? []), r])
  const sum = <T>(list: T[], value: (r: T) => number) => list.reduce((total, r) => total + value(r), 0)
  /** A volume row (volumesOf's level 1 one month, 2 one ward, 3 the period). */
  const volume = (
    g: number,
    month: string | null,
    ward: string | null,
    people: number,
    count: number,
    consultations: number,
  ) => ({
    month,
    ward,
    g,
    people,
    count,
    consultations,
  })
  const months = monthsOf(o.from, o.to).map((month) => ({
    month,
    rows: counts.cells.filter((r) => r.month === month),
  }))
  const cells = new Map<string, { method: string; counterpart: string; n: number }>()
  for (const r of counts.cells) {
    const key = `${r.method}\t${r.counterpart}`
    const cell = cells.get(key) ?? { method: r.method, counterpart: r.counterpart, n: 0 }
    cell.n += r.n
    cells.set(key, cell)
  }
  const wardVolume = (ward: string | null, list: WindowContactCounts['wards'], g: number) =>
    volume(
      g,
      null,
      ward,
      sum(list, (r) => r.people),
      sum(list, (r) => r.n),
      sum(list, (r) => r.consultations),
    )
  return {
    /** Contacts by method × counterpart (only the cells that have any). */
    cells: [...cells.values()],
    /** 図3: in-person (面談) contacts per month, every month of the period. */
    monthlyInPerson: months.map((m) => ({
      month: m.month,
      count: sum(m.rows, (r) => (r.method === 'in_person' ? r.n : 0)),
    })),
    /** Contacts (count) and the distinct cases they were on (people); `consultations`: on cases opened in the period. */
    volumes: [
      ...months.map((m) =>
        volume(
          1,
          m.month,
          null,
          sum(m.rows, (r) => r.people),
          sum(m.rows, (r) => r.n),
          counts.consultationsByMonth.get(m.month) ?? 0,
        ),
      ),
      ...[...byWard].map(([ward, list]) => wardVolume(ward, list, 2)).filter((v) => v.count > 0),
      wardVolume(null, counts.wards, 3),
    ] satisfies (VolumeRow & { consultations: number })[],
    /** Window cases opened in the period with two or more contacts up to `to`. */
    continuing: sum(counts.wards, (r) => r.continuing),
  }
}

/**
 * The window's cases in two halves by id (ids are random), for a PostgreSQL pool: the statement
 * is most of the report at a big city (~0.8 s of ~1.1 s at 20 times the bench city) and runs on
 * one core; its halves run side by side on two connections, and each case's contacts (its
 * window partition) are all in one half, so every count adds up over the halves. A transaction
 * has one connection, and PGlite runs one statement at a time: one statement there.
 */
function halvesOf(db: Db): SQL[] {
  if (db instanceof PgTransaction || embeddedClient(db)) return [sql``]
  const middle = sql`'80000000-0000-0000-0000-000000000000'::uuid`
  return [
    sql`and ct.case_id < ${middle} and c.id < ${middle}`,
    sql`and ct.case_id >= ${middle} and c.id >= ${middle}`,
  ]
}
