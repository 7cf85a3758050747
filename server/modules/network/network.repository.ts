import { and, asc, count, desc, eq, sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { accounts, caseStudyShares, networkMeetings, orgUnits, wards } from '#server/db/schema/index.ts'
import { periodCondition } from '#server/platform/period-filter.ts'
import type { Period } from '#shared/contracts/common.ts'

export type NetworkMeetingRow = typeof networkMeetings.$inferSelect
export type ShareRow = typeof caseStudyShares.$inferSelect
export type NetworkMeetingView = NetworkMeetingRow & { shareCount: number }
export type ShareView = ShareRow & {
  wardName: string | null
  sharedByName: string | null
  sharedByUnitKind: string | null
}

// Spelled out: in a query without joins Drizzle leaves columns unqualified, and inside the
// subquery an unqualified "id" would be the share's own.
const shareCount = sql<number>`(select count(*)::int from case_study_shares s
  where s.tenant_id = "network_meetings"."tenant_id" and s.meeting_id = "network_meetings"."id")`

function selectMeetingViews(db: Db) {
  return db.select({ meeting: networkMeetings, shareCount }).from(networkMeetings)
}

const flatten = (r: { meeting: NetworkMeetingRow; shareCount: number }): NetworkMeetingView => ({
  ...r.meeting,
  shareCount: r.shareCount,
})

export interface MeetingFilter {
  when: Period
  today: string
  page: number
  pageSize: number
}

/** Upcoming meetings soonest first; past and all, the latest first. */
export async function findMeetings(db: Db, tenantId: string, f: MeetingFilter) {
  const where = and(
    eq(networkMeetings.tenantId, tenantId),
    periodCondition(networkMeetings.heldOn, f.when, f.today),
  )
  const order =
    f.when === 'upcoming'
      ? [
          asc(networkMeetings.heldOn),
          sql`${networkMeetings.startTime} asc nulls last`,
          asc(networkMeetings.id),
        ]
      : [
          desc(networkMeetings.heldOn),
          sql`${networkMeetings.startTime} desc nulls last`,
          asc(networkMeetings.id),
        ]
  const rows = await selectMeetingViews(db)
    .where(where)
    .orderBy(...order)
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
  const [total] = await db.select({ n: count() }).from(networkMeetings).where(where)
  return { rows: rows.map(flatten), total: total?.n ?? 0 }
}

export async function findMeeting(
  db: Db,
  tenantId: string,
  id: string,
): Promise<NetworkMeetingView | undefined> {
  const [row] = await selectMeetingViews(db).where(
    and(eq(networkMeetings.tenantId, tenantId), eq(networkMeetings.id, id)),
  )
  return row && flatten(row)
}

export async function insertMeeting(db: Db, values: typeof networkMeetings.$inferInsert) {
  const [row] = await db.insert(networkMeetings).values(values).returning()
  return row!
}

export async function updateMeetingRow(
  db: Db,
  tenantId: string,
  id: string,
  values: Partial<typeof networkMeetings.$inferInsert>,
): Promise<void> {
  await db
    .update(networkMeetings)
    .set(values)
    .where(and(eq(networkMeetings.tenantId, tenantId), eq(networkMeetings.id, id)))
}

export async function deleteMeetingRow(db: Db, tenantId: string, id: string): Promise<void> {
  await db
    .delete(networkMeetings)
    .where(and(eq(networkMeetings.tenantId, tenantId), eq(networkMeetings.id, id)))
}

function selectShareViews(db: Db) {
  return db
    .select({
      share: caseStudyShares,
      wardName: wards.name,
      sharedByName: accounts.name,
      sharedByUnitKind: orgUnits.kind,
    })
    .from(caseStudyShares)
    .leftJoin(wards, and(eq(wards.tenantId, caseStudyShares.tenantId), eq(wards.code, caseStudyShares.ward)))
    .leftJoin(
      accounts,
      and(eq(accounts.tenantId, caseStudyShares.tenantId), eq(accounts.id, caseStudyShares.sharedBy)),
    )
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, accounts.tenantId), eq(orgUnits.id, accounts.unitId)))
}

type SelectedShare = Awaited<ReturnType<ReturnType<typeof selectShareViews>['where']>>[number]
const flattenShare = ({ share, ...rest }: SelectedShare): ShareView => ({ ...share, ...rest })

/** The cases shared to a meeting, in the order they were shared. */
export async function findSharesOfMeeting(db: Db, tenantId: string, meetingId: string): Promise<ShareView[]> {
  const rows = await selectShareViews(db)
    .where(and(eq(caseStudyShares.tenantId, tenantId), eq(caseStudyShares.meetingId, meetingId)))
    .orderBy(asc(caseStudyShares.sharedAt), asc(caseStudyShares.id))
  return rows.map(flattenShare)
}

export async function findShare(
  db: Db,
  tenantId: string,
  meetingId: string,
  id: string,
): Promise<ShareView | undefined> {
  const [row] = await selectShareViews(db).where(
    and(
      eq(caseStudyShares.tenantId, tenantId),
      eq(caseStudyShares.meetingId, meetingId),
      eq(caseStudyShares.id, id),
    ),
  )
  return row && flattenShare(row)
}

export async function caseAlreadyShared(
  db: Db,
  tenantId: string,
  meetingId: string,
  caseId: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: caseStudyShares.id })
    .from(caseStudyShares)
    .where(
      and(
        eq(caseStudyShares.tenantId, tenantId),
        eq(caseStudyShares.meetingId, meetingId),
        eq(caseStudyShares.caseId, caseId),
      ),
    )
  return row !== undefined
}

export async function insertShare(db: Db, values: typeof caseStudyShares.$inferInsert): Promise<ShareRow> {
  const [row] = await db.insert(caseStudyShares).values(values).returning()
  return row!
}

export async function deleteShareRow(db: Db, tenantId: string, id: string): Promise<void> {
  await db
    .delete(caseStudyShares)
    .where(and(eq(caseStudyShares.tenantId, tenantId), eq(caseStudyShares.id, id)))
}
