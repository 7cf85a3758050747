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
    // of each of the city's few dozen agencies, whether it attended a meeting in the period,
    // stopping at the first attendance (meeting_attendees_unit_idx). Joining every attendance
    // and keeping the distinct units read them all (58,515 at 20 times the bench city: 35 ms,
    // now 1).
    () =>
      rowsOf<{ n: number }>(
        db,
        sql`select count(*)::int as n from org_units u
          where u.tenant_id = ${tenantId} and u.kind = 'agency'
            and exists (select from meeting_attendees a
              join meetings m on m.tenant_id = a.tenant_id and m.id = a.meeting_id
              where a.tenant_id = u.tenant_id and a.unit_id = u.id and a.attended and ${inPeriod})`,
      ),
  ] as const)
  return { ...reviews!, held: held!.n, agencies: agencies!.n } as MeetingCounts
}
