// Retention of the web consultation (issue 11): a thread in which nobody has written for the
// city's idle-close days is closed, and a thread closed for longer than the city's retention days
// loses its text — the messages' bodies and the resident's nickname, notice address and phone —
// while the thread itself, its dates and flags stay for the statistics. Each change is audited
// with the thread's id and counts only.
//
// Safe to run twice at once (two server processes, or the command beside the server): every step
// claims its threads with `FOR UPDATE SKIP LOCKED` and a condition the step itself falsifies, so a
// thread is closed, cleared and audited exactly once; a second run finds nothing left to do.
import { and, eq, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { inquiryMessages, inquiryThreads, mailOutbox, tenants } from '#server/db/schema/index.ts'
import { ALL_CITIES, withTenant } from '#server/db/tenant-scope.ts'
import { writeAnonymousAudit } from '#server/platform/audit.ts'
import type { Clock } from '#server/platform/clock.ts'
import { readSetting } from '#server/platform/settings-store.ts'
import { INQUIRY_SETTING_DEFAULTS, INQUIRY_SETTING_KEYS } from '#shared/inquiry-settings.ts'

const DAY_MS = 86_400_000
/** Threads per transaction: keeps each lock short on a city with years of threads to clear. */
const BATCH = 200

export interface RetentionCounts {
  /** Threads closed because nobody had written for the idle-close days. */
  closed: number
  /** Threads whose text was removed after the retention days. */
  textRemoved: number
  /** Messages whose body was removed. */
  messagesCleared: number
}

export interface RetentionReport extends RetentionCounts {
  cities: number
}

/** Who the audit rows name: the server's own schedule, or the operator's command. */
export type RetentionRunner = 'system' | 'cli'

/** Runs retention for every city, as the operator's work (all cities' rows). */
export async function runInquiryRetention(
  db: Db,
  clock: Clock,
  runner: RetentionRunner = 'system',
): Promise<RetentionReport> {
  return withTenant(ALL_CITIES, async () => {
    const now = clock.now()
    const cities = await db.select({ id: tenants.id }).from(tenants).orderBy(tenants.id)
    const report: RetentionReport = { cities: cities.length, closed: 0, textRemoved: 0, messagesCleared: 0 }
    for (const city of cities) {
      const counts = await retainCity(db, city.id, now, runner)
      report.closed += counts.closed
      report.textRemoved += counts.textRemoved
      report.messagesCleared += counts.messagesCleared
    }
    return report
  })
}

/** One city: close its idle threads, then clear the text of those closed long enough. */
export async function retainCity(
  db: Db,
  tenantId: string,
  now: Date,
  runner: RetentionRunner,
): Promise<RetentionCounts> {
  const idleDays = await daysSetting(db, tenantId, 'idleCloseDays')
  const retentionDays = await daysSetting(db, tenantId, 'retentionDays')
  const who = { loginId: runner, accountId: null, clientAddress: runner }
  const counts: RetentionCounts = { closed: 0, textRemoved: 0, messagesCleared: 0 }

  const idleBefore = new Date(now.getTime() - idleDays * DAY_MS)
  for (;;) {
    const closed = await db.transaction(async (tx) => {
      const due = tx
        .select({ id: inquiryThreads.id })
        .from(inquiryThreads)
        .where(
          and(
            eq(inquiryThreads.tenantId, tenantId),
            eq(inquiryThreads.status, 'open'),
            lt(inquiryThreads.lastMessageAt, idleBefore),
          ),
        )
        .limit(BATCH)
        .for('update', { skipLocked: true })
      const rows = await tx
        .update(inquiryThreads)
        .set({ status: 'closed', closedAt: now, version: sql`${inquiryThreads.version} + 1` })
        .where(and(eq(inquiryThreads.tenantId, tenantId), inArray(inquiryThreads.id, due)))
        .returning({ id: inquiryThreads.id })
      for (const row of rows) {
        await writeAnonymousAudit(tx, tenantId, now, who, {
          action: 'inquiry.closed_idle',
          recordType: 'inquiry_thread',
          recordId: row.id,
          detail: { idleDays },
        })
      }
      return rows.length
    })
    counts.closed += closed
    if (closed < BATCH) break
  }

  const closedBefore = new Date(now.getTime() - retentionDays * DAY_MS)
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const due = tx
        .select({ id: inquiryThreads.id })
        .from(inquiryThreads)
        .where(
          and(
            eq(inquiryThreads.tenantId, tenantId),
            eq(inquiryThreads.status, 'closed'),
            lt(inquiryThreads.closedAt, closedBefore),
            isNull(inquiryThreads.textRemovedAt),
          ),
        )
        .limit(BATCH)
        .for('update', { skipLocked: true })
      const threads = await tx
        .update(inquiryThreads)
        .set({
          textRemovedAt: now,
          nickname: null,
          noticeAddress: null,
          phone: null,
          version: sql`${inquiryThreads.version} + 1`,
        })
        .where(and(eq(inquiryThreads.tenantId, tenantId), inArray(inquiryThreads.id, due)))
        .returning({ id: inquiryThreads.id })
      if (threads.length === 0) return { threads: 0, messages: 0 }
      const ids = threads.map((t) => t.id)
      const cleared = await tx
        .update(inquiryMessages)
        .set({ body: null })
        .where(
          and(
            eq(inquiryMessages.tenantId, tenantId),
            inArray(inquiryMessages.threadId, ids),
            isNotNull(inquiryMessages.body),
          ),
        )
        .returning({ threadId: inquiryMessages.threadId })
      // The outbox rows of such a thread hold a mail address and nothing the city still needs.
      const mails = await tx
        .delete(mailOutbox)
        .where(and(eq(mailOutbox.tenantId, tenantId), inArray(mailOutbox.threadId, ids)))
        .returning({ threadId: mailOutbox.threadId })
      for (const id of ids) {
        await writeAnonymousAudit(tx, tenantId, now, who, {
          action: 'inquiry.text_removed',
          recordType: 'inquiry_thread',
          recordId: id,
          detail: {
            messages: cleared.filter((m) => m.threadId === id).length,
            mails: mails.filter((m) => m.threadId === id).length,
            retentionDays,
          },
        })
      }
      return { threads: threads.length, messages: cleared.length }
    })
    counts.textRemoved += batch.threads
    counts.messagesCleared += batch.messages
    if (batch.threads < BATCH) break
  }
  return counts
}

/** A whole number of days from the city's settings; the default when unset or not a positive integer. */
async function daysSetting(
  db: Db,
  tenantId: string,
  name: 'idleCloseDays' | 'retentionDays',
): Promise<number> {
  const value = await readSetting(db, tenantId, INQUIRY_SETTING_KEYS[name])
  return typeof value === 'number' && Number.isInteger(value) && value > 0
    ? value
    : INQUIRY_SETTING_DEFAULTS[name]
}
