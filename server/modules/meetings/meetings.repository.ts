// Drizzle queries of the meetings module: meetings, their attendees and acknowledgements, the
// directory of units. Agenda and decisions are in agenda.repository.ts.
import { and, asc, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import {
  accounts,
  meetingAcknowledgements,
  meetingAgenda,
  meetingAttendees,
  meetings,
  orgUnits,
  reviews,
  wards,
} from '#server/db/schema/index.ts'
import { periodCondition } from '#server/platform/period-filter.ts'
import type { Period } from '#shared/contracts/common.ts'
import type { MeetingRole } from './meetings.policy.ts'

export type MeetingRow = typeof meetings.$inferSelect
export type UnitRow = typeof orgUnits.$inferSelect

export interface MeetingListRow {
  meeting: MeetingRow
  wardName: string | null
  agendaCount: number
  decidedCount: number
  acknowledgedAt: Date | null
}

/** The meetings a role sees, as SQL: the ward's, or those the agency is invited to. */
function visibleTo(role: MeetingRole): SQL {
  if (role.kind === 'agency') {
    return sql`exists (select 1 from ${meetingAttendees} a where a.tenant_id = ${meetings.tenantId}
      and a.meeting_id = ${meetings.id} and a.unit_id = ${role.unitId})`
  }
  return eq(meetings.ward, role.ward)
}

const agendaCount = sql<number>`(select count(*)::int from ${meetingAgenda} g
  where g.tenant_id = ${meetings.tenantId} and g.meeting_id = ${meetings.id})`
const decidedCount = sql<number>`(select count(*)::int from ${reviews} r
  where r.tenant_id = ${meetings.tenantId} and r.meeting_id = ${meetings.id})`

export async function findMeetingPage(
  db: Db,
  tenantId: string,
  role: MeetingRole,
  accountId: string,
  o: { when: Period; today: string; limit: number; offset: number },
): Promise<{ rows: MeetingListRow[]; total: number }> {
  const where = and(
    eq(meetings.tenantId, tenantId),
    visibleTo(role),
    periodCondition(meetings.heldOn, o.when, o.today),
  )
  const order =
    o.when === 'upcoming'
      ? [asc(meetings.heldOn), asc(meetings.startTime), asc(meetings.meetingNo)]
      : [desc(meetings.heldOn), desc(meetings.startTime), desc(meetings.meetingNo)]
  const rows = await db
    .select({
      meeting: meetings,
      wardName: wards.name,
      agendaCount,
      decidedCount,
      acknowledgedAt: meetingAcknowledgements.acknowledgedAt,
    })
    .from(meetings)
    .leftJoin(wards, and(eq(wards.tenantId, meetings.tenantId), eq(wards.code, meetings.ward)))
    .leftJoin(
      meetingAcknowledgements,
      and(
        eq(meetingAcknowledgements.tenantId, meetings.tenantId),
        eq(meetingAcknowledgements.meetingId, meetings.id),
        eq(meetingAcknowledgements.accountId, accountId),
      ),
    )
    .where(where)
    .orderBy(...order)
    .limit(o.limit)
    .offset(o.offset)
  const [total] = await db.select({ n: count() }).from(meetings).where(where)
  return { rows, total: total?.n ?? 0 }
}

/** One meeting of the city, by id: the condition of every per-meeting read, change and delete. */
function oneMeeting(tenantId: string, id: string): SQL | undefined {
  return and(eq(meetings.tenantId, tenantId), eq(meetings.id, id))
}

export async function findMeeting(db: Db, tenantId: string, id: string): Promise<MeetingRow | undefined> {
  const [row] = await db.select().from(meetings).where(oneMeeting(tenantId, id))
  return row
}

/** The meeting locked for the rest of the transaction, so that two changes run one after the other. */
export async function findMeetingForChange(
  db: Db,
  tenantId: string,
  id: string,
): Promise<MeetingRow | undefined> {
  const [row] = await db.select().from(meetings).where(oneMeeting(tenantId, id)).for('update')
  return row
}

export async function isInvited(
  db: Db,
  tenantId: string,
  meetingId: string,
  unitId: string,
): Promise<boolean> {
  const [row] = await db
    .select({ unitId: meetingAttendees.unitId })
    .from(meetingAttendees)
    .where(
      and(
        eq(meetingAttendees.tenantId, tenantId),
        eq(meetingAttendees.meetingId, meetingId),
        eq(meetingAttendees.unitId, unitId),
      ),
    )
  return row !== undefined
}

export async function meetingNoTaken(db: Db, tenantId: string, meetingNo: string): Promise<boolean> {
  const [row] = await db
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.tenantId, tenantId), eq(meetings.meetingNo, meetingNo)))
  return row !== undefined
}

