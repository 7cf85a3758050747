import { and, asc, desc, eq, isNull, lt, type SQL, sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { accounts, cases, inquiryMessages, inquiryThreads } from '#server/db/schema/index.ts'
import { INBOX_FILTERS, type InboxFilter } from '#shared/contracts/inquiries.ts'

const t = inquiryThreads

/** What each view of the inbox holds; `cutoff` is now minus the city's overdue hours. */
function filterCondition(filter: InboxFilter, accountId: string, cutoff: Date): SQL {
  const open = and(eq(t.status, 'open'), eq(t.spam, false))!
  switch (filter) {
    case 'new':
      return and(open, isNull(t.claimedBy))!
    case 'mine':
      return and(open, eq(t.claimedBy, accountId))!
    case 'urgent':
      return and(open, eq(t.urgent, true))!
    case 'overdue':
      return and(open, lt(t.awaitingSince, cutoff))!
    case 'open':
      return open
    case 'spam':
      return eq(t.spam, true)
    case 'closed':
      return and(eq(t.status, 'closed'), eq(t.spam, false))!
  }
}

/** Every view's count in one pass over the city's threads. */
export async function countThreads(
  db: Db,
  tenantId: string,
  accountId: string,
  cutoff: Date,
): Promise<Record<InboxFilter, number>> {
  const columns = Object.fromEntries(
    INBOX_FILTERS.map((f) => [
      f,
      sql<number>`(count(*) filter (where ${filterCondition(f, accountId, cutoff)}))::int`,
    ]),
  ) as Record<InboxFilter, SQL<number>>
  const [row] = await db.select(columns).from(t).where(eq(t.tenantId, tenantId))
  return row as Record<InboxFilter, number>
}

// Drizzle writes a column of the query's one table without its table name, which inside a
// subquery would mean the subquery's own column: these name the thread's columns in full.
const thread = (column: string) => sql.raw(`"inquiry_threads"."${column}"`)
const claimer = sql<string | null>`(select a.name from ${accounts} a
  where a.tenant_id = ${thread('tenant_id')} and a.id = ${thread('claimed_by')})`
const caseNo = sql<string | null>`(select c.case_no from ${cases} c
  where c.tenant_id = ${thread('tenant_id')} and c.id = ${thread('case_id')})`

const summaryColumns = {
  id: t.id,
  code: t.code,
  senderRole: t.senderRole,
  subjectAgeBand: t.subjectAgeBand,
  nickname: t.nickname,
  status: t.status,
  urgent: t.urgent,
  spam: t.spam,
  claimedBy: t.claimedBy,
  claimedByName: claimer,
  awaitingSince: t.awaitingSince,
  lastMessageAt: t.lastMessageAt,
  caseId: t.caseId,
  caseNo,
}

export async function findThreads(
  db: Db,
  tenantId: string,
  q: { filter: InboxFilter; accountId: string; cutoff: Date; page: number; pageSize: number },
) {
  return db
    .select({
      ...summaryColumns,
      messageCount: sql<number>`(select count(*)::int from ${inquiryMessages} m
        where m.tenant_id = ${thread('tenant_id')} and m.thread_id = ${thread('id')})`,
    })
    .from(t)
    .where(and(eq(t.tenantId, tenantId), filterCondition(q.filter, q.accountId, q.cutoff)))
    .orderBy(desc(t.lastMessageAt), asc(t.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
}

export type ThreadRow = typeof t.$inferSelect & { claimedByName: string | null; caseNo: string | null }

/** One thread of the city; `lock` holds it for the rest of the transaction (a change follows). */
export async function findThread(
  db: Db,
  tenantId: string,
  id: string,
  lock = false,
): Promise<ThreadRow | undefined> {
  const query = db
    .select({ thread: t, claimedByName: claimer, caseNo })
    .from(t)
    .where(and(eq(t.tenantId, tenantId), eq(t.id, id)))
  const [row] = lock ? await query.for('update', { of: t }) : await query
  return row && { ...row.thread, claimedByName: row.claimedByName, caseNo: row.caseNo }
}

export async function findMessages(db: Db, tenantId: string, threadId: string) {
  return db
    .select({
      id: inquiryMessages.id,
      author: inquiryMessages.author,
      staffId: inquiryMessages.staffId,
      staffName: accounts.name,
      body: inquiryMessages.body,
      minutes: inquiryMessages.minutes,
      urgent: inquiryMessages.urgent,
      contactId: inquiryMessages.contactId,
      createdAt: inquiryMessages.createdAt,
    })
    .from(inquiryMessages)
    .leftJoin(
      accounts,
      and(eq(accounts.tenantId, inquiryMessages.tenantId), eq(accounts.id, inquiryMessages.staffId)),
    )
    .where(and(eq(inquiryMessages.tenantId, tenantId), eq(inquiryMessages.threadId, threadId)))
    .orderBy(asc(inquiryMessages.createdAt), asc(inquiryMessages.id))
}
export type MessageRow = Awaited<ReturnType<typeof findMessages>>[number]

/**
 * Claims an unclaimed open thread in one statement: of two counsellors claiming at once, the
 * database lets exactly one update the row; the other's update finds it claimed and returns nothing.
 */
export async function claimIfFree(db: Db, tenantId: string, id: string, accountId: string, now: Date) {
  const rows = await db
    .update(t)
    .set({ claimedBy: accountId, claimedAt: now, version: sql`${t.version} + 1` })
    .where(
      and(
        eq(t.tenantId, tenantId),
        eq(t.id, id),
        isNull(t.claimedBy),
        eq(t.status, 'open'),
        eq(t.spam, false),
      ),
    )
    .returning({ id: t.id })
  return rows.length === 1
}

export async function updateThread(
  db: Db,
  tenantId: string,
  id: string,
  values: Partial<Omit<typeof t.$inferInsert, 'tenantId' | 'id' | 'version'>>,
): Promise<void> {
  await db
    .update(t)
    .set({ ...values, version: sql`${t.version} + 1` })
    .where(and(eq(t.tenantId, tenantId), eq(t.id, id)))
}

export async function insertMessage(
  db: Db,
  values: Omit<typeof inquiryMessages.$inferInsert, 'id'>,
): Promise<{ id: string }> {
  const [row] = await db.insert(inquiryMessages).values(values).returning({ id: inquiryMessages.id })
  return row!
}

/** The messages of a thread not yet counted as contacts, oldest first. */
export async function findUncountedMessages(db: Db, tenantId: string, threadId: string) {
  return db
    .select()
    .from(inquiryMessages)
    .where(
      and(
        eq(inquiryMessages.tenantId, tenantId),
        eq(inquiryMessages.threadId, threadId),
        isNull(inquiryMessages.contactId),
      ),
    )
    .orderBy(asc(inquiryMessages.createdAt), asc(inquiryMessages.id))
}

export async function setMessageContact(db: Db, tenantId: string, messageId: string, contactId: string) {
  await db
    .update(inquiryMessages)
    .set({ contactId })
    .where(and(eq(inquiryMessages.tenantId, tenantId), eq(inquiryMessages.id, messageId)))
}

export type ThreadSummaryRow = Awaited<ReturnType<typeof findThreads>>[number]
