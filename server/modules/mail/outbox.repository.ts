// The outbox's queries for the worker. A claim takes due rows in one statement (FOR UPDATE SKIP
// LOCKED) and moves their next attempt a lease ahead, so two workers — in one process or in two
// — never take the same row; no transaction stays open while the relay is talked to (the embedded
// store has one connection, which a hung relay would otherwise hold).
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { inquiryThreads, mailOutbox } from '#server/db/schema/index.ts'
import type { MailKind } from '#server/platform/mail-outbox.ts'

export interface ClaimedMail {
  tenantId: string
  id: string
  kind: MailKind
  toAddress: string
  threadId: string | null
  invitationId: string | null
  /** Including this one. */
  attempts: number
}

export async function claimDueMail(db: Db, now: Date, leaseEnd: Date, limit: number): Promise<ClaimedMail[]> {
  const due = db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.status, 'pending'), lte(mailOutbox.nextAttemptAt, now)))
    .orderBy(asc(mailOutbox.nextAttemptAt))
    .limit(limit)
    .for('update', { skipLocked: true })
  // The outer conditions again: a row another worker claimed meanwhile is re-checked on its new
  // version (PostgreSQL's READ COMMITTED) and left alone.
  const rows = await db
    .update(mailOutbox)
    .set({ attempts: sql`${mailOutbox.attempts} + 1`, nextAttemptAt: leaseEnd })
    .where(
      and(inArray(mailOutbox.id, due), eq(mailOutbox.status, 'pending'), lte(mailOutbox.nextAttemptAt, now)),
    )
    .returning({
      tenantId: mailOutbox.tenantId,
      id: mailOutbox.id,
      kind: mailOutbox.kind,
      toAddress: mailOutbox.toAddress,
      threadId: mailOutbox.threadId,
      invitationId: mailOutbox.invitationId,
      attempts: mailOutbox.attempts,
    })
  return rows as ClaimedMail[]
}

/** The languages of the threads the claimed notices belong to (a resident's notice is in theirs). */
export async function threadLangs(db: Db, mails: ClaimedMail[]): Promise<Map<string, string>> {
  const withThread = mails.filter((m) => m.threadId !== null)
  if (!withThread.length) return new Map()
  const rows = await db
    .select({ tenantId: inquiryThreads.tenantId, id: inquiryThreads.id, lang: inquiryThreads.lang })
    .from(inquiryThreads)
    .where(
      and(
        inArray(inquiryThreads.tenantId, [...new Set(withThread.map((m) => m.tenantId))]),
        inArray(inquiryThreads.id, [...new Set(withThread.map((m) => m.threadId!))]),
      ),
    )
  return new Map(rows.map((r) => [threadKey(r.tenantId, r.id), r.lang]))
}

export const threadKey = (tenantId: string, threadId: string) => `${tenantId}/${threadId}`

/** Matches only the claim it finishes: a row whose lease ran out and was claimed again is not ours. */
function claimOf(mail: ClaimedMail) {
  return and(
    eq(mailOutbox.tenantId, mail.tenantId),
    eq(mailOutbox.id, mail.id),
    eq(mailOutbox.attempts, mail.attempts),
    eq(mailOutbox.status, 'pending'),
  )
}

export async function markSent(db: Db, mail: ClaimedMail, at: Date): Promise<void> {
  await db.update(mailOutbox).set({ status: 'sent', sentAt: at, lastError: null }).where(claimOf(mail))
}

/** A failed attempt: due again at `retryAt`, or given up (`retryAt` null). */
export async function markAttemptFailed(
  db: Db,
  mail: ClaimedMail,
  error: string,
  retryAt: Date | null,
): Promise<void> {
  await db
    .update(mailOutbox)
    .set(retryAt ? { lastError: error, nextAttemptAt: retryAt } : { lastError: error, status: 'failed' })
    .where(claimOf(mail))
}
