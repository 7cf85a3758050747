// The window's contacts from their monthly tallies (schema/window-contact-tallies.ts, kept by
// triggers on every write: migration 0034): a few thousand rows however many contacts a city has.
// Only for a period of whole months, since a tally knows its month and not the day.
import { sql } from 'drizzle-orm'
import { PgTransaction } from 'drizzle-orm/pg-core'
import type { Db } from '#server/db/client.ts'
import type { WindowContactCounts } from './contacts.sql.ts'
import { type ReportOptions, rowsOf, wardFilter } from './report-period.ts'

type Ward = WindowContactCounts['wards'][number]

/** Every count of contactsRead, for a period of whole months and every case (no 8050 filter). */
export async function readWindowContactTallies(
  db: Db,
  tenantId: string,
  o: ReportOptions,
): Promise<WindowContactCounts> {
  const inPeriod = sql`t.month between ${o.from}::date and ${o.to}::date`
  const openedInPeriod = sql`t.opened_month between ${o.from}::date and ${o.to}::date`
  const ward = wardFilter(sql`t.ward`, o.ward)
  const reads = [
    () =>
      rowsOf<{
        month: string
        ward: string | null
        method: string
        counterpart: string
        n: number
        people: number
      }>(
        db,
        sql`select to_char(t.month, 'YYYY-MM') as month, t.ward, t.method, t.counterpart,
          sum(t.contacts)::int as n, coalesce(sum(t.contacts) filter (where t.first_in_month), 0)::int as people
        from window_contact_cells t
        where t.tenant_id = ${tenantId} and ${inPeriod} ${ward}
        group by t.month, t.ward, t.method, t.counterpart`,
      ),
    // Contacts on cases opened in the period: in it (consultations) and, up to `to`, the second.
    () =>
      rowsOf<{ month: string; ward: string | null; consultations: number; continuing: number }>(
        db,
        sql`select to_char(t.month, 'YYYY-MM') as month, t.ward,
          coalesce(sum(t.contacts) filter (where t.month >= ${o.from}::date), 0)::int as consultations,
          coalesce(sum(t.contacts) filter (where t.second), 0)::int as continuing
        from window_contact_openings t
        where t.tenant_id = ${tenantId} and t.month <= ${o.to}::date and ${openedInPeriod} ${ward}
        group by t.month, t.ward`,
      ),
    // A case has a contact in the period when its first there came after none, or after one before it.
    () =>
      rowsOf<{ ward: string | null; people: number }>(
        db,
        sql`select t.ward, sum(t.contacts)::int as people
        from window_contact_returns t
        where t.tenant_id = ${tenantId} and ${inPeriod} ${ward}
          and (t.previous_month is null or t.previous_month < ${o.from}::date)
        group by t.ward`,
      ),
  ] as const
  // Side by side on a pool; in turn on a transaction's one connection (node-postgres refuses a
  // query started while its client runs another).
  const [cells, openings, returns] =
    db instanceof PgTransaction
      ? [await reads[0](), await reads[1](), await reads[2]()]
      : await Promise.all([reads[0](), reads[1](), reads[2]()])
  const wards = new Map<string | null, Ward>()
  const wardOf = (key: string | null) => {
    const found = wards.get(key) ?? { ward: key, n: 0, people: 0, consultations: 0, continuing: 0 }
    wards.set(key, found)
    return found
  }
  const consultationsByMonth = new Map<string, number>()
  for (const r of cells) wardOf(r.ward).n += r.n
  for (const r of returns) wardOf(r.ward).people += r.people
  for (const r of openings) {
    const w = wardOf(r.ward)
    w.consultations += r.consultations
    w.continuing += r.continuing
    if (r.consultations)
      consultationsByMonth.set(r.month, (consultationsByMonth.get(r.month) ?? 0) + r.consultations)
  }
  // The cells by month × method × counterpart over the wards; a tally fallen to 0 shows nothing.
  const byCell = new Map<string, WindowContactCounts['cells'][number]>()
  for (const r of cells) {
    const key = `${r.month}\t${r.method}\t${r.counterpart}`
    const cell = byCell.get(key) ?? {
      month: r.month,
      method: r.method,
      counterpart: r.counterpart,
      n: 0,
      people: 0,
    }
    cell.n += r.n
    cell.people += r.people
    byCell.set(key, cell)
  }
  return {
    cells: [...byCell.values()].filter((c) => c.n > 0),
    consultationsByMonth,
    wards: [...wards.values()],
  }
}
