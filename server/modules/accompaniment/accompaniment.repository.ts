import { and, desc, eq } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { accounts, observedChanges, supportActivities, supportPlans } from '#server/db/schema/index.ts'

export type PlanRow = typeof supportPlans.$inferSelect
export type ActivityRow = typeof supportActivities.$inferSelect
export type ActivityView = ActivityRow & { accountName: string | null }
export type ObservedChangeView = typeof observedChanges.$inferSelect & { accountName: string | null }

export async function findPlan(db: Db, tenantId: string, caseId: string) {
  const [row] = await db
    .select({ plan: supportPlans, updatedByName: accounts.name })
    .from(supportPlans)
    .leftJoin(
      accounts,
      and(eq(accounts.tenantId, supportPlans.tenantId), eq(accounts.id, supportPlans.updatedBy)),
    )
    .where(and(eq(supportPlans.tenantId, tenantId), eq(supportPlans.caseId, caseId)))
  return row
}

/** The first plan of a case; undefined when someone saved one first (the caller answers 409). */
export async function insertPlan(db: Db, values: typeof supportPlans.$inferInsert) {
  const [row] = await db.insert(supportPlans).values(values).onConflictDoNothing().returning()
  return row
}

/** Saves a plan made on `version`; undefined when someone saved it since. */
export async function updatePlan(
  db: Db,
  tenantId: string,
  caseId: string,
  version: number,
  values: Pick<PlanRow, 'goals' | 'goalNote' | 'progressSummary' | 'updatedAt' | 'updatedBy'>,
) {
  const [row] = await db
    .update(supportPlans)
    .set({ ...values, version: version + 1 })
    .where(
      and(
        eq(supportPlans.tenantId, tenantId),
        eq(supportPlans.caseId, caseId),
        eq(supportPlans.version, version),
      ),
    )
    .returning()
  return row
}

function selectActivities(db: Db) {
  return db
    .select({ activity: supportActivities, accountName: accounts.name })
    .from(supportActivities)
    .leftJoin(
      accounts,
      and(eq(accounts.tenantId, supportActivities.tenantId), eq(accounts.id, supportActivities.accountId)),
    )
}

const flattenActivity = (r: { activity: ActivityRow; accountName: string | null }): ActivityView => ({
  ...r.activity,
  accountName: r.accountName,
})

/** Newest first: by the day it was done, then by when it was entered. */
export async function findActivities(db: Db, tenantId: string, caseId: string): Promise<ActivityView[]> {
  const rows = await selectActivities(db)
    .where(and(eq(supportActivities.tenantId, tenantId), eq(supportActivities.caseId, caseId)))
    .orderBy(desc(supportActivities.doneOn), desc(supportActivities.createdAt), desc(supportActivities.id))
  return rows.map(flattenActivity)
}

export async function findActivity(
  db: Db,
  tenantId: string,
  caseId: string,
  id: string,
): Promise<ActivityView | undefined> {
  const [row] = await selectActivities(db).where(
    and(
      eq(supportActivities.tenantId, tenantId),
      eq(supportActivities.caseId, caseId),
      eq(supportActivities.id, id),
    ),
  )
  return row && flattenActivity(row)
}

export async function insertActivity(db: Db, values: typeof supportActivities.$inferInsert) {
  const [row] = await db.insert(supportActivities).values(values).returning()
  return row!
}

export async function updateActivity(
  db: Db,
  tenantId: string,
  id: string,
  values: Partial<Pick<ActivityRow, 'doneOn' | 'kind' | 'minutes' | 'note'>>,
): Promise<void> {
  await db
    .update(supportActivities)
    .set(values)
    .where(and(eq(supportActivities.tenantId, tenantId), eq(supportActivities.id, id)))
}

export async function findObservedChanges(
  db: Db,
  tenantId: string,
  caseId: string,
): Promise<ObservedChangeView[]> {
  const rows = await db
    .select({ change: observedChanges, accountName: accounts.name })
    .from(observedChanges)
    .leftJoin(
      accounts,
      and(eq(accounts.tenantId, observedChanges.tenantId), eq(accounts.id, observedChanges.accountId)),
    )
    .where(and(eq(observedChanges.tenantId, tenantId), eq(observedChanges.caseId, caseId)))
    .orderBy(desc(observedChanges.observedOn), desc(observedChanges.createdAt), desc(observedChanges.id))
  return rows.map((r) => ({ ...r.change, accountName: r.accountName }))
}

export async function insertObservedChange(db: Db, values: typeof observedChanges.$inferInsert) {
  const [row] = await db.insert(observedChanges).values(values).returning()
  return row!
}
