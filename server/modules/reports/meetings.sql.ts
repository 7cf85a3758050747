// 支援調整会議実績: meetings held in the period (and the chosen ward: the meeting's own ward).
// Meetings scheduled in the app count once recorded as held; invited units once recorded present.
// For 8050 households only, the reviews are those of 8050 cases; meetings and agencies stay.
import { sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { CASE_LEADS, NEW_CASE_ROUTES } from '#shared/codes.ts'
import { filter8050, type ReportOptions, rowsOf, sideBySide, wardFilter } from './report-period.ts'

function meetingsInPeriod(tenantId: string, o: ReportOptions) {
  return sql`m.tenant_id = ${tenantId}
    and m.status = 'held'
    and m.held_on between ${o.from}::date and ${o.to}::date
    ${wardFilter(sql`m.ward`, o.ward)}`
}

export interface MeetingCounts {
  held: number
  casesReviewed: number
  reviews: number
  agencies: number
  [key: string]: number
}

export async function countMeetings(db: Db, tenantId: string, o: ReportOptions): Promise<MeetingCounts> {
  const inPeriod = meetingsInPeriod(tenantId, o)
  const byCode = [
    ...NEW_CASE_ROUTES.map(
      (r) =>
        sql`, count(*) filter (where r.kind = 'new' and r.route = ${r.code})::int as ${sql.identifier(`route.${r.code}`)}`,
    ),
    ...CASE_LEADS.map(
      (l) =>
        sql`, count(*) filter (where r.kind = 'new' and r.lead = ${l.code})::int as ${sql.identifier(`lead.${l.code}`)}`,
    ),
  ]
  // Three independent reads, side by side on a pool: in turn they were 0–318 ms of a 402 ms
  // report at 20 times the bench city (load 3.8), the reviews' 200 ms of it.
  const [[held], [reviews], [agencies]] = await sideBySide(db, [
    () => rowsOf<{ n: number }>(db, sql`select count(*)::int as n from meetings m where ${inPeriod}`),
    () =>
      rowsOf<Record<string, number>>(
        db,
        sql`select count(*)::int as reviews, count(distinct r.case_id)::int as "casesReviewed" ${sql.join(byCode)}
          from reviews r
          join meetings m on m.tenant_id = r.tenant_id and m.id = r.meeting_id
          where ${inPeriod} ${filter8050(sql`r.case_id`, tenantId, o)}`,
      ),
    // Outside organisations (units of kind 'agency'), each counted once however often it came:
    // the distinct units in a hash of a few dozen, not count(distinct), which sorted every
    // attendance (58,515 at 20 times the bench city: 27 ms, now 23).
    () =>
      rowsOf<{ n: number }>(
        db,
        sql`select count(*)::int as n from (select distinct a.unit_id
          from meeting_attendees a
          join meetings m on m.tenant_id = a.tenant_id and m.id = a.meeting_id
          join org_units u on u.tenant_id = a.tenant_id and u.id = a.unit_id and u.kind = 'agency'
          where ${inPeriod} and a.attended) units`,
      ),
  ] as const)
  return { ...reviews!, held: held!.n, agencies: agencies!.n } as MeetingCounts
}
