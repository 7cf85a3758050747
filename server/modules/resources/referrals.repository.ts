import { and, desc, eq } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { accounts, referrals, resources } from '#server/db/schema/index.ts'

export type ReferralRow = typeof referrals.$inferSelect
export type ReferralView = ReferralRow & {
  resourceNo: string
  resourceName: string
  resourceActive: boolean
  accountName: string | null
}

function selectReferralViews(db: Db) {
  return db
    .select({
      referral: referrals,
      resourceNo: resources.resourceNo,
      resourceName: resources.name,
      resourceActive: resources.active,
      accountName: accounts.name,
    })
    .from(referrals)
    .innerJoin(
      resources,
      and(eq(resources.tenantId, referrals.tenantId), eq(resources.id, referrals.resourceId)),
    )
    .leftJoin(accounts, and(eq(accounts.tenantId, referrals.tenantId), eq(accounts.id, referrals.accountId)))
}

type Selected = Awaited<ReturnType<ReturnType<typeof selectReferralViews>['where']>>[number]

const flatten = ({ referral, ...rest }: Selected): ReferralView => ({ ...referral, ...rest })

/** A case's referrals, the latest referral first. */
export async function findReferralsOfCase(db: Db, tenantId: string, caseId: string): Promise<ReferralView[]> {
  const rows = await selectReferralViews(db)
    .where(and(eq(referrals.tenantId, tenantId), eq(referrals.caseId, caseId)))
    .orderBy(desc(referrals.referredOn), desc(referrals.createdAt))
  return rows.map(flatten)
}

export async function findReferral(
  db: Db,
  tenantId: string,
  caseId: string,
  id: string,
): Promise<ReferralView | undefined> {
  const [row] = await selectReferralViews(db).where(
    and(eq(referrals.tenantId, tenantId), eq(referrals.caseId, caseId), eq(referrals.id, id)),
  )
  return row && flatten(row)
}

export async function insertReferral(db: Db, values: typeof referrals.$inferInsert): Promise<ReferralRow> {
  const [row] = await db.insert(referrals).values(values).returning()
  return row!
}

export async function updateReferralRow(
  db: Db,
  tenantId: string,
  id: string,
  values: Partial<typeof referrals.$inferInsert>,
): Promise<void> {
  await db
    .update(referrals)
    .set(values)
    .where(and(eq(referrals.tenantId, tenantId), eq(referrals.id, id)))
}
