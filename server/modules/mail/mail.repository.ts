// The staff's notice preferences and a thread's notices; every query names the city.
import { and, desc, eq } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { accountMailPreferences, inquiryThreads, mailOutbox } from '#server/db/schema/index.ts'

export async function findPreferences(db: Db, tenantId: string, accountId: string) {
  const [row] = await db
    .select()
    .from(accountMailPreferences)
    .where(
      and(eq(accountMailPreferences.tenantId, tenantId), eq(accountMailPreferences.accountId, accountId)),
    )
  return row ?? null
}

export async function savePreferences(
  db: Db,
  row: {
    tenantId: string
    accountId: string
    address: string
    newInquiries: boolean
    overdueInquiries: boolean
  },
): Promise<void> {
  const { tenantId, accountId, ...values } = row
  await db
    .insert(accountMailPreferences)
    .values(row)
    .onConflictDoUpdate({
      target: [accountMailPreferences.tenantId, accountMailPreferences.accountId],
      set: values,
    })
}

export async function removePreferences(db: Db, tenantId: string, accountId: string): Promise<void> {
  await db
    .delete(accountMailPreferences)
    .where(
      and(eq(accountMailPreferences.tenantId, tenantId), eq(accountMailPreferences.accountId, accountId)),
    )
}

export async function threadExists(db: Db, tenantId: string, threadId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: inquiryThreads.id })
    .from(inquiryThreads)
    .where(and(eq(inquiryThreads.tenantId, tenantId), eq(inquiryThreads.id, threadId)))
  return !!row
}

/** The thread's notices, newest first; the address is not selected: it never leaves the server. */
export function noticesOfThread(db: Db, tenantId: string, threadId: string) {
  return db
    .select({
      id: mailOutbox.id,
      kind: mailOutbox.kind,
      status: mailOutbox.status,
      attempts: mailOutbox.attempts,
      lastError: mailOutbox.lastError,
      createdAt: mailOutbox.createdAt,
      nextAttemptAt: mailOutbox.nextAttemptAt,
      sentAt: mailOutbox.sentAt,
    })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.tenantId, tenantId), eq(mailOutbox.threadId, threadId)))
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
}
