import { and, asc, count, desc, eq, isNull, or, sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { seminarRegistrations, seminars, wards } from '#server/db/schema/index.ts'
import { periodCondition } from '#server/platform/period-filter.ts'
import type { Period } from '#shared/contracts/common.ts'

export type SeminarRow = typeof seminars.$inferSelect
export type RegistrationRow = typeof seminarRegistrations.$inferSelect
export type SeminarView = SeminarRow & {
  wardName: string | null
  confirmedPeople: number
  waitlistedPeople: number
}

const peopleIn = (status: string) => sql<number>`(select coalesce(sum(r.attendees), 0)::int
  from seminar_registrations r where r.tenant_id = "seminars"."tenant_id"
  and r.seminar_id = "seminars"."id" and r.status = ${status})`

function selectViews(db: Db) {
  return db
    .select({
      seminar: seminars,
      wardName: wards.name,
      confirmedPeople: peopleIn('confirmed'),
      waitlistedPeople: peopleIn('waitlisted'),
    })
    .from(seminars)
    .leftJoin(wards, and(eq(wards.tenantId, seminars.tenantId), eq(wards.code, seminars.ward)))
}

type Joined = {
  seminar: SeminarRow
  wardName: string | null
  confirmedPeople: number
  waitlistedPeople: number
}
const flatten = (r: Joined): SeminarView => ({
  ...r.seminar,
  wardName: r.wardName,
  confirmedPeople: r.confirmedPeople,
  waitlistedPeople: r.waitlistedPeople,
})

export async function findSeminars(
  db: Db,
  tenantId: string,
  f: { when: Period; today: string; page: number; pageSize: number; ward?: string | null },
) {
  const where = and(
    eq(seminars.tenantId, tenantId),
    periodCondition(seminars.heldOn, f.when, f.today),
    // A ward's staff: their ward's and the city-wide ones (seminarWardScope).
    f.ward ? or(isNull(seminars.ward), eq(seminars.ward, f.ward)) : undefined,
  )
  const order =
    f.when === 'upcoming'
      ? [asc(seminars.heldOn), asc(seminars.startTime), asc(seminars.id)]
      : [desc(seminars.heldOn), desc(seminars.startTime), asc(seminars.id)]
  const rows = await selectViews(db)
    .where(where)
    .orderBy(...order)
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
  const [total] = await db.select({ n: count() }).from(seminars).where(where)
  return { rows: rows.map(flatten), total: total?.n ?? 0 }
}

export async function findSeminar(db: Db, tenantId: string, id: string): Promise<SeminarView | undefined> {
  const [row] = await selectViews(db).where(and(eq(seminars.tenantId, tenantId), eq(seminars.id, id)))
  return row && flatten(row)
}

/**
 * Takes the seminar's lock until the transaction ends: every change to its seats (a registration,
 * a cancellation and the move-ups it causes) takes it first, so concurrent ones queue and the
 * waitlist keeps the order of arrival. An advisory lock rather than SELECT … FOR UPDATE: the
 * public pages' role (server/db/public-role.ts) may not update seminars, and FOR UPDATE needs that.
 */
export async function lockSeminar(db: Db, tenantId: string, id: string): Promise<SeminarRow | undefined> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`seminar:${tenantId}:${id}`}, 0))`)
  const [row] = await db
    .select()
    .from(seminars)
    .where(and(eq(seminars.tenantId, tenantId), eq(seminars.id, id)))
  return row
}

export async function insertSeminar(db: Db, values: typeof seminars.$inferInsert) {
  const [row] = await db.insert(seminars).values(values).returning()
  return row!
}

export async function updateSeminarRow(
  db: Db,
  tenantId: string,
  id: string,
  values: Partial<typeof seminars.$inferInsert>,
) {
  const [row] = await db
    .update(seminars)
    .set(values)
    .where(and(eq(seminars.tenantId, tenantId), eq(seminars.id, id)))
    .returning()
  return row!
}

/** Deletes the seminar; its registrations go with it (the foreign key cascades). */
export async function deleteSeminarRow(db: Db, tenantId: string, id: string) {
  await db.delete(seminars).where(and(eq(seminars.tenantId, tenantId), eq(seminars.id, id)))
}

export async function registrationsOf(db: Db, tenantId: string, seminarId: string) {
  return db
    .select()
    .from(seminarRegistrations)
    .where(and(eq(seminarRegistrations.tenantId, tenantId), eq(seminarRegistrations.seminarId, seminarId)))
    .orderBy(asc(seminarRegistrations.seq))
}

export async function findRegistration(db: Db, tenantId: string, seminarId: string, id: string) {
  const [row] = await db
    .select()
    .from(seminarRegistrations)
    .where(
      and(
        eq(seminarRegistrations.tenantId, tenantId),
        eq(seminarRegistrations.seminarId, seminarId),
        eq(seminarRegistrations.id, id),
      ),
    )
  return row
}

export async function findRegistrationByToken(db: Db, tenantId: string, tokenHash: string) {
  const [row] = await db
    .select()
    .from(seminarRegistrations)
    .where(
      and(eq(seminarRegistrations.tenantId, tenantId), eq(seminarRegistrations.cancelTokenHash, tokenHash)),
    )
  return row
}

export async function insertRegistration(db: Db, values: typeof seminarRegistrations.$inferInsert) {
  const [row] = await db.insert(seminarRegistrations).values(values).returning()
  return row!
}

export async function updateRegistration(
  db: Db,
  tenantId: string,
  id: string,
  values: Partial<typeof seminarRegistrations.$inferInsert>,
) {
  const [row] = await db
    .update(seminarRegistrations)
    .set(values)
    .where(and(eq(seminarRegistrations.tenantId, tenantId), eq(seminarRegistrations.id, id)))
    .returning()
  return row!
}
