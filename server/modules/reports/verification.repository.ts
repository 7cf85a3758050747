// Drizzle queries of 表1's verification records (report_verifications).
import { and, asc, eq, sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { reportVerifications, surveys } from '#server/db/schema/index.ts'

export type VerificationRow = typeof reportVerifications.$inferSelect

const t = reportVerifications

/** A period's records in 表1 order (sort order, then method, then id: stable on ties). */
export function recordsOfPeriod(db: Db, tenantId: string, from: string, to: string) {
  return db
    .select()
    .from(t)
    .where(and(eq(t.tenantId, tenantId), eq(t.periodFrom, from), eq(t.periodTo, to)))
    .orderBy(asc(t.sortOrder), asc(t.method), asc(t.id))
}

export async function findRecord(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select()
    .from(t)
    .where(and(eq(t.tenantId, tenantId), eq(t.id, id)))
  return row
}

export async function surveyExists(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select({ id: surveys.id })
    .from(surveys)
    .where(and(eq(surveys.tenantId, tenantId), eq(surveys.id, id)))
  return row !== undefined
}

export async function insertRecord(db: Db, row: typeof t.$inferInsert) {
  const [inserted] = await db.insert(t).values(row).returning()
  return inserted!
}

/** Changes the record only if it is still at `version` (undefined when another change came first). */
export async function updateRecord(
  db: Db,
  tenantId: string,
  id: string,
  version: number,
  values: Partial<typeof t.$inferInsert>,
) {
  const [updated] = await db
    .update(t)
    .set({ ...values, version: sql`${t.version} + 1` })
    .where(and(eq(t.tenantId, tenantId), eq(t.id, id), eq(t.version, version)))
    .returning()
  return updated
}

export async function deleteRecord(db: Db, tenantId: string, id: string) {
  const [deleted] = await db
    .delete(t)
    .where(and(eq(t.tenantId, tenantId), eq(t.id, id)))
    .returning({ id: t.id, periodFrom: t.periodFrom, periodTo: t.periodTo })
  return deleted
}
