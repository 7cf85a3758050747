import { and, asc, count, eq, isNotNull, isNull, sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { surveyInvitationBatches, surveyInvitations } from '#server/db/schema/index.ts'

export type BatchRow = typeof surveyInvitationBatches.$inferSelect

export async function findBatch(
  db: Db,
  tenantId: string,
  surveyId: string,
  kind: string,
  from: string,
  to: string,
) {
  const [row] = await db
    .select()
    .from(surveyInvitationBatches)
    .where(
      and(
        eq(surveyInvitationBatches.tenantId, tenantId),
        eq(surveyInvitationBatches.surveyId, surveyId),
        eq(surveyInvitationBatches.targetKind, kind),
        eq(surveyInvitationBatches.periodFrom, from),
        eq(surveyInvitationBatches.periodTo, to),
      ),
    )
  return row
}

/** The batch, or undefined when another request made the same one first (its unique key). */
export async function insertBatch(db: Db, values: typeof surveyInvitationBatches.$inferInsert) {
  const [row] = await db.insert(surveyInvitationBatches).values(values).onConflictDoNothing().returning()
  return row
}

export async function insertInvitations(db: Db, rows: (typeof surveyInvitations.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 1000)
    await db.insert(surveyInvitations).values(rows.slice(i, i + 1000))
}

/** A survey's batches with how many of each batch's links were used. */
export async function findBatches(db: Db, tenantId: string, surveyId: string) {
  return db
    .select({
      batch: surveyInvitationBatches,
      answered: sql<number>`(select count(*)::int from ${surveyInvitations} i
        where i.tenant_id = ${surveyInvitationBatches.tenantId} and i.batch_id = ${surveyInvitationBatches.id}
          and i.used_at is not null)`,
    })
    .from(surveyInvitationBatches)
    .where(
      and(eq(surveyInvitationBatches.tenantId, tenantId), eq(surveyInvitationBatches.surveyId, surveyId)),
    )
    .orderBy(asc(surveyInvitationBatches.createdAt))
}

/** Links made and links used for a survey: the response rate against its target lists. */
export async function countInvitations(db: Db, tenantId: string, surveyId: string) {
  const where = and(eq(surveyInvitations.tenantId, tenantId), eq(surveyInvitations.surveyId, surveyId))
  const [all] = await db.select({ n: count() }).from(surveyInvitations).where(where)
  const [used] = await db
    .select({ n: count() })
    .from(surveyInvitations)
    .where(and(where, isNotNull(surveyInvitations.usedAt)))
  return { invited: all?.n ?? 0, answered: used?.n ?? 0 }
}

export async function findUnusedByHash(db: Db, tenantId: string, tokenHash: string) {
  const [row] = await db
    .select({ id: surveyInvitations.id, surveyId: surveyInvitations.surveyId })
    .from(surveyInvitations)
    .where(
      and(
        eq(surveyInvitations.tenantId, tenantId),
        eq(surveyInvitations.tokenHash, tokenHash),
        isNull(surveyInvitations.usedAt),
      ),
    )
  return row
}

/**
 * Uses a link: one conditional UPDATE, so of concurrent answers through the same link exactly one
 * gets the row back. Its case is forgotten here unless the respondent agreed to be linked; then
 * the answer's number is kept beside it (the one way from an answer to a case).
 */
export async function claimInvitation(
  db: Db,
  tenantId: string,
  tokenHash: string,
  at: Date,
  agreedAnswer: string | null,
) {
  const [row] = await db
    .update(surveyInvitations)
    .set(agreedAnswer ? { usedAt: at, respondentNo: agreedAnswer } : { usedAt: at, caseId: null })
    .where(
      and(
        eq(surveyInvitations.tenantId, tenantId),
        eq(surveyInvitations.tokenHash, tokenHash),
        isNull(surveyInvitations.usedAt),
      ),
    )
    .returning({ surveyId: surveyInvitations.surveyId })
  return row
}
