// 家族支援 (seminars and family meetings held in the period) and ウェブ相談 (docs/report-rules.md
// "Family support", "Web consultations"). No personal data leaves: counts, and seminars' titles.
import { sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { type ReportOptions, rowsOf, wardFilter } from './report-period.ts'

export interface SeminarRow {
  id: string
  kind: 'seminar' | 'family_meeting'
  title: string
  heldOn: string
  ward: string | null
  capacity: number
  followUpSurveyId: string | null
  confirmed: number
  waitlisted: number
  cancelled: number
  registeredPeople: number
  attended: number
  absent: number
  notRecorded: number
  attendedPeople: number
}

/**
 * Seminars held in the period in date order, with their registrations by status and the
 * confirmed ones' attendance. With a ward: the seminars that ward's centre organised (the
 * city-wide ones are headquarters').
 */
export async function findSeminarsHeld(db: Db, tenantId: string, o: ReportOptions) {
  const confirmed = sql`g.status = 'confirmed'`
  return rowsOf<SeminarRow>(
    db,
    sql`select s.id, s.kind, s.title, to_char(s.held_on, 'YYYY-MM-DD') as "heldOn", s.ward, s.capacity,
        s.follow_up_survey_id as "followUpSurveyId",
        count(g.id) filter (where ${confirmed})::int as confirmed,
        count(g.id) filter (where g.status = 'waitlisted')::int as waitlisted,
        count(g.id) filter (where g.status = 'cancelled')::int as cancelled,
        coalesce(sum(g.attendees) filter (where ${confirmed}), 0)::int as "registeredPeople",
        count(g.id) filter (where ${confirmed} and g.attended)::int as attended,
        count(g.id) filter (where ${confirmed} and not g.attended)::int as absent,
        count(g.id) filter (where ${confirmed} and g.attended is null)::int as "notRecorded",
        coalesce(sum(g.attendees) filter (where ${confirmed} and g.attended), 0)::int as "attendedPeople"
      from seminars s
      left join seminar_registrations g on g.tenant_id = s.tenant_id and g.seminar_id = s.id
      where s.tenant_id = ${tenantId} and s.held_on between ${o.from}::date and ${o.to}::date
        ${wardFilter(sql`s.ward`, o.ward)}
      group by s.tenant_id, s.id
      order by s.held_on, s.start_time, s.title`,
  )
}

/**
 * Web consultation threads opened in the period (their Tokyo date), spam left out: how many,
 * how many had a staff reply by the end, how many belong to a case, by who wrote. With a ward:
 * only threads belonging to a case of that residence ward (the window is the city's).
 */
export async function countWebConsultations(db: Db, tenantId: string, o: ReportOptions) {
  const tokyoDay = (column: ReturnType<typeof sql>) => sql`(${column} at time zone 'Asia/Tokyo')::date`
  const [row] = await rowsOf<Record<string, number>>(
    db,
    sql`select count(*)::int as received,
        count(*) filter (where exists (select 1 from inquiry_messages im
          where im.tenant_id = t.tenant_id and im.thread_id = t.id and im.author = 'staff'
            and ${tokyoDay(sql`im.created_at`)} <= ${o.to}::date))::int as replied,
        count(*) filter (where t.case_id is not null)::int as "linkedToCases",
        count(*) filter (where t.sender_role = 'self')::int as "sender.self",
        count(*) filter (where t.sender_role = 'family')::int as "sender.family",
        count(*) filter (where t.sender_role not in ('self', 'family'))::int as "sender.other"
      from inquiry_threads t
      ${o.ward ? sql`join cases c on c.tenant_id = t.tenant_id and c.id = t.case_id and c.ward = ${o.ward}` : sql``}
      where t.tenant_id = ${tenantId} and not t.spam
        and ${tokyoDay(sql`t.created_at`)} between ${o.from}::date and ${o.to}::date`,
  )
  return row!
}