/** The ward's latest meeting by date (of one date, the one made last): the next one starts from it. */
export async function findLatestWardMeeting(
  db: Db,
  tenantId: string,
  ward: string,
): Promise<MeetingRow | undefined> {
  const [row] = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.tenantId, tenantId), eq(meetings.ward, ward)))
    .orderBy(desc(meetings.heldOn), desc(meetings.createdAt))
    .limit(1)
  return row
}

/** The ward's meetings on one date (a second one is scheduled only when confirmed). */
export async function findWardMeetingsOn(
  db: Db,
  tenantId: string,
  ward: string,
  heldOn: string,
): Promise<MeetingRow[]> {
  return db
    .select()
    .from(meetings)
    .where(and(eq(meetings.tenantId, tenantId), eq(meetings.ward, ward), eq(meetings.heldOn, heldOn)))
    .orderBy(asc(meetings.createdAt))
}

export async function insertMeeting(db: Db, values: typeof meetings.$inferInsert): Promise<MeetingRow> {
  const [row] = await db.insert(meetings).values(values).returning()
  return row!
}

export async function updateMeeting(
  db: Db,
  tenantId: string,
  id: string,
  values: Partial<typeof meetings.$inferInsert>,
): Promise<void> {
  await db.update(meetings).set(values).where(oneMeeting(tenantId, id))
}

/** Attendees, acknowledgements and agenda go with the meeting (ON DELETE CASCADE). */
export async function deleteMeeting(db: Db, tenantId: string, id: string): Promise<void> {
  await db.delete(meetings).where(oneMeeting(tenantId, id))
}

export async function countReviewsOfMeeting(db: Db, tenantId: string, meetingId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(reviews)
    .where(and(eq(reviews.tenantId, tenantId), eq(reviews.meetingId, meetingId)))
  return row?.n ?? 0
}

/** The earliest 次回確認日 decided at a meeting (null without decisions or dates). */
export async function earliestNextReview(
  db: Db,
  tenantId: string,
  meetingId: string,
): Promise<string | null> {
  const [row] = await db
    .select({ on: sql<string | null>`min(${reviews.nextReviewOn})::text` })
    .from(reviews)
    .where(and(eq(reviews.tenantId, tenantId), eq(reviews.meetingId, meetingId)))
  return row?.on ?? null
}

export interface AttendeeRow {
  unitId: string
  name: string
  kind: string
  sectionCode: string | null
  attended: boolean
  sortOrder: number
}

/** Ward sections first (in their order), then the accompaniment team, then agencies by name. */
export async function findAttendees(db: Db, tenantId: string, meetingId: string): Promise<AttendeeRow[]> {
  return db
    .select({
      unitId: meetingAttendees.unitId,
      name: orgUnits.name,
      kind: orgUnits.kind,
      sectionCode: orgUnits.sectionCode,
      attended: meetingAttendees.attended,
      sortOrder: orgUnits.sortOrder,
    })
    .from(meetingAttendees)
    .innerJoin(
      orgUnits,
      and(eq(orgUnits.tenantId, meetingAttendees.tenantId), eq(orgUnits.id, meetingAttendees.unitId)),
    )
    .where(and(eq(meetingAttendees.tenantId, tenantId), eq(meetingAttendees.meetingId, meetingId)))
    .orderBy(
      sql`case ${orgUnits.kind} when 'ward_section' then 0 when 'accompaniment_team' then 1 else 2 end`,
      asc(orgUnits.sortOrder),
      asc(orgUnits.name),
    )
}

export async function replaceAttendees(
  db: Db,
  tenantId: string,
  meetingId: string,
  list: { unitId: string; attended: boolean }[],
): Promise<void> {
  await db
    .delete(meetingAttendees)
    .where(and(eq(meetingAttendees.tenantId, tenantId), eq(meetingAttendees.meetingId, meetingId)))
  if (list.length > 0) {
    await db.insert(meetingAttendees).values(list.map((a) => ({ tenantId, meetingId, ...a })))
  }
}

export async function findAcknowledgement(
  db: Db,
  tenantId: string,
  meetingId: string,
  accountId: string,
): Promise<Date | null> {
  const [row] = await db
    .select({ at: meetingAcknowledgements.acknowledgedAt })
    .from(meetingAcknowledgements)
    .where(
      and(
        eq(meetingAcknowledgements.tenantId, tenantId),
        eq(meetingAcknowledgements.meetingId, meetingId),
        eq(meetingAcknowledgements.accountId, accountId),
      ),
    )
  return row?.at ?? null
}

/** The first acknowledgement stands: acknowledging again changes nothing. */
export async function insertAcknowledgement(
  db: Db,
  tenantId: string,
  meetingId: string,
  accountId: string,
  at: Date,
  textVersion: number | null,
): Promise<void> {
  await db
    .insert(meetingAcknowledgements)
    .values({ tenantId, meetingId, accountId, acknowledgedAt: at, textVersion })
    .onConflictDoNothing()
}

// --- The directory: units and accounts that may be invited or named -------------------------

export interface StaffAccount {
  accountId: string
  name: string
  unitId: string
  role: string
  active: boolean
}

/** The columns of a StaffAccount, as the account directory queries below select them. */
const staffAccountColumns = {
  accountId: accounts.id,
  name: accounts.name,
  unitId: accounts.unitId,
  role: accounts.role,
  active: accounts.active,
}

export async function findAccount(db: Db, tenantId: string, id: string): Promise<StaffAccount | undefined> {
  const [row] = await db
    .select(staffAccountColumns)
    .from(accounts)
    .where(and(eq(accounts.tenantId, tenantId), eq(accounts.id, id)))
  return row
}

/** Active accounts of a role, optionally only those of the given units. */
export async function findActiveAccounts(
  db: Db,
  tenantId: string,
  role: string,
  unitIds?: string[],
): Promise<StaffAccount[]> {
  if (unitIds && unitIds.length === 0) return []
  return db
    .select(staffAccountColumns)
    .from(accounts)
    .where(
      and(
        eq(accounts.tenantId, tenantId),
        eq(accounts.role, role),
        eq(accounts.active, true),
        unitIds ? inArray(accounts.unitId, unitIds) : undefined,
      ),
    )
    .orderBy(asc(accounts.name))
}

/** The first confidentiality acknowledgement for the meeting by any member of the unit, if any. */
export async function findUnitAcknowledgement(
  db: Db,
  tenantId: string,
  meetingId: string,
  unitId: string,
): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<Date | null>`min(${meetingAcknowledgements.acknowledgedAt})` })
    .from(meetingAcknowledgements)
    .innerJoin(
      accounts,
      and(
        eq(accounts.tenantId, meetingAcknowledgements.tenantId),
        eq(accounts.id, meetingAcknowledgements.accountId),
      ),
    )
    .where(
      and(
        eq(meetingAcknowledgements.tenantId, tenantId),
        eq(meetingAcknowledgements.meetingId, meetingId),
        eq(accounts.unitId, unitId),
      ),
    )
  return row?.at ? new Date(row.at) : null
}
